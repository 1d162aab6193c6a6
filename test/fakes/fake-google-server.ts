/**
 * A strict fake of Google OAuth for installed apps and the YouTube Data API v3, on ONE origin on
 * 127.0.0.1 (reference §5; maestro-behaviour §8.2 "YouTube Short"):
 *
 * - `/o/oauth2/v2/auth` answers a Desktop client with a loopback redirect (any port) by a 302 to
 *   `redirect_uri?code=…&state=…` (automatic consent, or a scripted `error=access_denied`); OOB
 *   and other redirects get Google's HTML error page. `POST /token` exchanges the code (PKCE S256
 *   checked against the challenge, redirect_uri equal to the one used) and refresh tokens;
 *   `POST /revoke` and `GET /oauth2/v3/tokeninfo` too. See fake-google-oauth.ts.
 * - YouTube: channels.list, the resumable videos.insert (308 + Range, status queries, 201 with the
 *   video), thumbnails.set, videos.list, playlistItems.list (the uploads playlist, for looking up
 *   what a crash left behind) and commentThreads.insert, with Bearer auth, scopes, and the quota
 *   ledger per Pacific-Time day. See fake-google-youtube.ts.
 * - Scripted failures per endpoint (`failNext`), including dropping a connection after the action.
 * - Video and channel statistics (string counts, as the API sends them) come from
 *   `options.audience` (fake-audience.ts), so a test or the simulated world decides the numbers.
 *
 * Every request is recorded; uploaded videos, thumbnails and comments are kept as records so that a
 * test can assert each happened exactly once.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  drop,
  FailureScript,
  listen,
  recordRequest,
  send,
  truncateBody,
  type Clock,
  type FailureMatch,
  type FakeAnswer,
  type RecordedRequest,
  type Scripted,
} from './fake-http';
import {
  googleErrorAnswer,
  oauthErrorAnswer,
  pacificDay,
  YOUTUBE_SCOPES,
  type AccessTokenRecord,
  type ChannelRecord,
  type ClientRecord,
  type CodeRecord,
  type GoogleErrorSpec,
  type QuotaEntry,
  type RefreshTokenRecord,
  type ThumbnailRecord,
  type UploadSessionRecord,
  type VideoRecord,
  type YouTubeCommentRecord,
} from './fake-google-model';
import { authorize, revoke, token, tokenInfo } from './fake-google-oauth';
import { handleYouTube, routeYouTube } from './fake-google-youtube';
import { defaultAudience, type FakeAudience } from './fake-audience';

export type { GoogleErrorSpec } from './fake-google-model';
export { YOUTUBE_SCOPES } from './fake-google-model';

export interface FakeGoogleQuotaOptions {
  /** Units per Pacific-Time day. Default 10,000 [V]. */
  dailyUnits?: number;
  /** 'units': videos.insert costs videosInsertCost units (default, 1600 [V, older page]);
   *  'separate': it counts against a bucket of separateInsertsPerDay calls instead [V, current page]. */
  videosInsertBucket?: 'units' | 'separate';
  videosInsertCost?: number;
  separateInsertsPerDay?: number;
  /** Default 50 [V]. */
  thumbnailsSetCost?: number;
  /** channels.list, videos.list, playlistItems.list. Default 1 [V for channels.list]. */
  listCost?: number;
  /** Default 50 [U]. */
  commentThreadsInsertCost?: number;
  /** What a refused (4xx) call costs. Default 1 [V: "even invalid requests cost at least one unit"]. */
  invalidRequestCost?: number;
}

