import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../../src-main/core/app';
import { PlatformError } from '../../../src-main/core/platforms/platform-error';
import type { FakeGoogle } from '../../fakes/fake-google-server';
import {
  closeGoogleCore,
  decryptedSecrets,
  openGoogleCore,
  setGoogleClient,
  type GoogleCore,
} from '../../helpers/google-core';
import { sampleBrand, type TempCore } from '../../helpers/temp-core';
import { insertScheduledPost, postStatusOf, targetsOf } from '../../helpers/publishing-rows';

const START = '2026-11-25T10:00:00.000Z';

let clock: GoogleCore['clock'];
let google: FakeGoogle;
let temp: TempCore;

beforeEach(async () => {
  ({ clock, google, temp } = await openGoogleCore(START));
});

afterEach(() => closeGoogleCore(temp, google));

const setClient = () => setGoogleClient(temp, google);

/** What the system browser does with the authorize address: Google's 302 back to our loopback. */
async function browse(url: string): Promise<{ status: number; text: string; url: string }> {
  const response = await fetch(url);
  return { status: response.status, text: await response.text(), url: response.url };
}

function requestsTo(endpoint: string): number {
  return google.requests.filter((r) => r.endpoint === endpoint).length;
}

async function youtubeConnection() {
  const list = await temp.call('connections.list', { brandId: sampleBrand.id });
  return list.find((c) => c.platform === 'youtube')!;
}

async function activity() {
  return temp.call('activity.list', { limit: 100 });
}

/** Waits for the loopback listener's work (exchange, channel, transaction) after the browser's request. */
async function signIn(): Promise<{ page: { status: number; text: string }; authUrl: string }> {
  const { authUrl } = await temp.call('connections.youtubeBegin', { brandId: sampleBrand.id });
  const page = await browse(authUrl);
  return { page, authUrl };
}

