/**
 * YouTube Data API v3 as the app uses it (reference §5.1–5.6): Bearer auth with scopes, the quota
 * ledger per Pacific-Time day, channels.list, the resumable videos.insert (session start, chunked
 * PUTs answered 308 + Range, status queries, 201 with the video), thumbnails.set, videos.list,
 * playlistItems.list over the uploads playlist, and commentThreads.insert.
 */
import { json, mp4DurationMs, sniffMedia, type FakeAnswer, type RecordedRequest } from './fake-http';
import type { GoogleWorld } from './fake-google-server';
import {
  GoogleError,
  googleErrorAnswer,
  pacificDay,
  YOUTUBE_SCOPES,
  type AccessTokenRecord,
  type ChannelRecord,
  type GoogleErrorSpec,
  type UploadSessionRecord,
  type VideoMetadata,
  type VideoRecord,
} from './fake-google-model';
import { wholeMetrics, type AudiencePost } from './fake-audience';

interface YouTubeCall {
  world: GoogleWorld;
  request: RecordedRequest;
  /** Null on the upload session, whose URI is the credential. */
  token: AccessTokenRecord | null;
}

export interface YouTubeRoute {
  endpoint: string;
  /** Any one of these is enough; null: no Bearer token wanted. */
  scopes: string[] | null;
  /** Charged when the call succeeds (a refused call costs invalidRequestCost); null: free. */
  cost: ((world: GoogleWorld) => { units: number; inserts: number }) | null;
  handle: (call: YouTubeCall) => FakeAnswer | Promise<FakeAnswer>;
}

const { upload, youtube, forceSsl, readonly, partner } = YOUTUBE_SCOPES;
const READ_SCOPES = [readonly, youtube, forceSsl, partner];
const UPLOAD_SCOPES = [upload, youtube, forceSsl, partner];
/** Categories a US channel can assign [U: the videoCategories list for regionCode=US]. */
const CATEGORIES = new Set([
  '1',
  '2',
  '10',
  '15',
  '17',
  '19',
  '20',
  '22',
  '23',
  '24',
  '25',
  '26',
  '27',
  '28',
  '29',
]);

const list = (world: GoogleWorld) => ({ units: world.options.quota.listCost, inserts: 0 });

const ROUTES = {
  insert: {
    endpoint: 'youtube.videos.insert',
    scopes: UPLOAD_SCOPES,
    cost: (world) =>
      world.options.quota.videosInsertBucket === 'separate'
        ? { units: 0, inserts: 1 }
        : { units: world.options.quota.videosInsertCost, inserts: 0 },
    handle: startUpload,
  },
  upload: { endpoint: 'youtube.videos.upload', scopes: null, cost: null, handle: uploadBytes },
  thumbnails: {
    endpoint: 'youtube.thumbnails.set',
    scopes: UPLOAD_SCOPES,
    cost: (world) => ({ units: world.options.quota.thumbnailsSetCost, inserts: 0 }),
    handle: setThumbnail,
  },
  channels: { endpoint: 'youtube.channels.list', scopes: READ_SCOPES, cost: list, handle: listChannels },
  videos: { endpoint: 'youtube.videos.list', scopes: READ_SCOPES, cost: list, handle: listVideos },
  playlistItems: {
    endpoint: 'youtube.playlistItems.list',
    scopes: READ_SCOPES,
    cost: list,
    handle: listPlaylistItems,
  },
  commentThreads: {
    endpoint: 'youtube.commentThreads.insert',
    scopes: [forceSsl],
    cost: (world) => ({ units: world.options.quota.commentThreadsInsertCost, inserts: 0 }),
    handle: insertCommentThread,
  },
} satisfies Record<string, YouTubeRoute>;