export interface FakeGoogleOptions {
  now?: Clock;
  /** Default one Desktop client 'fake-client-id.apps.googleusercontent.com' / 'fake-client-secret'. */
  clients?: Array<{ clientId: string; clientSecret: string; type?: 'desktop' | 'web' }>;
  /** Default one channel 'UCfakechannel000000000001' "Fake Channel" that may set custom thumbnails. */
  channels?: Array<{ id: string; title: string; customThumbnails?: boolean }>;
  /** Access token lifetime. Default 3599 s [U]. */
  accessTokenSeconds?: number;
  /** Authorization code lifetime. Default 600 s [U]. */
  authorizationCodeSeconds?: number;
  /** Refresh token lifetime; null = until revoked (default). 7 days for apps in Testing [U]. */
  refreshTokenLifetimeMs?: number | null;
  /** A refresh token only on the first offline consent, or with prompt=consent. Default true [U]. */
  refreshTokenOnlyOnFirstConsent?: boolean;
  /** Refuse authorization requests without an S256 code_challenge. Default true. */
  requirePkce?: boolean;
  /** Accept http://localhost redirects besides 127.0.0.1 / [::1]. Default false (RFC 8252 §7.3). */
  allowLocalhostRedirect?: boolean;
  /** The token endpoint wants client_secret even from a Desktop client. Default true [U]. */
  requireClientSecret?: boolean;
  quota?: FakeGoogleQuotaOptions;
  /** thumbnails.set size limit. Default 2 MiB [V, v3 page]. */
  thumbnailMaxBytes?: number;
  /** Upload session lifetime. Default 7 days [U]. */
  uploadSessionLifetimeMs?: number;
  /** Non-final chunks are kept in multiples of this (the rest must be resent, per the 308 Range).
   *  Default 262144 [U, general Google rule]; 0 keeps every byte. */
  chunkGranularityBytes?: number;
  /** Status of the PUT that completes an upload. Default 201 [V]. */
  uploadCompleteStatus?: 200 | 201;
  /** videos.list reads uploadStatus "uploaded" this many times before "processed". Default 1. */
  processingPolls?: number;
  /** What viewers do with the uploaded videos (statistics). Default: defaultAudience. */
  audience?: FakeAudience;
}

type ResolvedGoogleOptions = Required<Omit<FakeGoogleOptions, 'now' | 'clients' | 'channels' | 'quota'>> & {
  quota: Required<FakeGoogleQuotaOptions>;
};

/** State and helpers the OAuth and YouTube modules share. */
export interface GoogleWorld {
  options: ResolvedGoogleOptions;
  now: Clock;
  baseUrl: string;
  clients: Map<string, ClientRecord>;
  channels: Map<string, ChannelRecord>;
  /** The account the consent screen signs in as. */
  signedIn: string;
  consent: { deny: number };
  /** `${clientId} ${channelId}` pairs that consented before. */
  grants: Set<string>;
  codes: Map<string, CodeRecord>;
  refreshTokens: Map<string, RefreshTokenRecord>;
  accessTokens: Map<string, AccessTokenRecord>;
  sessions: Map<string, UploadSessionRecord>;
  videos: Map<string, VideoRecord>;
  thumbnails: ThumbnailRecord[];
  comments: YouTubeCommentRecord[];
  ledger: QuotaEntry[];
  nextSeq(): number;
  issueAccessToken(
    clientId: string,
    channelId: string,
    scopes: string[],
    refreshToken?: string,
  ): AccessTokenRecord;
  revokeRefreshToken(value: string): void;
  /** Units and inserts charged on the Pacific day of `at`. */
  quotaUsed(at: Date): { units: number; inserts: number };
}

export interface FakeGoogle {
  baseUrl: string;
  port: number;
  requests: RecordedRequest[];
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  /** The first client. */
  client: { clientId: string; clientSecret: string };
  /** The first channel's id. */
  channelId: string;

  // OAuth scripting
  /** The consent screen signs in as this channel's account from now on. */
  signInAs(channelId: string): void;
  /** The next `count` consents are refused (redirect with error=access_denied). */
  denyNextConsent(count?: number): void;
  /** Tokens for a channel without the browser dance (for YouTube tests). */
  issueTokens(channelId?: string, scopes?: string[]): { accessToken: string; refreshToken: string };
  revokeRefreshToken(token: string): void;
  expireAccessToken(token: string): void;

