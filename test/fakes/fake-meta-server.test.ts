import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeJpegBytes, fakeMp4Bytes, fakePngBytes, manualClock, type ManualClock } from './fake-http';
import { startFakeMediaHost, type FakeMediaHost } from './fake-media-host';
import {
  metaFailure,
  ruploadErrorAsGraphEnvelope,
  startFakeMeta,
  type FakeMeta,
  type FakeMetaOptions,
} from './fake-meta-server';

const USER_TOKEN = 'fake-user-token';
const PAGE_TOKEN = 'fake-page-token';
const PAGE = '3000000000000001';
const IG = '17841400000000001';
const HOUR = 3600_000;

let meta: FakeMeta;
let host: FakeMediaHost;
let clock: ManualClock;

async function start(options: FakeMetaOptions = {}) {
  await meta?.close();
  meta = await startFakeMeta({ now: clock.now, ...options });
}

beforeEach(async () => {
  clock = manualClock('2026-03-10T12:00:00Z');
  host = await startFakeMediaHost();
  meta = await startFakeMeta({ now: clock.now });
});

afterEach(async () => {
  await meta.close();
  await host.close();
});

interface GraphAnswer {
  status: number;
  body: any;
  headers: Headers;
}

async function graph(
  method: 'GET' | 'POST',
  path: string,
  params: Record<string, string | number | boolean> = {},
): Promise<GraphAnswer> {
  const search = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const response =
    method === 'GET'
      ? await fetch(`${meta.baseUrl}${path}?${search}`)
      : await fetch(`${meta.baseUrl}${path}`, {
          method,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: search.toString(),
        });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

async function rupload(url: string, token: string, bytes: Buffer, offset: number, fileSize: number) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      authorization: `OAuth ${token}`,
      offset: String(offset),
      file_size: String(fileSize),
      'content-type': 'application/octet-stream',
    },
    body: new Uint8Array(bytes),
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function pollUntilFinished(containerId: string, token = USER_TOKEN): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < 10; i += 1) {
    const { body } = await graph('GET', `/v25.0/${containerId}`, {
      fields: 'status_code,status',
      access_token: token,
    });
    seen.push(body.status_code);
    if (body.status_code !== 'IN_PROGRESS') return seen;
  }
  return seen;
}

function expectMetaError(answer: GraphAnswer, code: number, subcode?: number) {
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.body.error).toMatchObject({ code, type: expect.any(String), fbtrace_id: expect.any(String) });
  if (subcode !== undefined) expect(answer.body.error.error_subcode).toBe(subcode);
}

