/**
 * Plumbing shared by the platform fakes (Meta, Google, S3): one recorded shape for every request,
 * body parsing (JSON, form, multipart), scripted failures that a test arms per endpoint, and a
 * listener on 127.0.0.1 that can cut a connection after the action took effect — the one failure a
 * client cannot tell apart from "it never happened", and the reason publishing must look outcomes up.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Every time-based rule of a fake reads this; tests pass a manual clock and advance it. */
export type Clock = () => Date;

export interface ManualClock {
  now: Clock;
  advance(ms: number): void;
  set(at: Date | string | number): void;
}

export function manualClock(start: Date | string | number = '2026-01-15T12:00:00Z'): ManualClock {
  let at = new Date(start).getTime();
  return {
    now: () => new Date(at),
    advance: (ms) => {
      at += ms;
    },
    set: (next) => {
      at = new Date(next).getTime();
    },
  };
}

export interface MultipartFile {
  name: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface MultipartBody {
  fields: Record<string, string>;
  files: MultipartFile[];
}

export interface RecordedRequest {
  /** 1-based order of arrival. */
  seq: number;
  method: string;
  /** Path without the query, as received (percent-encoding kept). */
  path: string;
  /** Decoded query parameters; a repeated name keeps its last value. */
  query: Record<string, string>;
  /** The query as received, without the `?`. */
  rawQuery: string;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The bytes received (after a scripted `dropAfterBytes`, only those bytes). */
  rawBody: Buffer;
  /** True when a scripted `dropAfterBytes` cut the body short. */
  truncated: boolean;
  /** A JSON value, form fields (Record), or a MultipartBody; undefined for any other body. */
  body: unknown;
  /** The fake's name for the endpoint it routed this to (e.g. 'ig.media_publish'); null if none. */
  endpoint: string | null;
  /** The status answered, 'dropped' when the fake cut the connection, null before the answer. */
  outcome: number | 'dropped' | null;
}

export interface FakeAnswer {
  status: number;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
}

/**
 * What to do with the next matching request instead of (or after) serving it.
 * - `error`: answer with this fake-specific error; nothing takes effect.
 * - `drop` `before`: cut the connection without doing anything (request lost on the way in).
 * - `drop` `after`: do the action, then cut the connection before answering (answer lost).
 * - `drop` with `afterBytes`: only the first `afterBytes` bytes of the body arrive; the fake acts on
 *   them (an upload keeps them) and cuts the connection.
 */
export type Scripted<E> =
  | { kind: 'error'; error: E }
  | { kind: 'drop'; when: 'before' | 'after'; afterBytes?: number }
  /**
   * Hold the request open (so a test can kill the client mid-call): `before` the action (then the
   * connection is dropped, nothing done) or `after` it (then the answer is sent to whoever is
   * left). `held` is called once the request is being held; the hold ends when `release` settles.
   */
  | { kind: 'hold'; when: 'before' | 'after'; held: () => void; release: Promise<void> };

/**
 * Which requests a scripted failure applies to: an endpoint name (exact), a RegExp tested against
 * `"<METHOD> <path>"`, or a predicate.
 */
export type FailureMatch = string | RegExp | ((request: RecordedRequest) => boolean);

export class FailureScript<E> {
  private rules: Array<{ match: FailureMatch; remaining: number; failure: Scripted<E> }> = [];

  add(match: FailureMatch, count: number, failure: Scripted<E>): void {
    if (!Number.isInteger(count) || count < 1) throw new Error(`count must be a positive integer: ${count}`);
    this.rules.push({ match, remaining: count, failure });
  }

  /** The failure for this request, consuming one use of the first rule that matches. */
  take(request: RecordedRequest): Scripted<E> | undefined {
    for (const rule of this.rules) {
      if (rule.remaining > 0 && matches(rule.match, request)) {
        rule.remaining -= 1;
        return rule.failure;
      }
    }
    return undefined;
  }

  /** How many scripted failures are still armed. */
  pending(): number {
    return this.rules.reduce((sum, rule) => sum + rule.remaining, 0);
  }

  clear(): void {
    this.rules = [];
  }
}

function matches(match: FailureMatch, request: RecordedRequest): boolean {
  if (typeof match === 'string') return request.endpoint === match;
  if (match instanceof RegExp) return match.test(`${request.method} ${request.path}`);
  return match(request);
}

export function parseQuery(rawQuery: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQuery)) query[name] = value;
  return query;
}

/** The parsed body by Content-Type: JSON, form fields, multipart; undefined otherwise or if malformed. */
export function parseBody(contentType: string | undefined, raw: Buffer): unknown {
  if (raw.length === 0 || !contentType) return undefined;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return JSON.parse(raw.toString('utf8'));
    } catch {
      return undefined;
    }
  }
  if (type === 'application/x-www-form-urlencoded') return parseQuery(raw.toString('utf8'));
  if (type === 'multipart/form-data') {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    return boundary ? parseMultipart(raw, boundary) : undefined;
  }
  return undefined;
}

export function parseMultipart(raw: Buffer, boundary: string): MultipartBody | undefined {
  const delimiter = Buffer.from(`--${boundary}`);
  const result: MultipartBody = { fields: {}, files: [] };
  let at = raw.indexOf(delimiter);
  if (at < 0) return undefined;
  for (;;) {
    const start = at + delimiter.length;
    if (raw.subarray(start, start + 2).toString() === '--') return result;
    const next = raw.indexOf(delimiter, start);
    if (next < 0) return undefined;
    // Part = CRLF headers CRLF CRLF content CRLF
    const part = raw.subarray(start + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) return undefined;
    const headerText = part.subarray(0, headerEnd).toString('utf8');
    const data = part.subarray(headerEnd + 4);
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headerText)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    const partType = /content-type:\s*([^\r\n]*)/i.exec(headerText)?.[1]?.trim();
    if (name !== undefined) {
      if (filename !== undefined) {
        result.files.push({
          name,
          filename,
          contentType: partType ?? 'application/octet-stream',
          data: Buffer.from(data),
        });
      } else result.fields[name] = data.toString('utf8');
    }
    at = next;
  }
}

