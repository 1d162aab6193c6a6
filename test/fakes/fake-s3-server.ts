/**
 * A strict fake of an S3-compatible host (AWS S3, Cloudflare R2, MinIO) on 127.0.0.1, path-style
 * (`/<bucket>/<key>`, what clients configured with forcePathStyle send). Buckets are private:
 *
 * - PutObject needs a valid SigV4 Authorization header for a configured key pair (checked with
 *   fake-s3-sigv4.ts, not with the SDK's signer); the payload hash, Content-MD5 and CRC32 / SHA
 *   checksums are verified; aws-chunked bodies with an unsigned trailer are decoded.
 * - GetObject / HeadObject take a header signature or a presigned URL; a presigned URL past
 *   X-Amz-Date + X-Amz-Expires (on the fake clock) is `AccessDenied` "Request has expired".
 * - Anything unauthenticated is `AccessDenied`; unknown buckets `NoSuchBucket`.
 * - DeleteObject, ListObjectsV2 and HeadBucket for assertions and connection checks.
 *
 * Errors are S3's XML `<Error>` bodies. Every request is recorded, every operation counted.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { crc32 } from 'node:zlib';
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
  canonicalRequest,
  parseAmzDate,
  parseAuthorizationHeader,
  parseCredential,
  sha256Hex,
  sign,
  stringToSign,
  type Credential,
} from './fake-s3-sigv4';

export interface S3ErrorSpec {
  status: number;
  code: string;
  message: string;
  /** More elements of the <Error> body (e.g. Key, BucketName, StringToSign). */
  details?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface FakeS3Options {
  now?: Clock;
  /** Default one pair: FAKEACCESSKEY0000001 / fake-secret-access-key. */
  credentials?: Array<{ accessKeyId: string; secretAccessKey: string }>;
  /** Default ['maestro-media']. */
  buckets?: string[];
  /** Buckets anyone may GET/HEAD without a signature (an R2 public bucket). Default none. */
  publicReadBuckets?: string[];
  /** Regions a credential scope may name; default any (R2 signs with "auto"). */
  regions?: string[];
  /** Header-signed requests further than this from the fake clock are RequestTimeTooSkewed. Default 15 min. */
  maxClockSkewMs?: number;
  /** Largest X-Amz-Expires. Default 604800 (7 days). */
  maxPresignSeconds?: number;
  /** Largest single PUT. Default 5 GiB. */
  maxObjectBytes?: number;
  /**
   * A presigned PUT URL can carry `x-amz-checksum-*` query parameters (SDK v3 ≥ 3.729 signs the
   * CRC32 of an empty body into it unless requestChecksumCalculation is WHEN_REQUIRED). 'verify'
   * (default) checks them like headers, as SeaweedFS and Floci maintainers report S3/R2 do [T];
   * 'ignore' as LocalStack says AWS does [T].
   */
  presignedQueryChecksums?: 'verify' | 'ignore';
  /** Content-Type of objects stored without one. Default 'binary/octet-stream' (AWS; R2 says application/octet-stream). */
  defaultContentType?: string;
}

export interface StoredObject {
  bucket: string;
  key: string;
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: Date;
  metadata: Record<string, string>;
  /** Cache-Control, Content-Disposition, Content-Encoding… as given on PUT. */
  headers: Record<string, string>;
  checksums: Record<string, string>;
}

export type S3Operation =
  'putObject' | 'getObject' | 'headObject' | 'deleteObject' | 'listObjectsV2' | 'headBucket';

export interface S3OperationRecord {
  op: S3Operation;
  bucket: string;
  key?: string;
  auth: 'header' | 'presigned' | 'public' | 'none';
  accessKeyId?: string;
  status: number;
  at: Date;
}