describe('fake Meta: tokens and accounts', () => {
  it('exchanges a short-lived user token for a long-lived one, refusing a wrong secret and an expired token', async () => {
    const ok = await graph('GET', '/v25.0/oauth/access_token', {
      grant_type: 'fb_exchange_token',
      client_id: meta.app.id,
      client_secret: meta.app.secret,
      fb_exchange_token: USER_TOKEN,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 5183944 });
    expect(meta.tokenInfo(ok.body.access_token)?.lifetime).toBe('long');

    const wrongSecret = await graph('GET', '/v25.0/oauth/access_token', {
      grant_type: 'fb_exchange_token',
      client_id: meta.app.id,
      client_secret: 'nope',
      fb_exchange_token: USER_TOKEN,
    });
    expectMetaError(wrongSecret, 1);

    clock.advance(2 * HOUR); // the short-lived token's life
    const expired = await graph('GET', '/v25.0/oauth/access_token', {
      grant_type: 'fb_exchange_token',
      client_id: meta.app.id,
      client_secret: meta.app.secret,
      fb_exchange_token: USER_TOKEN,
    });
    expectMetaError(expired, 190, 463);
    // The long-lived one still works two hours on.
    expect((await graph('GET', '/v25.0/me', { access_token: ok.body.access_token })).status).toBe(200);
  });

  it('lists the Pages with Page tokens and linked IG accounts, honouring the fields asked', async () => {
    const accounts = await graph('GET', '/v25.0/me/accounts', {
      fields: 'id,name,access_token,instagram_business_account{id,username}',
      access_token: USER_TOKEN,
    });
    expect(accounts.body.data).toEqual([
      {
        id: PAGE,
        name: 'Fake Page',
        access_token: PAGE_TOKEN,
        instagram_business_account: { id: IG, username: 'fake_brand' },
      },
    ]);
    expect(accounts.body.paging.cursors).toBeDefined();

    const onlyName = await graph('GET', '/v25.0/me/accounts', { fields: 'name', access_token: USER_TOKEN });
    expect(onlyName.body.data).toEqual([{ name: 'Fake Page' }]);

    const page = await graph('GET', `/v25.0/${PAGE}`, {
      fields: 'name,access_token,instagram_business_account{id,username}',
      access_token: USER_TOKEN,
    });
    expect(page.body).toEqual({
      name: 'Fake Page',
      access_token: PAGE_TOKEN,
      instagram_business_account: { id: IG, username: 'fake_brand' },
    });
    const ig = await graph('GET', `/v25.0/${IG}`, { fields: 'id,username', access_token: USER_TOKEN });
    expect(ig.body).toEqual({ id: IG, username: 'fake_brand' });

    const me = await graph('GET', '/me', { fields: 'id,name', access_token: USER_TOKEN });
    expect(me.body).toEqual({ id: '2000000000000001', name: 'Fake Owner' });
    const meAsPage = await graph('GET', '/v25.0/me', { access_token: PAGE_TOKEN });
    expect(meAsPage.body).toEqual({ name: 'Fake Page', id: PAGE });

    const unknownField = await graph('GET', `/v25.0/${IG}`, {
      fields: 'id,follower_count',
      access_token: USER_TOKEN,
    });
    expectMetaError(unknownField, 100);
    expect(unknownField.body.error.message).toContain('nonexisting field (follower_count)');
    expect(unknownField.body.error.is_transient).toBe(false);
  });

  it('accepts Bearer auth, refuses a missing token, unknown versions and unknown ids', async () => {
    const bearer = await fetch(`${meta.baseUrl}/v21.0/me`, {
      headers: { authorization: `Bearer ${USER_TOKEN}` },
    });
    expect(bearer.status).toBe(200);
    expectMetaError(await graph('GET', '/v25.0/me'), 104);
    const oldVersion = await graph('GET', '/v19.0/me', { access_token: USER_TOKEN });
    expectMetaError(oldVersion, 2500);
    expect(oldVersion.body.error.message).toContain('v19.0');
    expectMetaError(await graph('GET', '/v25.0/999', { access_token: USER_TOKEN }), 100, 33);
  });

  it('debug_token says valid, expiring or revoked; expireToken and revokeToken make calls fail with 190', async () => {
    const valid = await graph('GET', '/debug_token', {
      input_token: USER_TOKEN,
      access_token: meta.appToken,
    });
    expect(valid.body.data).toMatchObject({
      is_valid: true,
      type: 'USER',
      expires_at: Math.floor(Date.parse('2026-03-10T14:00:00Z') / 1000),
      scopes: expect.arrayContaining(['instagram_content_publish', 'pages_manage_posts']),
    });
    const page = await graph('GET', '/debug_token', { input_token: PAGE_TOKEN, access_token: meta.appToken });
    expect(page.body.data).toMatchObject({ is_valid: true, type: 'PAGE', expires_at: 0, profile_id: PAGE });
    expectMetaError(
      await graph('GET', '/debug_token', { input_token: USER_TOKEN, access_token: `${meta.app.id}|bad` }),
      190,
    );

    meta.revokeToken(PAGE_TOKEN);
    expectMetaError(await graph('GET', `/v25.0/${PAGE}`, { access_token: PAGE_TOKEN }), 190, 460);
    const revoked = await graph('GET', '/debug_token', {
      input_token: PAGE_TOKEN,
      access_token: meta.appToken,
    });
    expect(revoked.body.data).toMatchObject({ is_valid: false, error: { code: 190, subcode: 460 } });

    meta.expireToken(USER_TOKEN);
    const expired = await graph('GET', '/v25.0/me', { access_token: USER_TOKEN });
    expectMetaError(expired, 190, 463);
    expect(expired.status).toBe(400);
  });

  it('answers 190 with 401 when so configured', async () => {
    await start({ oauthErrorStatus: 401 });
    const answer = await graph('GET', '/v25.0/me', { access_token: 'garbage' });
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe(190);
  });
});

