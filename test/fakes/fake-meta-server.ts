/**
 * A strict fake of Meta's Graph API and its rupload host, both on ONE origin on 127.0.0.1 (the app
 * is configured with graph base = rupload base = `baseUrl`). It follows the reference
 * (/work/shared/reference/platform-apis.md §0–§2, §4, §7 and maestro-behaviour §8.2–8.4):
 *
 * - Graph paths `/<version>/...` for the versions in `options.versions` (default v20.0–v26.0), or
 *   unversioned; any other version is an error. Rupload paths `/ig-api-upload/<v>/<container-id>`
 *   and `/video-upload/<v>/<video-id>`.
 * - Auth: `access_token` in the query or the body, or `Authorization: Bearer|OAuth <token>`;
 *   rupload only takes `Authorization: <ruploadAuthScheme> <token>` (default `OAuth`, [U]).
 * - Tokens are seeded (users, Pages with Page tokens and linked IG accounts) and can be issued,
 *   exchanged for long-lived ones, expired (190/463) and revoked (190/460) by the test.
 * - Instagram: containers (image, REELS by URL or resumable upload, carousel children and parents),
 *   polling, publishing with the rolling-24-h limit, content_publishing_limit, media listing,
 *   first comments. Facebook Pages: reels (start / rupload / finish / status), photos, feed posts
 *   with attached photos, comments. See fake-meta-instagram.ts and fake-meta-facebook.ts.
 * - The fake fetches image_url / video_url / cover_url / file_url over HTTP, as Meta does.
 * - Every error is the §2.1 envelope with `fbtrace_id` (and `is_transient` on Instagram paths).
 * - Scripted failures per endpoint (`failNext`), including rate limits with usage headers, and a
 *   connection dropped after the action took effect.
 * - What the audience does: media fields, media and account insights, Facebook reel insights and
 *   Page followers come from `options.audience` (fake-audience.ts); hashtag search with the 30
 *   unique hashtags per account per rolling 7 days, and business discovery of seeded accounts
 *   (`options.discovery`) and of the fake's own accounts. See fake-meta-insights.ts.
 *
 * Every request is recorded; the published things are kept as records so that a test can assert
 * that each was published exactly once.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  drop,
  FailureScript,
  json,
  listen,
  mp4DurationMs,
  recordRequest,
  send,
  sniffMedia,
  truncateBody,
  type Clock,
  type FailureMatch,
  type FakeAnswer,
  type RecordedRequest,
  type Scripted,
} from './fake-http';
import {
  DEFAULT_META_RULE_ERRORS,
  errorEnvelope,
  graphParams,
  MetaError,
  type CommentRecord,
  type ContainerRecord,
  type FbPhotoRecord,
  type FbPostRecord,
  type FbVideoRecord,
  type IgMediaRecord,
  type MetaErrorSpec,
  type MetaRule,
  type PageRecord,
  type ProcessingScript,
  type TokenLifetime,
  type TokenRecord,
  type UploadRecord,
  type UserRecord,
} from './fake-meta-model';
import { routeInstagram, startContainerProcessing } from './fake-meta-instagram';
import { routeFacebook, startVideoProcessing } from './fake-meta-facebook';
import { routeAccount } from './fake-meta-account';
import { defaultAudience, type FakeAudience } from './fake-audience';
import {
  routeInsights,
  seedBusinessAccount,
  seedHashtag,
  type DiscoveryState,
  type FakeBusinessAccountSeed,
  type FakeHashtagSeed,
} from './fake-meta-insights';

export { metaFailure } from './fake-meta-failures';
export type { MetaErrorSpec, MetaRule, ProcessingScript } from './fake-meta-model';
export type { FakeAudience } from './fake-audience';
export type { FakeBusinessAccountSeed, FakeForeignMediaSeed, FakeHashtagSeed } from './fake-meta-insights';

export const DEFAULT_META_VERSIONS = ['v20.0', 'v21.0', 'v22.0', 'v23.0', 'v24.0', 'v25.0', 'v26.0'];

/** Scopes a seeded user grants unless the seed says otherwise: everything publishing needs. */
export const DEFAULT_META_SCOPES = [
  'public_profile',
  'pages_show_list',
  'pages_read_engagement',
  'pages_manage_posts',
  'pages_manage_engagement',
  'business_management',
  'instagram_basic',
  'instagram_content_publish',
  'instagram_manage_comments',
  'instagram_manage_insights',
];

export interface FakeMetaUserSeed {
  id: string;
  name: string;
  /** A user token issued at start (default `fake-user-token-<id>`). */
  token?: string;
  /** Default 'short' (expires after shortLivedTokenSeconds). */
  tokenLifetime?: TokenLifetime;
  scopes?: string[];
}