  // YouTube scripting
  failNext(match: FailureMatch, count: number, failure: Scripted<GoogleErrorSpec>): void;
  setCustomThumbnails(channelId: string, allowed: boolean): void;
  /** Charges units today, as if other calls had spent them. */
  spendQuota(units: number): void;

  // Records (live)
  videos(channelId?: string): VideoRecord[];
  uploadSessions(): UploadSessionRecord[];
  thumbnails(videoId?: string): ThumbnailRecord[];
  comments(videoId?: string): YouTubeCommentRecord[];
  /** Units and inserts charged on the Pacific day of `at` (default: now). */
  quotaUsed(at?: Date): { units: number; inserts: number };
  quotaLedger: QuotaEntry[];
  close(): Promise<void>;
}

export const googleFailure = {
  error: (spec: GoogleErrorSpec): Scripted<GoogleErrorSpec> => ({ kind: 'error', error: spec }),
  /** 400 uploadLimitExceeded: the channel's 24-h upload count [T]. */
  uploadLimitExceeded: (): Scripted<GoogleErrorSpec> => ({
    kind: 'error',
    error: {
      status: 400,
      reason: 'uploadLimitExceeded',
      message: 'The user has exceeded the number of videos they may upload.',
    },
  }),
  quotaExceeded: (): Scripted<GoogleErrorSpec> => ({
    kind: 'error',
    error: {
      status: 403,
      reason: 'quotaExceeded',
      domain: 'youtube.quota',
      message: 'The request cannot be completed because you have exceeded your quota.',
    },
  }),
  rateLimitExceeded: (): Scripted<GoogleErrorSpec> => ({
    kind: 'error',
    error: {
      status: 429,
      reason: 'rateLimitExceeded',
      domain: 'usageLimits',
      message: 'Too many requests.',
      headers: { 'retry-after': '30' },
    },
  }),
  backendError: (status = 503): Scripted<GoogleErrorSpec> => ({
    kind: 'error',
    error: { status, reason: 'backendError', domain: 'global', message: 'Backend Error' },
  }),
  dropAfterProcessing: (): Scripted<GoogleErrorSpec> => ({ kind: 'drop', when: 'after' }),
  dropBeforeProcessing: (): Scripted<GoogleErrorSpec> => ({ kind: 'drop', when: 'before' }),
  dropAfterBytes: (bytes: number): Scripted<GoogleErrorSpec> => ({
    kind: 'drop',
    when: 'after',
    afterBytes: bytes,
  }),
};

const OAUTH_ROUTES: Record<
  string,
  { endpoint: string; handle: (world: GoogleWorld, request: RecordedRequest) => FakeAnswer }
> = {
  '/o/oauth2/v2/auth': { endpoint: 'oauth.authorize', handle: authorize },
  '/token': { endpoint: 'oauth.token', handle: token },
  '/revoke': { endpoint: 'oauth.revoke', handle: revoke },
  '/oauth2/v3/tokeninfo': { endpoint: 'oauth.tokeninfo', handle: tokenInfo },
};

/** The app's environment variables that point every Google address (OAuth, YouTube) at this fake. */
export function googleEnv(google: FakeGoogle): Record<string, string> {
  return {
    MAESTRO_GOOGLE_AUTH_URL: google.authorizeUrl,
    MAESTRO_GOOGLE_TOKEN_URL: google.tokenUrl,
    MAESTRO_GOOGLE_REVOKE_URL: google.revokeUrl,
    MAESTRO_YOUTUBE_API_URL: `${google.baseUrl}/youtube/v3`,
    MAESTRO_YOUTUBE_UPLOAD_URL: `${google.baseUrl}/upload/youtube/v3`,
  };
}