export function routeYouTube(_world: GoogleWorld, request: RecordedRequest): YouTubeRoute | undefined {
  const { method, path, query } = request;
  switch (path) {
    case '/upload/youtube/v3/videos':
      if (method === 'POST' && query.upload_id === undefined) return ROUTES.insert;
      if (method === 'PUT' && query.upload_id !== undefined) return ROUTES.upload;
      return undefined;
    case '/upload/youtube/v3/thumbnails/set':
      return method === 'POST' ? ROUTES.thumbnails : undefined;
    case '/youtube/v3/channels':
      return method === 'GET' ? ROUTES.channels : undefined;
    case '/youtube/v3/videos':
      return method === 'GET' ? ROUTES.videos : undefined;
    case '/youtube/v3/playlistItems':
      return method === 'GET' ? ROUTES.playlistItems : undefined;
    case '/youtube/v3/commentThreads':
      return method === 'POST' ? ROUTES.commentThreads : undefined;
    default:
      return undefined;
  }
}

function fail(
  status: number,
  reason: string,
  message: string,
  extra: Partial<GoogleErrorSpec> = {},
): GoogleError {
  return new GoogleError({ status, reason, message, ...extra });
}

export async function handleYouTube(
  world: GoogleWorld,
  request: RecordedRequest,
  route: YouTubeRoute,
): Promise<FakeAnswer> {
  let token: AccessTokenRecord | null = null;
  if (route.scopes) {
    const value = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const challenge = { 'www-authenticate': 'Bearer realm="https://accounts.google.com/"' };
    if (!value) {
      return googleErrorAnswer({
        status: 401,
        reason: 'required',
        domain: 'global',
        location: 'Authorization',
        locationType: 'header',
        message: 'Login Required.',
        headers: challenge,
      });
    }
    const record = world.accessTokens.get(value);
    if (!record || record.revoked || world.now().getTime() >= record.expiresAt.getTime()) {
      return googleErrorAnswer({
        status: 401,
        reason: 'authError',
        domain: 'global',
        location: 'Authorization',
        locationType: 'header',
        message: 'Invalid Credentials',
        headers: { 'www-authenticate': `${challenge['www-authenticate']}, error="invalid_token"` },
      });
    }
    if (!route.scopes.some((scope) => record.scopes.includes(scope))) {
      return googleErrorAnswer({
        status: 403,
        reason: 'insufficientPermissions',
        domain: 'global',
        message: 'Request had insufficient authentication scopes.',
      });
    }
    token = record;
  }
  const cost = route.cost?.(world);
  const charge = (units: number, inserts: number) =>
    world.ledger.push({
      day: pacificDay(world.now()),
      method: route.endpoint,
      units,
      inserts,
      at: world.now(),
    });
  if (cost) {
    const used = world.quotaUsed(world.now());
    const { dailyUnits, separateInsertsPerDay } = world.options.quota;
    if (used.units + cost.units > dailyUnits || used.inserts + cost.inserts > separateInsertsPerDay) {
      return googleErrorAnswer({
        status: 403,
        reason: 'quotaExceeded',
        domain: 'youtube.quota',
        message:
          'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.',
      });
    }
  }
  try {
    const answer = await route.handle({ world, request, token });
    if (cost) charge(cost.units, cost.inserts);
    return answer;
  } catch (error) {
    if (!(error instanceof GoogleError)) throw error;
    if (cost) charge(world.options.quota.invalidRequestCost, 0);
    return googleErrorAnswer(error.spec);
  }
}

function partsOf(request: RecordedRequest, allowed: string[]): string[] {
  const text = request.query.part;
  if (!text)
    throw fail(400, 'required', 'Required parameter: part', {
      domain: 'global',
      location: 'part',
      locationType: 'parameter',
    });
  const parts = text.split(',').map((p) => p.trim());
  for (const part of parts) {
    if (!allowed.includes(part))
      throw fail(400, 'unknownPart', `'${part}'`, { location: 'part', locationType: 'parameter' });
  }
  return parts;
}

function channelOf(call: YouTubeCall): ChannelRecord {
  return call.world.channels.get(call.token!.channelId)!;
}

const etag = (text: string) => `fake-etag-${Buffer.from(text).toString('base64url').slice(0, 16)}`;

// ---------------------------------------------------------------------------------------------
// videos.insert, resumable

