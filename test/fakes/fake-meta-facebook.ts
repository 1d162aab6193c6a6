/**
 * Facebook Page publishing: reels (reference §4: start → rupload → finish, status polling, 30 per
 * Page per rolling 24 h), photos and multi-photo feed posts (maestro-behaviour §8.3–8.4), the Page
 * feed and reels lists for looking outcomes up, and comments. Page edges want the Page's own token.
 */
import { sniffMedia, type MultipartBody } from './fake-http';
import {
  isVideoBytes,
  videoDuration,
  type MetaCall,
  type MetaRoute,
  type MetaWorld,
} from './fake-meta-server';
import {
  graphTime,
  isTrue,
  MetaError,
  pageOf,
  parseFields,
  project,
  type FbPhotoRecord,
  type FbPostRecord,
  type FbVideoRecord,
  type FieldNode,
  type PageRecord,
  type TokenRecord,
} from './fake-meta-model';
import { fbPostAudiencePost, metricsNow } from './fake-meta-insights';

const DAY_MS = 24 * 3600_000;
const PUBLISH_SCOPES = ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts'];

export function routeFacebook(
  world: MetaWorld,
  method: string,
  segments: string[],
  params: Record<string, string>,
): MetaRoute | undefined {
  const [id, edge, ...rest] = segments;
  if (id === undefined || rest.length > 0) return undefined;
  const get = method === 'GET';
  const post = method === 'POST';
  const route = (endpoint: string, handle: MetaRoute['handle']): MetaRoute => ({
    endpoint,
    instagram: false,
    handle,
  });
  const page = world.pages.get(id);
  if (page) {
    if (edge === 'video_reels' && post) {
      const phase = params.upload_phase;
      if (phase === 'start') return route('fb.video_reels.start', (call) => startReel(call, page));
      if (phase === 'finish') return route('fb.video_reels.finish', (call) => finishReel(call, page));
      return route('fb.video_reels', (call) => {
        throw call.world.fail('invalidParameter', { message: '(#100) upload_phase must be start or finish' });
      });
    }
    if (edge === 'video_reels' && get) return route('fb.video_reels.list', (call) => listReels(call, page));
    if (edge === 'photos' && post) return route('fb.photos.create', (call) => createPhoto(call, page));
    if (edge === 'feed' && post) return route('fb.feed.create', (call) => createFeedPost(call, page));
    if ((edge === 'feed' || edge === 'published_posts') && get)
      return route('fb.feed.list', (call) => listFeed(call, page));
    return undefined;
  }
  const video = world.videos.get(id);
  const postRecord = world.posts.get(id);
  const photo = world.photos.get(id);
  const object = video ?? postRecord ?? photo;
  if (!object) return undefined;
  const owner = world.pages.get(object.pageId)!;
  if (edge === undefined && get) {
    if (video) return route('fb.video.get', (call) => readVideo(call, video, owner));
    if (postRecord)
      return route('fb.post.get', (call) =>
        postNode(call, postRecord, owner, parseFields(call.params.fields)),
      );
    return route('fb.photo.get', (call) => readPhoto(call, photo!, owner));
  }
  if (edge === 'comments' && post)
    return route('fb.comments.create', (call) => createComment(call, id, owner));
  if (edge === 'comments' && get) return route('fb.comments.list', (call) => listComments(call, id, owner));
  return undefined;
}

/** Page edges that publish: the Page's own token (a manager's user token is refused with 210). */
function requirePageToken(call: MetaCall, page: PageRecord, scopes: string[]): TokenRecord {
  const { world } = call;
  const token = call.token();
  if (token.kind === 'user') {
    throw world.canManagePage(token, page) ? world.fail('pageTokenRequired') : world.fail('permissionDenied');
  }
  if (token.pageId !== page.id)
    throw world.fail('permissionDenied', { message: '(#200) The Page token is for another Page' });
  world.requireScopes(token, ...scopes);
  return token;
}

/** Reading the Page's things: its token or a manager's user token. */
function requireReader(call: MetaCall, page: PageRecord): TokenRecord {
  const token = call.token();
  if (!call.world.canManagePage(token, page)) throw call.world.fail('permissionDenied');
  return token;
}