describe('fake Meta: Instagram reels', () => {
  it('publishes a resumable reel exactly once: chunked upload with a resume, polls, publish, lookup, comment', async () => {
    const video = fakeMp4Bytes({ durationMs: 12_000, size: 50_000 });
    const created = await graph('POST', `/v25.0/${IG}/media`, {
      media_type: 'REELS',
      upload_type: 'resumable',
      caption: 'Hello #health',
      share_to_feed: true,
      thumb_offset: 1500,
      access_token: USER_TOKEN,
    });
    expect(created.status).toBe(200);
    const id = created.body.id;
    expect(created.body.uri).toBe(`${meta.baseUrl}/ig-api-upload/v25.0/${id}`);

    // Not uploaded yet: polls do not advance, publishing is refused.
    expect(
      (await graph('GET', `/v25.0/${id}`, { fields: 'status_code', access_token: USER_TOKEN })).body,
    ).toEqual({
      status_code: 'IN_PROGRESS',
    });
    expectMetaError(
      await graph('POST', `/v25.0/${IG}/media_publish`, { creation_id: id, access_token: USER_TOKEN }),
      9007,
      2207027,
    );

    expect(await rupload(created.body.uri, USER_TOKEN, video.subarray(0, 20_000), 0, video.length)).toEqual({
      status: 200,
      body: { success: true, message: 'Upload successful.' },
    });
    // A client that lost track resends from 0: refused, with the stored offset to resume from.
    const mismatch = await rupload(created.body.uri, USER_TOKEN, video, 0, video.length);
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.offset).toBe(20_000);
    expect(mismatch.body.debug_info.type).toBe('OffsetMismatch');
    expect(
      (await rupload(created.body.uri, USER_TOKEN, video.subarray(20_000), 20_000, video.length)).status,
    ).toBe(200);

    expect(await pollUntilFinished(id)).toEqual(['IN_PROGRESS', 'FINISHED']);
    const published = await graph('POST', `/v25.0/${IG}/media_publish`, {
      creation_id: id,
      access_token: USER_TOKEN,
    });
    expect(published.status).toBe(200);
    const mediaId = published.body.id;

    const again = await graph('POST', `/v25.0/${IG}/media_publish`, {
      creation_id: id,
      access_token: USER_TOKEN,
    });
    expectMetaError(again, 9007);
    expect(
      (await graph('GET', `/v25.0/${id}`, { fields: 'status_code', access_token: USER_TOKEN })).body
        .status_code,
    ).toBe('PUBLISHED');

    expect(meta.publishedInstagram(IG)).toHaveLength(1);
    expect(meta.publishedInstagram(IG)[0]).toMatchObject({
      id: mediaId,
      caption: 'Hello #health',
      mediaType: 'VIDEO',
      mediaProductType: 'REELS',
      thumbOffset: 1500,
      shareToFeed: true,
      uploadedBytes: video.length,
    });
    const upload = meta.uploads.find((u) => u.id === id)!;
    expect(upload).toMatchObject({
      complete: true,
      requests: 3,
      bytesReceived: 20_000 + video.length + 30_000,
    });

    const listed = await graph('GET', `/v25.0/${IG}/media`, {
      fields: 'id,caption,timestamp,media_type,media_product_type',
      limit: 5,
      access_token: USER_TOKEN,
    });
    expect(listed.body.data).toEqual([
      {
        id: mediaId,
        caption: 'Hello #health',
        timestamp: '2026-03-10T12:00:00+0000',
        media_type: 'VIDEO',
        media_product_type: 'REELS',
      },
    ]);

    const comment = await graph('POST', `/v25.0/${mediaId}/comments`, {
      message: 'First!',
      access_token: USER_TOKEN,
    });
    expect(comment.body.id).toEqual(expect.any(String));
    expect(meta.comments(mediaId)).toMatchObject([{ message: 'First!', platform: 'instagram' }]);
  });

  it('holds rupload to its header rules', async () => {
    const { body } = await graph('POST', `/v25.0/${IG}/media`, {
      media_type: 'REELS',
      upload_type: 'resumable',
      access_token: USER_TOKEN,
    });
    const bytes = fakeMp4Bytes();
    const bearer = await fetch(body.uri, {
      method: 'POST',
      headers: { authorization: `Bearer ${USER_TOKEN}`, offset: '0', file_size: String(bytes.length) },
      body: new Uint8Array(bytes),
    });
    expect(bearer.status).toBe(401);
    expect(((await bearer.json()) as any).debug_info.type).toBe('AuthorizationError');
    const noOffset = await fetch(body.uri, {
      method: 'POST',
      headers: { authorization: `OAuth ${USER_TOKEN}`, file_size: String(bytes.length) },
      body: new Uint8Array(bytes),
    });
    expect(noOffset.status).toBe(400);
    const tooLong = await rupload(body.uri, USER_TOKEN, bytes, 0, bytes.length - 1);
    expect(tooLong.status).toBe(400);
    expect(meta.uploads.find((u) => u.id === body.id)!.data.length).toBe(0);
    // With a configured scheme, the scheme the fake wants changes.
    await start({ ruploadAuthScheme: 'Bearer' });
    const again = await graph('POST', `/v25.0/${IG}/media`, {
      media_type: 'REELS',
      upload_type: 'resumable',
      access_token: USER_TOKEN,
    });
    const ok = await fetch(again.body.uri, {
      method: 'POST',
      headers: { authorization: `Bearer ${USER_TOKEN}`, offset: '0', file_size: String(bytes.length) },
      body: new Uint8Array(bytes),
    });
    expect(ok.status).toBe(200);
  });

  it('takes a file_url upload and a video_url reel with a cover, fetching them like Meta', async () => {
    const videoUrl = host.put('/reel.mp4', fakeMp4Bytes({ durationMs: 5000 }), 'video/mp4');
    const coverUrl = host.put('/cover.jpg', fakeJpegBytes(), 'image/jpeg');
    const byUrl = await graph('POST', `/v25.0/${IG}/media`, {
      media_type: 'REELS',
      video_url: videoUrl,
      cover_url: coverUrl,
      caption: 'by url',
      access_token: USER_TOKEN,
    });
    expect(byUrl.status).toBe(200);
    expect(byUrl.body.uri).toBeUndefined();
    expect(host.requests.map((r) => r.path).sort()).toEqual(['/cover.jpg', '/reel.mp4']);

    const resumable = await graph('POST', `/v25.0/${IG}/media`, {
      media_type: 'REELS',
      upload_type: 'resumable',
      access_token: USER_TOKEN,
    });
    const fromUrl = await fetch(resumable.body.uri, {
      method: 'POST',
      headers: { authorization: `OAuth ${USER_TOKEN}`, file_url: videoUrl },
    });
    expect(fromUrl.status).toBe(200);
    expect(await pollUntilFinished(resumable.body.id)).toEqual(['IN_PROGRESS', 'FINISHED']);
    expect(meta.uploads.find((u) => u.id === resumable.body.id)).toMatchObject({
      fileUrl: videoUrl,
      complete: true,
    });
  });

  it('refuses unreachable, redirected, non-JPEG, mislabelled and oversized media', async () => {
    const missing = await graph('POST', `/v25.0/${IG}/media`, {
      image_url: `${host.baseUrl}/missing.jpg`,
      access_token: USER_TOKEN,
    });
    expectMetaError(missing, 9004, 2207052);
    expect(missing.body.error.is_transient).toBe(false);

    const redirect = host.fail('/moved.jpg', 302, {
      location: host.put('/real.jpg', fakeJpegBytes(), 'image/jpeg'),
    });
    expectMetaError(
      await graph('POST', `/v25.0/${IG}/media`, { image_url: redirect, access_token: USER_TOKEN }),
      9004,
    );

    const png = host.put('/slide.png', fakePngBytes(), 'image/jpeg');
    expectMetaError(
      await graph('POST', `/v25.0/${IG}/media`, { image_url: png, access_token: USER_TOKEN }),
      36001,
      2207005,
    );

    const mislabelled = host.put('/slide.jpg', fakeJpegBytes(), 'application/octet-stream');
    expectMetaError(
      await graph('POST', `/v25.0/${IG}/media`, { image_url: mislabelled, access_token: USER_TOKEN }),
      9004,
    );

    const big = host.put('/big.jpg', fakeJpegBytes(8 * 1024 * 1024 + 1), 'image/jpeg');
    expectMetaError(
      await graph('POST', `/v25.0/${IG}/media`, { image_url: big, access_token: USER_TOKEN }),
      36000,
      2207004,
    );
    expect(meta.containers(IG)).toHaveLength(0);

    const loose = await startFakeMeta({ now: clock.now, fetch: { checkContentType: false } });
    try {
      const ok = await fetch(`${loose.baseUrl}/v25.0/${IG}/media`, {
        method: 'POST',
        body: new URLSearchParams({ image_url: mislabelled, access_token: USER_TOKEN }),
      });
      expect(ok.status).toBe(200);
    } finally {
      await loose.close();
    }
  });

  it('checks thumb_offset against the video duration', async () => {
    expectMetaError(
      await graph('POST', `/v25.0/${IG}/media`, {
        media_type: 'REELS',
        upload_type: 'resumable',
        thumb_offset: -1,
        access_token: USER_TOKEN,
      }),
      1,
      2207057,
    );
    const url = host.put('/short.mp4', fakeMp4Bytes({ durationMs: 4000 }), 'video/mp4');
    expectMetaError(
      await graph('POST', `/v25.0/${IG}/media`, {
        media_type: 'REELS',
        video_url: url,
        thumb_offset: 4000,
        access_token: USER_TOKEN,
      }),
      1,
      2207057,
    );
    // Resumable: the duration is known once the bytes are in, and the container goes to ERROR.
    const { body } = await graph('POST', `/v25.0/${IG}/media`, {
      media_type: 'REELS',
      upload_type: 'resumable',
      thumb_offset: 9000,
      access_token: USER_TOKEN,
    });
    const video = fakeMp4Bytes({ durationMs: 9000 });
    await rupload(body.uri, USER_TOKEN, video, 0, video.length);
    expect(await pollUntilFinished(body.id)).toEqual(['IN_PROGRESS', 'ERROR']);
    const status = await graph('GET', `/v25.0/${body.id}`, { fields: 'status', access_token: USER_TOKEN });
    expect(status.body.status).toContain('2207057');
  });

  it('scripts ERROR and IN_PROGRESS polls; containers expire after 24 h', async () => {
    meta.scriptNextContainers({ inProgressPolls: 3 }, { inProgressPolls: 0, error: { subcode: 2207026 } });
    const url = host.put('/a.mp4', fakeMp4Bytes(), 'video/mp4');
    const slow = await graph('POST', `/v25.0/${IG}/media`, {
      media_type: 'REELS',
      video_url: url,
      access_token: USER_TOKEN,
    });
    const broken = await graph('POST', `/v25.0/${IG}/media`, {
      media_type: 'REELS',
      video_url: url,
      access_token: USER_TOKEN,
    });
    expect(await pollUntilFinished(slow.body.id)).toEqual([
      'IN_PROGRESS',
      'IN_PROGRESS',
      'IN_PROGRESS',
      'FINISHED',
    ]);
    expect(await pollUntilFinished(broken.body.id)).toEqual(['ERROR']);
    expectMetaError(
      await graph('POST', `/v25.0/${IG}/media_publish`, {
        creation_id: broken.body.id,
        access_token: USER_TOKEN,
      }),
      9007,
    );

    clock.advance(24 * HOUR);
    expect(await pollUntilFinished(slow.body.id, PAGE_TOKEN)).toEqual(['EXPIRED']);
    expectMetaError(
      await graph('POST', `/v25.0/${IG}/media_publish`, {
        creation_id: slow.body.id,
        access_token: PAGE_TOKEN,
      }),
      -2,
      2207020,
    );
    expectMetaError(
      await graph('POST', `/v25.0/${IG}/media_publish`, { creation_id: '123', access_token: PAGE_TOKEN }),
      24,
      2207008,
    );
    expect(meta.publishedInstagram()).toHaveLength(0);
  });

  it('enforces the rolling 24-h publishing limit and reports it in content_publishing_limit', async () => {
    await start({ publishLimitPer24h: 2, processingPolls: { image: 0 } });
    const image = host.put('/p.jpg', fakeJpegBytes(), 'image/jpeg');
    const publishOne = async () => {
      const { body } = await graph('POST', `/v25.0/${IG}/media`, {
        image_url: image,
        access_token: PAGE_TOKEN,
      });
      return graph('POST', `/v25.0/${IG}/media_publish`, { creation_id: body.id, access_token: PAGE_TOKEN });
    };
    expect((await publishOne()).status).toBe(200);
    clock.advance(HOUR);
    expect((await publishOne()).status).toBe(200);
    expectMetaError(await publishOne(), 9, 2207042);
    const limit = await graph('GET', `/v25.0/${IG}/content_publishing_limit`, {
      fields: 'quota_usage,config',
      access_token: PAGE_TOKEN,
    });
    expect(limit.body).toEqual({
      data: [{ quota_usage: 2, config: { quota_total: 2, quota_duration: 86400 } }],
    });
    clock.advance(23 * HOUR); // the first publish leaves the window
    expect((await publishOne()).status).toBe(200);
    expect(meta.publishedInstagram(IG)).toHaveLength(3);
  });
});

