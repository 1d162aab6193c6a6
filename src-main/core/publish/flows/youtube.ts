import { open, readFile, stat } from 'node:fs/promises';
import { PlatformError } from '../../platforms/platform-error';
import { publishDefaults } from '../defaults';
import type { FlowContext, FlowResult } from '../flow-context';
import type { FlowDeps } from '../flow-deps';
import { writeYoutubeTitle } from '../youtube-title';

/** "bytes=0-524287" → the next byte to send (524288); no Range header → 0. */
export function nextByteFromRange(range: string | null): number {
  const match = /bytes=0-(\d+)/.exec(range ?? '');
  return match ? Number(match[1]) + 1 : 0;
}

/** The description YouTube gets: the caption's YouTube form, with #Shorts when the brand wants it. */
export function youtubeDescription(description: string, shortsTag: boolean): string {
  if (!shortsTag || /(^|\s)#shorts\b/i.test(description)) return description;
  return `${description.trimEnd()}\n\n#Shorts`;
}

interface VideoResource {
  id?: string;
}

/**
 * A Short to YouTube from the local file: the title (LLM-written once, else the fallback), a
 * resumable upload session whose URI is saved before any byte goes up, the bytes in chunks
 * resumed from the last byte YouTube acknowledged (asked with `Content-Range: bytes *\/size` after
 * any interruption — which also tells us the video id if the upload had in fact completed), then
 * the custom thumbnail and the first comment. A quota stop waits for midnight Pacific.
 */
export async function publishYoutubeShort(ctx: FlowContext, deps: FlowDeps): Promise<FlowResult> {
  const accessToken = await deps.credentials.youtubeAccessToken(ctx.brand.id);
  const video = ctx.media.video;
  if (!video) throw new Error('The render has no video file; re-render it.');
  const file = ctx.file(video);
  const size = (await stat(file)).size;

  if (ctx.checkpoint.titleChecked !== true && ctx.post.youtube_title_source === 'fallback') {
    await ctx.enter('title', 'uploading');
    const written = await writeYoutubeTitle(deps.llm, ctx.post);
    if (written) await ctx.setYoutubeTitle(written);
    await ctx.save({ titleChecked: true });
  }

  if (typeof ctx.checkpoint.videoId !== 'string') {
    if (typeof ctx.checkpoint.sessionUri !== 'string') {
      await ctx.enter('session', 'uploading');
      const profile = ctx.brand.publishing;
      const metadata = {
        snippet: {
          title: ctx.post.youtube_title ?? ctx.post.title.slice(0, 100),
          description: youtubeDescription(
            ctx.post.youtube_description ?? ctx.post.caption,
            profile.youtubeShortsTag,
          ),
          categoryId: '22',
        },
        status: { privacyStatus: profile.youtubePrivacy, selfDeclaredMadeForKids: false },
      };
      const session = await deps.youtube.request({
        operation: 'videos.insert.start',
        method: 'POST',
        url: `upload:/videos?uploadType=resumable&part=snippet,status&notifySubscribers=${profile.youtubeNotifySubscribers}`,
        accessToken,
        headers: {
          'content-type': 'application/json; charset=UTF-8',
          'x-upload-content-length': String(size),
          'x-upload-content-type': 'video/mp4',
        },
        body: JSON.stringify(metadata),
      });
      const location = session.headers.get('location');
      if (!location) {
        throw new PlatformError({
          platform: 'youtube',
          kind: 'transient',
          message: 'YouTube did not give an upload address.',
        });
      }
      // A new session holds nothing yet: no need to ask before the first bytes.
      await ctx.save({ sessionUri: location, offset: 0 });
    }
    await ctx.enter('upload', 'uploading');
    const uploaded = await uploadResumable(ctx, deps, accessToken, file, size);
    if (uploaded === 'session-gone') {
      await ctx.save({ sessionUri: undefined, offset: undefined });
      throw new PlatformError({
        platform: 'youtube',
        kind: 'transient',
        message: 'The YouTube upload session expired; a new one starts.',
      });
    }
    await ctx.save({ videoId: uploaded });
  }
  const videoId = ctx.checkpoint.videoId as string;

  const thumbnail = ctx.media.youtubeThumbnail;
  if (thumbnail && ctx.checkpoint.thumbnailDone !== true) {
    await ctx.enter('thumbnail', 'processing');
    const bytes = (await stat(ctx.file(thumbnail))).size;
    if (bytes > publishDefaults.youtubeThumbnailMaxBytes) {
      await ctx.save({ thumbnailDone: true, thumbnailError: 'The thumbnail is over 2 MB and was not sent.' });
    } else {
      try {
        await deps.youtube.request({
          operation: 'thumbnails.set',
          method: 'POST',
          url: `upload:/thumbnails/set?videoId=${encodeURIComponent(videoId)}&uploadType=media`,
          accessToken,
          headers: { 'content-type': 'image/jpeg' },
          body: new Uint8Array(await readFile(ctx.file(thumbnail))),
        });
        await ctx.save({ thumbnailDone: true });
      } catch (error) {
        // The Short is up: a refused thumbnail (e.g. an unverified channel) is reported, not retried.
        if (!(error instanceof PlatformError) || error.kind !== 'permanent') throw error;
        await ctx.save({ thumbnailDone: true, thumbnailError: error.message });
      }
    }
  }

  const comment = ctx.post.first_comment;
  if (comment && ctx.checkpoint.commentDone !== true) {
    // A comment whose answer was lost is not written again: at most one, never two.
    if (!ctx.pending('comment')) {
      await ctx.enter('comment', 'processing');
      await ctx.intend('comment');
      try {
        await deps.youtube.request({
          operation: 'commentThreads.insert',
          method: 'POST',
          url: '/commentThreads?part=snippet',
          accessToken,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            snippet: { videoId, topLevelComment: { snippet: { textOriginal: comment } } },
          }),
        });
      } catch (error) {
        if (!(error instanceof PlatformError) || (error.kind !== 'permanent' && error.kind !== 'auth'))
          throw error;
        await ctx.save({ commentDone: true, commentError: error.message });
      }
    }
    await ctx.save({ commentDone: true });
  }
  return { kind: 'published', externalId: videoId, permalink: `https://youtube.com/shorts/${videoId}` };
}