export interface FakeMetaPageSeed {
  id: string;
  name: string;
  /** The user who manages it (default: the first user). */
  userId?: string;
  /** Its Page token; never expires unless expired or revoked by the test. */
  accessToken: string;
  /** The linked Instagram professional account. */
  instagram?: { id: string; username: string };
}

export interface RuploadErrorInfo {
  status: number;
  /** E.g. 'AuthorizationError', 'OffsetMismatch', 'ProcessingFailedError'. */
  type: string;
  message: string;
  retriable: boolean;
  /** Bytes already stored, on an offset mismatch or a finished upload. */
  storedOffset?: number;
}

export interface FakeMetaOptions {
  now?: Clock;
  /** Accepted `/vNN.N/` prefixes; the last one is used in the upload URIs the fake hands out. */
  versions?: string[];
  app?: { id: string; secret: string; name?: string };
  users?: FakeMetaUserSeed[];
  pages?: FakeMetaPageSeed[];
  /** Lifetime of short-lived user tokens. Default 7200 s [U: "hours"]. */
  shortLivedTokenSeconds?: number;
  /** Lifetime (and `expires_in`) of long-lived user tokens. Default 5183944 s [V]. */
  longLivedTokenSeconds?: number;
  /** HTTP status of code-190 errors. Default 400 [U: some come back 401]. */
  oauthErrorStatus?: 400 | 401;
  /** Re-code any rule error (see DEFAULT_META_RULE_ERRORS for the defaults and their flags). */
  ruleErrors?: Partial<Record<MetaRule, Partial<MetaErrorSpec>>>;
  /** The word before the token in rupload's Authorization header. Default 'OAuth' [U]. */
  ruploadAuthScheme?: string;
  /** Body of an accepted rupload chunk. Default {"success":true,"message":"Upload successful."} [U]. */
  ruploadSuccessBody?: unknown;
  /**
   * Status and body of a refused rupload request [U]. Default: the status, and
   * `{"debug_info":{"retriable","type","message"}}` plus `"offset": <stored bytes>` when the refusal
   * concerns the offset (the field a client resumes from).
   */
  ruploadError?: (info: RuploadErrorInfo) => { status: number; body: unknown };
  /** IN_PROGRESS status polls once processing started. Default 1 for each kind. */
  processingPolls?: { video?: number; image?: number; carousel?: number; facebookReel?: number };
  /** Video duration when the bytes carry no readable `mvhd`. Default 8000 ms. */
  videoDurationMs?: number;
  /** Rolling 24-h publish limit per IG account. Default 50 [V]. */
  publishLimitPer24h?: number;
  /** Rolling 24-h container limit per IG account. Default 400 [V]. */
  containerLimitPer24h?: number;
  /** Containers not published within this become EXPIRED. Default 24 h [V]. */
  containerLifetimeMs?: number;
  /** Carousel children bounds. Default 2–10 [T]. */
  carouselMinChildren?: number;
  carouselMaxChildren?: number;
  /** Children must read FINISHED when the parent is created. Default true [U]. */
  carouselChildrenMustBeFinished?: boolean;
  /** Caption limits. Default 2200 characters and 30 hashtags [U]. */
  captionMaxChars?: number;
  captionMaxHashtags?: number;
  /** IG images and covers. Default 8 MiB [V]. */
  imageMaxBytes?: number;
  /** Facebook photos. Default 10 MiB [U]. */
  facebookPhotoMaxBytes?: number;
  /** Formats Facebook photos accept (by magic bytes). Default jpeg and png [U]. */
  facebookPhotoFormats?: Array<'jpeg' | 'png' | 'gif' | 'webp'>;
  /** Rolling 24-h reels per Page. Default 30 [V]. */
  reelsPerPagePer24h?: number;
  /** What people do with the published posts (every count the fake reports). Default: defaultAudience. */
  audience?: FakeAudience;
  /** Other accounts' media that hashtag search and business discovery find. */
  discovery?: { hashtags?: FakeHashtagSeed[]; accounts?: FakeBusinessAccountSeed[] };
  /** Unique hashtags one IG account may search per rolling window. Default 30 per 7 days [V]. */
  hashtagSearchLimit?: { unique: number; windowMs: number };
  /** How the fake fetches media URLs. */
  fetch?: {
    timeoutMs?: number;
    /** Default false: a redirect is a fetch failure [U]. */
    followRedirects?: boolean;
    /** Default true: images must be served as image/jpeg, videos as video/* [U]. */
    checkContentType?: boolean;
  };
}

/** video: video/*; image: an Instagram JPEG; photo: any image (Facebook photos). */
export type MediaPurpose = 'video' | 'image' | 'photo';

export interface MediaFetchRecord {
  url: string;
  at: Date;
  status: number | null;
  contentType: string | null;
  bytes: number;
  ok: boolean;
  error?: string;
}

type ResolvedMetaOptions = Required<
  Omit<
    FakeMetaOptions,
    'now' | 'app' | 'users' | 'pages' | 'ruleErrors' | 'processingPolls' | 'fetch' | 'audience' | 'discovery'
  >