// ---------------------------------------------------------------------------------------------
// Reels

function reelsWithin24h(world: MetaWorld, pageId: string): number {
  const since = world.now().getTime() - DAY_MS;
  return [...world.videos.values()].filter(
    (v) =>
      v.pageId === pageId &&
      (v.videoState === 'PUBLISHED' || v.videoState === 'SCHEDULED') &&
      v.finishedAt!.getTime() > since,
  ).length;
}

function checkReelLimit(world: MetaWorld, page: PageRecord): void {
  if (reelsWithin24h(world, page.id) >= world.options.reelsPerPagePer24h)
    throw world.fail('reelLimitReached');
}

function startReel(call: MetaCall, page: PageRecord): unknown {
  const { world } = call;
  requirePageToken(call, page, PUBLISH_SCOPES);
  checkReelLimit(world, page);
  const id = world.nextId();
  const video: FbVideoRecord = {
    id,
    pageId: page.id,
    createdAt: world.now(),
    upload: {
      target: 'fb',
      id,
      fileSize: null,
      data: Buffer.alloc(0),
      bytesReceived: 0,
      requests: 0,
      complete: false,
    },
    processingStarted: false,
    pollsLeft: 0,
    params: { ...call.params },
  };
  world.videos.set(id, video);
  world.uploads.push(video.upload);
  const script = world.nextVideoScripts.shift();
  if (script) world.videoScripts.set(id, script);
  return {
    video_id: id,
    upload_url: `${world.baseUrl}/video-upload/${call.version ?? world.newestVersion}/${id}`,
  };
}

export function startVideoProcessing(
  world: MetaWorld,
  video: FbVideoRecord,
  { restart = false }: { restart?: boolean } = {},
): void {
  if (video.processingStarted && !restart) return;
  const script = world.videoScripts.get(video.id);
  video.processingStarted = true;
  video.pollsLeft = script?.inProgressPolls ?? world.options.processingPolls.facebookReel;
  delete video.pendingError;
  if (script?.error) {
    video.pendingError = {
      subcode: script.error.subcode,
      message: script.error.message ?? 'Video processing failed.',
    };
  } else if (!isVideoBytes(video.upload.data)) {
    video.pendingError = { subcode: 1363008, message: 'The video file is not a supported format.' };
  }
}

function finishReel(call: MetaCall, page: PageRecord): unknown {
  const { world, params } = call;
  requirePageToken(call, page, PUBLISH_SCOPES);
  const invalid = (message: string) => world.fail('invalidParameter', { message: `(#100) ${message}` });
  if (!params.video_id) throw invalid('The parameter video_id is required.');
  const video = world.videos.get(params.video_id);
  if (!video || video.pageId !== page.id)
    throw invalid(`video_id ${params.video_id} is not a reel started on this Page.`);
  if (video.videoState) throw world.fail('videoAlreadyFinished');
  if (!video.upload.complete) throw world.fail('videoNotUploaded');
  const state = params.video_state?.toUpperCase();
  if (state !== 'PUBLISHED' && state !== 'DRAFT' && state !== 'SCHEDULED') {
    throw invalid('video_state must be PUBLISHED, DRAFT or SCHEDULED.');
  }
  const nowS = Math.floor(world.now().getTime() / 1000);
  if (state === 'SCHEDULED') {
    const at = Number(params.scheduled_publish_time);
    if (!/^\d+$/.test(params.scheduled_publish_time ?? '') || at < nowS + 600 || at > nowS + 30 * 86400) {
      throw invalid('scheduled_publish_time must be a Unix time between 10 minutes and 30 days from now.');
    }
    video.scheduledPublishTime = at;
  } else if (params.scheduled_publish_time !== undefined) {
    throw invalid('scheduled_publish_time needs video_state=SCHEDULED.');
  }
  if (state !== 'DRAFT') checkReelLimit(world, page);
  video.videoState = state;
  video.finishedAt = world.now();
  if (params.description !== undefined) video.description = params.description;
  if (params.title !== undefined) video.title = params.title;
  return { success: true };
}