describe('fake Meta: Instagram carousels', () => {
  async function child(url: string, extra: Record<string, string> = {}) {
    return graph('POST', `/v25.0/${IG}/media`, {
      image_url: url,
      is_carousel_item: true,
      access_token: USER_TOKEN,
      ...extra,
    });
  }

  it('publishes a carousel of FINISHED children as one post', async () => {
    const urls = [1, 2, 3].map((n) => host.put(`/slide-${n}.jpg`, fakeJpegBytes(1000 + n), 'image/jpeg'));
    const children: string[] = [];
    for (const url of urls) children.push((await child(url)).body.id);

    const early = await graph('POST', `/v25.0/${IG}/media`, {
      media_type: 'CAROUSEL',
      children: children.join(','),
      access_token: USER_TOKEN,
    });
    expectMetaError(early, 9007, 2207027); // children still IN_PROGRESS

    for (const id of children) expect(await pollUntilFinished(id)).toEqual(['IN_PROGRESS', 'FINISHED']);
    expectMetaError(
      await graph('POST', `/v25.0/${IG}/media_publish`, {
        creation_id: children[0]!,
        access_token: USER_TOKEN,
      }),
      100,
    );
    const parent = await graph('POST', `/v25.0/${IG}/media`, {
      media_type: 'CAROUSEL',
      children: children.join(','),
      caption: 'Three slides',
      access_token: USER_TOKEN,
    });
    expect(await pollUntilFinished(parent.body.id)).toEqual(['IN_PROGRESS', 'FINISHED']);
    const published = await graph('POST', `/v25.0/${IG}/media_publish`, {
      creation_id: parent.body.id,
      access_token: USER_TOKEN,
    });
    expect(published.status).toBe(200);
    const [album] = meta.publishedInstagram(IG);
    expect(album).toMatchObject({
      mediaType: 'CAROUSEL_ALBUM',
      mediaProductType: 'FEED',
      caption: 'Three slides',
    });
    expect(album!.children.map((c) => c.imageUrl)).toEqual(urls);
    const limit = await graph('GET', `/v25.0/${IG}/content_publishing_limit`, { access_token: USER_TOKEN });
    expect(limit.body).toEqual({ data: [{ quota_usage: 1 }] });
  });

  it('refuses bad children: too few, too many, reels, not carousel items, another account', async () => {
    await start({
      carouselMaxChildren: 3,
      processingPolls: { image: 0, video: 0 },
      users: [{ id: 'u1', name: 'A', token: USER_TOKEN }],
      pages: [
        { id: PAGE, name: 'P1', accessToken: PAGE_TOKEN, instagram: { id: IG, username: 'one' } },
        { id: 'p2', name: 'P2', accessToken: 'page-2', instagram: { id: 'ig2', username: 'two' } },
      ],
    });
    const url = host.put('/s.jpg', fakeJpegBytes(), 'image/jpeg');
    const ids = [];
    for (let i = 0; i < 4; i += 1) ids.push((await child(url)).body.id);
    const parent = (children: string[]) =>
      graph('POST', `/v25.0/${IG}/media`, {
        media_type: 'CAROUSEL',
        children: children.join(','),
        access_token: USER_TOKEN,
      });

    expectMetaError(await parent(ids.slice(0, 1)), 100);
    expectMetaError(await parent(ids), 100);
    const single = await graph('POST', `/v25.0/${IG}/media`, { image_url: url, access_token: USER_TOKEN });
    expectMetaError(await parent([ids[0]!, single.body.id]), 100);
    const reel = await graph('POST', `/v25.0/${IG}/media`, {
      media_type: 'REELS',
      video_url: host.put('/r.mp4', fakeMp4Bytes(), 'video/mp4'),
      access_token: USER_TOKEN,
    });
    const reelRefused = await parent([ids[0]!, reel.body.id]);
    expectMetaError(reelRefused, 100);
    expect(reelRefused.body.error.message).toContain('REELS');
    expectMetaError(
      await graph('POST', `/v25.0/${IG}/media`, {
        media_type: 'REELS',
        video_url: `${host.baseUrl}/r.mp4`,
        is_carousel_item: true,
        access_token: USER_TOKEN,
      }),
      100,
    );
    const foreign = await graph('POST', '/v25.0/ig2/media', {
      image_url: url,
      is_carousel_item: true,
      access_token: USER_TOKEN,
    });
    expectMetaError(await parent([ids[0]!, foreign.body.id]), 100);
    expect((await parent(ids.slice(0, 2))).status).toBe(200);
  });
});

