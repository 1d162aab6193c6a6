import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeJpegBytes, fakeMp4Bytes, manualClock, type ManualClock } from './fake-http';
import { s3Failure, startFakeS3, type FakeS3, type FakeS3Options } from './fake-s3-server';

const BUCKET = 'maestro-media';
let s3: FakeS3;
let clock: ManualClock;

/** The fake clock follows real time (the SDK signs with it), and tests move it forward. */
function realTimeClock(): ManualClock {
  const clock = manualClock(Date.now());
  return clock;
}

async function start(options: FakeS3Options = {}) {
  await s3?.close();
  s3 = await startFakeS3({ now: clock.now, ...options });
}

beforeEach(async () => {
  clock = realTimeClock();
  s3 = await startFakeS3({ now: clock.now });
});

afterEach(async () => {
  await s3.close();
});

function client(overrides: { secretAccessKey?: string; accessKeyId?: string; region?: string } = {}) {
  return new S3Client({
    region: overrides.region ?? 'us-east-1',
    endpoint: s3.baseUrl,
    forcePathStyle: true,
    maxAttempts: 1,
    credentials: {
      accessKeyId: overrides.accessKeyId ?? s3.credentials.accessKeyId,
      secretAccessKey: overrides.secretAccessKey ?? s3.credentials.secretAccessKey,
    },
  });
}

async function s3ErrorOf(
  promise: Promise<unknown>,
): Promise<{ name: string; status?: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof S3ServiceException) {
      return { name: error.name, status: error.$metadata.httpStatusCode, message: error.message };
    }
    throw error;
  }
  throw new Error('expected an S3 error');
}

