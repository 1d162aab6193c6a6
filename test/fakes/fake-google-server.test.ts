import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeJpegBytes, fakeMp4Bytes, manualClock, type ManualClock } from './fake-http';
import {
  googleFailure,
  startFakeGoogle,
  YOUTUBE_SCOPES,
  type FakeGoogle,
  type FakeGoogleOptions,
} from './fake-google-server';

const KIB = 1024;
let google: FakeGoogle;
let clock: ManualClock;

async function start(options: FakeGoogleOptions = {}) {
  await google?.close();
  google = await startFakeGoogle({ now: clock.now, ...options });
}

beforeEach(async () => {
  clock = manualClock('2026-03-10T18:00:00Z');
  google = await startFakeGoogle({ now: clock.now });
});

afterEach(async () => {
  await google.close();
});

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

async function authorizeAt(params: Record<string, string>): Promise<Response> {
  const url = new URL(google.authorizeUrl);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return fetch(url, { redirect: 'manual' });
}

function authParams(extra: Record<string, string> = {}) {
  const { verifier, challenge } = pkce();
  return {
    verifier,
    params: {
      client_id: google.client.clientId,
      redirect_uri: 'http://127.0.0.1:53682/oauth/callback',
      response_type: 'code',
      scope: `${YOUTUBE_SCOPES.upload} ${YOUTUBE_SCOPES.readonly} ${YOUTUBE_SCOPES.forceSsl}`,
      state: 'csrf-123',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      access_type: 'offline',
      prompt: 'consent',
      ...extra,
    },
  };
}

async function postToken(form: Record<string, string>) {
  const response = await fetch(google.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function signIn(extra: Record<string, string> = {}) {
  const { verifier, params } = authParams(extra);
  const response = await authorizeAt(params);
  const location = new URL(response.headers.get('location')!);
  const code = location.searchParams.get('code')!;
  return postToken({
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    client_id: google.client.clientId,
    client_secret: google.client.clientSecret,
    redirect_uri: params.redirect_uri,
  });
}

async function api(method: string, path: string, token: string | null, init: RequestInit = {}) {
  const response = await fetch(`${google.baseUrl}${path}`, {
    method,
    ...init,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.headers as Record<string, string>),
    },
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as any) : undefined,
  };
}

function metadata(overrides: Record<string, unknown> = {}) {
  return {
    snippet: {
      title: 'My short',
      description: 'About it\n\n#Shorts',
      tags: ['shorts', 'health'],
      categoryId: '22',
    },
    status: { privacyStatus: 'public', selfDeclaredMadeForKids: false },
    ...overrides,
  };
}

async function startSession(token: string, bytes: number, body: unknown = metadata(), query = '') {
  return api('POST', `/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status${query}`, token, {
    headers: {
      'content-type': 'application/json; charset=UTF-8',
      'x-upload-content-length': String(bytes),
      'x-upload-content-type': 'video/mp4',
    },
    body: JSON.stringify(body),
  });
}