function validateVideo(body: any, parts: string[], world: GoogleWorld): VideoMetadata {
  const meta = (reason: string, message: string) => fail(400, reason, message);
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw meta('invalidVideoMetadata', 'The request metadata is invalid.');
  const snippet = parts.includes('snippet') ? body.snippet : undefined;
  const title = snippet?.title;
  if (typeof title !== 'string' || title.trim() === '') {
    throw meta('invalidTitle', 'The request metadata does not specify a valid video title.');
  }
  if ([...title].length > 100 || /[<>]/.test(title)) {
    throw meta(
      'invalidTitle',
      'The request metadata specifies an invalid video title (at most 100 characters, no < or >).',
    );
  }
  const description = snippet.description ?? '';
  if (typeof description !== 'string' || Buffer.byteLength(description) > 5000 || /[<>]/.test(description)) {
    throw meta(
      'invalidDescription',
      'The request metadata specifies an invalid video description (at most 5000 bytes, no < or >).',
    );
  }
  const tags = snippet.tags ?? [];
  if (!Array.isArray(tags) || tags.some((t: unknown) => typeof t !== 'string')) {
    throw meta('invalidTags', 'The request metadata specifies invalid video keywords.');
  }
  // Tags count with a separating comma, and tags holding spaces count their quotes too.
  const tagChars =
    tags.reduce((sum: number, t: string) => sum + [...t].length + (t.includes(' ') ? 2 : 0), 0) +
    Math.max(0, tags.length - 1);
  if (tagChars > 500)
    throw meta(
      'invalidTags',
      'The request metadata specifies invalid video keywords (at most 500 characters).',
    );
  const categoryId = snippet.categoryId ?? '22';
  if (typeof categoryId !== 'string' || !CATEGORIES.has(categoryId)) {
    throw meta('invalidCategoryId', 'The snippet.categoryId property specifies an invalid category ID.');
  }
  const status = parts.includes('status') ? (body.status ?? {}) : {};
  const privacyStatus = status.privacyStatus ?? 'public';
  if (!['public', 'private', 'unlisted'].includes(privacyStatus)) {
    throw meta(
      'invalidVideoMetadata',
      `status.privacyStatus must be public, private or unlisted, not ${privacyStatus}.`,
    );
  }
  if (status.selfDeclaredMadeForKids !== undefined && typeof status.selfDeclaredMadeForKids !== 'boolean') {
    throw meta('invalidVideoMetadata', 'status.selfDeclaredMadeForKids must be a boolean.');
  }
  const metadata: VideoMetadata = { title, description, tags, categoryId, privacyStatus };
  if (status.publishAt !== undefined) {
    const at = Date.parse(status.publishAt);
    if (privacyStatus !== 'private' || Number.isNaN(at) || at <= world.now().getTime()) {
      throw meta('invalidPublishAt', 'status.publishAt must be a future time on a private video.');
    }
    metadata.publishAt = new Date(at).toISOString();
  }
  if (status.selfDeclaredMadeForKids !== undefined)
    metadata.selfDeclaredMadeForKids = status.selfDeclaredMadeForKids;
  if (typeof snippet.defaultLanguage === 'string') metadata.defaultLanguage = snippet.defaultLanguage;
  return metadata;
}