function videoStatus(video: FbVideoRecord): Record<string, unknown> {
  const upload = video.upload;
  const uploading = {
    status: upload.complete ? 'complete' : upload.data.length > 0 ? 'in_progress' : 'not_started',
    bytes_transferred: upload.data.length,
  };
  const processed = video.processingStarted && video.pollsLeft === 0;
  const processing = !video.processingStarted
    ? { status: 'not_started' }
    : !processed
      ? { status: 'in_progress' }
      : video.pendingError
        ? {
            status: 'error',
            errors: [{ code: video.pendingError.subcode, message: video.pendingError.message }],
          }
        : { status: 'complete' };
  let publishing: Record<string, unknown>;
  if (!video.videoState) publishing = { status: 'not_started', publish_status: 'not_published' };
  else if (processing.status === 'error') publishing = { status: 'error', publish_status: 'not_published' };
  else if (!processed) publishing = { status: 'in_progress', publish_status: 'not_published' };
  else if (video.videoState === 'PUBLISHED') {
    publishing = {
      status: 'complete',
      publish_status: 'published',
      publish_time: Math.floor(video.finishedAt!.getTime() / 1000),
    };
  } else if (video.videoState === 'SCHEDULED') {
    publishing = {
      status: 'complete',
      publish_status: 'scheduled',
      publish_time: video.scheduledPublishTime,
    };
  } else publishing = { status: 'complete', publish_status: 'draft' };
  const videoState =
    processing.status === 'error'
      ? 'error'
      : !upload.complete
        ? 'uploading'
        : !processed
          ? 'processing'
          : 'ready';
  return {
    video_status: videoState,
    uploading_phase: uploading,
    processing_phase: processing,
    publishing_phase: publishing,
  };
}

function videoNode(world: MetaWorld, video: FbVideoRecord, fields: FieldNode[]): Record<string, unknown> {
  const processedOk = video.processingStarted && video.pollsLeft === 0 && !video.pendingError;
  return project('Video', fields, {
    id: () => video.id,
    status: () => videoStatus(video),
    description: () => video.description,
    title: () => video.title,
    created_time: () => graphTime(video.createdAt),
    updated_time: () => graphTime(video.finishedAt ?? video.createdAt),
    permalink_url: () => `/reel/${video.id}/`,
    published: () => video.videoState === 'PUBLISHED' && processedOk,
    scheduled_publish_time: () => video.scheduledPublishTime,
    length: () => (processedOk ? videoDuration(world, video.upload.data) / 1000 : undefined),
  });
}

function readVideo(call: MetaCall, video: FbVideoRecord, owner: PageRecord): unknown {
  requireReader(call, owner);
  const fields = parseFields(call.params.fields) ?? [{ name: 'id' }];
  const answer = videoNode(call.world, video, fields);
  if (fields.some((f) => f.name === 'status') && video.processingStarted && video.pollsLeft > 0)
    video.pollsLeft -= 1;
  return answer;
}

function listReels(call: MetaCall, page: PageRecord): unknown {
  const { world } = call;
  requireReader(call, page);
  const fields = parseFields(call.params.fields) ?? [
    { name: 'id' },
    { name: 'description' },
    { name: 'updated_time' },
  ];
  const items = [...world.videos.values()]
    .filter((v) => v.pageId === page.id && v.videoState)
    .sort((a, b) => b.finishedAt!.getTime() - a.finishedAt!.getTime())
    .map((v) => videoNode(world, v, fields));
  return pageOf(
    items,
    call.params,
    `${world.baseUrl}/${call.version ?? world.newestVersion}/${page.id}/video_reels`,
  );
}

// ---------------------------------------------------------------------------------------------
// Photos and feed posts