export function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Reads the whole request and records it (endpoint and outcome filled in later by the fake). */
export async function recordRequest(
  req: IncomingMessage,
  requests: RecordedRequest[],
): Promise<RecordedRequest> {
  const rawBody = await readBody(req);
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const headers = lowerCaseHeaders(req);
  const rawQuery = q < 0 ? '' : url.slice(q + 1);
  const request: RecordedRequest = {
    seq: requests.length + 1,
    method: req.method ?? 'GET',
    path: q < 0 ? url : url.slice(0, q),
    query: parseQuery(rawQuery),
    rawQuery,
    headers,
    rawBody,
    truncated: false,
    body: parseBody(headers['content-type'], rawBody),
    endpoint: null,
    outcome: null,
  };
  requests.push(request);
  return request;
}

/** Keeps only the first `bytes` bytes of the body, as if the rest never arrived. */
export function truncateBody(request: RecordedRequest, bytes: number): void {
  request.truncated = bytes < request.rawBody.length;
  request.rawBody = request.rawBody.subarray(0, Math.max(0, bytes));
  request.body = parseBody(request.headers['content-type'], request.rawBody);
}

export function send(res: ServerResponse, request: RecordedRequest, answer: FakeAnswer): void {
  if (res.destroyed || res.writableEnded) return;
  const body = answer.body === undefined ? undefined : Buffer.from(answer.body);
  const headers: Record<string, string | number> = { ...answer.headers };
  if (body !== undefined && headers['content-length'] === undefined) headers['content-length'] = body.length;
  request.outcome = answer.status;
  res.writeHead(answer.status, headers);
  res.end(request.method === 'HEAD' ? undefined : body);
}

export function drop(res: ServerResponse, request: RecordedRequest): void {
  request.outcome = 'dropped';
  res.socket?.destroy();
  res.destroy();
}

export function json(
  status: number,
  value: unknown,
  headers: Record<string, string | number> = {},
): FakeAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=UTF-8', ...headers },
    body: JSON.stringify(value),
  };
}

export interface Listening {
  port: number;
  close(): Promise<void>;
}

export async function listen(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  onCrash: (res: ServerResponse, error: Error) => void,
): Promise<Listening> {
  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => onCrash(res, error));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Media kinds told apart by their first bytes, the way a platform checks an upload or a fetched URL. */
export function sniffMedia(bytes: Buffer): 'jpeg' | 'png' | 'gif' | 'webp' | 'mp4' | 'unknown' {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (bytes.subarray(0, 4).toString('latin1') === 'GIF8') return 'gif';
  if (
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'webp';
  if (bytes.subarray(4, 8).toString('latin1') === 'ftyp') return 'mp4';
  return 'unknown';
}

/** Duration from the `mvhd` box of an MP4/MOV, or undefined when there is none to read. */
export function mp4DurationMs(bytes: Buffer): number | undefined {
  const at = bytes.indexOf('mvhd', 0, 'latin1');
  if (at < 4) return undefined;
  const version = bytes[at + 4];
  try {
    if (version === 1) {
      const timescale = bytes.readUInt32BE(at + 8 + 16);
      const duration = Number(bytes.readBigUInt64BE(at + 8 + 20));
      return timescale > 0 ? Math.round((duration * 1000) / timescale) : undefined;
    }
    const timescale = bytes.readUInt32BE(at + 8 + 8);
    const duration = bytes.readUInt32BE(at + 8 + 12);
    return timescale > 0 ? Math.round((duration * 1000) / timescale) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Bytes that pass the fakes' video checks without FFmpeg: an `ftyp` box, an `mvhd` box carrying
 * `durationMs`, then filler up to `size` bytes.
 */
export function fakeMp4Bytes(options: { durationMs?: number; size?: number } = {}): Buffer {
  const durationMs = options.durationMs ?? 8000;
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypisom', 4, 'latin1');
  ftyp.writeUInt32BE(0x200, 12);
  ftyp.write('isomiso2', 16, 'latin1');
  const mvhd = Buffer.alloc(108);
  mvhd.writeUInt32BE(108, 0);
  mvhd.write('mvhd', 4, 'latin1');
  mvhd.writeUInt32BE(1000, 8 + 4 + 4 + 4); // version/flags, creation, modification, then timescale
  mvhd.writeUInt32BE(durationMs, 8 + 4 + 4 + 4 + 4);
  const moov = Buffer.alloc(8);
  moov.writeUInt32BE(8 + mvhd.length, 0);
  moov.write('moov', 4, 'latin1');
  const head = Buffer.concat([ftyp, moov, mvhd]);
  const size = Math.max(options.size ?? 4096, head.length);
  const filler = Buffer.alloc(size - head.length, 0x2a);
  return Buffer.concat([head, filler]);
}

/** A tiny byte string that every JPEG check accepts (SOI marker, JFIF APP0, filler, EOI). */
export function fakeJpegBytes(size = 2048): Buffer {
  const head = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
  const tail = Buffer.from([0xff, 0xd9]);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length - tail.length), 0x11), tail]);
}

export function fakePngBytes(size = 2048): Buffer {
  const head = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x22)]);
}
