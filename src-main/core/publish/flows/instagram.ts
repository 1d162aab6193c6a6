import { PlatformError } from '../../platforms/platform-error';
import { publishDefaults } from '../defaults';
import type { FlowContext, FlowResult } from '../flow-context';
import type { FlowDeps } from '../flow-deps';
import { ruploadFile } from '../rupload';
import { hostKey, needsMediaHost, postFirstComment, removeHosted } from './shared';

interface ContainerStatus {
  status_code?: 'IN_PROGRESS' | 'FINISHED' | 'PUBLISHED' | 'ERROR' | 'EXPIRED';
  status?: string;
}

/** The Instagram account and the token its edges take (the user token; the Page token is for the Page). */
interface InstagramAccess {
  ig: string;
  token: string;
}

async function instagramAccess(ctx: FlowContext, deps: FlowDeps): Promise<InstagramAccess> {
  const access = await deps.credentials.metaAccess(ctx.brand.id, 'instagram');
  if (!access.instagramAccountId) {
    throw new PlatformError({
      platform: 'instagram',
      kind: 'permanent',
      message: `${ctx.brand.displayName} has no Instagram professional account linked to its Facebook Page.`,
      suggestedFix: 'Link an Instagram professional account to the Page, then reconnect the brand.',
    });
  }
  return { ig: access.instagramAccountId, token: access.userToken };
}

/**
 * After a crash during media_publish: was the container published? Its status says PUBLISHED
 * then, and the media it became is found among the account's newest media by caption and time.
 */
async function findPublished(
  ctx: FlowContext,
  deps: FlowDeps,
  access: InstagramAccess,
  containerId: string,
): Promise<string | null> {
  const status = await deps.graph.get<ContainerStatus>(
    'instagram',
    'media.status',
    containerId,
    access.token,
    {
      fields: 'status_code,status',
    },
  );
  if (status.status_code !== 'PUBLISHED') return null;
  const since = (ctx.intentAt?.getTime() ?? 0) - 5 * 60_000;
  const media = await deps.graph.get<{ data?: Array<{ id: string; caption?: string; timestamp?: string }> }>(
    'instagram',
    'media.list',
    `${access.ig}/media`,
    access.token,
    { fields: 'id,caption,timestamp', limit: 25 },
  );
  const match = media.data?.find(
    (m) => (m.caption ?? '').trim() === ctx.post.caption.trim() && Date.parse(m.timestamp ?? '') >= since,
  );
  return match?.id ?? null;
}

/**
 * Polls a container until Instagram has processed it. Not finished: look again shortly (the
 * publisher comes back; nothing blocks). An expired container is replaced by a new upload.
 */
async function awaitContainer(
  ctx: FlowContext,
  deps: FlowDeps,
  access: InstagramAccess,
  containerId: string,
  readyKey: string,
): Promise<FlowResult | 'ready' | 'expired'> {
  await ctx.enter('processing', 'processing');
  const status = await deps.graph.get<ContainerStatus>(
    'instagram',
    'media.status',
    containerId,
    access.token,
    {
      fields: 'status_code,status',
    },
  );
  switch (status.status_code) {
    case 'FINISHED':
    case 'PUBLISHED':
      await ctx.save({ [readyKey]: true, processingSince: undefined });
      return 'ready';
    case 'EXPIRED':
      return 'expired';
    case 'ERROR':
      // This container can never publish: a retry starts from a new upload.
      await ctx.restart(['hosted']);
      throw new PlatformError({
        platform: 'instagram',
        kind: 'permanent',
        message: `Instagram could not process the media: ${status.status ?? 'ERROR'}.`,
        code: status.status ?? 'ERROR',
        suggestedFix:
          'Instagram refused the file (format, length or size). Re-render the post, then retry; the status code says which rule it broke.',
      });
    default: {
      const since = Number(ctx.checkpoint.processingSince ?? ctx.now().getTime());
      if (ctx.checkpoint.processingSince === undefined) await ctx.save({ processingSince: since });
      if (ctx.now().getTime() - since > publishDefaults.processingTimeoutMs) {
        throw new PlatformError({
          platform: 'instagram',
          kind: 'transient',
          message: 'Instagram is still processing after 10 minutes.',
          suggestedFix: 'It will be tried again; if it keeps happening, retry later.',
        });
      }
      return {
        kind: 'later',
        until: new Date(ctx.now().getTime() + publishDefaults.pollIntervalMs),
        reason: 'Instagram is processing',
      };
    }
  }
}