function startUpload(call: YouTubeCall): FakeAnswer {
  const { world, request } = call;
  const q = request.query;
  if (q.uploadType !== 'resumable') {
    throw fail(
      400,
      'invalidParameter',
      `uploadType must be resumable (this fake serves the resumable protocol only), not ${q.uploadType ?? 'missing'}.`,
    );
  }
  const parts = partsOf(request, [
    'snippet',
    'status',
    'contentDetails',
    'recordingDetails',
    'localizations',
  ]);
  const length = Number(request.headers['x-upload-content-length']);
  if (request.headers['x-upload-content-length'] === undefined || !Number.isInteger(length) || length < 1) {
    throw fail(400, 'badRequest', 'X-Upload-Content-Length must give the video size in bytes.');
  }
  const type = request.headers['x-upload-content-type'] ?? '';
  if (!/^video\/[\w.+-]+$/i.test(type) && type !== 'application/octet-stream') {
    throw fail(
      400,
      'badContent',
      `Media type '${type}' is not supported. Valid media types: [video/*, application/octet-stream]`,
    );
  }
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType !== 'application/json' || request.body === undefined) {
    throw fail(
      400,
      'parseError',
      'The video resource must be sent as a JSON body (Content-Type: application/json).',
      { domain: 'global' },
    );
  }
  const metadata = validateVideo(request.body, parts, world);
  const notify = q.notifySubscribers;
  if (notify !== undefined && notify !== 'true' && notify !== 'false') {
    throw fail(400, 'invalidParameter', 'notifySubscribers must be true or false.');
  }
  const id = `fake-upload-${world.nextSeq()}`;
  const uri = `${world.baseUrl}/upload/youtube/v3/videos?uploadType=resumable&part=${encodeURIComponent(parts.join(','))}&upload_id=${id}`;
  const session: UploadSessionRecord = {
    id,
    uri,
    channelId: call.token!.channelId,
    clientId: call.token!.clientId,
    parts,
    metadata,
    declaredLength: length,
    declaredType: type,
    data: Buffer.alloc(0),
    bytesReceived: 0,
    requests: 0,
    createdAt: world.now(),
  };
  if (notify !== undefined) session.notifySubscribers = notify === 'true';
  world.sessions.set(id, session);
  return {
    status: 200,
    headers: { location: uri, 'x-guploader-uploadid': id, 'content-length': 0 },
    body: '',
  };
}

function uploadBytes(call: YouTubeCall): FakeAnswer {
  const { world, request } = call;
  const session = world.sessions.get(request.query.upload_id!);
  if (
    !session ||
    world.now().getTime() - session.createdAt.getTime() >= world.options.uploadSessionLifetimeMs
  ) {
    throw fail(404, 'notFound', 'The upload session does not exist or has expired; start a new one.', {
      domain: 'global',
    });
  }
  const body = request.rawBody;
  session.requests += 1;
  session.bytesReceived += body.length;
  if (session.videoId) return completed(world, session, 200);
  const total = session.declaredLength;
  const bad = (message: string) => fail(400, 'badRequest', message, { domain: 'global' });
  const incomplete = (): FakeAnswer => ({
    status: 308,
    headers: {
      ...(session.data.length > 0 ? { range: `bytes=0-${session.data.length - 1}` } : {}),
      'x-guploader-uploadid': session.id,
      'content-length': 0,
    },
    body: '',
  });
  const range = request.headers['content-range'];
  let start = 0;
  if (range === undefined) {
    if (!request.truncated && body.length !== total) {
      throw bad(
        `The body has ${body.length} bytes, X-Upload-Content-Length said ${total}; send a Content-Range to upload in chunks.`,
      );
    }
  } else {
    const query = /^bytes \*\/(\d+|\*)$/.exec(range);
    if (query) {
      if (body.length > 0) throw bad('A status query (bytes */total) has no body.');
      if (query[1] !== '*' && Number(query[1]) !== total)
        throw bad(`Content-Range total differs from ${total}.`);
      return incomplete();
    }
    const chunk = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(range);
    if (!chunk) throw bad(`Invalid Content-Range: ${range}`);
    start = Number(chunk[1]);
    const end = Number(chunk[2]);
    if (chunk[3] !== '*' && Number(chunk[3]) !== total)
      throw bad(`Content-Range total ${chunk[3]} differs from ${total}.`);
    if (end < start || end >= total) throw bad(`Invalid Content-Range: ${range}`);
    if (!request.truncated && body.length !== end - start + 1) {
      throw bad(`The body has ${body.length} bytes, Content-Range says ${end - start + 1}.`);
    }
  }
  if (start > session.data.length) {
    throw bad(
      `The chunk starts at ${start} but only ${session.data.length} bytes are stored; query the status and resume.`,
    );
  }
  // Bytes already stored are skipped (a resent chunk); the rest are appended.
  let stored = Buffer.concat([session.data, body.subarray(session.data.length - start)]);
  const granularity = world.options.chunkGranularityBytes;
  if (stored.length < total && granularity > 0) {
    stored = stored.subarray(
      0,
      Math.max(session.data.length, Math.floor(stored.length / granularity) * granularity),
    );
  }
  session.data = stored.length > total ? stored.subarray(0, total) : stored;
  if (session.data.length < total) return incomplete();
  const video: VideoRecord = {
    ...session.metadata,
    id: `Fk${world.nextSeq().toString(36).padStart(9, '0')}`,
    channelId: session.channelId,
    sessionId: session.id,
    bytes: session.data.length,
    contentType: session.declaredType,
    uploadedAt: world.now(),
    processingPollsLeft: world.options.processingPolls,
    thumbnailSet: false,
  };
  const duration = mp4DurationMs(session.data);
  if (duration !== undefined) video.durationMs = duration;
  if (session.notifySubscribers !== undefined) video.notifySubscribers = session.notifySubscribers;
  world.videos.set(video.id, video);
  session.videoId = video.id;
  return completed(world, session, world.options.uploadCompleteStatus);
}