async function put(uri: string, body: Buffer, range?: string) {
  const response = await fetch(uri, {
    method: 'PUT',
    headers: { 'content-type': 'video/mp4', ...(range ? { 'content-range': range } : {}) },
    body: new Uint8Array(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    range: response.headers.get('range'),
    body: text ? (JSON.parse(text) as any) : undefined,
  };
}

function expectGoogleError(answer: { status: number; body: any }, status: number, reason: string) {
  expect(answer.status).toBe(status);
  expect(answer.body.error).toMatchObject({ code: status, message: expect.any(String) });
  expect(answer.body.error.errors[0]).toMatchObject({
    reason,
    domain: expect.any(String),
    message: expect.any(String),
  });
}

describe('fake Google OAuth for installed apps', () => {
  it('redirects to any loopback port with code and state, and exchanges the code with PKCE', async () => {
    const { verifier, params } = authParams();
    const response = await authorizeAt(params);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe('http://127.0.0.1:53682/oauth/callback');
    expect(location.searchParams.get('state')).toBe('csrf-123');
    const code = location.searchParams.get('code')!;

    const exchanged = await postToken({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      client_id: google.client.clientId,
      client_secret: google.client.clientSecret,
      redirect_uri: params.redirect_uri,
    });
    expect(exchanged.status).toBe(200);
    expect(exchanged.body).toEqual({
      access_token: expect.stringMatching(/^ya29\./),
      expires_in: 3599,
      refresh_token: expect.any(String),
      scope: params.scope,
      token_type: 'Bearer',
    });
    const reused = await postToken({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      client_id: google.client.clientId,
      client_secret: google.client.clientSecret,
      redirect_uri: params.redirect_uri,
    });
    expect(reused.body.error).toBe('invalid_grant');

    const refreshed = await postToken({
      grant_type: 'refresh_token',
      refresh_token: exchanged.body.refresh_token,
      client_id: google.client.clientId,
      client_secret: google.client.clientSecret,
    });
    expect(refreshed.body).toEqual({
      access_token: expect.any(String),
      expires_in: 3599,
      scope: params.scope,
      token_type: 'Bearer',
    });
    expect(refreshed.body.access_token).not.toBe(exchanged.body.access_token);

    // IPv6 loopback on another port works too.
    const v6 = await authorizeAt(authParams({ redirect_uri: 'http://[::1]:9004/' }).params);
    expect(v6.status).toBe(302);
    expect(v6.headers.get('location')).toMatch(/^http:\/\/\[::1\]:9004\/\?code=/);
  });

  it('gives a refresh token again only with prompt=consent after the first consent', async () => {
    expect((await signIn({ prompt: '' })).body.refresh_token).toEqual(expect.any(String));
    expect((await signIn({ prompt: '' })).body.refresh_token).toBeUndefined();
    expect((await signIn({ prompt: 'consent' })).body.refresh_token).toEqual(expect.any(String));
    expect((await signIn({ access_type: 'online' })).body.refresh_token).toBeUndefined();
  });

  it('refuses OOB, non-loopback, localhost, unknown clients and missing or plain PKCE', async () => {
    const refused = async (extra: Record<string, string>, status: number, error: string) => {
      const response = await authorizeAt(authParams(extra).params);
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain(`Error ${status}: ${error}`);
    };
    await refused({ redirect_uri: 'urn:ietf:wg:oauth:2.0:oob' }, 400, 'invalid_request');
    await refused({ redirect_uri: 'https://example.com/callback' }, 400, 'redirect_uri_mismatch');
    await refused({ redirect_uri: 'http://localhost:8080/' }, 400, 'redirect_uri_mismatch');
    await refused({ redirect_uri: 'http://127.0.0.2:8080/' }, 400, 'redirect_uri_mismatch');
    await refused({ client_id: 'someone-else' }, 401, 'invalid_client');
    await refused({ code_challenge: '' }, 400, 'invalid_request');
    await refused({ code_challenge_method: 'plain' }, 400, 'invalid_request');
    await refused({ scope: 'https://www.googleapis.com/auth/drive' }, 400, 'invalid_scope');
  });

  it('refuses a wrong verifier, another redirect_uri, a wrong secret, a JSON body and an expired code', async () => {
    const attempt = async (mutate: (form: Record<string, string>) => void, advanceMs = 0) => {
      const { verifier, params } = authParams();
      const location = new URL((await authorizeAt(params)).headers.get('location')!);
      const form: Record<string, string> = {
        grant_type: 'authorization_code',
        code: location.searchParams.get('code')!,
        code_verifier: verifier,
        client_id: google.client.clientId,
        client_secret: google.client.clientSecret,
        redirect_uri: params.redirect_uri,
      };
      mutate(form);
      clock.advance(advanceMs);
      return postToken(form);
    };
    expect((await attempt((f) => (f.code_verifier = pkce().verifier))).body.error).toBe('invalid_grant');
    expect((await attempt((f) => (f.redirect_uri = 'http://127.0.0.1:1/oauth/callback'))).body.error).toBe(
      'redirect_uri_mismatch',
    );
    const wrongSecret = await attempt((f) => (f.client_secret = 'nope'));
    expect(wrongSecret).toEqual({
      status: 401,
      body: { error: 'invalid_client', error_description: 'Unauthorized' },
    });
    expect((await attempt(() => undefined, 11 * 60_000)).body.error).toBe('invalid_grant');

    const json = await fetch(google.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: 'x' }),
    });
    expect(json.status).toBe(400);
    expect(((await json.json()) as any).error).toBe('invalid_request');
  });

  it('scripted denial redirects with error=access_denied and the state', async () => {
    google.denyNextConsent();
    const response = await authorizeAt(authParams().params);
    const location = new URL(response.headers.get('location')!);
    expect(Object.fromEntries(location.searchParams)).toEqual({ error: 'access_denied', state: 'csrf-123' });
    expect((await authorizeAt(authParams().params)).headers.get('location')).toContain('code=');
  });

  it('revoked refresh tokens are invalid_grant and their access tokens stop working; expired access tokens are 401', async () => {
    const { accessToken, refreshToken } = google.issueTokens();
    expect((await api('GET', '/youtube/v3/channels?part=snippet&mine=true', accessToken)).status).toBe(200);
    google.revokeRefreshToken(refreshToken);
    const refreshed = await postToken({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: google.client.clientId,
      client_secret: google.client.clientSecret,
    });
    expect(refreshed).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
    });
    expectGoogleError(
      await api('GET', '/youtube/v3/channels?part=snippet&mine=true', accessToken),
      401,
      'authError',
    );

    const second = google.issueTokens();
    google.expireAccessToken(second.accessToken);
    expectGoogleError(
      await api('GET', '/youtube/v3/channels?part=snippet&mine=true', second.accessToken),
      401,
      'authError',
    );
    const third = google.issueTokens();
    clock.advance(3599_000);
    expectGoogleError(
      await api('GET', '/youtube/v3/channels?part=snippet&mine=true', third.accessToken),
      401,
      'authError',
    );

    const revokeResponse = await fetch(`${google.revokeUrl}?token=${third.refreshToken}`, { method: 'POST' });
    expect(revokeResponse.status).toBe(200);
    const again = await fetch(`${google.revokeUrl}?token=${third.refreshToken}`, { method: 'POST' });
    expect(again.status).toBe(400);
  });
});