describe('fake S3: the SDK against it', () => {
  it('puts, heads, gets, lists and deletes with header signatures, and counts each', async () => {
    const c = client();
    const video = fakeMp4Bytes({ size: 100_000 });
    const put = await c.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'renders/reel 1.mp4',
        Body: video,
        ContentType: 'video/mp4',
        Metadata: { job: '42' },
      }),
    );
    expect(put.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    const stored = s3.object(BUCKET, 'renders/reel 1.mp4')!;
    expect(stored.body.equals(video)).toBe(true);
    expect(stored).toMatchObject({ contentType: 'video/mp4', metadata: { job: '42' } });

    const head = await c.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'renders/reel 1.mp4' }));
    expect(head).toMatchObject({ ContentLength: video.length, ContentType: 'video/mp4', ETag: put.ETag });
    const got = await c.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'renders/reel 1.mp4' }));
    expect(Buffer.from(await got.Body!.transformToByteArray()).equals(video)).toBe(true);
    const ranged = await c.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'renders/reel 1.mp4', Range: 'bytes=4-11' }),
    );
    expect(Buffer.from(await ranged.Body!.transformToByteArray()).toString('latin1')).toBe('ftypisom');

    await c.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'renders/cover.jpg',
        Body: fakeJpegBytes(),
        ContentType: 'image/jpeg',
      }),
    );
    await c.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'other/x.txt', Body: 'hello' }));
    const listed = await c.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'renders/' }));
    expect(listed.Contents?.map((o) => [o.Key, o.Size])).toEqual([
      ['renders/cover.jpg', 2048],
      ['renders/reel 1.mp4', 100_000],
    ]);
    const paged = await c.send(new ListObjectsV2Command({ Bucket: BUCKET, MaxKeys: 2 }));
    expect(paged.IsTruncated).toBe(true);
    const rest = await c.send(
      new ListObjectsV2Command({ Bucket: BUCKET, ContinuationToken: paged.NextContinuationToken }),
    );
    expect(rest.Contents?.map((o) => o.Key)).toEqual(['renders/reel 1.mp4']);
    const folders = await c.send(new ListObjectsV2Command({ Bucket: BUCKET, Delimiter: '/' }));
    expect(folders.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['other/', 'renders/']);

    await c.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'other/x.txt' }));
    expect(
      s3
        .objects(BUCKET)
        .map((o) => o.key)
        .sort(),
    ).toEqual(['renders/cover.jpg', 'renders/reel 1.mp4']);
    expect(s3.object(BUCKET, 'other/x.txt')).toBeUndefined();
    expect(s3.counts()).toEqual({
      putObject: 3,
      getObject: 2,
      headObject: 1,
      deleteObject: 1,
      listObjectsV2: 4,
      headBucket: 0,
    });
    await c.send(new HeadBucketCommand({ Bucket: BUCKET }));
  });

  it('stores a stream upload (aws-chunked with a checksum trailer, or not) byte for byte', async () => {
    const c = client();
    const video = fakeMp4Bytes({ size: 300_000 });
    await c.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'stream.mp4',
        Body: Readable.from([video.subarray(0, 100_000), video.subarray(100_000)]),
        ContentLength: video.length,
        ContentType: 'video/mp4',
      }),
    );
    expect(s3.object(BUCKET, 'stream.mp4')!.body.equals(video)).toBe(true);
  });

  it('refuses a wrong secret, an unknown key, a missing bucket and missing objects', async () => {
    const wrong = await s3ErrorOf(
      client({ secretAccessKey: 'nope' }).send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a', Body: 'x' })),
    );
    expect(wrong).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
    const unknown = await s3ErrorOf(
      client({ accessKeyId: 'AKIAWHOEVER' }).send(
        new PutObjectCommand({ Bucket: BUCKET, Key: 'a', Body: 'x' }),
      ),
    );
    expect(unknown).toMatchObject({ name: 'InvalidAccessKeyId', status: 403 });
    expect(s3.objects()).toHaveLength(0);
    const bucket = await s3ErrorOf(
      client().send(new PutObjectCommand({ Bucket: 'nope', Key: 'a', Body: 'x' })),
    );
    expect(bucket).toMatchObject({ name: 'NoSuchBucket', status: 404 });
    const key = await s3ErrorOf(client().send(new GetObjectCommand({ Bucket: BUCKET, Key: 'missing' })));
    expect(key).toMatchObject({ name: 'NoSuchKey', status: 404 });
    const head = await s3ErrorOf(client().send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'missing' })));
    expect(head.status).toBe(404);
  });

  it('signs with region "auto" (Cloudflare R2) unless regions are pinned', async () => {
    await client({ region: 'auto' }).send(new PutObjectCommand({ Bucket: BUCKET, Key: 'r2.txt', Body: 'x' }));
    expect(s3.object(BUCKET, 'r2.txt')).toBeDefined();
    await start({ regions: ['us-east-1'] });
    const pinned = await s3ErrorOf(
      client({ region: 'auto' }).send(new PutObjectCommand({ Bucket: BUCKET, Key: 'r2.txt', Body: 'x' })),
    );
    expect(pinned).toMatchObject({ name: 'AuthorizationHeaderMalformed', status: 400 });
  });

  it('refuses a request signed too far from the fake clock; the SDK corrects itself from the Date header', async () => {
    clock.advance(20 * 60_000);
    const skewed = await s3ErrorOf(
      client().send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a', Body: 'x' })),
    );
    expect(skewed).toMatchObject({ name: 'RequestTimeTooSkewed', status: 403 });
    const retrying = new S3Client({
      region: 'us-east-1',
      endpoint: s3.baseUrl,
      forcePathStyle: true,
      credentials: s3.credentials,
    });
    await retrying.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a', Body: 'x' }));
    expect(s3.operations.map((o) => o.status)).toEqual([403, 403, 200]);
  });
});