function completed(world: GoogleWorld, session: UploadSessionRecord, status: number): FakeAnswer {
  return json(status, videoResource(world, world.videos.get(session.videoId!)!, ['id', ...session.parts]));
}

function thumbnailSet(videoId: string) {
  const image = (name: string, width: number, height: number) => ({
    url: `https://i.ytimg.com/vi/${videoId}/${name}.jpg`,
    width,
    height,
  });
  return {
    default: image('default', 120, 90),
    medium: image('mqdefault', 320, 180),
    high: image('hqdefault', 480, 360),
    standard: image('sddefault', 640, 480),
    maxres: image('maxresdefault', 1280, 720),
  };
}

export function youtubeAudiencePost(video: VideoRecord): AudiencePost {
  return {
    platform: 'youtube',
    id: video.id,
    account: video.channelId,
    kind: 'youtube_video',
    caption: video.description,
    title: video.title,
    publishedAt: video.uploadedAt,
  };
}

/** The audience's lifetime numbers of a video now (a private video of another channel has none). */
function videoMetrics(world: GoogleWorld, video: VideoRecord) {
  return wholeMetrics(world.options.audience.post(youtubeAudiencePost(video), world.now()));
}

function videoResource(world: GoogleWorld, video: VideoRecord, parts: string[]): Record<string, unknown> {
  const channel = world.channels.get(video.channelId)!;
  const resource: Record<string, unknown> = { kind: 'youtube#video', etag: etag(video.id), id: video.id };
  if (parts.includes('snippet')) {
    resource.snippet = {
      publishedAt: video.uploadedAt.toISOString(),
      channelId: video.channelId,
      title: video.title,
      description: video.description,
      thumbnails: thumbnailSet(video.id),
      channelTitle: channel.title,
      ...(video.tags.length > 0 ? { tags: video.tags } : {}),
      categoryId: video.categoryId,
      liveBroadcastContent: 'none',
      ...(video.defaultLanguage ? { defaultLanguage: video.defaultLanguage } : {}),
      localized: { title: video.title, description: video.description },
    };
  }
  if (parts.includes('status')) {
    resource.status = {
      uploadStatus: video.processingPollsLeft > 0 ? 'uploaded' : 'processed',
      privacyStatus: video.privacyStatus,
      ...(video.publishAt ? { publishAt: video.publishAt } : {}),
      license: 'youtube',
      embeddable: true,
      publicStatsViewable: true,
      madeForKids: video.selfDeclaredMadeForKids ?? false,
      ...(video.selfDeclaredMadeForKids !== undefined
        ? { selfDeclaredMadeForKids: video.selfDeclaredMadeForKids }
        : {}),
    };
  }
  if (parts.includes('contentDetails')) {
    resource.contentDetails = {
      duration: `PT${Math.round((video.durationMs ?? 0) / 1000)}S`,
      dimension: '2d',
      definition: 'hd',
      caption: 'false',
      licensedContent: false,
      projection: 'rectangular',
    };
  }
  if (parts.includes('statistics')) {
    const metrics = videoMetrics(world, video);
    // Counts are strings; dislikeCount is private since 2021 and favoriteCount always 0. [U shape]
    resource.statistics = {
      viewCount: String(metrics?.views ?? 0),
      likeCount: String(metrics?.likes ?? 0),
      favoriteCount: '0',
      commentCount: String(
        (metrics?.comments ?? 0) + world.comments.filter((c) => c.videoId === video.id).length,
      ),
    };
  }
  if (parts.includes('processingDetails')) {
    resource.processingDetails = {
      processingStatus: video.processingPollsLeft > 0 ? 'processing' : 'succeeded',
    };
  }
  return resource;
}

