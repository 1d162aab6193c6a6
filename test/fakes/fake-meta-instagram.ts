/**
 * Instagram content publishing (reference §1.2–1.7, maestro-behaviour §8.2–8.4): containers for
 * images, reels (by URL or resumable upload), carousel children and parents; the container state
 * machine IN_PROGRESS → FINISHED → PUBLISHED with scripted ERROR and EXPIRED after 24 h;
 * media_publish with the rolling-24-h limit; content_publishing_limit; the account's media list
 * (so a client can find what it published before a crash); and first comments.
 */
import { sniffMedia } from './fake-http';
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
  pageOf,
  parseFields,
  project,
  type ContainerRecord,
  type ContainerStatus,
  type FieldNode,
  type IgMediaRecord,
  type PageRecord,
  type TokenRecord,
  type UploadRecord,
} from './fake-meta-model';
import { foreignMediaNode, igAudiencePost, metricsNow } from './fake-meta-insights';

const DAY_MS = 24 * 3600_000;

export function routeInstagram(world: MetaWorld, method: string, segments: string[]): MetaRoute | undefined {
  const [id, edge, ...rest] = segments;
  if (id === undefined || rest.length > 0) return undefined;
  const get = method === 'GET';
  const post = method === 'POST';
  const route = (endpoint: string, handle: MetaRoute['handle']): MetaRoute => ({
    endpoint,
    instagram: true,
    handle,
  });
  const page = world.igUsers.get(id);
  if (page) {
    if (edge === undefined && get) {
      return route('ig.user.get', (call) => {
        authorize(call, page);
        return igUserNode(world, page, parseFields(call.params.fields) ?? [{ name: 'id' }]);
      });
    }
    if (edge === 'media' && post) return route('ig.media.create', (call) => createContainer(call, page));
    if (edge === 'media' && get) return route('ig.media.list', (call) => listMedia(call, page));
    if (edge === 'media_publish' && post) return route('ig.media_publish', (call) => publish(call, page));
    if (edge === 'content_publishing_limit' && get) {
      return route('ig.content_publishing_limit', (call) => publishingLimit(call, page));
    }
    return undefined;
  }
  const container = world.containers.get(id);
  if (container && edge === undefined && get)
    return route('ig.container.get', (call) => readContainer(call, container));
  const media = world.igMedia.get(id);
  if (media) {
    const owner = world.igUsers.get(media.igUserId)!;
    if (edge === undefined && get) {
      return route('ig.media.get', (call) => {
        authorize(call, owner);
        return mediaNode(world, media, parseFields(call.params.fields) ?? [{ name: 'id' }]);
      });
    }
    if (edge === 'comments' && post)
      return route('ig.comments.create', (call) => createComment(call, media, owner));
    if (edge === 'comments' && get)
      return route('ig.comments.list', (call) => listComments(call, media, owner));
  }
  return undefined;
}

/** The caller's token, if it manages the Page's Instagram account; refused (#200) otherwise. */
export function authorize(call: MetaCall, page: PageRecord): TokenRecord {
  const token = call.token();
  if (!call.world.canManagePage(token, page)) {
    throw call.world.fail('permissionDenied', {
      message: '(#200) The token does not manage this Instagram account',
    });
  }
  return token;
}

export function igUserNode(world: MetaWorld, page: PageRecord, fields: FieldNode[]): Record<string, unknown> {
  const ig = page.instagram!;
  return project('IGUser', fields, {
    id: () => ig.id,
    username: () => ig.username,
    name: () => page.name,
    biography: () => '',
    profile_picture_url: () => `https://scontent.example/${ig.id}.jpg`,
    followers_count: () =>
      Math.round(world.audience.account({ platform: 'instagram', id: ig.id }, world.now()).followers),
    follows_count: () => 10,
    media_count: () => [...world.igMedia.values()].filter((m) => m.igUserId === ig.id).length,
    business_discovery: (children, field) => businessDiscovery(world, children, field.modifiers?.username),
  });
}

/**
 * `fields=business_discovery.username(<name>){followers_count,media.limit(n){…}}` [U syntax,
 * reference §3.4]: a seeded account, or one of the fake's own Instagram accounts (then its
 * published media with the audience's counts). Anyone else is refused as Meta refuses a personal
 * or unknown account.
 */