export async function startFakeGoogle(options: FakeGoogleOptions = {}): Promise<FakeGoogle> {
  const now = options.now ?? (() => new Date());
  const resolved: ResolvedGoogleOptions = {
    accessTokenSeconds: options.accessTokenSeconds ?? 3599,
    authorizationCodeSeconds: options.authorizationCodeSeconds ?? 600,
    refreshTokenLifetimeMs: options.refreshTokenLifetimeMs ?? null,
    refreshTokenOnlyOnFirstConsent: options.refreshTokenOnlyOnFirstConsent ?? true,
    requirePkce: options.requirePkce ?? true,
    allowLocalhostRedirect: options.allowLocalhostRedirect ?? false,
    requireClientSecret: options.requireClientSecret ?? true,
    quota: {
      dailyUnits: 10_000,
      videosInsertBucket: 'units',
      videosInsertCost: 1600,
      separateInsertsPerDay: 100,
      thumbnailsSetCost: 50,
      listCost: 1,
      commentThreadsInsertCost: 50,
      invalidRequestCost: 1,
      ...options.quota,
    },
    thumbnailMaxBytes: options.thumbnailMaxBytes ?? 2 * 1024 * 1024,
    uploadSessionLifetimeMs: options.uploadSessionLifetimeMs ?? 7 * 24 * 3600_000,
    chunkGranularityBytes: options.chunkGranularityBytes ?? 256 * 1024,
    uploadCompleteStatus: options.uploadCompleteStatus ?? 201,
    processingPolls: options.processingPolls ?? 1,
    audience: options.audience ?? defaultAudience,
  };
  const requests: RecordedRequest[] = [];
  const failures = new FailureScript<GoogleErrorSpec>();
  let seq = 0;
  const clientSeeds = options.clients ?? [
    { clientId: 'fake-client-id.apps.googleusercontent.com', clientSecret: 'fake-client-secret' },
  ];
  const channelSeeds = options.channels ?? [{ id: 'UCfakechannel000000000001', title: 'Fake Channel' }];
  if (clientSeeds.length === 0 || channelSeeds.length === 0)
    throw new Error('at least one client and one channel');

  const world: GoogleWorld = {
    options: resolved,
    now,
    baseUrl: '',
    clients: new Map(clientSeeds.map((c) => [c.clientId, { ...c, type: c.type ?? 'desktop' }])),
    channels: new Map(
      channelSeeds.map((c) => [c.id, { ...c, customThumbnails: c.customThumbnails ?? true }]),
    ),
    signedIn: channelSeeds[0]!.id,
    consent: { deny: 0 },
    grants: new Set(),
    codes: new Map(),
    refreshTokens: new Map(),
    accessTokens: new Map(),
    sessions: new Map(),
    videos: new Map(),
    thumbnails: [],
    comments: [],
    ledger: [],
    nextSeq: () => ++seq,
    issueAccessToken: (clientId, channelId, scopes, refreshToken) => {
      const record: AccessTokenRecord = {
        value: `ya29.fake-access-${++seq}`,
        clientId,
        channelId,
        scopes,
        expiresAt: new Date(now().getTime() + resolved.accessTokenSeconds * 1000),
        revoked: false,
        ...(refreshToken ? { refreshToken } : {}),
      };
      world.accessTokens.set(record.value, record);
      return record;
    },
    revokeRefreshToken: (value) => {
      const record = world.refreshTokens.get(value);
      if (!record) throw new Error(`no such refresh token ${value}`);
      record.revoked = true;
      for (const access of world.accessTokens.values())
        if (access.refreshToken === value) access.revoked = true;
    },
    quotaUsed: (at) => {
      const day = pacificDay(at);
      return world.ledger
        .filter((entry) => entry.day === day)
        .reduce((sum, entry) => ({ units: sum.units + entry.units, inserts: sum.inserts + entry.inserts }), {
          units: 0,
          inserts: 0,
        });
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await recordRequest(req, requests);
    const oauth = OAUTH_ROUTES[request.path];
    const youtube = oauth ? undefined : routeYouTube(world, request);
    request.endpoint = oauth?.endpoint ?? youtube?.endpoint ?? 'unknown';
    const scripted = failures.take(request);
    if (scripted?.kind === 'error') {
      const { status, reason, message, headers } = scripted.error;
      const answer = oauth ? oauthErrorAnswer(status, reason, message) : googleErrorAnswer(scripted.error);
      return send(res, request, { ...answer, headers: { ...answer.headers, ...headers } });
    }
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
    if (oauth) answer = oauth.handle(world, request);
    else if (youtube) answer = await handleYouTube(world, request, youtube);
    else
      answer = googleErrorAnswer({ status: 404, reason: 'notFound', domain: 'global', message: 'Not Found' });
    if (scripted?.kind === 'drop') return drop(res, request);
    if (scripted?.kind === 'hold') {
      scripted.held();
      await scripted.release;
    }
    send(res, request, answer);
  }

  const listening = await listen(handle, (res, error) => {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 500, message: `fake server failure: ${error.message}` } }));
  });
  world.baseUrl = `http://127.0.0.1:${listening.port}`;
  const firstClient = clientSeeds[0]!;

  return {
    baseUrl: world.baseUrl,
    port: listening.port,
    requests,
    authorizeUrl: `${world.baseUrl}/o/oauth2/v2/auth`,
    tokenUrl: `${world.baseUrl}/token`,
    revokeUrl: `${world.baseUrl}/revoke`,
    client: { clientId: firstClient.clientId, clientSecret: firstClient.clientSecret },
    channelId: channelSeeds[0]!.id,
    signInAs: (channelId) => {
      if (!world.channels.has(channelId)) throw new Error(`no such channel ${channelId}`);
      world.signedIn = channelId;
    },
    denyNextConsent: (count = 1) => {
      world.consent.deny += count;
    },
    issueTokens: (
      channelId = channelSeeds[0]!.id,
      scopes = [YOUTUBE_SCOPES.upload, YOUTUBE_SCOPES.forceSsl, YOUTUBE_SCOPES.readonly],
    ) => {
      const refreshToken = `1//fake-refresh-${world.nextSeq()}`;
      world.refreshTokens.set(refreshToken, {
        value: refreshToken,
        clientId: firstClient.clientId,
        channelId,
        scopes,
        issuedAt: now(),
        expiresAt: null,
        revoked: false,
      });
      const access = world.issueAccessToken(firstClient.clientId, channelId, scopes, refreshToken);
      return { accessToken: access.value, refreshToken };
    },
    revokeRefreshToken: (value) => world.revokeRefreshToken(value),
    expireAccessToken: (value) => {
      const record = world.accessTokens.get(value);
      if (!record) throw new Error(`no such access token ${value}`);
      record.expiresAt = new Date(Math.min(record.expiresAt.getTime(), now().getTime()));
    },
    failNext: (match, count, failure) => failures.add(match, count, failure),
    setCustomThumbnails: (channelId, allowed) => {
      const channel = world.channels.get(channelId);
      if (!channel) throw new Error(`no such channel ${channelId}`);
      channel.customThumbnails = allowed;
    },
    spendQuota: (units) => {
      world.ledger.push({ day: pacificDay(now()), method: 'test.spend', units, inserts: 0, at: now() });
    },
    videos: (channelId) =>
      [...world.videos.values()].filter((v) => channelId === undefined || v.channelId === channelId),
    uploadSessions: () => [...world.sessions.values()],
    thumbnails: (videoId) => world.thumbnails.filter((t) => videoId === undefined || t.videoId === videoId),
    comments: (videoId) => world.comments.filter((c) => videoId === undefined || c.videoId === videoId),
    quotaUsed: (at = now()) => world.quotaUsed(at),
    quotaLedger: world.ledger,
    close: listening.close,
  };
}