// ---------------------------------------------------------------------------------------------
// thumbnails.set

const THUMBNAIL_TYPES = ['image/jpeg', 'image/png', 'application/octet-stream'];

function setThumbnail(call: YouTubeCall): FakeAnswer {
  const { world, request } = call;
  const videoId = request.query.videoId;
  if (!videoId)
    throw fail(400, 'required', 'Required parameter: videoId', {
      location: 'videoId',
      locationType: 'parameter',
    });
  if (request.query.uploadType !== undefined && request.query.uploadType !== 'media') {
    throw fail(
      400,
      'invalidParameter',
      'uploadType must be media (this fake serves simple media uploads only).',
    );
  }
  const video = world.videos.get(videoId);
  if (!video) throw fail(404, 'videoNotFound', 'The video that you are trying to update cannot be found.');
  if (video.channelId !== call.token!.channelId)
    throw fail(403, 'forbidden', 'The video is not owned by the authenticated channel.');
  if (!channelOf(call).customThumbnails) {
    throw fail(
      403,
      'forbidden',
      "The authenticated user doesn't have permissions for uploading and setting custom video thumbnails.",
    );
  }
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!THUMBNAIL_TYPES.includes(type)) {
    throw fail(
      400,
      'badContent',
      `Media type '${type}' is not supported. Valid media types: [${THUMBNAIL_TYPES.join(', ')}]`,
    );
  }
  const bytes = request.rawBody;
  if (bytes.length === 0)
    throw fail(400, 'mediaBodyRequired', 'The request does not include the image content.');
  if (bytes.length > world.options.thumbnailMaxBytes) {
    throw fail(
      400,
      'mediaTooLarge',
      `Media larger than: ${world.options.thumbnailMaxBytes} bytes (got ${bytes.length}).`,
    );
  }
  const format = sniffMedia(bytes);
  if (format !== 'jpeg' && format !== 'png')
    throw fail(400, 'invalidImage', 'The provided image content is invalid.');
  world.thumbnails.push({
    videoId,
    channelId: video.channelId,
    contentType: type,
    bytes: bytes.length,
    at: world.now(),
  });
  video.thumbnailSet = true;
  return json(200, {
    kind: 'youtube#thumbnailSetResponse',
    etag: etag(`${videoId}-thumb-${world.thumbnails.length}`),
    items: [thumbnailSet(videoId)],
  });
}

// ---------------------------------------------------------------------------------------------
// Lists

function listResponse(kind: string, items: unknown[], extra: Record<string, unknown> = {}) {
  return json(200, {
    kind,
    etag: etag(`${kind}-${items.length}`),
    ...extra,
    pageInfo: { totalResults: items.length, resultsPerPage: Math.max(5, items.length) },
    items,
  });
}