describe('fake YouTube Data API', () => {
  it('channels.list mine with auth and scope checks, each call charged', async () => {
    const { accessToken } = google.issueTokens();
    const mine = await api('GET', '/youtube/v3/channels?part=snippet,contentDetails&mine=true', accessToken);
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        kind: 'youtube#channel',
        id: google.channelId,
        snippet: expect.objectContaining({ title: 'Fake Channel' }),
        contentDetails: { relatedPlaylists: { likes: '', uploads: `UU${google.channelId.slice(2)}` } },
      }),
    ]);
    expectGoogleError(await api('GET', '/youtube/v3/channels?part=snippet&mine=true', null), 401, 'required');
    const uploadOnly = google.issueTokens(google.channelId, [YOUTUBE_SCOPES.upload]);
    expectGoogleError(
      await api('GET', '/youtube/v3/channels?part=snippet&mine=true', uploadOnly.accessToken),
      403,
      'insufficientPermissions',
    );
    expectGoogleError(
      await api('GET', '/youtube/v3/channels?part=snippet,bogus&mine=true', accessToken),
      400,
      'unknownPart',
    );
    expect(google.quotaUsed()).toEqual({ units: 2, inserts: 0 }); // one success, one refused call
  });

  it('uploads in chunks: 308 with Range kept to 256 KiB multiples, status queries, then 201 with the video', async () => {
    const { accessToken } = google.issueTokens();
    const video = fakeMp4Bytes({ durationMs: 21_000, size: 700 * KIB });
    const session = await startSession(accessToken, video.length, metadata(), '&notifySubscribers=false');
    expect(session.status).toBe(200);
    const uri = session.headers.get('location')!;
    expect(uri.startsWith(`${google.baseUrl}/upload/youtube/v3/videos?`)).toBe(true);
    expect(uri).toContain('upload_id=');

    const query = await put(uri, Buffer.alloc(0), `bytes */${video.length}`);
    expect(query).toEqual({ status: 308, range: null, body: undefined });

    // 300 KiB sent, 256 KiB kept: the client must resume from the Range, not from what it sent.
    const first = await put(uri, video.subarray(0, 300 * KIB), `bytes 0-${300 * KIB - 1}/${video.length}`);
    expect(first).toMatchObject({ status: 308, range: `bytes=0-${256 * KIB - 1}` });
    expect((await put(uri, Buffer.alloc(0), `bytes */${video.length}`)).range).toBe(
      `bytes=0-${256 * KIB - 1}`,
    );
    const gap = await put(
      uri,
      video.subarray(300 * KIB),
      `bytes ${300 * KIB}-${video.length - 1}/${video.length}`,
    );
    expect(gap.status).toBe(400);
    const last = await put(
      uri,
      video.subarray(256 * KIB),
      `bytes ${256 * KIB}-${video.length - 1}/${video.length}`,
    );
    expect(last.status).toBe(201);
    expect(last.body).toMatchObject({
      kind: 'youtube#video',
      id: expect.stringMatching(/^[\w-]{11}$/),
      snippet: {
        title: 'My short',
        description: 'About it\n\n#Shorts',
        categoryId: '22',
        channelId: google.channelId,
      },
      status: { uploadStatus: 'uploaded', privacyStatus: 'public', selfDeclaredMadeForKids: false },
    });
    const again = await put(uri, Buffer.alloc(0), `bytes */${video.length}`);
    expect(again).toMatchObject({ status: 200, body: { id: last.body.id } });

    expect(google.videos()).toEqual([
      expect.objectContaining({
        id: last.body.id,
        title: 'My short',
        tags: ['shorts', 'health'],
        privacyStatus: 'public',
        notifySubscribers: false,
        bytes: video.length,
        durationMs: 21_000,
      }),
    ]);
    expect(google.quotaUsed()).toEqual({ units: 1600, inserts: 0 });

    const listed = await api(
      'GET',
      `/youtube/v3/videos?part=status,contentDetails&id=${last.body.id}`,
      accessToken,
    );
    expect(listed.body.items[0].status.uploadStatus).toBe('uploaded');
    expect(listed.body.items[0].contentDetails.duration).toBe('PT21S');
    const processed = await api('GET', `/youtube/v3/videos?part=status&id=${last.body.id},nope`, accessToken);
    expect(processed.body.items.map((v: any) => v.status.uploadStatus)).toEqual(['processed']);
  });

  it('a whole-file PUT whose answer is lost: the video exists once and the uploads playlist finds it', async () => {
    const { accessToken } = google.issueTokens();
    const video = fakeMp4Bytes({ size: 10 * KIB });
    const uri = (await startSession(accessToken, video.length)).headers.get('location')!;
    google.failNext('youtube.videos.upload', 1, googleFailure.dropAfterProcessing());
    await expect(put(uri, video)).rejects.toThrow();
    expect(google.videos()).toHaveLength(1);
    const status = await put(uri, Buffer.alloc(0), `bytes */${video.length}`);
    expect(status.status).toBe(200);
    expect(status.body.id).toBe(google.videos()[0]!.id);

    const uploads = await api(
      'GET',
      `/youtube/v3/playlistItems?part=snippet,contentDetails&playlistId=UU${google.channelId.slice(2)}&maxResults=5`,
      accessToken,
    );
    expect(uploads.body.items).toEqual([
      expect.objectContaining({
        snippet: expect.objectContaining({
          title: 'My short',
          resourceId: { kind: 'youtube#video', videoId: status.body.id },
        }),
      }),
    ]);
  });

  it('a PUT cut after N bytes keeps what arrived (to the chunk granularity) for the resume', async () => {
    await start({ chunkGranularityBytes: 0 });
    const { accessToken } = google.issueTokens();
    const video = fakeMp4Bytes({ size: 50 * KIB });
    const uri = (await startSession(accessToken, video.length)).headers.get('location')!;
    google.failNext('youtube.videos.upload', 1, googleFailure.dropAfterBytes(20_000));
    await expect(put(uri, video)).rejects.toThrow();
    expect((await put(uri, Buffer.alloc(0), `bytes */${video.length}`)).range).toBe('bytes=0-19999');
    const rest = await put(uri, video.subarray(20_000), `bytes 20000-${video.length - 1}/${video.length}`);
    expect(rest.status).toBe(201);
    expect(google.uploadSessions()[0]!.data.equals(video)).toBe(true);
  });

  it('validates the metadata and the upload headers; a refused call costs 1 unit', async () => {
    const { accessToken } = google.issueTokens();
    const refused = async (body: unknown, reason: string) =>
      expectGoogleError(await startSession(accessToken, 1000, body), 400, reason);
    await refused(metadata({ snippet: { title: 'x'.repeat(101) } }), 'invalidTitle');
    await refused(metadata({ snippet: { title: 'a <b> title' } }), 'invalidTitle');
    await refused(metadata({ snippet: { description: 'no title' } }), 'invalidTitle');
    await refused(metadata({ snippet: { title: 't', description: 'é'.repeat(2501) } }), 'invalidDescription');
    await refused(metadata({ snippet: { title: 't', categoryId: '99' } }), 'invalidCategoryId');
    await refused(metadata({ status: { privacyStatus: 'friends' } }), 'invalidVideoMetadata');
    await refused(
      metadata({ status: { privacyStatus: 'public', publishAt: '2027-01-01T00:00:00Z' } }),
      'invalidPublishAt',
    );
    const noLength = await api(
      'POST',
      '/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status',
      accessToken,
      {
        headers: { 'content-type': 'application/json', 'x-upload-content-type': 'video/mp4' },
        body: JSON.stringify(metadata()),
      },
    );
    expect(noLength.status).toBe(400);
    expect(google.uploadSessions()).toHaveLength(0);
    expect(google.quotaUsed().units).toBe(8);
    expect(
      (await startSession(accessToken, 1000, metadata({ snippet: { title: 'é'.repeat(100) } }))).status,
    ).toBe(200);
  });

  it('unknown and expired sessions are 404', async () => {
    const { accessToken } = google.issueTokens();
    expect(
      (await put(`${google.baseUrl}/upload/youtube/v3/videos?upload_id=nope`, Buffer.from('x'))).status,
    ).toBe(404);
    const uri = (await startSession(accessToken, 100)).headers.get('location')!;
    clock.advance(7 * 24 * 3600_000);
    expect((await put(uri, Buffer.alloc(0), 'bytes */100')).status).toBe(404);
  });

  it('thumbnails.set: JPEG/PNG up to 2 MB on own videos of channels allowed custom thumbnails', async () => {
    const { accessToken } = google.issueTokens();
    const video = fakeMp4Bytes({ size: 2000 });
    const uri = (await startSession(accessToken, video.length)).headers.get('location')!;
    const videoId = (await put(uri, video)).body.id;
    const setThumb = (bytes: Buffer, id = videoId, type = 'image/jpeg') =>
      api('POST', `/upload/youtube/v3/thumbnails/set?videoId=${id}&uploadType=media`, accessToken, {
        headers: { 'content-type': type },
        body: new Uint8Array(bytes),
      });
    const ok = await setThumb(fakeJpegBytes());
    expect(ok.body).toMatchObject({
      kind: 'youtube#thumbnailSetResponse',
      items: [{ default: { width: 120 } }],
    });
    expectGoogleError(await setThumb(fakeJpegBytes(2 * 1024 * 1024 + 1)), 400, 'mediaTooLarge');
    expectGoogleError(await setThumb(Buffer.from('not an image')), 400, 'invalidImage');
    expectGoogleError(await setThumb(fakeJpegBytes(), 'Fk000000000'), 404, 'videoNotFound');
    expectGoogleError(await setThumb(fakeJpegBytes(), videoId, 'image/gif'), 400, 'badContent');
    google.setCustomThumbnails(google.channelId, false);
    expectGoogleError(await setThumb(fakeJpegBytes()), 403, 'forbidden');
    expect(google.thumbnails(videoId)).toHaveLength(1);
    expect(google.quotaUsed().units).toBe(1600 + 50 + 5);
  });

  it('commentThreads.insert needs youtube.force-ssl and posts the first comment', async () => {
    const { accessToken } = google.issueTokens();
    const video = fakeMp4Bytes({ size: 2000 });
    const videoId = (
      await put((await startSession(accessToken, video.length)).headers.get('location')!, video)
    ).body.id;
    const body = JSON.stringify({
      snippet: { videoId, topLevelComment: { snippet: { textOriginal: 'Thanks for watching!' } } },
    });
    const posted = await api('POST', '/youtube/v3/commentThreads?part=snippet', accessToken, {
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(posted.body).toMatchObject({
      kind: 'youtube#commentThread',
      snippet: { videoId, topLevelComment: { snippet: { textOriginal: 'Thanks for watching!' } } },
    });
    const weak = google.issueTokens(google.channelId, [YOUTUBE_SCOPES.upload, YOUTUBE_SCOPES.readonly]);
    expectGoogleError(
      await api('POST', '/youtube/v3/commentThreads?part=snippet', weak.accessToken, {
        headers: { 'content-type': 'application/json' },
        body,
      }),
      403,
      'insufficientPermissions',
    );
    expect(google.comments(videoId)).toMatchObject([{ text: 'Thanks for watching!' }]);
  });
});