> & {
  processingPolls: Required<NonNullable<FakeMetaOptions['processingPolls']>>;
  fetch: Required<NonNullable<FakeMetaOptions['fetch']>>;
};

/** State and helpers the endpoint modules share. */
export interface MetaWorld {
  options: ResolvedMetaOptions;
  now: Clock;
  baseUrl: string;
  newestVersion: string;
  app: { id: string; secret: string; name: string };
  users: Map<string, UserRecord>;
  pages: Map<string, PageRecord>;
  /** Pages by the id of their linked IG account. */
  igUsers: Map<string, PageRecord>;
  tokens: Map<string, TokenRecord>;
  containers: Map<string, ContainerRecord>;
  igMedia: Map<string, IgMediaRecord>;
  videos: Map<string, FbVideoRecord>;
  photos: Map<string, FbPhotoRecord>;
  posts: Map<string, FbPostRecord>;
  comments: CommentRecord[];
  uploads: UploadRecord[];
  mediaFetches: MediaFetchRecord[];
  containerScripts: Map<string, ProcessingScript>;
  nextContainerScripts: ProcessingScript[];
  /** Every number the fake reports about published posts and accounts comes from here. */
  audience: FakeAudience;
  /** Hashtags, their media, the searches counted per account, and discoverable accounts. */
  discovery: DiscoveryState;
  videoScripts: Map<string, ProcessingScript>;
  nextVideoScripts: ProcessingScript[];
  nextId(): string;
  /** Validates a token value; throws the 190 errors. */
  checkToken(value: string): TokenRecord;
  issueToken(
    token: Omit<TokenRecord, 'issuedAt' | 'expiresAt' | 'revoked' | 'forcedExpired' | 'value'> & {
      value?: string;
    },
  ): TokenRecord;
  fail(rule: MetaRule, overrides?: Partial<MetaErrorSpec>): MetaError;
  /** Fetches a media URL as Meta would; refuses with mediaFetchFailed. */
  fetchMedia(url: string | undefined, what: MediaPurpose): Promise<{ bytes: Buffer; contentType: string }>;
  /** Scopes of the user behind a token (Page tokens inherit their manager's). */
  requireScopes(token: TokenRecord, ...scopes: string[]): void;
  /** The token is the Page's own token or a user token of its manager. */
  canManagePage(token: TokenRecord, page: PageRecord): boolean;
}

/** One request, as the endpoint modules see it. */
export interface MetaCall {
  world: MetaWorld;
  request: RecordedRequest;
  /** Query and body parameters merged (body wins). */
  params: Record<string, string>;
  /** The path's version prefix, or null when unversioned. */
  version: string | null;
  /** The authenticated token; throws the 104/190 errors. */
  token(): TokenRecord;
}

export interface MetaRoute {
  endpoint: string;
  instagram: boolean;
  handle: (call: MetaCall) => Promise<unknown> | unknown;
}

export interface FakeMeta {
  /** Graph and rupload base, without a trailing slash. */
  baseUrl: string;
  port: number;
  /** Every request received, valid or not, in order of arrival. */
  requests: RecordedRequest[];
  app: { id: string; secret: string };
  /** The app token `<app-id>|<app-secret>` that debug_token takes. */
  appToken: string;

  // Tokens
  issueUserToken(userId: string, lifetime?: TokenLifetime): string;
  expireToken(token: string): void;
  revokeToken(token: string): void;
  tokenInfo(token: string): TokenRecord | undefined;

  // Scripting
  /** The next `count` requests matching `match` fail (or drop) as scripted. See metaFailure. */
  failNext(match: FailureMatch, count: number, failure: Scripted<MetaErrorSpec>): void;
  /** Processing of one container: IN_PROGRESS polls, then FINISHED or ERROR. */
  scriptContainer(containerId: string, script: ProcessingScript): void;
  /** Scripts for the next containers created, in order. */
  scriptNextContainers(...scripts: ProcessingScript[]): void;
  scriptVideo(videoId: string, script: ProcessingScript): void;
  scriptNextVideos(...scripts: ProcessingScript[]): void;

  // Records (live views)
  containers(igUserId?: string): ContainerRecord[];
  /** Published IG media, oldest first. */
  publishedInstagram(igUserId?: string): IgMediaRecord[];
  /** Reel video ids that went through `start`, with their upload and finish state. */
  facebookVideos(pageId?: string): FbVideoRecord[];
  /** Reels finished with PUBLISHED or SCHEDULED, oldest first. */
  publishedReels(pageId?: string): FbVideoRecord[];
  facebookPhotos(pageId?: string): FbPhotoRecord[];
  /** Feed posts (from /feed, and from /photos with published=true), oldest first. */
  feedPosts(pageId?: string): FbPostRecord[];
  comments(objectId?: string): CommentRecord[];
  /** Adds (or replaces) a hashtag's media that hashtag search finds. */
  seedHashtag(seed: FakeHashtagSeed): void;
  /** Adds (or replaces) an account business discovery finds by username. */
  seedBusinessAccount(seed: FakeBusinessAccountSeed): void;
  /** Unique hashtags an IG account searched in the current window, with when each was counted. */
  hashtagSearches(igUserId: string): Array<{ hashtag: string; countedAt: Date }>;
  uploads: UploadRecord[];
  /** Every media URL the fake fetched. */
  mediaFetches: MediaFetchRecord[];
  close(): Promise<void>;
}