describe('fake Meta: scripted failures', () => {
  it('a publish whose answer is lost still happened, once; the media list shows it', async () => {
    await start({ processingPolls: { image: 0 } });
    const { body } = await graph('POST', `/v25.0/${IG}/media`, {
      image_url: host.put('/x.jpg', fakeJpegBytes(), 'image/jpeg'),
      caption: 'lost answer',
      access_token: USER_TOKEN,
    });
    meta.failNext('ig.media_publish', 1, metaFailure.dropAfterProcessing());
    await expect(
      graph('POST', `/v25.0/${IG}/media_publish`, { creation_id: body.id, access_token: USER_TOKEN }),
    ).rejects.toThrow();
    expect(meta.requests.at(-1)).toMatchObject({ endpoint: 'ig.media_publish', outcome: 'dropped' });
    expect(meta.publishedInstagram(IG)).toHaveLength(1);
    const listed = await graph('GET', `/v25.0/${IG}/media`, {
      fields: 'id,caption',
      limit: 1,
      access_token: USER_TOKEN,
    });
    expect(listed.body.data).toEqual([{ id: meta.publishedInstagram(IG)[0]!.id, caption: 'lost answer' }]);
    // A retry of the same container is refused rather than publishing twice.
    expectMetaError(
      await graph('POST', `/v25.0/${IG}/media_publish`, { creation_id: body.id, access_token: USER_TOKEN }),
      9007,
    );
    expect(meta.publishedInstagram(IG)).toHaveLength(1);
  });

  it('a request dropped before processing has no effect', async () => {
    meta.failNext(/^POST \/v25\.0\/\d+\/media$/, 1, metaFailure.dropBeforeProcessing());
    await expect(
      graph('POST', `/v25.0/${IG}/media`, {
        media_type: 'REELS',
        upload_type: 'resumable',
        access_token: USER_TOKEN,
      }),
    ).rejects.toThrow();
    expect(meta.containers()).toHaveLength(0);
  });

  it('rate limits carry their codes and usage headers, for the next N matching calls only', async () => {
    meta.failNext('ig.user.get', 2, metaFailure.appRateLimit());
    meta.failNext('page.get', 1, metaFailure.pageRateLimit(PAGE));
    meta.failNext('me', 1, metaFailure.userRateLimit());
    meta.failNext('me.accounts', 1, metaFailure.customRateLimit());
    const first = await graph('GET', `/v25.0/${IG}`, { access_token: USER_TOKEN });
    expectMetaError(first, 4);
    expect(first.body.error.is_transient).toBe(true);
    expect(JSON.parse(first.headers.get('x-app-usage')!)).toMatchObject({ call_count: 100 });
    expectMetaError(await graph('GET', `/v25.0/${IG}`, { access_token: USER_TOKEN }), 4);
    expect((await graph('GET', `/v25.0/${IG}`, { access_token: USER_TOKEN })).status).toBe(200);
    const page = await graph('GET', `/v25.0/${PAGE}`, { access_token: PAGE_TOKEN });
    expectMetaError(page, 32);
    expect(page.body.error.is_transient).toBeUndefined();
    expect(JSON.parse(page.headers.get('x-business-use-case-usage')!)[PAGE][0]).toMatchObject({
      type: 'pages',
    });
    expectMetaError(await graph('GET', '/v25.0/me', { access_token: USER_TOKEN }), 17);
    expectMetaError(await graph('GET', '/v25.0/me/accounts', { access_token: USER_TOKEN }), 613);
  });

  it('a transient error; and an upload cut after N bytes keeps those bytes and resumes from them', async () => {
    meta.failNext('ig.media.create', 1, metaFailure.transient());
    const transient = await graph('POST', `/v25.0/${IG}/media`, {
      media_type: 'REELS',
      upload_type: 'resumable',
      access_token: USER_TOKEN,
    });
    expectMetaError(transient, -1, 2207001);
    expect(transient.body.error.is_transient).toBe(true);

    const { body } = await graph('POST', `/v25.0/${IG}/media`, {
      media_type: 'REELS',
      upload_type: 'resumable',
      access_token: USER_TOKEN,
    });
    const video = fakeMp4Bytes({ size: 30_000 });
    meta.failNext('rupload.ig', 1, metaFailure.dropAfterBytes(12_345));
    await expect(rupload(body.uri, USER_TOKEN, video, 0, video.length)).rejects.toThrow();
    const probe = await rupload(body.uri, USER_TOKEN, video, 0, video.length);
    expect(probe.body.offset).toBe(12_345);
    expect((await rupload(body.uri, USER_TOKEN, video.subarray(12_345), 12_345, video.length)).status).toBe(
      200,
    );
    expect(meta.uploads.find((u) => u.id === body.id)!.data.equals(video)).toBe(true);

    await start({ ruploadError: ruploadErrorAsGraphEnvelope });
    const graphShaped = await graph('POST', `/v25.0/${IG}/media`, {
      media_type: 'REELS',
      upload_type: 'resumable',
      access_token: USER_TOKEN,
    });
    await rupload(graphShaped.body.uri, USER_TOKEN, video.subarray(0, 100), 0, video.length);
    const refused = await rupload(graphShaped.body.uri, USER_TOKEN, video, 0, video.length);
    expect(refused.body).toMatchObject({ error: { code: 100, is_transient: true }, offset: 100 });
  });
});