function listChannels(call: YouTubeCall): FakeAnswer {
  const { world, request } = call;
  const parts = partsOf(request, ['id', 'snippet', 'contentDetails', 'statistics', 'status']);
  let channels: ChannelRecord[];
  if (request.query.mine === 'true') channels = [channelOf(call)];
  else if (request.query.id)
    channels = request.query.id.split(',').flatMap((id) => world.channels.get(id) ?? []);
  else
    throw fail(400, 'missingRequiredParameter', 'No filter selected. Expected one of: mine, id, forHandle.');
  const items = channels.map((channel) => {
    const resource: Record<string, unknown> = {
      kind: 'youtube#channel',
      etag: etag(channel.id),
      id: channel.id,
    };
    const uploads = [...world.videos.values()].filter((v) => v.channelId === channel.id);
    if (parts.includes('snippet')) {
      resource.snippet = {
        title: channel.title,
        description: '',
        customUrl: `@${channel.title.toLowerCase().replace(/\W+/g, '')}`,
        publishedAt: '2020-01-01T00:00:00Z',
        thumbnails: { default: { url: `https://yt3.ggpht.com/${channel.id}=s88`, width: 88, height: 88 } },
        localized: { title: channel.title, description: '' },
      };
    }
    if (parts.includes('contentDetails')) {
      resource.contentDetails = { relatedPlaylists: { likes: '', uploads: uploadsPlaylist(channel.id) } };
    }
    if (parts.includes('statistics')) {
      const subscribers = world.options.audience.account(
        { platform: 'youtube', id: channel.id },
        world.now(),
      ).followers;
      resource.statistics = {
        viewCount: String(uploads.reduce((sum, video) => sum + (videoMetrics(world, video)?.views ?? 0), 0)),
        subscriberCount: String(Math.round(subscribers)),
        hiddenSubscriberCount: false,
        videoCount: String(uploads.length),
      };
    }
    if (parts.includes('status')) {
      resource.status = {
        privacyStatus: 'public',
        isLinked: true,
        longUploadsStatus: 'allowed',
        madeForKids: false,
      };
    }
    return resource;
  });
  return listResponse('youtube#channelListResponse', items);
}

function uploadsPlaylist(channelId: string): string {
  return `UU${channelId.slice(2)}`;
}

/** Whether the caller may see the video: its own, or public/unlisted. */
function visible(call: YouTubeCall, video: VideoRecord): boolean {
  return video.channelId === call.token!.channelId || video.privacyStatus !== 'private';
}

function listVideos(call: YouTubeCall): FakeAnswer {
  const { world, request } = call;
  const parts = partsOf(request, [
    'id',
    'snippet',
    'status',
    'statistics',
    'contentDetails',
    'processingDetails',
  ]);
  if (!request.query.id)
    throw fail(
      400,
      'missingRequiredParameter',
      'No filter selected. Expected one of: id (this fake lists by id only).',
    );
  const ids = request.query.id.split(',').filter(Boolean);
  if (ids.length > 50)
    throw fail(400, 'invalidValue', 'At most 50 ids per call.', {
      location: 'id',
      locationType: 'parameter',
    });
  const videos = ids.flatMap((id) => world.videos.get(id) ?? []).filter((video) => visible(call, video));
  const items = videos.map((video) => videoResource(world, video, ['id', ...parts]));
  if (parts.includes('status') || parts.includes('processingDetails')) {
    for (const video of videos) if (video.processingPollsLeft > 0) video.processingPollsLeft -= 1;
  }
  return listResponse('youtube#videoListResponse', items);
}