describe('fake S3: presigned URLs and private buckets', () => {
  it('serves a presigned GET to plain fetch until it expires on the fake clock', async () => {
    const c = client();
    const cover = fakeJpegBytes();
    await c.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'covers/a.jpg', Body: cover, ContentType: 'image/jpeg' }),
    );
    const url = await getSignedUrl(c, new GetObjectCommand({ Bucket: BUCKET, Key: 'covers/a.jpg' }), {
      expiresIn: 3600,
      signingDate: clock.now(),
    });
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await ok.arrayBuffer()).equals(cover)).toBe(true);
    expect(s3.operations.at(-1)).toMatchObject({ op: 'getObject', auth: 'presigned', status: 200 });

    const headUrl = await getSignedUrl(c, new HeadObjectCommand({ Bucket: BUCKET, Key: 'covers/a.jpg' }), {
      expiresIn: 3600,
      signingDate: clock.now(),
    });
    const head = await fetch(headUrl, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(cover.length));

    const tampered = await fetch(
      url.replace(/X-Amz-Signature=[0-9a-f]/, (m) =>
        m.endsWith('0') ? `${m.slice(0, -1)}1` : `${m.slice(0, -1)}0`,
      ),
    );
    expect(tampered.status).toBe(403);
    expect(await tampered.text()).toContain('<Code>SignatureDoesNotMatch</Code>');
    const otherKey = await fetch(url.replace('covers/a.jpg', 'covers/b.jpg'));
    expect(await otherKey.text()).toContain('<Code>SignatureDoesNotMatch</Code>');

    clock.advance(3601_000);
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    const xml = await expired.text();
    expect(xml).toContain('<Code>AccessDenied</Code>');
    expect(xml).toContain('<Message>Request has expired</Message>');
  });

  it('refuses unauthenticated reads of a private bucket, and allows them on a public one', async () => {
    await client().send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'a.jpg',
        Body: fakeJpegBytes(),
        ContentType: 'image/jpeg',
      }),
    );
    const anonymous = await fetch(`${s3.baseUrl}/${BUCKET}/a.jpg`);
    expect(anonymous.status).toBe(403);
    const xml = await anonymous.text();
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain('<Code>AccessDenied</Code>');
    expect((await fetch(`${s3.baseUrl}/${BUCKET}/a.jpg`, { method: 'PUT', body: 'x' })).status).toBe(403);
    expect((await fetch(`${s3.baseUrl}/nope/a.jpg`)).status).toBe(404);

    await start({ publicReadBuckets: [BUCKET] });
    await client().send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'a.jpg',
        Body: fakeJpegBytes(),
        ContentType: 'image/jpeg',
      }),
    );
    expect((await fetch(`${s3.baseUrl}/${BUCKET}/a.jpg`)).status).toBe(200);
    expect((await fetch(`${s3.baseUrl}/${BUCKET}/a.jpg`, { method: 'PUT', body: 'x' })).status).toBe(403);
  });

  it('a presigned PUT stores the bytes; a wrong Content-MD5 or CRC32 is BadDigest', async () => {
    // Without WHEN_REQUIRED the SDK signs CRC32("") = AAAAAA== into the URL; see the next test.
    const c = new S3Client({
      region: 'us-east-1',
      endpoint: s3.baseUrl,
      forcePathStyle: true,
      credentials: s3.credentials,
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
    const url = await getSignedUrl(c, new PutObjectCommand({ Bucket: BUCKET, Key: 'up.bin' }), {
      expiresIn: 600,
      signingDate: clock.now(),
    });
    expect(url).not.toContain('x-amz-checksum-crc32');
    const badMd5 = await fetch(url, {
      method: 'PUT',
      headers: { 'content-md5': 'AAAAAAAAAAAAAAAAAAAAAA==' },
      body: 'hello',
    });
    expect(badMd5.status).toBe(400);
    expect(await badMd5.text()).toContain('<Code>BadDigest</Code>');
    const badCrc = await fetch(url, {
      method: 'PUT',
      headers: { 'x-amz-checksum-crc32': 'AAAAAA==' },
      body: 'hello',
    });
    expect(await badCrc.text()).toContain('<Code>BadDigest</Code>');
    expect(s3.object(BUCKET, 'up.bin')).toBeUndefined();
    const ok = await fetch(url, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(ok.status).toBe(200);
    expect(s3.object(BUCKET, 'up.bin')).toMatchObject({ contentType: 'text/plain' });
    expect(s3.object(BUCKET, 'up.bin')!.body.toString()).toBe('hello');
  });

  it("checks the empty-body CRC32 the SDK's default settings sign into a presigned PUT URL, unless told to ignore it", async () => {
    const url = await getSignedUrl(client(), new PutObjectCommand({ Bucket: BUCKET, Key: 'up.bin' }), {
      expiresIn: 600,
      signingDate: clock.now(),
    });
    expect(url).toContain('x-amz-checksum-crc32=AAAAAA%3D%3D');
    const refused = await fetch(url, { method: 'PUT', body: 'hello' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('<Code>BadDigest</Code>');

    await start({ presignedQueryChecksums: 'ignore' });
    const lenient = await getSignedUrl(client(), new PutObjectCommand({ Bucket: BUCKET, Key: 'up.bin' }), {
      expiresIn: 600,
      signingDate: clock.now(),
    });
    expect((await fetch(lenient, { method: 'PUT', body: 'hello' })).status).toBe(200);
  });

  it('a PUT whose answer is lost is stored once; a scripted SlowDown stores nothing', async () => {
    const c = client();
    s3.failNext('s3.putObject', 1, s3Failure.slowDown());
    const slow = await s3ErrorOf(c.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a', Body: 'x' })));
    expect(slow).toMatchObject({ name: 'SlowDown', status: 503 });
    expect(s3.objects()).toHaveLength(0);
    s3.failNext('s3.putObject', 1, s3Failure.dropAfterProcessing());
    await expect(c.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a', Body: 'x' }))).rejects.toThrow();
    expect(s3.objects().map((o) => o.key)).toEqual(['a']);
  });
});