describe('fake Meta: Facebook Page reels', () => {
  async function startReel(token = PAGE_TOKEN) {
    return graph('POST', `/v25.0/${PAGE}/video_reels`, { upload_phase: 'start', access_token: token });
  }

  it('start → rupload → status → finish, once; the reels list shows it', async () => {
    expectMetaError(await startReel(USER_TOKEN), 210);
    const started = await startReel();
    expect(started.body).toEqual({
      video_id: expect.any(String),
      upload_url: `${meta.baseUrl}/video-upload/v25.0/${started.body.video_id}`,
    });
    const videoId = started.body.video_id;
    const status = async () =>
      (await graph('GET', `/v25.0/${videoId}`, { fields: 'status', access_token: PAGE_TOKEN })).body.status;

    expect(await status()).toMatchObject({ uploading_phase: { status: 'not_started' } });
    const finishEarly = await graph('POST', `/v25.0/${PAGE}/video_reels`, {
      upload_phase: 'finish',
      video_id: videoId,
      video_state: 'PUBLISHED',
      access_token: PAGE_TOKEN,
    });
    expectMetaError(finishEarly, 6000);

    const video = fakeMp4Bytes({ size: 10_000 });
    expect((await rupload(started.body.upload_url, USER_TOKEN, video, 0, video.length)).status).toBe(401);
    expect((await rupload(started.body.upload_url, PAGE_TOKEN, video, 0, video.length)).status).toBe(200);
    expect(await status()).toMatchObject({
      video_status: 'processing',
      uploading_phase: { status: 'complete', bytes_transferred: 10_000 },
      processing_phase: { status: 'in_progress' },
    });
    expect(await status()).toMatchObject({ video_status: 'ready', processing_phase: { status: 'complete' } });

    const finish = await graph('POST', `/v25.0/${PAGE}/video_reels`, {
      upload_phase: 'finish',
      video_id: videoId,
      video_state: 'PUBLISHED',
      description: 'Reel caption',
      access_token: PAGE_TOKEN,
    });
    expect(finish.body).toEqual({ success: true });
    expect(await status()).toMatchObject({
      publishing_phase: { status: 'complete', publish_status: 'published' },
    });
    expectMetaError(
      await graph('POST', `/v25.0/${PAGE}/video_reels`, {
        upload_phase: 'finish',
        video_id: videoId,
        video_state: 'PUBLISHED',
        access_token: PAGE_TOKEN,
      }),
      100,
    );
    expect(meta.publishedReels(PAGE)).toMatchObject([
      { id: videoId, description: 'Reel caption', videoState: 'PUBLISHED' },
    ]);
    const list = await graph('GET', `/v25.0/${PAGE}/video_reels`, { access_token: PAGE_TOKEN });
    expect(list.body.data).toEqual([
      { id: videoId, description: 'Reel caption', updated_time: '2026-03-10T12:00:00+0000' },
    ]);
  });

  it('limits reels per Page per rolling 24 h and validates SCHEDULED', async () => {
    await start({ reelsPerPagePer24h: 1 });
    const video = fakeMp4Bytes();
    const reel = async (extra: Record<string, string | number>) => {
      const started = await startReel();
      if (started.status !== 200) return started;
      await rupload(started.body.upload_url, PAGE_TOKEN, video, 0, video.length);
      return graph('POST', `/v25.0/${PAGE}/video_reels`, {
        upload_phase: 'finish',
        video_id: started.body.video_id,
        access_token: PAGE_TOKEN,
        ...extra,
      });
    };
    const nowS = Math.floor(clock.now().getTime() / 1000);
    expectMetaError(await reel({ video_state: 'SCHEDULED' }), 100);
    expectMetaError(await reel({ video_state: 'SCHEDULED', scheduled_publish_time: nowS + 60 }), 100);
    expect((await reel({ video_state: 'DRAFT' })).status).toBe(200);
    expect((await reel({ video_state: 'SCHEDULED', scheduled_publish_time: nowS + 3600 })).status).toBe(200);
    expectMetaError(await startReel(), 4);
    clock.advance(24 * HOUR);
    expect((await reel({ video_state: 'PUBLISHED' })).status).toBe(200);
    expect(meta.publishedReels(PAGE).map((r) => r.videoState)).toEqual(['SCHEDULED', 'PUBLISHED']);
  });

  it('scripted processing error shows in the status', async () => {
    meta.scriptNextVideos({ inProgressPolls: 0, error: { subcode: 1363001, message: 'bad video' } });
    const started = await startReel();
    const video = fakeMp4Bytes();
    await rupload(started.body.upload_url, PAGE_TOKEN, video, 0, video.length);
    const status = await graph('GET', `/v25.0/${started.body.video_id}`, {
      fields: 'status',
      access_token: PAGE_TOKEN,
    });
    expect(status.body.status).toMatchObject({
      video_status: 'error',
      processing_phase: { status: 'error', errors: [{ code: 1363001, message: 'bad video' }] },
    });
  });
});