const VERSION = /^v\d+\.\d+$/;

function defaultRuploadError(info: RuploadErrorInfo): { status: number; body: unknown } {
  return {
    status: info.status,
    body: {
      debug_info: { retriable: info.retriable, type: info.type, message: info.message },
      ...(info.storedOffset !== undefined ? { offset: info.storedOffset } : {}),
    },
  };
}

/**
 * A `ruploadError` for tests that want rupload to answer in the Graph envelope instead of
 * `debug_info` (code 190 for authorisation, 100 otherwise; `offset` kept at the top level).
 */
export function ruploadErrorAsGraphEnvelope(info: RuploadErrorInfo): { status: number; body: unknown } {
  const envelope = errorEnvelope(
    {
      code: info.type === 'AuthorizationError' ? 190 : 100,
      message: info.message,
      isTransient: info.retriable,
    },
    'AFakeRupload',
    true,
  ) as Record<string, unknown>;
  return {
    status: info.status,
    body: info.storedOffset !== undefined ? { ...envelope, offset: info.storedOffset } : envelope,
  };
}

export async function startFakeMeta(options: FakeMetaOptions = {}): Promise<FakeMeta> {
  const now = options.now ?? (() => new Date());
  const resolved: ResolvedMetaOptions = {
    versions: options.versions ?? DEFAULT_META_VERSIONS,
    shortLivedTokenSeconds: options.shortLivedTokenSeconds ?? 7200,
    longLivedTokenSeconds: options.longLivedTokenSeconds ?? 5_183_944,
    oauthErrorStatus: options.oauthErrorStatus ?? 400,
    ruploadAuthScheme: options.ruploadAuthScheme ?? 'OAuth',
    ruploadSuccessBody: options.ruploadSuccessBody ?? { success: true, message: 'Upload successful.' },
    ruploadError: options.ruploadError ?? defaultRuploadError,
    processingPolls: { video: 1, image: 1, carousel: 1, facebookReel: 1, ...options.processingPolls },
    videoDurationMs: options.videoDurationMs ?? 8000,
    publishLimitPer24h: options.publishLimitPer24h ?? 50,
    containerLimitPer24h: options.containerLimitPer24h ?? 400,
    containerLifetimeMs: options.containerLifetimeMs ?? 24 * 3600_000,
    carouselMinChildren: options.carouselMinChildren ?? 2,
    carouselMaxChildren: options.carouselMaxChildren ?? 10,
    carouselChildrenMustBeFinished: options.carouselChildrenMustBeFinished ?? true,
    captionMaxChars: options.captionMaxChars ?? 2200,
    captionMaxHashtags: options.captionMaxHashtags ?? 30,
    imageMaxBytes: options.imageMaxBytes ?? 8 * 1024 * 1024,
    facebookPhotoMaxBytes: options.facebookPhotoMaxBytes ?? 10 * 1024 * 1024,
    facebookPhotoFormats: options.facebookPhotoFormats ?? ['jpeg', 'png'],
    reelsPerPagePer24h: options.reelsPerPagePer24h ?? 30,
    hashtagSearchLimit: options.hashtagSearchLimit ?? { unique: 30, windowMs: 7 * 24 * 3600_000 },
    fetch: { timeoutMs: 10_000, followRedirects: false, checkContentType: true, ...options.fetch },
  };
  const ruleErrors = { ...DEFAULT_META_RULE_ERRORS } as Record<MetaRule, MetaErrorSpec>;
  for (const [rule, override] of Object.entries(options.ruleErrors ?? {})) {
    ruleErrors[rule as MetaRule] = { ...ruleErrors[rule as MetaRule], ...override };
  }

  const requests: RecordedRequest[] = [];
  const failures = new FailureScript<MetaErrorSpec>();
  let idCounter = 0;
  let tokenCounter = 0;
  let traceCounter = 0;

  const world: MetaWorld = {
    options: resolved,
    now,
    baseUrl: '',
    newestVersion: resolved.versions[resolved.versions.length - 1] ?? 'v25.0',
    app: { id: '1000000000000001', secret: 'fake-app-secret', name: 'Fake Maestro App', ...options.app },
    users: new Map(),
    pages: new Map(),
    igUsers: new Map(),
    tokens: new Map(),
    containers: new Map(),
    igMedia: new Map(),
    videos: new Map(),
    photos: new Map(),
    posts: new Map(),
    comments: [],
    uploads: [],
    mediaFetches: [],
    containerScripts: new Map(),
    nextContainerScripts: [],
    audience: options.audience ?? defaultAudience,
    discovery: { hashtags: new Map(), hashtagIds: new Map(), searches: new Map(), accounts: new Map() },
    videoScripts: new Map(),
    nextVideoScripts: [],
    nextId: () => String(17_900_000_000_000_000n + BigInt(++idCounter)),
    checkToken: (value) => checkToken(value),
    issueToken: (seed) => {
      const issuedAt = now();
      const seconds =
        seed.lifetime === 'short'
          ? resolved.shortLivedTokenSeconds
          : seed.lifetime === 'long'
            ? resolved.longLivedTokenSeconds
            : null;
      const record: TokenRecord = {
        ...seed,
        // As long as real tokens are (well over 100 characters), so clients validating length accept it.
        value: seed.value ?? `EAAFake${seed.kind}${seed.lifetime}${++tokenCounter}`.padEnd(120, 'Z'),
        issuedAt,
        expiresAt: seconds === null ? null : new Date(issuedAt.getTime() + seconds * 1000),
        revoked: false,
        forcedExpired: false,
      };
      world.tokens.set(record.value, record);
      return record;
    },
    fail: (rule, overrides = {}) => {
      const spec = { ...ruleErrors[rule], ...overrides };
      if (spec.code === 190 && spec.status === undefined) spec.status = resolved.oauthErrorStatus;
      return new MetaError(spec);
    },
    fetchMedia: async (url, what) => fetchMedia(world, url, what),
    requireScopes: (token, ...scopes) => {
      const granted = new Set(token.scopes);
      const missing = scopes.filter((scope) => !granted.has(scope));
      if (missing.length > 0) {
        throw world.fail('scopeMissing', {
          message: `${ruleErrors.scopeMissing.message} (missing permission: ${missing.join(', ')})`,
        });
      }
    },
    canManagePage: (token, page) =>
      token.kind === 'page' ? token.pageId === page.id : token.userId === page.userId,
  };

  // Seeds
  for (const seed of options.discovery?.hashtags ?? []) seedHashtag(world, seed);
  for (const seed of options.discovery?.accounts ?? []) seedBusinessAccount(world, seed);
  const userSeeds = options.users ?? [
    { id: '2000000000000001', name: 'Fake Owner', token: 'fake-user-token' },
  ];
  for (const seed of userSeeds) {
    const scopes = seed.scopes ?? DEFAULT_META_SCOPES;
    world.users.set(seed.id, { id: seed.id, name: seed.name, scopes });
    world.issueToken({
      value: seed.token ?? `fake-user-token-${seed.id}`,
      kind: 'user',
      userId: seed.id,
      lifetime: seed.tokenLifetime ?? 'short',
      scopes,
    });
  }
  const pageSeeds = options.pages ?? [
    {
      id: '3000000000000001',
      name: 'Fake Page',
      accessToken: 'fake-page-token',
      instagram: { id: '17841400000000001', username: 'fake_brand' },
    },
  ];
  for (const seed of pageSeeds) {
    const userId = seed.userId ?? userSeeds[0]?.id;
    const owner = userId ? world.users.get(userId) : undefined;
    if (!owner) throw new Error(`page ${seed.id}: no such user ${userId}`);
    const page: PageRecord = {
      id: seed.id,
      name: seed.name,
      userId: owner.id,
      accessToken: seed.accessToken,
    };
    if (seed.instagram) {
      page.instagram = { ...seed.instagram };
      world.igUsers.set(seed.instagram.id, page);
    }
    world.pages.set(page.id, page);
    world.issueToken({
      value: seed.accessToken,
      kind: 'page',
      userId: owner.id,
      pageId: page.id,
      lifetime: 'never',
      scopes: owner.scopes,
    });
  }

  function authenticate(call: { params: Record<string, string>; request: RecordedRequest }): TokenRecord {
    let value = call.params.access_token;
    const header = call.request.headers.authorization;
    if (!value && header) value = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header)?.[1]?.trim();
    if (!value) throw world.fail('tokenMissing');
    return checkToken(value);
  }

  function checkToken(value: string): TokenRecord {
    const token = world.tokens.get(value);
    if (!token) throw world.fail('tokenInvalid');
    if (token.revoked) throw world.fail('tokenRevoked');
    if (token.forcedExpired || (token.expiresAt && now().getTime() >= token.expiresAt.getTime())) {
      throw world.fail('tokenExpired', {
        message: `${ruleErrors.tokenExpired.message} The current time is ${now().toISOString()}.`,
      });
    }
    return token;
  }

  function route(request: RecordedRequest): { route: MetaRoute; version: string | null } | MetaError {
    const segments = request.path.split('/').filter(Boolean).map(decodeURIComponent);
    if (segments[0] === 'ig-api-upload' || segments[0] === 'video-upload') {
      const kind = segments[0] === 'ig-api-upload' ? 'ig' : 'fb';
      const rest = segments.slice(1);
      const version = rest.length === 2 && VERSION.test(rest[0]!) ? rest[0]! : null;
      if (rest.length !== (version ? 2 : 1)) {
        return world.fail('unknownPath', { message: `Unknown path components: ${request.path}` });
      }
      if (version && !resolved.versions.includes(version)) {
        return world.fail('unknownPath', { message: `Unsupported API version ${version}` });
      }
      // Served by rupload() below, which answers in rupload's own error shape.
      return {
        version,
        route: { endpoint: `rupload.${kind}`, instagram: kind === 'ig', handle: () => undefined },
      };
    }
    let version: string | null = null;
    if (segments[0] !== undefined && VERSION.test(segments[0])) {
      version = segments.shift()!;
      if (!resolved.versions.includes(version)) {
        return world.fail('unknownPath', {
          message: `Unsupported API version ${version} (this server accepts ${resolved.versions.join(', ')})`,
        });
      }
    }
    const found =
      routeInsights(world, request.method, segments) ??
      routeAccount(world, request.method, segments) ??
      routeInstagram(world, request.method, segments) ??
      routeFacebook(world, request.method, segments, graphParams(request));
    if (found) return { route: found, version };
    const [id, edge] = segments;
    if (id && edge === undefined) {
      return world.fail('objectNotFound', {
        message: `Unsupported ${request.method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      });
    }
    return world.fail('unknownPath', { message: `Unknown path components: /${segments.slice(1).join('/')}` });
  }

  function errorAnswer(spec: MetaErrorSpec, instagram: boolean): FakeAnswer {
    const trace = `AFake${(++traceCounter).toString(36).padStart(6, '0')}`;
    return json(spec.status ?? 400, errorEnvelope(spec, trace, instagram), {
      'x-fb-trace-id': trace,
      ...(spec.code === 190
        ? { 'www-authenticate': `OAuth "Facebook Platform" "invalid_token" "${spec.message}"` }
        : {}),
      ...spec.headers,
    });
  }

  async function rupload(request: RecordedRequest, kind: 'ig' | 'fb'): Promise<FakeAnswer> {
    const refuse = (info: Omit<RuploadErrorInfo, 'retriable'> & { retriable?: boolean }): FakeAnswer => {
      const out = resolved.ruploadError({ retriable: false, ...info });
      return json(out.status, out.body);
    };
    if (request.method !== 'POST') {
      return refuse({ status: 405, type: 'MethodNotAllowed', message: `${request.method} is not supported` });
    }
    const id = request.path.split('/').filter(Boolean).pop()!;
    const header = request.headers.authorization ?? '';
    const scheme = resolved.ruploadAuthScheme;
    const match = /^(\S+)\s+(\S+)$/.exec(header);
    if (!match || match[1] !== scheme) {
      return refuse({
        status: 401,
        type: 'AuthorizationError',
        message: `Invalid Authorization header: expected "${scheme} <access token>".`,
      });
    }
    let token: TokenRecord;
    try {
      token = checkToken(match[2]!);
    } catch (error) {
      return refuse({ status: 401, type: 'AuthorizationError', message: (error as MetaError).message });
    }
    let upload: UploadRecord;
    if (kind === 'ig') {
      const container = world.containers.get(id);
      if (!container || container.source !== 'resumable') {
        return refuse({ status: 404, type: 'NotFound', message: `No resumable upload container ${id}.` });
      }
      const page = world.igUsers.get(container.igUserId)!;
      if (!world.canManagePage(token, page)) {
        return refuse({
          status: 401,
          type: 'AuthorizationError',
          message: 'The token cannot upload to this container.',
        });
      }
      upload = container.upload!;
    } else {
      const video = world.videos.get(id);
      if (!video) return refuse({ status: 404, type: 'NotFound', message: `No video ${id} was started.` });
      if (token.kind !== 'page' || token.pageId !== video.pageId) {
        return refuse({
          status: 401,
          type: 'AuthorizationError',
          message: "A Page access token of the video's Page is required.",
        });
      }
      upload = video.upload;
    }
    upload.requests += 1;
    upload.bytesReceived += request.rawBody.length;
    if (upload.complete) {
      return refuse({
        status: 400,
        type: 'ProcessingFailedError',
        message: 'The upload is already complete.',
        storedOffset: upload.data.length,
      });
    }
    const fileUrl = request.headers.file_url;
    if (fileUrl !== undefined) {
      if (upload.data.length > 0) {
        return refuse({
          status: 400,
          type: 'ProcessingFailedError',
          message: 'Bytes were already uploaded; continue with offset and file_size.',
          storedOffset: upload.data.length,
        });
      }
      let fetched: { bytes: Buffer };
      try {
        fetched = await world.fetchMedia(fileUrl, 'video');
      } catch (error) {
        return refuse({ status: 400, type: 'ProcessingFailedError', message: (error as MetaError).message });
      }
      upload.data = fetched.bytes;
      upload.fileSize = fetched.bytes.length;
      upload.fileUrl = fileUrl;
    } else {
      const offset = Number(request.headers.offset);
      const fileSize = Number(request.headers.file_size);
      if (request.headers.offset === undefined || !Number.isInteger(offset) || offset < 0) {
        return refuse({
          status: 400,
          type: 'MissingHeader',
          message: 'The offset header is required (a byte offset).',
        });
      }
      if (request.headers.file_size === undefined || !Number.isInteger(fileSize) || fileSize < 1) {
        return refuse({
          status: 400,
          type: 'MissingHeader',
          message: 'The file_size header is required (total bytes).',
        });
      }
      if (upload.fileSize !== null && upload.fileSize !== fileSize) {
        return refuse({
          status: 400,
          type: 'ProcessingFailedError',
          message: `file_size ${fileSize} differs from the ${upload.fileSize} declared first.`,
          storedOffset: upload.data.length,
        });
      }
      if (offset !== upload.data.length) {
        return refuse({
          status: 400,
          type: 'OffsetMismatch',
          retriable: true,
          message: `Offset mismatch: ${upload.data.length} bytes are stored, the request starts at ${offset}. Resume from offset ${upload.data.length}.`,
          storedOffset: upload.data.length,
        });
      }
      if (request.rawBody.length === 0) {
        return refuse({
          status: 400,
          type: 'ProcessingFailedError',
          message: 'The request has no bytes.',
          storedOffset: offset,
        });
      }
      if (offset + request.rawBody.length > fileSize) {
        return refuse({
          status: 400,
          type: 'ProcessingFailedError',
          message: `The bytes go past file_size (${offset} + ${request.rawBody.length} > ${fileSize}).`,
          storedOffset: offset,
        });
      }
      upload.fileSize = fileSize;
      upload.data = Buffer.concat([upload.data, request.rawBody]);
    }
    if (upload.data.length === upload.fileSize) {
      upload.complete = true;
      if (kind === 'ig') startContainerProcessing(world, world.containers.get(id)!);
      else startVideoProcessing(world, world.videos.get(id)!);
    }
    return json(200, resolved.ruploadSuccessBody);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await recordRequest(req, requests);
    const routed = route(request);
    if (routed instanceof MetaError) {
      request.endpoint = 'unknown';
      const scripted = failures.take(request);
      if (scripted?.kind === 'drop' || scripted?.kind === 'hold') return drop(res, request);
      return send(res, request, errorAnswer(scripted?.error ?? routed.spec, false));
    }
    const { route: found, version } = routed;
    request.endpoint = found.endpoint;
    const scripted = failures.take(request);
    if (scripted?.kind === 'error') return send(res, request, errorAnswer(scripted.error, found.instagram));
    if (scripted?.kind === 'drop') {
      if (scripted.when === 'before') return drop(res, request);
      if (scripted.afterBytes !== undefined) truncateBody(request, scripted.afterBytes);
    }
    if (scripted?.kind === 'hold' && scripted.when === 'before') {
      scripted.held();
      await scripted.release;
      return drop(res, request);
    }
    let answer: FakeAnswer;
    if (found.endpoint.startsWith('rupload.')) {
      answer = await rupload(request, found.endpoint === 'rupload.ig' ? 'ig' : 'fb');
    } else {
      const params = graphParams(request);
      const call: MetaCall = {
        world,
        request,
        params,
        version,
        token: () => authenticate({ params, request }),
      };
      try {
        answer = json(200, await found.handle(call));
      } catch (error) {
        if (!(error instanceof MetaError)) throw error;
        answer = errorAnswer(error.spec, found.instagram);
      }
    }
    if (scripted?.kind === 'drop') return drop(res, request);
    if (scripted?.kind === 'hold') {
      scripted.held();
      await scripted.release;
    }
    send(res, request, answer);
  }

  const listening = await listen(handle, (res, error) => {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: `fake server failure: ${error.message}`, code: 1 } }));
  });
  world.baseUrl = `http://127.0.0.1:${listening.port}`;

  const byOwner = <T extends { pageId?: string; igUserId?: string }>(items: Iterable<T>, owner?: string) =>
    [...items].filter((item) => owner === undefined || item.pageId === owner || item.igUserId === owner);

  return {
    baseUrl: world.baseUrl,
    port: listening.port,
    requests,
    app: { id: world.app.id, secret: world.app.secret },
    appToken: `${world.app.id}|${world.app.secret}`,
    issueUserToken: (userId, lifetime = 'short') => {
      const user = world.users.get(userId);
      if (!user) throw new Error(`no such user ${userId}`);
      return world.issueToken({ kind: 'user', userId, lifetime, scopes: user.scopes }).value;
    },
    expireToken: (token) => {
      const record = world.tokens.get(token);
      if (!record) throw new Error(`no such token ${token}`);
      record.forcedExpired = true;
    },
    revokeToken: (token) => {
      const record = world.tokens.get(token);
      if (!record) throw new Error(`no such token ${token}`);
      record.revoked = true;
    },
    tokenInfo: (token) => world.tokens.get(token),
    failNext: (match, count, failure) => failures.add(match, count, failure),
    scriptContainer: (containerId, script) => {
      world.containerScripts.set(containerId, script);
      const container = world.containers.get(containerId);
      if (container?.processingStarted) startContainerProcessing(world, container, { restart: true });
    },
    scriptNextContainers: (...scripts) => {
      world.nextContainerScripts.push(...scripts);
    },
    scriptVideo: (videoId, script) => {
      world.videoScripts.set(videoId, script);
      const video = world.videos.get(videoId);
      if (video?.processingStarted) startVideoProcessing(world, video, { restart: true });
    },
    scriptNextVideos: (...scripts) => {
      world.nextVideoScripts.push(...scripts);
    },
    containers: (igUserId) => byOwner(world.containers.values(), igUserId),
    publishedInstagram: (igUserId) => byOwner(world.igMedia.values(), igUserId),
    facebookVideos: (pageId) => byOwner(world.videos.values(), pageId),
    publishedReels: (pageId) =>
      byOwner(world.videos.values(), pageId)
        .filter((video) => video.videoState === 'PUBLISHED' || video.videoState === 'SCHEDULED')
        .sort((a, b) => a.finishedAt!.getTime() - b.finishedAt!.getTime()),
    facebookPhotos: (pageId) => byOwner(world.photos.values(), pageId),
    feedPosts: (pageId) => byOwner(world.posts.values(), pageId),
    comments: (objectId) => world.comments.filter((c) => objectId === undefined || c.objectId === objectId),
    seedHashtag: (seed) => seedHashtag(world, seed),
    seedBusinessAccount: (seed) => seedBusinessAccount(world, seed),
    hashtagSearches: (igUserId) =>
      [...(world.discovery.searches.get(igUserId) ?? new Map<string, Date>())]
        .filter(([, at]) => world.now().getTime() - at.getTime() < resolved.hashtagSearchLimit.windowMs)
        .map(([hashtag, countedAt]) => ({ hashtag, countedAt })),
    uploads: world.uploads,
    mediaFetches: world.mediaFetches,
    close: listening.close,
  };
}

async function fetchMedia(
  world: MetaWorld,
  url: string | undefined,
  what: MediaPurpose,
): Promise<{ bytes: Buffer; contentType: string }> {
  const record: MediaFetchRecord = {
    url: url ?? '',
    at: world.now(),
    status: null,
    contentType: null,
    bytes: 0,
    ok: false,
  };
  const refuse = (why: string) => {
    record.error = why;
    return world.fail('mediaFetchFailed', {
      message: `${DEFAULT_META_RULE_ERRORS.mediaFetchFailed.message} (${what} ${url ?? ''}: ${why})`,
    });
  };
  world.mediaFetches.push(record);
  let parsed: URL;
  try {
    parsed = new URL(url ?? '');
  } catch {
    throw refuse('not an absolute URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw refuse('not an http(s) URL');
  if (!/^[\x21-\x7e]+$/.test(url!)) throw refuse('the URL is not US-ASCII');
  let response: Response;
  try {
    response = await fetch(parsed, {
      redirect: world.options.fetch.followRedirects ? 'follow' : 'manual',
      signal: AbortSignal.timeout(world.options.fetch.timeoutMs),
    });
  } catch (error) {
    throw refuse(`fetch failed: ${(error as Error).message}`);
  }
  record.status = response.status;
  record.contentType = response.headers.get('content-type');
  if (response.status !== 200) {
    await response.body?.cancel();
    throw refuse(`HTTP ${response.status}`);
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  record.bytes = bytes.length;
  const contentType = record.contentType ?? '';
  if (world.options.fetch.checkContentType) {
    const wanted = { video: 'video/', image: 'image/jpeg', photo: 'image/' }[what];
    if (!contentType.toLowerCase().startsWith(wanted))
      throw refuse(`served as "${contentType}", not ${wanted}`);
  }
  record.ok = true;
  return { bytes, contentType };
}

/** Duration of uploaded or fetched video bytes (mvhd), else the configured default. */
export function videoDuration(world: MetaWorld, bytes: Buffer): number {
  return mp4DurationMs(bytes) ?? world.options.videoDurationMs;
}

export function isVideoBytes(bytes: Buffer): boolean {
  return sniffMedia(bytes) === 'mp4';
}