async function createPhoto(call: MetaCall, page: PageRecord): Promise<unknown> {
  const { world, params, request } = call;
  requirePageToken(call, page, PUBLISH_SCOPES);
  const multipart = request.body as MultipartBody | undefined;
  const file = multipart?.files?.find((f) => f.name === 'source');
  if (file && params.url !== undefined)
    throw world.fail('invalidParameter', { message: '(#100) Give url or source, not both.' });
  let bytes: Buffer;
  if (file) bytes = file.data;
  else if (params.url !== undefined) {
    try {
      bytes = (await world.fetchMedia(params.url, 'photo')).bytes;
    } catch (error) {
      if (!(error instanceof MetaError)) throw error;
      throw world.fail('photoInvalid', {
        message: `${world.fail('photoInvalid').message}: ${error.message}`,
      });
    }
  } else throw world.fail('photoInvalid');
  if (bytes.length > world.options.facebookPhotoMaxBytes) {
    throw world.fail('photoInvalid', {
      message: `(#324) The photo is larger than ${world.options.facebookPhotoMaxBytes} bytes.`,
    });
  }
  const format = sniffMedia(bytes);
  if (!(world.options.facebookPhotoFormats as string[]).includes(format)) {
    throw world.fail('photoInvalid', { message: `(#324) Missing or invalid image file (${format})` });
  }
  const published = params.published === undefined ? true : isTrue(params.published);
  const photo: FbPhotoRecord = {
    id: world.nextId(),
    pageId: page.id,
    published,
    bytes: bytes.length,
    createdAt: world.now(),
  };
  if (params.url !== undefined) photo.url = params.url;
  const message = params.message ?? params.caption;
  if (message !== undefined) photo.message = message;
  world.photos.set(photo.id, photo);
  if (!published) return { id: photo.id };
  const post: FbPostRecord = {
    id: `${page.id}_${photo.id}`,
    pageId: page.id,
    kind: 'photo',
    attachedPhotoIds: [photo.id],
    createdAt: world.now(),
  };
  if (message !== undefined) post.message = message;
  photo.attachedToPostId = post.id;
  world.posts.set(post.id, post);
  return { id: photo.id, post_id: post.id };
}

/** attached_media[0]={"media_fbid":"1"}, …, or attached_media=[{"media_fbid":"1"},…]. */
function attachedMedia(call: MetaCall): string[] {
  const { world, params } = call;
  const bad = () =>
    world.fail('invalidParameter', {
      message: '(#100) attached_media entries must look like {"media_fbid":"<photo id>"}',
    });
  const entries: Array<[number, unknown]> = [];
  for (const [name, value] of Object.entries(params)) {
    const index = /^attached_media\[(\d+)\]$/.exec(name)?.[1];
    if (index === undefined && name !== 'attached_media') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw bad();
    }
    if (index !== undefined) entries.push([Number(index), parsed]);
    else if (Array.isArray(parsed)) parsed.forEach((entry, i) => entries.push([i, entry]));
    else throw bad();
  }
  return entries
    .sort((a, b) => a[0] - b[0])
    .map(([, entry]) => {
      const id = (entry as { media_fbid?: unknown } | null)?.media_fbid;
      if (typeof id !== 'string' && typeof id !== 'number') throw bad();
      return String(id);
    });
}

function createFeedPost(call: MetaCall, page: PageRecord): unknown {
  const { world, params } = call;
  requirePageToken(call, page, PUBLISH_SCOPES);
  const photoIds = attachedMedia(call);
  const refuse = (id: string, why: string) =>
    world.fail('photoNotAttachable', {
      message: `${world.fail('photoNotAttachable').message} Photo ${id} ${why}.`,
    });
  const seen = new Set<string>();
  for (const id of photoIds) {
    const photo = world.photos.get(id);
    if (!photo || photo.pageId !== page.id) throw refuse(id, 'is not a photo of this Page');
    if (photo.published) throw refuse(id, 'is already published');
    if (photo.attachedToPostId) throw refuse(id, `is already attached to post ${photo.attachedToPostId}`);
    if (seen.has(id)) throw refuse(id, 'is attached twice');
    seen.add(id);
  }
  if (!params.message && photoIds.length === 0 && !params.link) {
    throw world.fail('invalidParameter', {
      message: '(#100) A post needs a message, a link or attached_media.',
    });
  }
  const post: FbPostRecord = {
    id: `${page.id}_${world.nextId()}`,
    pageId: page.id,
    kind: 'feed',
    attachedPhotoIds: photoIds,
    createdAt: world.now(),
  };
  if (params.message !== undefined) post.message = params.message;
  for (const id of photoIds) world.photos.get(id)!.attachedToPostId = post.id;
  world.posts.set(post.id, post);
  return { id: post.id };
}