/** Sends what YouTube does not have yet; returns the video id, or 'session-gone' (404/410). */
async function uploadResumable(
  ctx: FlowContext,
  deps: FlowDeps,
  accessToken: string,
  file: string,
  size: number,
): Promise<string | 'session-gone'> {
  const sessionUri = ctx.checkpoint.sessionUri as string;
  const put = async (headers: Record<string, string>, body?: Uint8Array) => {
    try {
      return await deps.youtube.request({
        operation: body ? 'videos.insert.upload' : 'videos.insert.status',
        method: 'PUT',
        url: sessionUri,
        accessToken,
        headers,
        body: body as Uint8Array<ArrayBuffer> | undefined,
        accept: [308],
      });
    } catch (error) {
      if (error instanceof PlatformError && (error.status === 404 || error.status === 410))
        return 'session-gone' as const;
      throw error;
    }
  };
  const idOf = (json: unknown) => (json as VideoResource | undefined)?.id;
  // Where YouTube is: after any interruption, we may have sent more (or less) than we saved.
  let offset: number;
  if (typeof ctx.checkpoint.offset === 'number' && !ctx.pending('upload')) offset = ctx.checkpoint.offset;
  else {
    const status = await put({ 'content-length': '0', 'content-range': `bytes */${size}` });
    if (status === 'session-gone') return status;
    if (status.status !== 308) {
      const id = idOf(status.json);
      if (id) return id;
    }
    offset = nextByteFromRange(status.headers.get('range'));
  }
  const handle = await open(file, 'r');
  try {
    for (;;) {
      const length = Math.min(publishDefaults.uploadChunkBytes, size - offset);
      const bytes = new Uint8Array(length);
      await handle.read(bytes, 0, length, offset);
      await ctx.intend('upload');
      const answer = await put(
        {
          'content-type': 'video/mp4',
          'content-length': String(length),
          'content-range': `bytes ${offset}-${offset + length - 1}/${size}`,
        },
        bytes,
      );
      if (answer === 'session-gone') return answer;
      if (answer.status !== 308) {
        const id = idOf(answer.json);
        if (!id)
          throw new PlatformError({
            platform: 'youtube',
            kind: 'transient',
            message: 'YouTube did not say the video id.',
          });
        return id;
      }
      offset = nextByteFromRange(answer.headers.get('range'));
      await ctx.save({ offset });
      ctx.progress((offset / size) * 100);
      if (offset >= size) {
        // Everything acknowledged but no resource yet: ask once more.
        const status = await put({ 'content-length': '0', 'content-range': `bytes */${size}` });
        if (status === 'session-gone') return status;
        const id = status.status !== 308 ? idOf(status.json) : undefined;
        if (id) return id;
      }
    }
  } finally {
    await handle.close();
  }
}
