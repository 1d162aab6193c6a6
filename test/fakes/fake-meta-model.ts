/**
 * The fake Meta server's model: the records it keeps (tokens, containers, uploads, published media,
 * reels, photos, posts, comments), the error envelope of reference §2.1 and the table of rule errors
 * whose codes are configurable because the reference could not verify them, the `fields=` parser,
 * paging, and the media fetcher that plays Meta "cURLing" a public URL.
 */
import type { RecordedRequest } from './fake-http';

// ---------------------------------------------------------------------------------------------
// Errors

export interface MetaErrorSpec {
  /** HTTP status; 400 unless said otherwise (reference §2.1: the IG table lists 400 for all rows). */
  status?: number;
  code: number;
  subcode?: number;
  /** Defaults to 'OAuthException', as in most Graph errors. */
  type?: string;
  message: string;
  userTitle?: string;
  userMsg?: string;
  /** Only written on Instagram endpoints; defaults to false there. */
  isTransient?: boolean;
  headers?: Record<string, string>;
}

export class MetaError extends Error {
  constructor(readonly spec: MetaErrorSpec) {
    super(spec.message);
  }
}

/** Rule errors a test may re-code (`options.ruleErrors`). Flags are the reference's: V, T or U. */
export const DEFAULT_META_RULE_ERRORS = {
  /** No token at all. [V-ish, well known] */
  tokenMissing: { code: 104, message: 'An access token is required to request this resource.' },
  /** Unknown token. [V] code 190 */
  tokenInvalid: { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' },
  /** Token past its expiry, or expired by `expireToken`. [V] 190, [U] 463 */
  tokenExpired: { code: 190, subcode: 463, message: 'Error validating access token: Session has expired.' },
  /** Token revoked by `revokeToken` (password change, de-authorisation). [V] 190/460 */
  tokenRevoked: {
    code: 190,
    subcode: 460,
    message:
      'Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
  },
  /** A Page edge called with a user token. [U] code 210 */
  pageTokenRequired: {
    code: 210,
    message: '(#210) A page access token is required to request this resource.',
  },
  /** A token that does not manage the object. [V] 200-range */
  permissionDenied: { code: 200, message: '(#200) Permissions error' },
  /** A token lacking a scope the call needs. [V] code 10 */
  scopeMissing: { code: 10, message: '(#10) Application does not have permission for this action' },
  /** Missing or malformed parameter. [U] code 100 */
  invalidParameter: { code: 100, message: '(#100) Invalid parameter' },
  /** Unknown object id. [U] 100/33 */
  objectNotFound: {
    code: 100,
    subcode: 33,
    type: 'GraphMethodException',
    message:
      'Unsupported request. Object does not exist, cannot be loaded due to missing permissions, or does not support this operation.',
  },
  /** Unknown edge, or a version not in `versions`. [U] code 2500 */
  unknownPath: { code: 2500, message: 'Unknown path components' },
  /** Exchange with a wrong client_secret. [U] code 1 */
  badClientSecret: { code: 1, message: 'Error validating client secret.' },
  /** Exchange with an unknown client_id. [U] code 101 */
  badClientId: { code: 101, message: 'Error validating application. Invalid application ID.' },
  /** image_url / video_url / cover_url / file_url not fetchable. [U] 9004/2207052 */
  mediaFetchFailed: {
    code: 9004,
    subcode: 2207052,
    message:
      'The media could not be fetched from this URI. Make sure the URI is public and points to a media file.',
  },
  /** Image larger than 8 MiB. [V] 36000/2207004 */
  imageTooLarge: {
    code: 36000,
    subcode: 2207004,
    message: 'The image size is too large. It must be less than 8 MiB.',
  },
  /** Image that is not JPEG. [U] 36001/2207005 */
  imageFormatUnsupported: {
    code: 36001,
    subcode: 2207005,
    message: 'The image format is not supported. Supported formats: JPEG.',
  },
  /** thumb_offset < 0 or ≥ duration. [V] 1/2207057 */
  thumbOffsetOutOfRange: {
    code: 1,
    subcode: 2207057,
    message: 'The thumbnail offset is out of range: it must be at least 0 and less than the video duration.',
  },
  /** Publish of a container that is not FINISHED (or in ERROR). [U] 9007/2207027 */
  containerNotReady: {
    code: 9007,
    subcode: 2207027,
    message: 'The media is not ready for publishing, please wait for a moment.',
  },
  /** Publish of a container already PUBLISHED. [U] */
  containerAlreadyPublished: {
    code: 9007,
    subcode: 2207027,
    message: 'The media has already been published.',
  },
  /** Publish of an EXPIRED container. [V] -2/2207020 */
  containerExpired: {
    code: -2,
    subcode: 2207020,
    message: 'The media you are trying to access has expired. Please try to upload again.',
  },
  /** creation_id unknown or of another account. [T] 24/2207008 */
  containerNotFound: {
    code: 24,
    subcode: 2207008,
    message: 'The media builder with the given id does not exist.',
  },
  /** 51st publish in a rolling 24 h. [V] 9/2207042 */
  publishLimitReached: {
    code: 9,
    subcode: 2207042,
    message: 'You have reached the maximum number of posts that is allowed.',
  },
  /** 401st container in a rolling 24 h. [U] */
  containerLimitReached: {
    code: 4,
    message: 'Too many media containers have been created for this account in 24 hours.',
  },
  /** Bad carousel (child count, REELS child, not is_carousel_item, another account's child). [U] code 100 */
  carouselInvalid: { code: 100, message: '(#100) The carousel children are invalid.' },
  /** 31st reel of a Page in a rolling 24 h. [U] code */
  reelLimitReached: {
    code: 4,
    message: 'The Page has reached the limit of API-published reels in 24 hours.',
  },
  /** upload_phase=finish before the bytes are complete, or a second finish. [U] */
  videoNotUploaded: {
    code: 6000,
    message: 'There was a problem uploading your video file. Please try again.',
  },
  videoAlreadyFinished: { code: 100, message: '(#100) The video has already been finished.' },
  /** A photo id unknown, of another Page, published, or already attached. [U] code 100 */
  photoNotAttachable: {
    code: 100,
    message: '(#100) param attached_media must be a list of unpublished photos of this Page.',
  },
  /** Photo upload without a usable image. [U] code 324 */
  photoInvalid: { code: 324, message: '(#324) Missing or invalid image file' },
  /**
   * An insights metric that is unknown, retired (plays, impressions, video_views…) or not offered
   * for the media type fails the WHOLE request. [V: "will return an error"; code 100 and the
   * wording U, widely reported]
   */
  metricInvalid: { code: 100, message: '(#100) metric must be one of the following values' },
  /** Insights asked of a media inside a carousel album (query the album). [V rule, U code] */
  albumChildInsights: {
    code: 100,
    message: '(#100) Insights are not available for media inside a carousel album; query the album.',
  },
  /** The 31st unique hashtag searched by one account in a rolling 7 days. [V rule, U code] */
  hashtagLimitReached: {
    code: 4,
    subcode: 2207034,
    message:
      'You have reached the limit of 30 unique hashtags searched by this account in a rolling 7-day period.',
  },
  /** business_discovery of a username that is not a professional account. [U] 110/2207013 */
  businessDiscoveryNotFound: {
    code: 110,
    subcode: 2207013,
    type: 'IGApiException',
    message: 'Cannot find User with the given username.',
  },
} satisfies Record<string, MetaErrorSpec>;

export type MetaRule = keyof typeof DEFAULT_META_RULE_ERRORS;

export function errorEnvelope(spec: MetaErrorSpec, fbtraceId: string, instagram: boolean): unknown {
  return {
    error: {
      message: spec.message,
      type: spec.type ?? 'OAuthException',
      code: spec.code,
      ...(spec.subcode !== undefined ? { error_subcode: spec.subcode } : {}),
      ...(instagram ? { is_transient: spec.isTransient ?? false } : {}),
      ...(spec.userTitle !== undefined ? { error_user_title: spec.userTitle } : {}),
      ...(spec.userMsg !== undefined ? { error_user_msg: spec.userMsg } : {}),
      fbtrace_id: fbtraceId,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Records

export type TokenLifetime = 'short' | 'long' | 'never';

export interface TokenRecord {
  value: string;
  kind: 'user' | 'page';
  userId: string;
  pageId?: string;
  lifetime: TokenLifetime;
  issuedAt: Date;
  /** null: never expires (Page tokens derived from a long-lived user token). */
  expiresAt: Date | null;
  revoked: boolean;
  /** Set by `expireToken`, whatever expiresAt says. */
  forcedExpired: boolean;
  scopes: string[];
}

export interface UserRecord {
  id: string;
  name: string;
  scopes: string[];
}

export interface PageRecord {
  id: string;
  name: string;
  userId: string;
  accessToken: string;
  instagram?: { id: string; username: string };
}

export interface UploadRecord {
  target: 'ig' | 'fb';
  id: string;
  /** Declared by the first chunk's `file_size` header (or the fetched file's length). */
  fileSize: number | null;
  data: Buffer;
  /** Bytes of every body that arrived, accepted or not. */
  bytesReceived: number;
  /** Upload requests that reached the target (accepted or refused). */
  requests: number;
  complete: boolean;
  /** Set when the bytes came from a `file_url` header. */
  fileUrl?: string;
}

export type ContainerMediaType = 'IMAGE' | 'REELS' | 'VIDEO' | 'CAROUSEL' | 'STORIES';
export type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';

export interface ProcessingScript {
  /** GETs asking for status_code/status that answer IN_PROGRESS once processing started. */
  inProgressPolls?: number;
  /** After those polls, ERROR with this subcode in `status`. */
  error?: { subcode: number; message?: string };
}

export interface ContainerRecord {
  id: string;
  igUserId: string;
  mediaType: ContainerMediaType;
  isCarouselItem: boolean;
  caption?: string;
  shareToFeed?: boolean;
  coverUrl?: string;
  thumbOffset?: number;
  imageUrl?: string;
  videoUrl?: string;
  children: string[];
  source: 'image_url' | 'video_url' | 'resumable' | 'children';
  createdAt: Date;
  upload?: UploadRecord;
  durationMs?: number;
  processingStarted: boolean;
  pollsLeft: number;
  /** ERROR once pollsLeft reaches 0 (scripted, or found while processing). */
  pendingError?: { subcode: number; message: string };
  publishedMediaId?: string;
  /** Every parameter of the creating call. */
  params: Record<string, string>;
}

export interface IgMediaRecord {
  id: string;
  igUserId: string;
  containerId: string;
  mediaType: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
  mediaProductType: 'FEED' | 'REELS' | 'STORY';
  caption?: string;
  shareToFeed?: boolean;
  coverUrl?: string;
  thumbOffset?: number;
  imageUrl?: string;
  videoUrl?: string;
  /** Bytes of the video received by rupload (resumable flow). */
  uploadedBytes?: number;
  children: Array<{
    id: string;
    containerId: string;
    mediaType: 'IMAGE' | 'VIDEO';
    imageUrl?: string;
    videoUrl?: string;
  }>;
  timestamp: Date;
  permalink: string;
}

export interface FbVideoRecord {
  id: string;
  pageId: string;
  createdAt: Date;
  upload: UploadRecord;
  processingStarted: boolean;
  pollsLeft: number;
  pendingError?: { subcode: number; message: string };
  /** Set by upload_phase=finish. */
  videoState?: 'PUBLISHED' | 'DRAFT' | 'SCHEDULED';
  description?: string;
  title?: string;
  scheduledPublishTime?: number;
  finishedAt?: Date;
  params: Record<string, string>;
}

export interface FbPhotoRecord {
  id: string;
  pageId: string;
  published: boolean;
  url?: string;
  bytes: number;
  message?: string;
  attachedToPostId?: string;
  createdAt: Date;
}

export interface FbPostRecord {
  id: string;
  pageId: string;
  kind: 'feed' | 'photo';
  message?: string;
  attachedPhotoIds: string[];
  createdAt: Date;
}

export interface CommentRecord {
  id: string;
  objectId: string;
  platform: 'instagram' | 'facebook';
  message: string;
  createdAt: Date;
}

// ---------------------------------------------------------------------------------------------
// fields=a,b{c,d},e.limit(5){f}

export interface FieldNode {
  name: string;
  children?: FieldNode[];
  /** Modifiers written after the name: `media.limit(5)` → {limit: '5'}, `business_discovery.username(x)`. */
  modifiers?: Record<string, string>;
}

export function parseFields(text: string | undefined): FieldNode[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let at = 0;
  const parseList = (): FieldNode[] => {
    const nodes: FieldNode[] = [];
    for (;;) {
      let name = '';
      while (at < text.length && !',{}'.includes(text[at]!)) name += text[at++];
      name = name.trim();
      const modifiers: Record<string, string> = {};
      for (const [, key, value] of name.matchAll(/\.([a-z_]+)\(([^()]*)\)/g)) modifiers[key!] = value!;
      name = name.replace(/\..*$/, ''); // the modifiers (.limit(5), .username(x)) are kept apart
      let children: FieldNode[] | undefined;
      if (text[at] === '{') {
        at += 1;
        children = parseList();
        if (text[at] !== '}')
          throw new MetaError({
            ...DEFAULT_META_RULE_ERRORS.invalidParameter,
            message: `(#100) Syntax error in fields: ${text}`,
          });
        at += 1;
      }
      if (name) {
        const node: FieldNode = children ? { name, children } : { name };
        if (Object.keys(modifiers).length > 0) node.modifiers = modifiers;
        nodes.push(node);
      }
      if (text[at] === ',') {
        at += 1;
        continue;
      }
      return nodes;
    }
  };
  const nodes = parseList();
  if (at !== text.length)
    throw new MetaError({
      ...DEFAULT_META_RULE_ERRORS.invalidParameter,
      message: `(#100) Syntax error in fields: ${text}`,
    });
  return nodes;
}

/**
 * Projects `fields` over a node whose readable fields are `getters` (a getter receives the
 * sub-fields asked for). Unknown fields fail as Graph does, naming the node type.
 */
export function project(
  nodeType: string,
  fields: FieldNode[],
  getters: Record<string, (children: FieldNode[] | undefined, field: FieldNode) => unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const getter = getters[field.name];
    if (!getter) {
      throw new MetaError({
        ...DEFAULT_META_RULE_ERRORS.invalidParameter,
        message: `(#100) Tried accessing nonexisting field (${field.name}) on node type (${nodeType})`,
      });
    }
    const value = getter(field.children, field);
    if (value !== undefined) out[field.name] = value;
  }
  return out;
}

/** `{data, paging}` with opaque `after` cursors over an in-memory list. */
export function pageOf(
  items: Array<Record<string, unknown>>,
  query: Record<string, string>,
  nextBase: string,
): { data: unknown[]; paging?: unknown } {
  const limit = query.limit !== undefined ? Number(query.limit) : 25;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new MetaError({
      ...DEFAULT_META_RULE_ERRORS.invalidParameter,
      message: '(#100) limit must be a positive integer',
    });
  }
  const start = query.after ? Number(Buffer.from(query.after, 'base64url').toString()) : 0;
  if (!Number.isInteger(start) || start < 0) {
    throw new MetaError({ ...DEFAULT_META_RULE_ERRORS.invalidParameter, message: '(#100) Invalid cursor' });
  }
  const data = items.slice(start, start + limit);
  if (data.length === 0) return { data };
  const cursor = (n: number) => Buffer.from(String(n)).toString('base64url');
  const after = cursor(start + data.length);
  const paging: Record<string, unknown> = { cursors: { before: cursor(start), after } };
  if (start + data.length < items.length) {
    const next = new URLSearchParams({ ...query, after });
    paging.next = `${nextBase}?${next.toString()}`;
  }
  return { data, paging };
}

/** Graph's timestamp format: 2026-01-15T12:00:00+0000. */
export function graphTime(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, '+0000');
}

// ---------------------------------------------------------------------------------------------
// Parameters: query + body, whatever the encoding (Graph accepts all of them).

export function graphParams(request: RecordedRequest): Record<string, string> {
  const params: Record<string, string> = { ...request.query };
  const body = request.body;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const fields =
      'fields' in body && 'files' in body ? (body as { fields: Record<string, string> }).fields : body;
    for (const [name, value] of Object.entries(fields as Record<string, unknown>)) {
      if (value === undefined || value === null) continue;
      params[name] = typeof value === 'string' ? value : JSON.stringify(value);
    }
  }
  return params;
}

export function isTrue(value: string | undefined): boolean {
  return value === 'true' || value === '1';
}