describe('fake YouTube quota', () => {
  it('is exceeded with 403 quotaExceeded and resets at midnight Pacific Time', async () => {
    clock.set('2026-03-10T06:59:00Z'); // 23:59 PDT on 9 March
    const { accessToken } = google.issueTokens();
    google.spendQuota(10_000 - 1600 + 1);
    const refused = await startSession(accessToken, 100);
    expectGoogleError(refused, 403, 'quotaExceeded');
    expect(refused.body.error.errors[0].domain).toBe('youtube.quota');
    clock.advance(2 * 60_000); // 00:01 PDT on 10 March
    expect(google.quotaUsed().units).toBe(0);
    expect((await startSession(accessToken, 100)).status).toBe(200);
    expect(google.quotaUsed(new Date('2026-03-10T06:00:00Z')).units).toBe(10_000 - 1600 + 1);
  });

  it('counts videos.insert in a separate 100-a-day bucket when so configured', async () => {
    await start({ quota: { videosInsertBucket: 'separate', separateInsertsPerDay: 2 } });
    const { accessToken } = google.issueTokens();
    expect((await startSession(accessToken, 100)).status).toBe(200);
    expect((await startSession(accessToken, 100)).status).toBe(200);
    expectGoogleError(await startSession(accessToken, 100), 403, 'quotaExceeded');
    expect(google.quotaUsed()).toEqual({ units: 0, inserts: 2 });
  });

  it('scripted uploadLimitExceeded refuses the insert without a session', async () => {
    const { accessToken } = google.issueTokens();
    google.failNext('youtube.videos.insert', 1, googleFailure.uploadLimitExceeded());
    expectGoogleError(await startSession(accessToken, 100), 400, 'uploadLimitExceeded');
    expect(google.uploadSessions()).toHaveLength(0);
    expect((await startSession(accessToken, 100)).status).toBe(200);
  });
});
