/**
 * AWS Signature Version 4 as S3 checks it, written from the public specification (canonical
 * request → string to sign → HMAC chain) rather than with the SDK's own signer, so that a bug in
 * the signer cannot cancel itself out in the tests. Covers the Authorization header and presigned
 * query strings; S3 signs the path as sent (no double encoding, no normalisation).
 */
import { createHash, createHmac } from 'node:crypto';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

export interface Credential {
  accessKeyId: string;
  /** YYYYMMDD */
  date: string;
  region: string;
  service: string;
}

export interface SignedRequestParts {
  method: string;
  /** The path as received, percent-encoding kept. */
  rawPath: string;
  /** The query as received, without `?`. */
  rawQuery: string;
  /** Lower-cased names. */
  headers: Record<string, string>;
  signedHeaders: string[];
  payloadHash: string;
  /** Query parameters left out of the canonical query (X-Amz-Signature for presigned URLs). */
  excludeQuery?: string[];
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** RFC 3986 encoding as SigV4 wants it: unreserved characters only, upper-case hex. */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function decodeQueryComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function canonicalQuery(rawQuery: string, exclude: string[] = []): string {
  if (!rawQuery) return '';
  return rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = decodeQueryComponent(eq < 0 ? pair : pair.slice(0, eq));
      const value = eq < 0 ? '' : decodeQueryComponent(pair.slice(eq + 1));
      return [uriEncode(name), uriEncode(value)] as const;
    })
    .filter(([name]) => !exclude.includes(decodeQueryComponent(name)))
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

export function canonicalRequest(parts: SignedRequestParts): string {
  const headerLines = parts.signedHeaders
    .map((name) => `${name}:${(parts.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  return [
    parts.method,
    parts.rawPath || '/',
    canonicalQuery(parts.rawQuery, parts.excludeQuery),
    headerLines,
    parts.signedHeaders.join(';'),
    parts.payloadHash,
  ].join('\n');
}

export function scopeOf(credential: Credential): string {
  return `${credential.date}/${credential.region}/${credential.service}/aws4_request`;
}

export function stringToSign(amzDate: string, credential: Credential, canonical: string): string {
  return [ALGORITHM, amzDate, scopeOf(credential), sha256Hex(canonical)].join('\n');
}

export function signingKey(secret: string, credential: Credential): Buffer {
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  return hmac(
    hmac(hmac(hmac(`AWS4${secret}`, credential.date), credential.region), credential.service),
    'aws4_request',
  );
}

export function sign(secret: string, credential: Credential, toSign: string): string {
  return createHmac('sha256', signingKey(secret, credential)).update(toSign).digest('hex');
}

/** `AKID/20260310/us-east-1/s3/aws4_request` → its parts, or null when malformed. */
export function parseCredential(text: string): Credential | null {
  const parts = text.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request' || !/^\d{8}$/.test(parts[1]!)) return null;
  const [accessKeyId, date, region, service] = parts as [string, string, string, string];
  return { accessKeyId, date, region, service };
}

export interface AuthorizationHeader {
  credential: Credential;
  signedHeaders: string[];
  signature: string;
}

/** `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`, or a reason it is malformed. */
export function parseAuthorizationHeader(header: string): AuthorizationHeader | string {
  if (!header.startsWith(`${ALGORITHM} `))
    return `The authorization mechanism you have provided is not supported. Please use ${ALGORITHM}.`;
  const fields: Record<string, string> = {};
  for (const part of header.slice(ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  const credential = fields.Credential ? parseCredential(fields.Credential) : null;
  if (!credential) return 'The authorization header is malformed; the Credential is mal-formed.';
  if (!fields.SignedHeaders || !fields.Signature)
    return 'The authorization header is malformed; SignedHeaders and Signature are required.';
  return { credential, signedHeaders: fields.SignedHeaders.split(';'), signature: fields.Signature };
}

/** `20260310T120000Z` → Date, or null. */
export function parseAmzDate(text: string | undefined): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text ?? '');
  if (!m) return null;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}