function businessDiscovery(
  world: MetaWorld,
  children: FieldNode[] | undefined,
  username: string | undefined,
): Record<string, unknown> {
  if (!username) {
    throw world.fail('invalidParameter', {
      message: '(#100) business_discovery needs .username(<username>).',
    });
  }
  const wanted = username.toLowerCase().replace(/^@/, '');
  const fields = children ?? [{ name: 'id' }];
  const mediaList = (items: Array<Record<string, unknown>>, field: FieldNode) => {
    const limit = Number(field.modifiers?.limit ?? 25);
    return { data: items.slice(0, Number.isInteger(limit) && limit > 0 ? limit : 25) };
  };
  const seed = world.discovery.accounts.get(wanted);
  if (seed) {
    return project('IGUser', fields, {
      id: () => seed.id ?? `1784100${String(seed.username.length).padStart(10, '0')}`,
      username: () => seed.username,
      name: () => seed.name ?? seed.username,
      followers_count: () => seed.followersCount,
      media_count: () => seed.media.length,
      media: (sub, field) =>
        mediaList(
          seed.media.map((m) => foreignMediaNode(m, sub ?? [{ name: 'id' }])),
          field,
        ),
    });
  }
  const own = [...world.igUsers.values()].find((p) => p.instagram!.username.toLowerCase() === wanted);
  if (!own) {
    throw world.fail('businessDiscoveryNotFound', {
      message: `Cannot find User with the given username: ${username}`,
    });
  }
  const ig = own.instagram!;
  const media = [...world.igMedia.values()]
    .filter((m) => m.igUserId === ig.id && m.mediaProductType !== 'STORY')
    .reverse();
  return project('IGUser', fields, {
    id: () => ig.id,
    username: () => ig.username,
    name: () => own.name,
    followers_count: () =>
      Math.round(world.audience.account({ platform: 'instagram', id: ig.id }, world.now()).followers),
    media_count: () => media.length,
    media: (sub, field) =>
      mediaList(
        media.map((m) =>
          project(
            'IGMedia',
            sub ?? [{ name: 'id' }],
            Object.fromEntries(
              ['id', 'caption', 'like_count', 'comments_count', 'timestamp', 'media_type', 'permalink'].map(
                (name) => [name, () => mediaNode(world, m, [{ name }])[name]],
              ),
            ),
          ),
        ),
        field,
      ),
  });
}

// ---------------------------------------------------------------------------------------------
// Containers