/**
 * Instagram no longer has the container (it expired after 24 h, e.g. while the post waited for
 * the daily limit): a new upload is the only way on.
 */
function isGoneContainer(error: unknown): boolean {
  return error instanceof PlatformError && (error.code === '-2/2207020' || error.code === '24/2207008');
}

/** Publishes a finished container once: a publish whose answer was lost is looked up first. */
async function publishContainer(
  ctx: FlowContext,
  deps: FlowDeps,
  access: InstagramAccess,
  containerId: string,
): Promise<string> {
  if (typeof ctx.checkpoint.mediaId === 'string') return ctx.checkpoint.mediaId;
  if (ctx.pending('publish')) {
    const found = await findPublished(ctx, deps, access, containerId);
    if (found) {
      await ctx.save({ mediaId: found });
      return found;
    }
  }
  await ctx.enter('publish', 'processing');
  await ctx.intend('publish');
  const published = await deps.graph.post<{ id: string }>(
    'instagram',
    'media.publish',
    `${access.ig}/media_publish`,
    access.token,
    { creation_id: containerId },
  );
  await ctx.save({ mediaId: published.id });
  return published.id;
}

/**
 * From a made container to the published post: processing, media_publish, the first comment,
 * the hosted copies removed. Null when Instagram no longer has the container (expired while
 * processing, or gone at publish): the flow was restarted and must make a new one.
 */
async function finishContainer(
  ctx: FlowContext,
  deps: FlowDeps,
  access: InstagramAccess,
  containerId: string,
): Promise<FlowResult | null> {
  if (
    ctx.checkpoint.ready !== true &&
    typeof ctx.checkpoint.mediaId !== 'string' &&
    !ctx.pending('publish')
  ) {
    const state = await awaitContainer(ctx, deps, access, containerId, 'ready');
    if (state === 'expired') {
      await ctx.restart(['hosted']);
      return null;
    }
    if (state !== 'ready') return state;
  }
  let mediaId: string;
  try {
    mediaId = await publishContainer(ctx, deps, access, containerId);
  } catch (error) {
    if (!isGoneContainer(error)) throw error;
    await ctx.restart(['hosted']);
    return null;
  }
  await postFirstComment(ctx, deps, 'instagram', mediaId, access.token);
  await removeHosted(ctx, deps);
  return { kind: 'published', externalId: mediaId, permalink: null };
}

/**
 * A reel to Instagram from the local file: a resumable REELS container, the bytes to rupload in
 * acknowledged chunks, processing, then media_publish — each id saved before the next call. The
 * reel's cover is the rendered thumbnail when a media host can serve it, else the first frame.
 */