function listPlaylistItems(call: YouTubeCall): FakeAnswer {
  const { world, request } = call;
  const parts = partsOf(request, ['id', 'snippet', 'contentDetails', 'status']);
  const playlistId = request.query.playlistId;
  if (!playlistId)
    throw fail(400, 'missingRequiredParameter', 'No filter selected. Expected one of: playlistId, id.');
  const channel = [...world.channels.values()].find((c) => uploadsPlaylist(c.id) === playlistId);
  if (!channel)
    throw fail(
      404,
      'playlistNotFound',
      "The playlist identified with the request's playlistId parameter cannot be found.",
    );
  const max = request.query.maxResults === undefined ? 5 : Number(request.query.maxResults);
  if (!Number.isInteger(max) || max < 0 || max > 50) {
    throw fail(400, 'invalidValue', 'maxResults must be between 0 and 50.', {
      location: 'maxResults',
      locationType: 'parameter',
    });
  }
  const start = request.query.pageToken
    ? Number(Buffer.from(request.query.pageToken, 'base64url').toString())
    : 0;
  if (!Number.isInteger(start) || start < 0)
    throw fail(400, 'invalidPageToken', 'The request specifies an invalid page token.');
  const all = [...world.videos.values()]
    .filter((v) => v.channelId === channel.id && visible(call, v))
    .reverse(); // newest upload first
  const page = all.slice(start, start + max);
  const items = page.map((video, i) => {
    const resource: Record<string, unknown> = {
      kind: 'youtube#playlistItem',
      etag: etag(`pi-${video.id}`),
      id: `pi-${video.id}`,
    };
    if (parts.includes('snippet')) {
      resource.snippet = {
        publishedAt: video.uploadedAt.toISOString(),
        channelId: channel.id,
        title: video.title,
        description: video.description,
        thumbnails: thumbnailSet(video.id),
        channelTitle: channel.title,
        playlistId,
        position: start + i,
        resourceId: { kind: 'youtube#video', videoId: video.id },
      };
    }
    if (parts.includes('contentDetails')) {
      resource.contentDetails = { videoId: video.id, videoPublishedAt: video.uploadedAt.toISOString() };
    }
    if (parts.includes('status')) resource.status = { privacyStatus: video.privacyStatus };
    return resource;
  });
  const next =
    start + page.length < all.length
      ? Buffer.from(String(start + page.length)).toString('base64url')
      : undefined;
  return json(200, {
    kind: 'youtube#playlistItemListResponse',
    etag: etag(`${playlistId}-${start}`),
    ...(next ? { nextPageToken: next } : {}),
    pageInfo: { totalResults: all.length, resultsPerPage: max },
    items,
  });
}

// ---------------------------------------------------------------------------------------------
// commentThreads.insert

function insertCommentThread(call: YouTubeCall): FakeAnswer {
  const { world, request } = call;
  const parts = partsOf(request, ['id', 'snippet', 'replies']);
  if (!parts.includes('snippet')) throw fail(400, 'invalidValue', 'part must include snippet.');
  const body = request.body as any;
  const videoId = body?.snippet?.videoId;
  const text = body?.snippet?.topLevelComment?.snippet?.textOriginal;
  if (typeof videoId !== 'string' || !videoId)
    throw fail(400, 'invalidCommentMetadata', 'snippet.videoId is required.');
  const video = world.videos.get(videoId);
  if (!video || !visible(call, video))
    throw fail(404, 'videoNotFound', 'The video identified by the videoId parameter could not be found.');
  if (video.selfDeclaredMadeForKids) {
    throw fail(
      403,
      'commentsDisabled',
      'The video identified by the videoId parameter has disabled comments.',
    );
  }
  if (typeof text !== 'string' || text.trim() === '') {
    throw fail(400, 'invalidCommentMetadata', 'snippet.topLevelComment.snippet.textOriginal is required.');
  }
  if ([...text].length > 10_000) throw fail(400, 'commentTextTooLong', 'The comment is too long.');
  const author = channelOf(call);
  const threadId = `Ug${world.nextSeq().toString(36).padStart(20, 'x')}`;
  const at = world.now();
  world.comments.push({ threadId, videoId, channelId: author.id, text, at });
  const commentSnippet = {
    channelId: video.channelId,
    videoId,
    textDisplay: text,
    textOriginal: text,
    authorDisplayName: author.title,
    authorChannelId: { value: author.id },
    canRate: true,
    viewerRating: 'none',
    likeCount: 0,
    publishedAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
  return json(200, {
    kind: 'youtube#commentThread',
    etag: etag(threadId),
    id: threadId,
    snippet: {
      channelId: video.channelId,
      videoId,
      topLevelComment: {
        kind: 'youtube#comment',
        etag: etag(`c-${threadId}`),
        id: threadId,
        snippet: commentSnippet,
      },
      canReply: true,
      totalReplyCount: 0,
      isPublic: true,
    },
  });
}