async function createContainer(call: MetaCall, page: PageRecord): Promise<unknown> {
  const { world, params } = call;
  const token = authorize(call, page);
  world.requireScopes(token, 'instagram_basic', 'instagram_content_publish');
  const igUserId = page.instagram!.id;
  const now = world.now();
  const invalid = (message: string) => world.fail('invalidParameter', { message: `(#100) ${message}` });

  const recent = [...world.containers.values()].filter(
    (c) => c.igUserId === igUserId && now.getTime() - c.createdAt.getTime() < DAY_MS,
  ).length;
  if (recent >= world.options.containerLimitPer24h) throw world.fail('containerLimitReached');

  const isItem = isTrue(params.is_carousel_item);
  const mediaType = (params.media_type ?? (params.image_url !== undefined ? 'IMAGE' : '')).toUpperCase();
  if (params.upload_type !== undefined && params.upload_type !== 'resumable') {
    throw invalid('upload_type must be resumable');
  }
  const resumable = params.upload_type === 'resumable';
  checkCaption(call, params.caption);

  const record: Omit<ContainerRecord, 'id' | 'source'> = {
    igUserId,
    mediaType: mediaType as ContainerRecord['mediaType'],
    isCarouselItem: isItem,
    children: [],
    createdAt: now,
    processingStarted: false,
    pollsLeft: 0,
    params: { ...params },
  };
  if (params.caption !== undefined) record.caption = params.caption;
  if (params.share_to_feed !== undefined) record.shareToFeed = isTrue(params.share_to_feed);
  let source: ContainerRecord['source'];
  let fetchedVideo: { bytes: Buffer; url: string } | undefined;

  switch (mediaType) {
    case 'IMAGE': {
      if (params.video_url !== undefined || resumable)
        throw invalid('An image container takes image_url only');
      if (!params.image_url) throw invalid('The parameter image_url is required');
      await fetchJpeg(world, params.image_url);
      record.imageUrl = params.image_url;
      source = 'image_url';
      break;
    }
    case 'REELS':
    case 'VIDEO':
    case 'STORIES': {
      if (mediaType === 'REELS' && isItem) {
        throw world.fail('carouselInvalid', {
          message: '(#100) Reels cannot be carousel items; use media_type=VIDEO.',
        });
      }
      if (mediaType === 'VIDEO' && !isItem) {
        throw invalid(
          'media_type=VIDEO is only supported for carousel items; publish single videos as REELS',
        );
      }
      if (mediaType === 'STORIES' && isItem)
        throw world.fail('carouselInvalid', { message: '(#100) Stories cannot be carousel items.' });
      if (
        mediaType === 'STORIES' &&
        params.image_url !== undefined &&
        params.video_url === undefined &&
        !resumable
      ) {
        await fetchJpeg(world, params.image_url);
        record.imageUrl = params.image_url;
        source = 'image_url';
        break;
      }
      if ((params.video_url !== undefined) === resumable) {
        throw invalid('Give exactly one of video_url or upload_type=resumable');
      }
      if (params.thumb_offset !== undefined) {
        if (!/^-?\d+$/.test(params.thumb_offset))
          throw invalid('thumb_offset must be an integer number of milliseconds');
        record.thumbOffset = Number(params.thumb_offset);
        if (record.thumbOffset < 0) throw world.fail('thumbOffsetOutOfRange');
      }
      if (params.cover_url !== undefined) {
        if (mediaType !== 'REELS') throw invalid('cover_url is only supported for REELS');
        await fetchJpeg(world, params.cover_url);
        record.coverUrl = params.cover_url;
      }
      if (params.video_url !== undefined) {
        const { bytes } = await world.fetchMedia(params.video_url, 'video');
        if (
          isVideoBytes(bytes) &&
          record.thumbOffset !== undefined &&
          record.thumbOffset >= videoDuration(world, bytes)
        ) {
          throw world.fail('thumbOffsetOutOfRange');
        }
        record.videoUrl = params.video_url;
        fetchedVideo = { bytes, url: params.video_url };
        source = 'video_url';
      } else source = 'resumable';
      break;
    }
    case 'CAROUSEL': {
      if (isItem)
        throw world.fail('carouselInvalid', { message: '(#100) A carousel cannot be a carousel item.' });
      if (params.video_url !== undefined || params.image_url !== undefined || resumable) {
        throw invalid('A CAROUSEL container takes children, not media');
      }
      record.children = carouselChildren(call, igUserId);
      source = 'children';
      break;
    }
    default:
      throw invalid('media_type must be one of IMAGE, REELS, STORIES, CAROUSEL, or VIDEO for carousel items');
  }

  const container: ContainerRecord = { ...record, id: world.nextId(), source };
  if (source === 'resumable' || fetchedVideo) {
    const upload: UploadRecord = {
      target: 'ig',
      id: container.id,
      fileSize: fetchedVideo ? fetchedVideo.bytes.length : null,
      data: fetchedVideo?.bytes ?? Buffer.alloc(0),
      bytesReceived: fetchedVideo?.bytes.length ?? 0,
      requests: 0,
      complete: Boolean(fetchedVideo),
    };
    if (fetchedVideo) upload.fileUrl = fetchedVideo.url;
    container.upload = upload;
    world.uploads.push(upload);
  }
  world.containers.set(container.id, container);
  const script = world.nextContainerScripts.shift();
  if (script) world.containerScripts.set(container.id, script);
  if (source !== 'resumable') startContainerProcessing(world, container);
  if (source === 'resumable') {
    return {
      id: container.id,
      uri: `${world.baseUrl}/ig-api-upload/${call.version ?? world.newestVersion}/${container.id}`,
    };
  }
  return { id: container.id };
}