export async function publishInstagramReel(ctx: FlowContext, deps: FlowDeps): Promise<FlowResult> {
  const access = await instagramAccess(ctx, deps);
  const video = ctx.media.video;
  if (!video) throw new Error('The render has no video file; re-render it.');
  for (;;) {
    if (typeof ctx.checkpoint.containerId !== 'string') {
      await ctx.enter('container', 'uploading');
      let coverUrl: string | undefined;
      const host = ctx.media.thumbnail ? await deps.mediaHost() : null;
      if (host && ctx.media.thumbnail) {
        const key = hostKey(ctx, 'cover.jpg');
        coverUrl = await host.put(key, ctx.file(ctx.media.thumbnail), 'image/jpeg');
        await ctx.save({ hosted: [key] });
      }
      const created = await deps.graph.post<{ id: string; uri?: string }>(
        'instagram',
        'media.create',
        `${access.ig}/media`,
        access.token,
        {
          media_type: 'REELS',
          upload_type: 'resumable',
          caption: ctx.post.caption,
          share_to_feed: true,
          ...(coverUrl ? { cover_url: coverUrl } : { thumb_offset: 0 }),
        },
      );
      await ctx.save({
        containerId: created.id,
        uploadUrl: created.uri ?? (await deps.graph.defaultUploadUrl('ig-api-upload', created.id)),
        offset: 0,
      });
    }
    const containerId = ctx.checkpoint.containerId as string;
    if (ctx.checkpoint.uploaded !== true) {
      await ctx.enter('upload', 'uploading');
      await ruploadFile(ctx, deps.graph, {
        uploadUrl: ctx.checkpoint.uploadUrl as string,
        token: access.token,
        file: ctx.file(video),
        offsetKey: 'offset',
      });
      await ctx.save({ uploaded: true });
    }
    const finished = await finishContainer(ctx, deps, access, containerId);
    if (finished) return finished;
  }
}

/**
 * A carousel to Instagram: Instagram fetches each slide from a URL, so the slides go to the
 * media host first (no host: the post waits for the creator, who can export it instead); then a
 * child container per slide, the CAROUSEL parent, processing and one media_publish. The hosted
 * copies are deleted once the post is out.
 */
export async function publishInstagramCarousel(ctx: FlowContext, deps: FlowDeps): Promise<FlowResult> {
  const access = await instagramAccess(ctx, deps);
  const slides = ctx.media.slides;
  if (slides.length < 2) throw new Error('A carousel needs at least two slides; re-render it.');
  for (;;) {
    if (typeof ctx.checkpoint.containerId !== 'string') {
      const host = await deps.mediaHost();
      if (!host) return needsMediaHost();
      const children = (ctx.checkpoint.children as string[] | undefined) ?? [];
      const hosted = (ctx.checkpoint.hosted as string[] | undefined) ?? [];
      await ctx.enter('children', 'uploading');
      for (let i = children.length; i < slides.length; i++) {
        const key = hostKey(ctx, `slide-${String(i + 1).padStart(2, '0')}.jpg`);
        const url = await host.put(key, ctx.file(slides[i]!), 'image/jpeg');
        if (!hosted.includes(key)) hosted.push(key);
        await ctx.save({ hosted });
        const child = await deps.graph.post<{ id: string }>(
          'instagram',
          'media.create_child',
          `${access.ig}/media`,
          access.token,
          { image_url: url, is_carousel_item: true },
        );
        children.push(child.id);
        await ctx.save({ children });
        ctx.progress(((i + 1) / slides.length) * 80);
      }
      // Instagram wants every child processed before the parent is made.
      const readyChildren = (ctx.checkpoint.readyChildren as string[] | undefined) ?? [];
      for (const child of children) {
        if (readyChildren.includes(child)) continue;
        const state = await awaitContainer(ctx, deps, access, child, `child:${child}`);
        if (state === 'expired') {
          await ctx.restart(['hosted']);
          return { kind: 'later', until: ctx.now(), reason: 'A slide expired; uploading again' };
        }
        if (state !== 'ready') return state;
        readyChildren.push(child);
        await ctx.save({ readyChildren, [`child:${child}`]: undefined });
      }
      const parent = await deps.graph.post<{ id: string }>(
        'instagram',
        'media.create_carousel',
        `${access.ig}/media`,
        access.token,
        { media_type: 'CAROUSEL', children: children.join(','), caption: ctx.post.caption },
      );
      await ctx.save({ containerId: parent.id });
    }
    const containerId = ctx.checkpoint.containerId as string;
    const finished = await finishContainer(ctx, deps, access, containerId);
    if (finished) return finished;
  }
}