describe('connections: YouTube through Google sign-in for installed apps', () => {
  it('needs the creator’s own OAuth client first', async () => {
    const refused = await temp.invoke('connections.youtubeBegin', { brandId: sampleBrand.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect((refused as { error: { message: string } }).error.message).toContain(
      'Settings → Google OAuth client',
    );
  });

  it('signs in through the system browser and the loopback redirect: channel stored, refresh token encrypted', async () => {
    await setClient();
    const { authUrl, redirectUri } = await temp.call('connections.youtubeBegin', { brandId: sampleBrand.id });
    const asked = new URL(authUrl);
    expect(`${asked.origin}${asked.pathname}`).toBe(google.authorizeUrl);
    expect(redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth2callback$/);
    expect(Object.fromEntries(asked.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: google.client.clientId,
      redirect_uri: redirectUri,
      code_challenge_method: 'S256',
      access_type: 'offline',
      prompt: 'consent',
    });
    expect(asked.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(asked.searchParams.get('scope')!.split(' ')).toEqual([
      'https://www.googleapis.com/auth/youtube.upload',
      'https://www.googleapis.com/auth/youtube.readonly',
      'https://www.googleapis.com/auth/youtube.force-ssl',
    ]);

    const page = await browse(authUrl);
    expect(page.url.startsWith(redirectUri)).toBe(true);
    expect(page.status).toBe(200);
    expect(page.text).toContain('You can close this tab');

    const exchange = google.requests.find((r) => r.endpoint === 'oauth.token')!;
    expect(exchange.body).toMatchObject({
      grant_type: 'authorization_code',
      redirect_uri: redirectUri,
      client_id: google.client.clientId,
    });
    expect((exchange.body as Record<string, string>).code_verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);

    expect(await youtubeConnection()).toMatchObject({
      status: 'connected',
      accountId: google.channelId,
      accountName: 'Fake Channel',
      expiresAt: null,
      connectedAt: START,
    });
    expect(await temp.call('brands.get', { id: sampleBrand.id })).toMatchObject({
      youtubeChannelId: google.channelId,
      credentials: { youtubeRefreshToken: true },
    });
    expect((await activity()).map((e) => e.action)).toContain('YouTube connected');

    const refreshToken = await storedRefreshToken();
    expect(refreshToken).toMatch(/^1\/\/fake-refresh-\d+$/);
    const file = [join(temp.dir, DATABASE_FILE_NAME), join(temp.dir, `${DATABASE_FILE_NAME}-wal`)]
      .filter((path) => existsSync(path))
      .map((path) => readFileSync(path).toString('latin1'))
      .join('');
    expect(file).toContain('Fake Channel');
    expect(file).not.toContain(refreshToken);
    expect(JSON.stringify(await temp.call('connections.list', {}))).not.toMatch(/fake-refresh|ya29|access/);
  });

  it('keeps the access token until five minutes before it expires, then refreshes it once', async () => {
    await setClient();
    await signIn();
    const tokenCalls = requestsTo('oauth.token');
    const first = await temp.core.connections.youtubeAccessToken(sampleBrand.id);
    expect(requestsTo('oauth.token')).toBe(tokenCalls);

    clock.advance(50 * 60_000);
    expect(await temp.core.connections.youtubeAccessToken(sampleBrand.id)).toBe(first);
    clock.advance(6 * 60_000);
    const [a, b] = await Promise.all([
      temp.core.connections.youtubeAccessToken(sampleBrand.id),
      temp.core.connections.youtubeAccessToken(sampleBrand.id),
    ]);
    expect(a).toBe(b);
    expect(a).not.toBe(first);
    const refreshes = google.requests.filter(
      (r) =>
        r.endpoint === 'oauth.token' && (r.body as Record<string, string>).grant_type === 'refresh_token',
    );
    expect(refreshes).toHaveLength(1);

    // A 401 from the API: the publisher drops the cached token and the next ask refreshes.
    temp.core.connections.forgetYouTubeAccessToken(sampleBrand.id);
    expect(await temp.core.connections.youtubeAccessToken(sampleBrand.id)).not.toBe(a);

    const test = await temp.call('connections.test', { brandId: sampleBrand.id, platform: 'youtube' });
    expect(test).toEqual({ ok: true, detail: 'Connected to the channel “Fake Channel”.' });
  });

  it('a revoked refresh token (invalid_grant) expires the connection, holds YouTube posts, makes no further calls; a new sign-in releases them', async () => {
    await setClient();
    await signIn();
    await insertScheduledPost(temp.core, {
      brandId: sampleBrand.id,
      scheduleId: 'SCH-yyyyyyyy01',
      targets: { youtube: 'scheduled', instagram: 'published' },
    });
    google.revokeRefreshToken((await storedRefreshToken())!);
    clock.advance(60 * 60_000);

    const refusal = await temp.core.connections.youtubeAccessToken(sampleBrand.id).catch((e) => e);
    expect(refusal).toBeInstanceOf(PlatformError);
    expect(refusal).toMatchObject({ kind: 'auth', platform: 'youtube' });
    expect(await youtubeConnection()).toMatchObject({ status: 'expired' });
    expect(await targetsOf(temp.core, 'SCH-yyyyyyyy01')).toEqual({
      instagram: { status: 'published', waitReason: null },
      youtube: { status: 'waiting', waitReason: 'connection_expired' },
    });
    expect(await postStatusOf(temp.core, 'SCH-yyyyyyyy01')).toBe('partial');
    expect((await activity()).filter((e) => e.action === 'YouTube connection expired')).toHaveLength(1);

    const calls = google.requests.length;
    const again = await temp.core.connections.youtubeAccessToken(sampleBrand.id).catch((e) => e);
    expect(again).toMatchObject({ kind: 'auth', code: 'connection_expired' });
    expect(
      await temp.call('connections.test', { brandId: sampleBrand.id, platform: 'youtube' }),
    ).toMatchObject({
      ok: false,
    });
    expect(google.requests.length).toBe(calls);

    const { page } = await signIn();
    expect(page.status).toBe(200);
    expect(await youtubeConnection()).toMatchObject({ status: 'connected' });
    expect(await targetsOf(temp.core, 'SCH-yyyyyyyy01')).toEqual({
      instagram: { status: 'published', waitReason: null },
      youtube: { status: 'scheduled', waitReason: null },
    });
  });

  it('a declined consent connects nothing and says so', async () => {
    await setClient();
    google.denyNextConsent();
    const { page } = await signIn();
    expect(page.status).toBe(400);
    expect(page.text).toContain('declined');
    expect(await youtubeConnection()).toMatchObject({ status: 'not_connected' });
    const entry = (await activity()).find((e) => e.action === 'YouTube sign-in did not finish')!;
    expect(entry).toMatchObject({ level: 'error' });
    expect(entry.detail).toContain('declined');
  });

  it('ignores a visit without its state, and stops waiting after ten minutes', async () => {
    await setClient();
    const { redirectUri } = await temp.call('connections.youtubeBegin', { brandId: sampleBrand.id });
    const forged = await browse(`${redirectUri}?code=4/forged&state=not-ours`);
    expect(forged.status).toBe(400);
    expect(requestsTo('oauth.token')).toBe(0);

    clock.advance(9 * 60_000);
    expect(await temp.core.connections.expirePendingSignIns()).toBe(0);
    clock.advance(60_000);
    expect(await temp.core.connections.expirePendingSignIns()).toBe(1);
    const entry = (await activity()).find((e) => e.action === 'YouTube sign-in did not finish')!;
    expect(entry.detail).toContain('10 minutes');
    await expect(fetch(`${redirectUri}?code=x&state=y`)).rejects.toThrow();
  });

  it('disconnecting forgets the refresh token and the cached access token', async () => {
    await setClient();
    await signIn();
    await temp.call('connections.disconnect', { brandId: sampleBrand.id, platform: 'youtube' });
    expect(await youtubeConnection()).toMatchObject({ status: 'not_connected' });
    expect(await temp.call('brands.get', { id: sampleBrand.id })).toMatchObject({
      credentials: { youtubeRefreshToken: false },
    });
    await expect(temp.core.connections.youtubeAccessToken(sampleBrand.id)).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

/** The refresh token as the app stored it, to hand the fake the token to revoke. */
function storedRefreshToken(): Promise<string | undefined> {
  return decryptedSecrets(temp, clock).reveal(`brand:${sampleBrand.id}:youtubeRefreshToken`);
}