function checkCaption(call: MetaCall, caption: string | undefined): void {
  if (caption === undefined) return;
  const { world } = call;
  if ([...caption].length > world.options.captionMaxChars) {
    throw world.fail('invalidParameter', {
      message: `(#100) The caption is too long: at most ${world.options.captionMaxChars} characters.`,
    });
  }
  const hashtags = caption.match(/#[\p{L}\p{N}_]+/gu) ?? [];
  if (hashtags.length > world.options.captionMaxHashtags) {
    throw world.fail('invalidParameter', {
      message: `(#100) The caption has ${hashtags.length} hashtags: at most ${world.options.captionMaxHashtags} are allowed.`,
    });
  }
}

async function fetchJpeg(world: MetaWorld, url: string): Promise<void> {
  const { bytes } = await world.fetchMedia(url, 'image');
  if (bytes.length > world.options.imageMaxBytes) throw world.fail('imageTooLarge');
  if (sniffMedia(bytes) !== 'jpeg') throw world.fail('imageFormatUnsupported');
}

function carouselChildren(call: MetaCall, igUserId: string): string[] {
  const { world, params } = call;
  const bad = (message: string) => world.fail('carouselInvalid', { message: `(#100) ${message}` });
  const text = params.children ?? '';
  let ids: string[];
  if (text.trim().startsWith('[')) {
    try {
      ids = (JSON.parse(text) as unknown[]).map(String);
    } catch {
      throw bad('children must be a comma-separated list of container ids');
    }
  } else
    ids = text
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
  const { carouselMinChildren: min, carouselMaxChildren: max } = world.options;
  if (ids.length < min || ids.length > max)
    throw bad(`A carousel takes ${min} to ${max} children; got ${ids.length}.`);
  if (new Set(ids).size !== ids.length) throw bad('A child appears twice in children.');
  for (const id of ids) {
    const child = world.containers.get(id);
    if (!child || child.igUserId !== igUserId) throw bad(`Child ${id} is not a container of this account.`);
    if (child.mediaType === 'REELS')
      throw bad(`Child ${id} is a REELS container; reels cannot be carousel children.`);
    if (!child.isCarouselItem || (child.mediaType !== 'IMAGE' && child.mediaType !== 'VIDEO')) {
      throw bad(`Child ${id} was not created with is_carousel_item=true.`);
    }
    const status = containerStatus(world, child).code;
    if (status === 'ERROR' || status === 'EXPIRED' || status === 'PUBLISHED') {
      throw bad(`Child ${id} is ${status} and cannot be used.`);
    }
    if (status !== 'FINISHED' && world.options.carouselChildrenMustBeFinished) {
      throw world.fail('containerNotReady', { message: `Child ${id} is not FINISHED yet (${status}).` });
    }
  }
  return ids;
}

/**
 * Processing begins when the media is all there (at creation for URLs and carousels, when rupload
 * has every byte otherwise): the scripted polls, then FINISHED, or ERROR when scripted or when the
 * bytes are no video / thumb_offset is past the end.
 */
export function startContainerProcessing(
  world: MetaWorld,
  container: ContainerRecord,
  { restart = false }: { restart?: boolean } = {},
): void {
  if (container.processingStarted && !restart) return;
  const script = world.containerScripts.get(container.id);
  const kind = container.mediaType === 'CAROUSEL' ? 'carousel' : container.upload ? 'video' : 'image';
  container.processingStarted = true;
  container.pollsLeft = script?.inProgressPolls ?? world.options.processingPolls[kind];
  delete container.pendingError;
  if (script?.error) {
    container.pendingError = {
      subcode: script.error.subcode,
      message: script.error.message ?? 'Media processing failed.',
    };
    return;
  }
  if (kind !== 'video') return;
  const bytes = container.upload!.data;
  if (!isVideoBytes(bytes)) {
    container.pendingError = {
      subcode: 2207026,
      message: 'The video format is not supported (MOV or MP4 only).',
    };
    return;
  }
  container.durationMs = videoDuration(world, bytes);
  if (container.thumbOffset !== undefined && container.thumbOffset >= container.durationMs) {
    container.pendingError = {
      subcode: 2207057,
      message: `thumb_offset ${container.thumbOffset} is not less than the video duration ${container.durationMs} ms.`,
    };
  }
}

export function containerStatus(
  world: MetaWorld,
  c: ContainerRecord,
): { code: ContainerStatus; text: string } {
  if (c.publishedMediaId) return { code: 'PUBLISHED', text: 'Published: Media has been published.' };
  if (c.processingStarted && c.pollsLeft === 0 && c.pendingError) {
    const { message, subcode } = c.pendingError;
    return { code: 'ERROR', text: `Error: ${message} (error subcode ${subcode})` };
  }
  if (world.now().getTime() - c.createdAt.getTime() >= world.options.containerLifetimeMs) {
    return { code: 'EXPIRED', text: 'Expired: Media was not published within 24 hours.' };
  }
  if (!c.processingStarted)
    return { code: 'IN_PROGRESS', text: 'In Progress: Waiting for the upload to complete.' };
  if (c.pollsLeft > 0) return { code: 'IN_PROGRESS', text: 'In Progress: Media is still being processed.' };
  for (const childId of c.children) {
    const child = containerStatus(world, world.containers.get(childId)!);
    if (child.code === 'ERROR') return child;
    if (child.code !== 'FINISHED')
      return { code: 'IN_PROGRESS', text: `In Progress: child ${childId} is ${child.code}.` };
  }
  return { code: 'FINISHED', text: 'Finished: Media has been uploaded and it is ready to be published.' };
}

function readContainer(call: MetaCall, container: ContainerRecord): unknown {
  const { world } = call;
  authorize(call, world.igUsers.get(container.igUserId)!);
  const fields = parseFields(call.params.fields) ?? [{ name: 'id' }];
  const status = containerStatus(world, container);
  const answer = project('ShadowIGMediaBuilder', fields, {
    id: () => container.id,
    status_code: () => status.code,
    status: () => status.text,
    copyright_check_status: () => ({
      matches_found: false,
      status: status.code === 'FINISHED' || status.code === 'PUBLISHED' ? 'completed' : 'in_progress',
    }),
  });
  const polled = fields.some((f) => f.name === 'status_code' || f.name === 'status');
  if (polled && container.processingStarted && container.pollsLeft > 0 && status.code === 'IN_PROGRESS') {
    container.pollsLeft -= 1;
  }
  return answer;
}

// ---------------------------------------------------------------------------------------------
// Publishing

function publishedWithin(world: MetaWorld, igUserId: string, sinceMs: number): IgMediaRecord[] {
  return [...world.igMedia.values()].filter(
    (m) => m.igUserId === igUserId && m.timestamp.getTime() > sinceMs,
  );
}

function publish(call: MetaCall, page: PageRecord): unknown {
  const { world, params } = call;
  const token = authorize(call, page);
  world.requireScopes(token, 'instagram_basic', 'instagram_content_publish');
  const igUserId = page.instagram!.id;
  if (!params.creation_id)
    throw world.fail('invalidParameter', { message: '(#100) The parameter creation_id is required.' });
  const container = world.containers.get(params.creation_id);
  if (!container || container.igUserId !== igUserId) throw world.fail('containerNotFound');
  if (container.isCarouselItem) {
    throw world.fail('invalidParameter', {
      message: '(#100) A carousel item cannot be published on its own.',
    });
  }
  const status = containerStatus(world, container);
  if (status.code === 'PUBLISHED') throw world.fail('containerAlreadyPublished');
  if (status.code === 'EXPIRED') throw world.fail('containerExpired');
  if (status.code !== 'FINISHED') {
    throw world.fail('containerNotReady', {
      message: `${world.fail('containerNotReady').message} (status ${status.code})`,
    });
  }
  const now = world.now();
  if (publishedWithin(world, igUserId, now.getTime() - DAY_MS).length >= world.options.publishLimitPer24h) {
    throw world.fail('publishLimitReached');
  }
  const id = world.nextId();
  const product =
    container.mediaType === 'REELS' ? 'REELS' : container.mediaType === 'STORIES' ? 'STORY' : 'FEED';
  const media: IgMediaRecord = {
    id,
    igUserId,
    containerId: container.id,
    mediaType: container.mediaType === 'CAROUSEL' ? 'CAROUSEL_ALBUM' : container.upload ? 'VIDEO' : 'IMAGE',
    mediaProductType: product,
    children: container.children.map((childId) => {
      const child = world.containers.get(childId)!;
      child.publishedMediaId = id;
      return {
        id: world.nextId(),
        containerId: childId,
        mediaType: child.mediaType === 'VIDEO' ? ('VIDEO' as const) : ('IMAGE' as const),
        ...(child.imageUrl !== undefined ? { imageUrl: child.imageUrl } : {}),
        ...(child.videoUrl !== undefined ? { videoUrl: child.videoUrl } : {}),
      };
    }),
    timestamp: now,
    permalink: `https://www.instagram.com/${product === 'REELS' ? 'reel' : 'p'}/${Buffer.from(id).toString('base64url').slice(0, 11)}/`,
  };
  for (const key of ['caption', 'shareToFeed', 'coverUrl', 'thumbOffset', 'imageUrl', 'videoUrl'] as const) {
    if (container[key] !== undefined) (media as unknown as Record<string, unknown>)[key] = container[key];
  }
  if (container.upload && !container.upload.fileUrl) media.uploadedBytes = container.upload.data.length;
  container.publishedMediaId = id;
  world.igMedia.set(id, media);
  return { id };
}

function publishingLimit(call: MetaCall, page: PageRecord): unknown {
  const { world, params } = call;
  authorize(call, page);
  const nowMs = world.now().getTime();
  let sinceMs = nowMs - DAY_MS;
  if (params.since !== undefined) {
    const since = Number(params.since) * 1000;
    if (!/^\d+$/.test(params.since) || since < nowMs - DAY_MS) {
      throw world.fail('invalidParameter', {
        message: '(#100) since must be a Unix timestamp within the last 24 hours.',
      });
    }
    sinceMs = since;
  }
  const usage = publishedWithin(world, page.instagram!.id, sinceMs).length;
  const fields = parseFields(params.fields) ?? [{ name: 'quota_usage' }];
  return {
    data: [
      project('ContentPublishingLimit', fields, {
        quota_usage: () => usage,
        config: () => ({ quota_total: world.options.publishLimitPer24h, quota_duration: 86400 }),
      }),
    ],
  };
}

function mediaNode(world: MetaWorld, media: IgMediaRecord, fields: FieldNode[]): Record<string, unknown> {
  const page = world.igUsers.get(media.igUserId)!;
  return project('IGMedia', fields, {
    id: () => media.id,
    caption: () => media.caption,
    media_type: () => media.mediaType,
    media_product_type: () => media.mediaProductType,
    timestamp: () => graphTime(media.timestamp),
    permalink: () => media.permalink,
    shortcode: () => media.permalink.split('/').at(-2),
    username: () => page.instagram!.username,
    owner: () => ({ id: media.igUserId }),
    like_count: () => metricsNow(world, igAudiencePost(media))?.likes ?? 0,
    comments_count: () =>
      (metricsNow(world, igAudiencePost(media))?.comments ?? 0) +
      world.comments.filter((c) => c.objectId === media.id).length,
    is_shared_to_feed: () => (media.mediaProductType === 'REELS' ? (media.shareToFeed ?? true) : undefined),
    media_url: () => media.videoUrl ?? media.imageUrl ?? `https://scontent.example/${media.id}.mp4`,
    thumbnail_url: () =>
      media.mediaType === 'VIDEO'
        ? (media.coverUrl ?? `https://scontent.example/${media.id}.jpg`)
        : undefined,
    children: (sub) =>
      media.mediaType === 'CAROUSEL_ALBUM'
        ? {
            data: media.children.map((child) =>
              project('IGMedia', sub ?? [{ name: 'id' }], {
                id: () => child.id,
                media_type: () => child.mediaType,
                media_url: () => child.imageUrl ?? child.videoUrl,
              }),
            ),
          }
        : undefined,
  });
}

function listMedia(call: MetaCall, page: PageRecord): unknown {
  const { world } = call;
  authorize(call, page);
  const fields = parseFields(call.params.fields) ?? [{ name: 'id' }];
  const items = [...world.igMedia.values()]
    .filter((m) => m.igUserId === page.instagram!.id && m.mediaProductType !== 'STORY')
    .reverse() // insertion order is publish order; newest first
    .map((m) => mediaNode(world, m, fields));
  return pageOf(
    items,
    call.params,
    `${world.baseUrl}/${call.version ?? world.newestVersion}/${page.instagram!.id}/media`,
  );
}

// ---------------------------------------------------------------------------------------------
// Comments

function createComment(call: MetaCall, media: IgMediaRecord, owner: PageRecord): unknown {
  const { world, params } = call;
  const token = authorize(call, owner);
  world.requireScopes(token, 'instagram_basic', 'instagram_manage_comments');
  if (!params.message?.trim())
    throw world.fail('invalidParameter', { message: '(#100) The parameter message is required.' });
  const id = world.nextId();
  world.comments.push({
    id,
    objectId: media.id,
    platform: 'instagram',
    message: params.message,
    createdAt: world.now(),
  });
  return { id };
}

function listComments(call: MetaCall, media: IgMediaRecord, owner: PageRecord): unknown {
  const { world } = call;
  authorize(call, owner);
  const fields = parseFields(call.params.fields) ?? [{ name: 'id' }, { name: 'text' }, { name: 'timestamp' }];
  const items = world.comments
    .filter((c) => c.objectId === media.id)
    .map((c) =>
      project('IGComment', fields, {
        id: () => c.id,
        text: () => c.message,
        timestamp: () => graphTime(c.createdAt),
        username: () => owner.instagram!.username,
      }),
    );
  return pageOf(
    items,
    call.params,
    `${world.baseUrl}/${call.version ?? world.newestVersion}/${media.id}/comments`,
  );
}