export interface FakeS3 {
  /** The endpoint for the SDK (`endpoint: baseUrl, forcePathStyle: true`). */
  baseUrl: string;
  port: number;
  requests: RecordedRequest[];
  credentials: { accessKeyId: string; secretAccessKey: string };
  failNext(match: FailureMatch, count: number, failure: Scripted<S3ErrorSpec>): void;
  /** Objects stored now. */
  objects(bucket?: string): StoredObject[];
  object(bucket: string, key: string): StoredObject | undefined;
  /** Every operation that reached a bucket, accepted or refused. */
  operations: S3OperationRecord[];
  /** Accepted operations by kind. */
  counts(): Record<S3Operation, number>;
  close(): Promise<void>;
}

export const s3Failure = {
  error: (spec: S3ErrorSpec): Scripted<S3ErrorSpec> => ({ kind: 'error', error: spec }),
  slowDown: (): Scripted<S3ErrorSpec> => ({
    kind: 'error',
    error: { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.' },
  }),
  internalError: (): Scripted<S3ErrorSpec> => ({
    kind: 'error',
    error: {
      status: 500,
      code: 'InternalError',
      message: 'We encountered an internal error. Please try again.',
    },
  }),
  dropAfterProcessing: (): Scripted<S3ErrorSpec> => ({ kind: 'drop', when: 'after' }),
  dropBeforeProcessing: (): Scripted<S3ErrorSpec> => ({ kind: 'drop', when: 'before' }),
};

class S3Error extends Error {
  constructor(readonly spec: S3ErrorSpec) {
    super(spec.message);
  }
}

const xmlEscape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const element = (name: string, value: string | number | boolean) =>
  `<${name}>${xmlEscape(String(value))}</${name}>`;

const UNSIGNED = 'UNSIGNED-PAYLOAD';
const STREAMING_UNSIGNED_TRAILER = 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';

export async function startFakeS3(options: FakeS3Options = {}): Promise<FakeS3> {
  const now = options.now ?? (() => new Date());
  const credentialSeeds = options.credentials ?? [
    { accessKeyId: 'FAKEACCESSKEY0000001', secretAccessKey: 'fake-secret-access-key' },
  ];
  const secrets = new Map(credentialSeeds.map((c) => [c.accessKeyId, c.secretAccessKey]));
  const buckets = new Map<string, Map<string, StoredObject>>(
    (options.buckets ?? ['maestro-media']).map((name) => [name, new Map()]),
  );
  const publicRead = new Set(options.publicReadBuckets ?? []);
  const maxSkew = options.maxClockSkewMs ?? 15 * 60_000;
  const maxPresign = options.maxPresignSeconds ?? 604_800;
  const maxObjectBytes = options.maxObjectBytes ?? 5 * 1024 ** 3;
  const defaultContentType = options.defaultContentType ?? 'binary/octet-stream';
  const requests: RecordedRequest[] = [];
  const operations: S3OperationRecord[] = [];
  const failures = new FailureScript<S3ErrorSpec>();
  let requestCounter = 0;

  const fail = (status: number, code: string, message: string, details?: Record<string, string>) =>
    new S3Error({ status, code, message, ...(details ? { details } : {}) });

  function errorAnswer(spec: S3ErrorSpec, resource: string): FakeAnswer {
    const requestId = `FAKE${(++requestCounter).toString(16).padStart(12, '0').toUpperCase()}`;
    const details = Object.entries(spec.details ?? {})
      .map(([name, value]) => element(name, value))
      .join('');
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${element('Code', spec.code)}${element('Message', spec.message)}${details}${element('Resource', resource)}${element('RequestId', requestId)}${element('HostId', 'fake-s3')}</Error>`;
    return {
      status: spec.status,
      headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId, ...spec.headers },
      body,
    };
  }

  interface Authenticated {
    mode: S3OperationRecord['auth'];
    accessKeyId?: string;
  }

  /** Verifies the header signature or the presigned query; throws the S3 refusals. */
  function authenticate(request: RecordedRequest, bucket: string, anonymousRead: boolean): Authenticated {
    const header = request.headers.authorization;
    const presigned =
      request.query['X-Amz-Signature'] !== undefined || request.query['X-Amz-Algorithm'] !== undefined;
    if (header && presigned) {
      throw fail(
        400,
        'InvalidArgument',
        'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified.',
      );
    }
    if (!header && !presigned) {
      if (anonymousRead && publicRead.has(bucket)) return { mode: 'public' };
      throw fail(403, 'AccessDenied', 'Access Denied');
    }
    return header ? verifyHeader(request, header) : verifyPresigned(request);
  }

  function checkCredential(
    credential: Credential,
    amzDate: string,
    malformed: (m: string) => S3Error,
  ): string {
    const secret = secrets.get(credential.accessKeyId);
    if (secret === undefined) {
      throw fail(
        403,
        'InvalidAccessKeyId',
        'The AWS Access Key Id you provided does not exist in our records.',
        {
          AWSAccessKeyId: credential.accessKeyId,
        },
      );
    }
    if (credential.service !== 's3')
      throw malformed(`The credential scope names service '${credential.service}', expected 's3'.`);
    if (options.regions && !options.regions.includes(credential.region)) {
      throw malformed(`The region '${credential.region}' is wrong; expecting '${options.regions[0]}'.`);
    }
    if (amzDate.slice(0, 8) !== credential.date)
      throw malformed('The credential date does not match X-Amz-Date.');
    return secret;
  }

  function mismatch(credential: Credential, toSign: string, canonical: string): S3Error {
    return fail(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      { AWSAccessKeyId: credential.accessKeyId, StringToSign: toSign, CanonicalRequest: canonical },
    );
  }

  function verifyHeader(request: RecordedRequest, header: string): Authenticated {
    const parsed = parseAuthorizationHeader(header);
    const malformed = (message: string) => fail(400, 'AuthorizationHeaderMalformed', message);
    if (typeof parsed === 'string') throw malformed(parsed);
    const amzDate = request.headers['x-amz-date'] ?? '';
    const signedAt = parseAmzDate(amzDate);
    if (!signedAt)
      throw fail(403, 'AccessDenied', 'AWS authentication requires a valid Date or x-amz-date header');
    const secret = checkCredential(parsed.credential, amzDate, malformed);
    if (!parsed.signedHeaders.includes('host')) throw malformed('The host header must be signed.');
    const payloadHash = request.headers['x-amz-content-sha256'];
    if (!payloadHash)
      throw fail(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
    if (Math.abs(now().getTime() - signedAt.getTime()) > maxSkew) {
      throw fail(
        403,
        'RequestTimeTooSkewed',
        'The difference between the request time and the current time is too large.',
        {
          RequestTime: amzDate,
          ServerTime: now().toISOString(),
          MaxAllowedSkewMilliseconds: String(maxSkew),
        },
      );
    }
    const canonical = canonicalRequest({
      method: request.method,
      rawPath: request.path,
      rawQuery: request.rawQuery,
      headers: request.headers,
      signedHeaders: parsed.signedHeaders,
      payloadHash,
    });
    const toSign = stringToSign(amzDate, parsed.credential, canonical);
    if (sign(secret, parsed.credential, toSign) !== parsed.signature)
      throw mismatch(parsed.credential, toSign, canonical);
    return { mode: 'header', accessKeyId: parsed.credential.accessKeyId };
  }

  function verifyPresigned(request: RecordedRequest): Authenticated {
    const q = request.query;
    const bad = (message: string) => fail(400, 'AuthorizationQueryParametersError', message);
    if (q['X-Amz-Algorithm'] !== 'AWS4-HMAC-SHA256')
      throw bad('X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
    for (const name of [
      'X-Amz-Credential',
      'X-Amz-Date',
      'X-Amz-Expires',
      'X-Amz-SignedHeaders',
      'X-Amz-Signature',
    ]) {
      if (!q[name]) throw bad(`Query-string authentication version 4 requires the ${name} parameter.`);
    }
    const credential = parseCredential(q['X-Amz-Credential']!);
    if (!credential) throw bad('Error parsing the X-Amz-Credential parameter.');
    const signedAt = parseAmzDate(q['X-Amz-Date']);
    if (!signedAt) throw bad("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
    const expires = Number(q['X-Amz-Expires']);
    if (!Number.isInteger(expires) || expires < 1 || expires > maxPresign) {
      throw bad(`X-Amz-Expires must be between 1 and ${maxPresign} seconds.`);
    }
    const secret = checkCredential(credential, q['X-Amz-Date']!, bad);
    const signedHeaders = q['X-Amz-SignedHeaders']!.split(';');
    if (!signedHeaders.includes('host')) throw bad('The host header must be signed.');
    const canonical = canonicalRequest({
      method: request.method,
      rawPath: request.path,
      rawQuery: request.rawQuery,
      headers: request.headers,
      signedHeaders,
      payloadHash: q['X-Amz-Content-Sha256'] ?? UNSIGNED,
      excludeQuery: ['X-Amz-Signature'],
    });
    const toSign = stringToSign(q['X-Amz-Date']!, credential, canonical);
    if (sign(secret, credential, toSign) !== q['X-Amz-Signature'])
      throw mismatch(credential, toSign, canonical);
    if (now().getTime() > signedAt.getTime() + expires * 1000) {
      throw fail(403, 'AccessDenied', 'Request has expired', {
        'X-Amz-Expires': String(expires),
        Expires: new Date(signedAt.getTime() + expires * 1000).toISOString(),
        ServerTime: now().toISOString(),
      });
    }
    return { mode: 'presigned', accessKeyId: credential.accessKeyId };
  }

  /** The object bytes of a PUT: decoded from aws-chunked, checked against every digest sent. */
  function payloadOf(
    request: RecordedRequest,
    auth: Authenticated,
  ): { body: Buffer; checksums: Record<string, string> } {
    const declared = request.headers['x-amz-content-sha256'];
    let body = request.rawBody;
    const checksums: Record<string, string> = {};
    const sources = [request.headers];
    if (auth.mode === 'presigned' && (options.presignedQueryChecksums ?? 'verify') === 'verify') {
      sources.push(Object.fromEntries(Object.entries(request.query).map(([k, v]) => [k.toLowerCase(), v])));
    }
    for (const source of sources) {
      for (const [name, value] of Object.entries(source)) {
        if (name.startsWith('x-amz-checksum-') && name !== 'x-amz-checksum-type') checksums[name] = value;
      }
    }
    if (declared?.startsWith('STREAMING-')) {
      if (declared !== STREAMING_UNSIGNED_TRAILER) {
        throw fail(
          501,
          'NotImplemented',
          `This fake does not implement ${declared}; use ${UNSIGNED}, a payload hash or ${STREAMING_UNSIGNED_TRAILER}.`,
        );
      }
      const decoded = decodeAwsChunked(request.rawBody);
      if (!decoded) throw fail(400, 'IncompleteBody', 'The aws-chunked body could not be decoded.');
      body = decoded.body;
      Object.assign(checksums, decoded.trailers);
      const length = Number(request.headers['x-amz-decoded-content-length']);
      if (request.headers['x-amz-decoded-content-length'] === undefined || length !== body.length) {
        throw fail(
          400,
          'IncompleteBody',
          'You did not provide the number of bytes specified by x-amz-decoded-content-length.',
        );
      }
    } else if (declared && declared !== UNSIGNED && sha256Hex(body) !== declared) {
      throw fail(
        400,
        'XAmzContentSHA256Mismatch',
        "The provided 'x-amz-content-sha256' header does not match what was computed.",
        {
          ClientComputedContentSHA256: declared,
          S3ComputedContentSHA256: sha256Hex(body),
        },
      );
    }
    const md5 = request.headers['content-md5'];
    if (md5 !== undefined && createHash('md5').update(body).digest('base64') !== md5) {
      throw fail(400, 'BadDigest', 'The Content-MD5 you specified did not match what we received.');
    }
    const computed: Record<string, () => string> = {
      'x-amz-checksum-crc32': () => {
        const out = Buffer.alloc(4);
        out.writeUInt32BE(crc32(body) >>> 0);
        return out.toString('base64');
      },
      'x-amz-checksum-sha1': () => createHash('sha1').update(body).digest('base64'),
      'x-amz-checksum-sha256': () => createHash('sha256').update(body).digest('base64'),
    };
    for (const [name, value] of Object.entries(checksums)) {
      const expected = computed[name]?.();
      if (expected !== undefined && expected !== value) {
        throw fail(
          400,
          'BadDigest',
          `The ${name.slice('x-amz-checksum-'.length).toUpperCase()} you specified did not match the calculated checksum.`,
        );
      }
    }
    return { body, checksums };
  }

  function putObject(request: RecordedRequest, auth: Authenticated, bucket: string, key: string): FakeAnswer {
    if (request.headers['x-amz-copy-source'])
      throw fail(501, 'NotImplemented', 'CopyObject is not implemented by this fake.');
    const { body, checksums } = payloadOf(request, auth);
    if (body.length > maxObjectBytes) {
      throw fail(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', {
        ProposedSize: String(body.length),
        MaxSizeAllowed: String(maxObjectBytes),
      });
    }
    const metadata: Record<string, string> = {};
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (name.startsWith('x-amz-meta-')) metadata[name.slice('x-amz-meta-'.length)] = value;
      if (['cache-control', 'content-disposition', 'content-language', 'expires'].includes(name))
        headers[name] = value;
      if (name === 'content-encoding' && value !== 'aws-chunked')
        headers[name] = value.replace(/(^|,\s*)aws-chunked/, '');
    }
    const etag = `"${createHash('md5').update(body).digest('hex')}"`;
    buckets.get(bucket)!.set(key, {
      bucket,
      key,
      body,
      contentType: request.headers['content-type'] || defaultContentType,
      etag,
      lastModified: now(),
      metadata,
      headers,
      checksums,
    });
    return { status: 200, headers: { etag, ...checksums }, body: '' };
  }

  function readObject(request: RecordedRequest, bucket: string, key: string): FakeAnswer {
    const object = buckets.get(bucket)!.get(key);
    if (!object) throw fail(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });
    const q = request.query;
    const headers: Record<string, string | number> = {
      'content-type': q['response-content-type'] ?? object.contentType,
      etag: object.etag,
      'last-modified': object.lastModified.toUTCString(),
      'accept-ranges': 'bytes',
      ...object.headers,
    };
    if (q['response-content-disposition']) headers['content-disposition'] = q['response-content-disposition'];
    if (q['response-cache-control']) headers['cache-control'] = q['response-cache-control'];
    for (const [name, value] of Object.entries(object.metadata)) headers[`x-amz-meta-${name}`] = value;
    const range = request.headers.range;
    if (range === undefined) return { status: 200, headers, body: object.body };
    const size = object.body.length;
    const m = /^bytes=(\d*)-(\d*)$/.exec(range);
    let start = m?.[1] ? Number(m[1]) : NaN;
    let end = m?.[2] ? Number(m[2]) : size - 1;
    if (m && !m[1] && m[2]) {
      start = Math.max(0, size - Number(m[2]));
      end = size - 1;
    }
    if (!m || Number.isNaN(start) || start >= size || end < start) {
      throw fail(416, 'InvalidRange', 'The requested range is not satisfiable', {
        RangeRequested: range,
        ActualObjectSize: String(size),
      });
    }
    end = Math.min(end, size - 1);
    headers['content-range'] = `bytes ${start}-${end}/${size}`;
    return { status: 206, headers, body: object.body.subarray(start, end + 1) };
  }

  function listObjects(request: RecordedRequest, bucket: string): FakeAnswer {
    const q = request.query;
    if (q['list-type'] !== '2')
      throw fail(501, 'NotImplemented', 'Only ListObjectsV2 (list-type=2) is implemented by this fake.');
    const prefix = q.prefix ?? '';
    const delimiter = q.delimiter ?? '';
    const maxKeys = q['max-keys'] === undefined ? 1000 : Number(q['max-keys']);
    if (!Number.isInteger(maxKeys) || maxKeys < 0)
      throw fail(400, 'InvalidArgument', 'max-keys must be a non-negative integer.');
    const after = q['continuation-token']
      ? Buffer.from(q['continuation-token'], 'base64url').toString()
      : (q['start-after'] ?? '');
    const encode =
      q['encoding-type'] === 'url'
        ? (s: string) => encodeURIComponent(s).replace(/%2F/g, '/')
        : (s: string) => s;
    const keys = [...buckets.get(bucket)!.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
    const contents: StoredObject[] = [];
    const commonPrefixes = new Set<string>();
    let last = '';
    let truncated = false;
    for (const key of keys) {
      if (contents.length + commonPrefixes.size >= maxKeys) {
        truncated = true;
        break;
      }
      const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
      if (cut >= 0) commonPrefixes.add(key.slice(0, cut + delimiter.length));
      else contents.push(buckets.get(bucket)!.get(key)!);
      last = key;
    }
    const body =
      `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">` +
      element('Name', bucket) +
      element('Prefix', encode(prefix)) +
      (delimiter ? element('Delimiter', encode(delimiter)) : '') +
      element('KeyCount', contents.length + commonPrefixes.size) +
      element('MaxKeys', maxKeys) +
      (q['encoding-type'] === 'url' ? element('EncodingType', 'url') : '') +
      element('IsTruncated', truncated) +
      (q['continuation-token'] ? element('ContinuationToken', q['continuation-token']) : '') +
      (truncated ? element('NextContinuationToken', Buffer.from(last).toString('base64url')) : '') +
      (q['start-after'] ? element('StartAfter', encode(q['start-after'])) : '') +
      contents
        .map(
          (o) =>
            `<Contents>${element('Key', encode(o.key))}${element('LastModified', o.lastModified.toISOString())}${element('ETag', o.etag)}${element('Size', o.body.length)}${element('StorageClass', 'STANDARD')}</Contents>`,
        )
        .join('') +
      [...commonPrefixes]
        .map((p) => `<CommonPrefixes>${element('Prefix', encode(p))}</CommonPrefixes>`)
        .join('') +
      '</ListBucketResult>';
    return { status: 200, headers: { 'content-type': 'application/xml' }, body };
  }

  function route(request: RecordedRequest): { op: S3Operation; bucket: string; key?: string } | S3Error {
    const slash = request.path.indexOf('/', 1);
    let bucket: string;
    let key: string | undefined;
    try {
      bucket = decodeURIComponent(slash < 0 ? request.path.slice(1) : request.path.slice(1, slash));
      key =
        slash < 0 || slash === request.path.length - 1
          ? undefined
          : decodeURIComponent(request.path.slice(slash + 1));
    } catch {
      return fail(400, 'InvalidURI', "Couldn't parse the specified URI.");
    }
    if (!bucket) return fail(501, 'NotImplemented', 'ListBuckets is not implemented by this fake.');
    const m = request.method;
    if (key !== undefined) {
      if (m === 'PUT') return { op: 'putObject', bucket, key };
      if (m === 'GET') return { op: 'getObject', bucket, key };
      if (m === 'HEAD') return { op: 'headObject', bucket, key };
      if (m === 'DELETE') return { op: 'deleteObject', bucket, key };
    } else {
      if (m === 'GET') return { op: 'listObjectsV2', bucket };
      if (m === 'HEAD') return { op: 'headBucket', bucket };
    }
    return fail(405, 'MethodNotAllowed', `The specified method is not allowed against this resource.`, {
      Method: m,
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await recordRequest(req, requests);
    const dated = (answer: FakeAnswer): FakeAnswer => ({
      ...answer,
      headers: { date: now().toUTCString(), server: 'FakeS3', ...answer.headers },
    });
    const routed = route(request);
    const resource = request.path;
    if (routed instanceof S3Error) {
      request.endpoint = 'unknown';
      return send(res, request, dated(errorAnswer(routed.spec, resource)));
    }
    request.endpoint = `s3.${routed.op}`;
    const record: S3OperationRecord = {
      op: routed.op,
      bucket: routed.bucket,
      ...(routed.key !== undefined ? { key: routed.key } : {}),
      auth: 'none',
      status: 0,
      at: now(),
    };
    operations.push(record);
    const scripted = failures.take(request);
    if (scripted?.kind === 'error') {
      record.status = scripted.error.status;
      return send(res, request, dated(errorAnswer(scripted.error, resource)));
    }
    if (scripted?.kind === 'drop') {
      if (scripted.when === 'before') return drop(res, request);
      if (scripted.afterBytes !== undefined) truncateBody(request, scripted.afterBytes);
    }
    let answer: FakeAnswer;
    try {
      if (!buckets.has(routed.bucket)) {
        throw fail(404, 'NoSuchBucket', 'The specified bucket does not exist', { BucketName: routed.bucket });
      }
      const auth = authenticate(
        request,
        routed.bucket,
        routed.op === 'getObject' || routed.op === 'headObject',
      );
      record.auth = auth.mode;
      if (auth.accessKeyId) record.accessKeyId = auth.accessKeyId;
      const objects = buckets.get(routed.bucket)!;
      switch (routed.op) {
        case 'putObject':
          answer = putObject(request, auth, routed.bucket, routed.key!);
          break;
        case 'getObject':
        case 'headObject':
          answer = readObject(request, routed.bucket, routed.key!);
          break;
        case 'deleteObject':
          objects.delete(routed.key!);
          answer = { status: 204, headers: {}, body: '' };
          break;
        case 'listObjectsV2':
          answer = listObjects(request, routed.bucket);
          break;
        case 'headBucket':
          answer = { status: 200, headers: { 'x-amz-bucket-region': 'us-east-1' }, body: '' };
          break;
      }
    } catch (error) {
      if (!(error instanceof S3Error)) throw error;
      answer = errorAnswer(error.spec, resource);
    }
    record.status = answer.status;
    if (scripted?.kind === 'drop') return drop(res, request);
    send(
      res,
      request,
      dated({ ...answer, headers: { 'x-amz-request-id': `FAKE${request.seq}`, ...answer.headers } }),
    );
  }

  const listening = await listen(handle, (res, error) => {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/xml' });
    res.end(`<Error><Code>InternalError</Code><Message>${xmlEscape(error.message)}</Message></Error>`);
  });
  const first = credentialSeeds[0]!;
  return {
    baseUrl: `http://127.0.0.1:${listening.port}`,
    port: listening.port,
    requests,
    credentials: { accessKeyId: first.accessKeyId, secretAccessKey: first.secretAccessKey },
    failNext: (match, count, failure) => failures.add(match, count, failure),
    objects: (bucket) =>
      [...buckets.entries()]
        .filter(([name]) => bucket === undefined || name === bucket)
        .flatMap(([, objects]) => [...objects.values()]),
    object: (bucket, key) => buckets.get(bucket)?.get(key),
    operations,
    counts: () => {
      const counts: Record<S3Operation, number> = {
        putObject: 0,
        getObject: 0,
        headObject: 0,
        deleteObject: 0,
        listObjectsV2: 0,
        headBucket: 0,
      };
      for (const op of operations) if (op.status >= 200 && op.status < 300) counts[op.op] += 1;
      return counts;
    },
    close: listening.close,
  };
}

/** `<hex-size>[;ext]\r\n<bytes>\r\n … 0\r\n<trailer: value>\r\n…\r\n`, or null when malformed. */
function decodeAwsChunked(raw: Buffer): { body: Buffer; trailers: Record<string, string> } | null {
  const chunks: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd < 0) return null;
    const size = parseInt(raw.subarray(at, lineEnd).toString('latin1').split(';')[0]!, 16);
    if (Number.isNaN(size)) return null;
    at = lineEnd + 2;
    if (size === 0) break;
    if (at + size + 2 > raw.length) return null;
    chunks.push(raw.subarray(at, at + size));
    at += size + 2;
  }
  const trailers: Record<string, string> = {};
  for (const line of raw.subarray(at).toString('latin1').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { body: Buffer.concat(chunks), trailers };
}
