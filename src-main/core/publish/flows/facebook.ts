import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { PlatformError } from '../../platforms/platform-error';
import { publishDefaults } from '../defaults';
import type { FlowContext, FlowResult } from '../flow-context';
import type { FlowDeps, MetaAccess } from '../flow-deps';
import { ruploadFile } from '../rupload';
import { postFirstComment } from './shared';

interface VideoStatus {
  status?: {
    video_status?: string;
    processing_phase?: { status?: string; errors?: Array<{ code?: number; message?: string }> };
    publishing_phase?: { status?: string; publish_status?: string };
  };
}

async function pageAccess(ctx: FlowContext, deps: FlowDeps): Promise<MetaAccess & { page: string }> {
  const access = await deps.credentials.metaAccess(ctx.brand.id, 'facebook');
  if (!access.pageId) {
    throw new PlatformError({
      platform: 'facebook',
      kind: 'permanent',
      message: `${ctx.brand.displayName} has no Facebook Page connected.`,
      suggestedFix: 'Connect the brand’s Facebook Page in Brands → Connections.',
    });
  }
  return { ...access, page: access.pageId };
}

function later(ctx: FlowContext, reason: string): FlowResult {
  return { kind: 'later', until: new Date(ctx.now().getTime() + publishDefaults.pollIntervalMs), reason };
}

/**
 * A reel to the brand's Page from the local file: start (a video id and an upload URL), the
 * bytes to rupload in acknowledged chunks, finish with PUBLISHED and the Facebook caption, then
 * processing until Facebook says it is published. A finish whose answer was lost is checked on
 * the video before it is sent again (a second finish would be refused).
 */
export async function publishFacebookReel(ctx: FlowContext, deps: FlowDeps): Promise<FlowResult> {
  const access = await pageAccess(ctx, deps);
  const video = ctx.media.video;
  if (!video) throw new Error('The render has no video file; re-render it.');
  if (typeof ctx.checkpoint.videoId !== 'string') {
    await ctx.enter('start', 'uploading');
    const started = await deps.graph.post<{ video_id: string; upload_url?: string }>(
      'facebook',
      'reels.start',
      `${access.page}/video_reels`,
      access.pageToken,
      { upload_phase: 'start' },
    );
    await ctx.save({
      videoId: started.video_id,
      uploadUrl: started.upload_url ?? (await deps.graph.defaultUploadUrl('video-upload', started.video_id)),
      offset: 0,
    });
  }
  const videoId = ctx.checkpoint.videoId as string;
  if (ctx.checkpoint.uploaded !== true) {
    await ctx.enter('upload', 'uploading');
    await ruploadFile(ctx, deps.graph, {
      uploadUrl: ctx.checkpoint.uploadUrl as string,
      token: access.pageToken,
      file: ctx.file(video),
      offsetKey: 'offset',
    });
    await ctx.save({ uploaded: true });
  }
  if (ctx.checkpoint.finished !== true) {
    if (ctx.pending('finish')) {
      const status = await readStatus(deps, videoId, access.pageToken);
      if (
        status.status?.publishing_phase?.status &&
        status.status.publishing_phase.status !== 'not_started'
      ) {
        await ctx.save({ finished: true });
      }
    }
    if (ctx.checkpoint.finished !== true) {
      await ctx.enter('finish', 'processing');
      await ctx.intend('finish');
      await deps.graph.post('facebook', 'reels.finish', `${access.page}/video_reels`, access.pageToken, {
        upload_phase: 'finish',
        video_id: videoId,
        video_state: 'PUBLISHED',
        description: ctx.post.facebook_caption,
      });
      await ctx.save({ finished: true });
    }
  }
  if (ctx.checkpoint.live !== true) {
    await ctx.enter('processing', 'processing');
    const status = await readStatus(deps, videoId, access.pageToken);
    const processing = status.status?.processing_phase;
    if (processing?.status === 'error' || status.status?.publishing_phase?.status === 'error') {
      const first = processing?.errors?.[0];
      // This video can never publish: a retry starts from a new upload.
      await ctx.restart();
      throw new PlatformError({
        platform: 'facebook',
        kind: 'permanent',
        message: `Facebook could not process the reel: ${first?.message ?? 'processing error'}.`,
        code: first?.code !== undefined ? String(first.code) : 'processing_error',
        suggestedFix: 'Facebook refused the video (format, length 3–90 s, 9:16). Re-render it, then retry.',
      });
    }
    if (status.status?.publishing_phase?.publish_status !== 'published')
      return later(ctx, 'Facebook is processing');
    await ctx.save({ live: true });
  }
  await postFirstComment(ctx, deps, 'facebook', videoId, access.pageToken);
  return { kind: 'published', externalId: videoId, permalink: null };
}

function readStatus(deps: FlowDeps, videoId: string, token: string): Promise<VideoStatus> {
  return deps.graph.get<VideoStatus>('facebook', 'video.status', videoId, token, { fields: 'status' });
}

/**
 * A carousel to the brand's Page: each slide uploaded from the local file as an unpublished
 * photo (no media host needed), then one feed post with all of them attached. A feed post whose
 * answer was lost is found on the Page's feed by its text before it is posted again.
 */
export async function publishFacebookCarousel(ctx: FlowContext, deps: FlowDeps): Promise<FlowResult> {
  const access = await pageAccess(ctx, deps);
  const slides = ctx.media.slides;
  if (slides.length === 0) throw new Error('The carousel has no slides; re-render it.');
  const photos = (ctx.checkpoint.photos as string[] | undefined) ?? [];
  if (photos.length < slides.length) await ctx.enter('photos', 'uploading');
  for (let i = photos.length; i < slides.length; i++) {
    const form = new FormData();
    form.set('published', 'false');
    form.set('source', await openAsBlob(ctx.file(slides[i]!), { type: 'image/jpeg' }), basename(slides[i]!));
    const photo = await deps.graph.postForm<{ id: string }>(
      'facebook',
      'photos.create',
      `${access.page}/photos`,
      access.pageToken,
      form,
    );
    photos.push(photo.id);
    await ctx.save({ photos });
    ctx.progress(((i + 1) / slides.length) * 90);
  }
  if (typeof ctx.checkpoint.postId !== 'string' && ctx.pending('feed')) {
    const since = (ctx.intentAt?.getTime() ?? 0) - 5 * 60_000;
    const feed = await deps.graph.get<{
      data?: Array<{ id: string; message?: string; created_time?: string }>;
    }>('facebook', 'feed.list', `${access.page}/feed`, access.pageToken, {
      fields: 'id,message,created_time',
      limit: 25,
    });
    const found = feed.data?.find(
      (p) =>
        (p.message ?? '').trim() === ctx.post.facebook_caption.trim() &&
        Date.parse(p.created_time ?? '') >= since,
    );
    if (found) await ctx.save({ postId: found.id });
  }
  if (typeof ctx.checkpoint.postId !== 'string') {
    await ctx.enter('feed', 'processing');
    await ctx.intend('feed');
    const attached = Object.fromEntries(
      photos.map((id, i) => [`attached_media[${i}]`, JSON.stringify({ media_fbid: id })]),
    );
    const posted = await deps.graph.post<{ id: string }>(
      'facebook',
      'feed.create',
      `${access.page}/feed`,
      access.pageToken,
      {
        message: ctx.post.facebook_caption,
        ...attached,
      },
    );
    await ctx.save({ postId: posted.id });
  }
  const postId = ctx.checkpoint.postId as string;
  await postFirstComment(ctx, deps, 'facebook', postId, access.pageToken);
  return { kind: 'published', externalId: postId, permalink: null };
}