function postNode(
  call: MetaCall,
  post: FbPostRecord,
  owner: PageRecord,
  fields: FieldNode[] | undefined,
): unknown {
  requireReader(call, owner);
  const counts = () => {
    const metrics = metricsNow(call.world, fbPostAudiencePost(post));
    const recorded = call.world.comments.filter((c) => c.objectId === post.id).length;
    return {
      likes: metrics?.likes ?? 0,
      comments: (metrics?.comments ?? 0) + recorded,
      shares: metrics?.shares ?? 0,
    };
  };
  return project('Post', fields ?? [{ name: 'created_time' }, { name: 'message' }, { name: 'id' }], {
    id: () => post.id,
    message: () => post.message,
    created_time: () => graphTime(post.createdAt),
    updated_time: () => graphTime(post.createdAt),
    permalink_url: () => `https://www.facebook.com/${post.id.replace('_', '/posts/')}`,
    // likes.summary(true) / comments.summary(true) / shares [U shapes; shares absent at 0].
    likes: () => ({ data: [], summary: { total_count: counts().likes } }),
    reactions: () => ({ data: [], summary: { total_count: counts().likes } }),
    comments: () => ({
      data: [],
      summary: { total_count: counts().comments, order: 'ranked', can_comment: true },
    }),
    shares: () => (counts().shares > 0 ? { count: counts().shares } : undefined),
    attachments: () => ({
      data: [
        post.attachedPhotoIds.length === 1
          ? { type: 'photo', target: { id: post.attachedPhotoIds[0] } }
          : {
              type: 'album',
              subattachments: {
                data: post.attachedPhotoIds.map((id) => ({ type: 'photo', target: { id } })),
              },
            },
      ],
    }),
  });
}

function listFeed(call: MetaCall, page: PageRecord): unknown {
  const { world } = call;
  requireReader(call, page);
  const fields = parseFields(call.params.fields);
  const items = [...world.posts.values()]
    .filter((p) => p.pageId === page.id)
    .reverse()
    .map((p) => postNode(call, p, page, fields) as Record<string, unknown>);
  return pageOf(
    items,
    call.params,
    `${world.baseUrl}/${call.version ?? world.newestVersion}/${page.id}/feed`,
  );
}

function readPhoto(call: MetaCall, photo: FbPhotoRecord, owner: PageRecord): unknown {
  requireReader(call, owner);
  return project('Photo', parseFields(call.params.fields) ?? [{ name: 'id' }], {
    id: () => photo.id,
    name: () => photo.message,
    created_time: () => graphTime(photo.createdAt),
    link: () => `https://www.facebook.com/photo/?fbid=${photo.id}`,
  });
}

// ---------------------------------------------------------------------------------------------
// Comments

function createComment(call: MetaCall, objectId: string, owner: PageRecord): unknown {
  const { world, params } = call;
  requirePageToken(call, owner, ['pages_read_engagement', 'pages_manage_engagement']);
  const video = world.videos.get(objectId);
  const photo = world.photos.get(objectId);
  if ((video && video.videoState !== 'PUBLISHED') || (photo && !photo.published && !photo.attachedToPostId)) {
    throw world.fail('invalidParameter', {
      message: '(#100) Comments are only possible on published objects.',
    });
  }
  if (!params.message?.trim())
    throw world.fail('invalidParameter', { message: '(#100) The parameter message is required.' });
  const id = `${objectId.split('_').pop()}_${world.nextId()}`;
  world.comments.push({
    id,
    objectId,
    platform: 'facebook',
    message: params.message,
    createdAt: world.now(),
  });
  return { id };
}

function listComments(call: MetaCall, objectId: string, owner: PageRecord): unknown {
  const { world } = call;
  requireReader(call, owner);
  const fields = parseFields(call.params.fields) ?? [
    { name: 'created_time' },
    { name: 'message' },
    { name: 'id' },
  ];
  const items = world.comments
    .filter((c) => c.objectId === objectId)
    .map((c) =>
      project('Comment', fields, {
        id: () => c.id,
        message: () => c.message,
        created_time: () => graphTime(c.createdAt),
        from: () => ({ id: owner.id, name: owner.name }),
      }),
    );
  return pageOf(
    items,
    call.params,
    `${world.baseUrl}/${call.version ?? world.newestVersion}/${objectId}/comments`,
  );
}
