/**
 * The fake Google server's records (OAuth clients, codes, tokens; YouTube channels, upload
 * sessions, videos, thumbnails, comments, the quota ledger) and its two error shapes: the Google
 * JSON error envelope of the YouTube Data API (reference §5.6) and the OAuth token endpoint's
 * `{"error","error_description"}`.
 */
import { json, type FakeAnswer } from './fake-http';

export interface GoogleErrorSpec {
  status: number;
  reason: string;
  message: string;
  /** Default 'youtube.api' (quota errors: 'youtube.quota'; auth: 'global'). */
  domain?: string;
  location?: string;
  locationType?: string;
  headers?: Record<string, string>;
}

export class GoogleError extends Error {
  constructor(readonly spec: GoogleErrorSpec) {
    super(spec.message);
  }
}

export function googleErrorAnswer(spec: GoogleErrorSpec): FakeAnswer {
  const item: Record<string, string> = {
    message: spec.message,
    domain: spec.domain ?? 'youtube.api',
    reason: spec.reason,
  };
  if (spec.location) item.location = spec.location;
  if (spec.locationType) item.locationType = spec.locationType;
  return json(
    spec.status,
    { error: { code: spec.status, message: spec.message, errors: [item] } },
    spec.headers,
  );
}

/** What /token and /revoke answer when they refuse: `{"error","error_description"}`. */
export function oauthErrorAnswer(status: number, error: string, description: string): FakeAnswer {
  return json(status, { error, error_description: description });
}

export interface ClientRecord {
  clientId: string;
  clientSecret: string;
  type: 'desktop' | 'web';
}

export interface ChannelRecord {
  id: string;
  title: string;
  /** Unverified channels cannot set custom thumbnails (thumbnails.set → 403 forbidden). */
  customThumbnails: boolean;
}

export interface CodeRecord {
  code: string;
  clientId: string;
  channelId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge?: string;
  issueRefreshToken: boolean;
  expiresAt: Date;
  used: boolean;
}

export interface RefreshTokenRecord {
  value: string;
  clientId: string;
  channelId: string;
  scopes: string[];
  issuedAt: Date;
  expiresAt: Date | null;
  revoked: boolean;
}

export interface AccessTokenRecord {
  value: string;
  clientId: string;
  channelId: string;
  scopes: string[];
  expiresAt: Date;
  refreshToken?: string;
  /** Set by expireAccessToken or by revoking its refresh token. */
  revoked: boolean;
}

export interface VideoMetadata {
  title: string;
  description: string;
  tags: string[];
  categoryId: string;
  privacyStatus: 'public' | 'private' | 'unlisted';
  publishAt?: string;
  selfDeclaredMadeForKids?: boolean;
  defaultLanguage?: string;
}

export interface UploadSessionRecord {
  id: string;
  uri: string;
  channelId: string;
  clientId: string;
  parts: string[];
  metadata: VideoMetadata;
  /** The notifySubscribers query parameter of the insert, when given. */
  notifySubscribers?: boolean;
  declaredLength: number;
  declaredType: string;
  data: Buffer;
  /** Body bytes of every PUT that arrived, kept or not. */
  bytesReceived: number;
  requests: number;
  createdAt: Date;
  videoId?: string;
}

export interface VideoRecord extends VideoMetadata {
  id: string;
  channelId: string;
  sessionId: string;
  notifySubscribers?: boolean;
  bytes: number;
  contentType: string;
  /** From the video's `mvhd`, when it has one. */
  durationMs?: number;
  uploadedAt: Date;
  /** videos.list answers uploadStatus "uploaded" this many more times, then "processed". */
  processingPollsLeft: number;
  thumbnailSet: boolean;
}

export interface ThumbnailRecord {
  videoId: string;
  channelId: string;
  contentType: string;
  bytes: number;
  at: Date;
}

export interface YouTubeCommentRecord {
  threadId: string;
  videoId: string;
  channelId: string;
  text: string;
  at: Date;
}

export interface QuotaEntry {
  /** Pacific-Time date, YYYY-MM-DD. */
  day: string;
  method: string;
  units: number;
  /** Calls counted in the separate videos.insert bucket. */
  inserts: number;
  at: Date;
}

/** The quota day: midnight to midnight in America/Los_Angeles. */
export function pacificDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Los_Angeles',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export const YOUTUBE_SCOPES = {
  upload: 'https://www.googleapis.com/auth/youtube.upload',
  youtube: 'https://www.googleapis.com/auth/youtube',
  forceSsl: 'https://www.googleapis.com/auth/youtube.force-ssl',
  readonly: 'https://www.googleapis.com/auth/youtube.readonly',
  partner: 'https://www.googleapis.com/auth/youtubepartner',
};

/** Scopes the fake's consent screen knows; anything else is invalid_scope. */
export const KNOWN_SCOPES = new Set([
  ...Object.values(YOUTUBE_SCOPES),
  'openid',
  'email',
  'profile',
  'https://www.googleapis.com/auth/userinfo.email',
  'https://www.googleapis.com/auth/userinfo.profile',
]);