describe('fake Meta: Facebook photos and feed posts', () => {
  it('posts a carousel as unpublished photos attached to one feed post, exactly once', async () => {
    const url = host.put('/s1.jpg', fakeJpegBytes(), 'image/jpeg');
    const byUrl = await graph('POST', `/v25.0/${PAGE}/photos`, {
      url,
      published: false,
      access_token: PAGE_TOKEN,
    });
    expect(byUrl.body).toEqual({ id: expect.any(String) });

    const form = new FormData();
    form.set('published', 'false');
    form.set('access_token', PAGE_TOKEN);
    form.set('source', new Blob([new Uint8Array(fakePngBytes())], { type: 'image/png' }), 'slide.png');
    const multipart = await fetch(`${meta.baseUrl}/v25.0/${PAGE}/photos`, { method: 'POST', body: form });
    const uploaded = (await multipart.json()) as any;
    expect(multipart.status).toBe(200);

    const notImage = new FormData();
    notImage.set('access_token', PAGE_TOKEN);
    notImage.set('source', new Blob([new TextEncoder().encode('hello')], { type: 'image/jpeg' }), 'x.jpg');
    const refused = await fetch(`${meta.baseUrl}/v25.0/${PAGE}/photos`, { method: 'POST', body: notImage });
    expect(((await refused.json()) as any).error.code).toBe(324);

    expectMetaError(
      await graph('POST', `/v25.0/${PAGE}/photos`, { url, published: false, access_token: USER_TOKEN }),
      210,
    );

    const post = await graph('POST', `/v25.0/${PAGE}/feed`, {
      message: 'Two slides',
      'attached_media[0]': JSON.stringify({ media_fbid: byUrl.body.id }),
      'attached_media[1]': JSON.stringify({ media_fbid: uploaded.id }),
      access_token: PAGE_TOKEN,
    });
    expect(post.body.id).toMatch(new RegExp(`^${PAGE}_\\d+$`));
    const reuse = await graph('POST', `/v25.0/${PAGE}/feed`, {
      message: 'again',
      'attached_media[0]': JSON.stringify({ media_fbid: byUrl.body.id }),
      access_token: PAGE_TOKEN,
    });
    expectMetaError(reuse, 100);
    expect(reuse.body.error.message).toContain('already attached');
    expectMetaError(
      await graph('POST', `/v25.0/${PAGE}/feed`, {
        'attached_media[0]': JSON.stringify({ media_fbid: '42' }),
        access_token: PAGE_TOKEN,
      }),
      100,
    );
    expect(meta.feedPosts(PAGE)).toMatchObject([
      { id: post.body.id, message: 'Two slides', attachedPhotoIds: [byUrl.body.id, uploaded.id] },
    ]);

    const feed = await graph('GET', `/v25.0/${PAGE}/feed`, {
      fields: 'id,message,created_time',
      access_token: PAGE_TOKEN,
    });
    expect(feed.body.data).toEqual([
      { id: post.body.id, message: 'Two slides', created_time: '2026-03-10T12:00:00+0000' },
    ]);
    const comment = await graph('POST', `/v25.0/${post.body.id}/comments`, {
      message: 'link in bio',
      access_token: PAGE_TOKEN,
    });
    expect(comment.status).toBe(200);
    expect(meta.comments(post.body.id)).toHaveLength(1);
  });

  it('a published photo with a message is a feed post of its own (JSON body accepted)', async () => {
    const url = host.put('/one.jpg', fakeJpegBytes(), 'image/jpeg');
    const response = await fetch(`${meta.baseUrl}/v25.0/${PAGE}/photos`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url, message: 'Single', published: true, access_token: PAGE_TOKEN }),
    });
    const body = (await response.json()) as any;
    expect(body).toEqual({ id: expect.any(String), post_id: `${PAGE}_${body.id}` });
    expect(meta.feedPosts(PAGE)).toMatchObject([
      { kind: 'photo', message: 'Single', attachedPhotoIds: [body.id] },
    ]);
  });
});
