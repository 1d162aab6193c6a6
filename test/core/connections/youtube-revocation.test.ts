import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { googleFailure, type FakeGoogle } from '../../fakes/fake-google-server';
import type { Scripted } from '../../fakes/fake-http';
import {
  closeGoogleCore,
  decryptedSecrets,
  openGoogleCore,
  setGoogleClient,
  type GoogleCore,
} from '../../helpers/google-core';
import { sampleBrand, type TempCore } from '../../helpers/temp-core';

const START = '2026-11-25T10:00:00.000Z';

let clock: GoogleCore['clock'];
let google: FakeGoogle;
let temp: TempCore;

beforeEach(async () => {
  ({ clock, google, temp } = await openGoogleCore(START));
});

afterEach(() => closeGoogleCore(temp, google));

/** Connects the brand's channel the way the creator does; returns the refresh token Google issued. */
async function connectYouTube(): Promise<string> {
  await setGoogleClient(temp, google);
  const { authUrl } = await temp.call('connections.youtubeBegin', { brandId: sampleBrand.id });
  const page = await fetch(authUrl);
  expect(page.status).toBe(200);
  const refreshToken = await secretStore().reveal(`brand:${sampleBrand.id}:youtubeRefreshToken`);
  expect(refreshToken).toMatch(/^1\/\/fake-refresh-\d+$/);
  return refreshToken!;
}

const secretStore = () => decryptedSecrets(temp, clock);

function disconnect(platform: 'youtube' | 'instagram' | 'facebook') {
  return temp.call('connections.disconnect', { brandId: sampleBrand.id, platform });
}

function revokeRequests() {
  return google.requests.filter((r) => r.endpoint === 'oauth.revoke');
}

function revocationRows() {
  return temp.core.store.db.selectFrom('token_revocations').selectAll().execute();
}

async function secretKeys(): Promise<string[]> {
  return [...(await secretStore().keys())].sort();
}

/** What Google's token endpoint says to a refresh with this token now. */
async function refreshWith(refreshToken: string): Promise<{ status: number; error?: string }> {
  const response = await fetch(google.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: google.client.clientId,
      client_secret: google.client.clientSecret,
    }),
  });
  const body = (await response.json()) as { error?: string };
  return { status: response.status, error: body.error };
}

/** A scripted hold on the next revoke: resolves `held` when it arrives, answers when released. */
function holdNextRevoke(when: 'before' | 'after') {
  let release!: () => void;
  let markHeld!: () => void;
  const held = new Promise<void>((resolve) => (markHeld = resolve));
  const failure: Scripted<never> = {
    kind: 'hold',
    when,
    held: () => markHeld(),
    release: new Promise<void>((resolve) => (release = resolve)),
  };
  google.failNext('oauth.revoke', 1, failure);
  return { held, release: () => release() };
}

describe('connections: disconnecting YouTube revokes the Google grant', () => {
  it('sends one revoke with the refresh token after the commit; the grant is gone and no secret is left', async () => {
    const refreshToken = await connectYouTube();
    expect(await refreshWith(refreshToken)).toEqual({ status: 200, error: undefined });

    await disconnect('youtube');
    await temp.core.connections.revocationsSettled();

    const sent = revokeRequests();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe('POST');
    expect(sent[0]!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(sent[0]!.body).toEqual({ token: refreshToken });
    expect(sent[0]!.outcome).toBe(200);
    expect(await refreshWith(refreshToken)).toEqual({ status: 400, error: 'invalid_grant' });

    expect(await revocationRows()).toEqual([
      expect.objectContaining({
        provider: 'google',
        brand_id: sampleBrand.id,
        attempts: 1,
        done_at: START,
        outcome: 'revoked',
      }),
    ]);
    expect(await secretKeys()).toEqual(['google.clientSecret']);
    const entry = (await temp.call('activity.list', { limit: 20 })).find(
      (e) => e.action === 'YouTube disconnected',
    )!;
    expect(entry.detail).toContain('Google is asked to revoke it');

    // Nothing more to send: a later drain, or the check cycle, leaves Google alone.
    clock.advance(3_600_000);
    expect(await temp.core.connections.drainRevocations()).toEqual({ revoked: 0, retrying: 0, gaveUp: 0 });
    expect(revokeRequests()).toHaveLength(1);
  });

  it('a 503 keeps the row pending and the token encrypted; a drain past its next attempt sends it once and finishes', async () => {
    const refreshToken = await connectYouTube();
    google.failNext('oauth.revoke', 1, googleFailure.backendError(503));

    await disconnect('youtube');
    await temp.core.connections.revocationsSettled();

    expect(revokeRequests().map((r) => r.outcome)).toEqual([503]);
    const [pending] = await revocationRows();
    expect(pending).toMatchObject({
      attempts: 1,
      done_at: null,
      outcome: null,
      next_attempt_at: '2026-11-25T10:01:00.000Z',
    });
    expect(pending!.last_error).toContain('503');
    expect(pending!.secret_key).toBe(`google.revoke.${pending!.id}`);
    expect(await secretKeys()).toEqual(['google.clientSecret', pending!.secret_key]);
    expect(await secretStore().reveal(pending!.secret_key)).toBe(refreshToken);
    // The refresh token is still valid at Google: nothing was lost.
    expect((await refreshWith(refreshToken)).status).toBe(200);

    // Not due yet: nothing is sent.
    clock.advance(59_000);
    expect(await temp.core.connections.drainRevocations()).toEqual({ revoked: 0, retrying: 0, gaveUp: 0 });
    expect(revokeRequests()).toHaveLength(1);

    clock.advance(1_000);
    expect(await temp.core.connections.drainRevocations()).toEqual({ revoked: 1, retrying: 0, gaveUp: 0 });
    expect(revokeRequests().map((r) => r.outcome)).toEqual([503, 200]);
    expect(await revocationRows()).toEqual([
      expect.objectContaining({ attempts: 2, done_at: '2026-11-25T10:01:00.000Z', outcome: 'revoked' }),
    ]);
    expect(await secretKeys()).toEqual(['google.clientSecret']);
    expect(await refreshWith(refreshToken)).toEqual({ status: 400, error: 'invalid_grant' });
  });

  it('a core closed while the revoke was under way sends it once after reopening, from the check cycle', async () => {
    const refreshToken = await connectYouTube();
    const hold = holdNextRevoke('before');

    await disconnect('youtube');
    await hold.held;
    const reopening = temp.reopen();
    // The request never reaches Google: the connection is cut as the app closes.
    hold.release();
    temp = await reopening;

    expect(revokeRequests().map((r) => r.outcome)).toEqual(['dropped']);
    const [pending] = await revocationRows();
    expect(pending).toMatchObject({ done_at: null, attempts: 1 });
    expect(await secretStore().reveal(pending!.secret_key)).toBe(refreshToken);

    clock.advance(60_000);
    const check = await temp.core.orchestrator.runNow('check');
    expect(JSON.stringify(check)).toContain('1 token revoked');
    expect(revokeRequests().map((r) => r.outcome)).toEqual(['dropped', 200]);
    expect(await revocationRows()).toEqual([expect.objectContaining({ outcome: 'revoked', attempts: 2 })]);
    expect(await secretKeys()).toEqual(['google.clientSecret']);
    expect(await refreshWith(refreshToken)).toEqual({ status: 400, error: 'invalid_grant' });

    await temp.core.orchestrator.runNow('check');
    expect(revokeRequests()).toHaveLength(2);
  });

  it('two drains at once send it once', async () => {
    const refreshToken = await connectYouTube();
    google.failNext('oauth.revoke', 1, googleFailure.backendError(503));
    await disconnect('youtube');
    await temp.core.connections.revocationsSettled();
    clock.advance(60_000);

    // Both read the due row before either claims it.
    const results = await Promise.all([
      temp.core.connections.drainRevocations(),
      temp.core.connections.drainRevocations(),
    ]);
    expect(results.map((r) => r.revoked).sort()).toEqual([0, 1]);
    expect(revokeRequests().map((r) => r.outcome)).toEqual([503, 200]);

    // And a drain that starts while another's request is still waiting for Google's answer.
    const second = await connectYouTube();
    expect(second).not.toBe(refreshToken);
    google.failNext('oauth.revoke', 1, googleFailure.backendError(503));
    await disconnect('youtube');
    await temp.core.connections.revocationsSettled();
    clock.advance(60_000);
    const hold = holdNextRevoke('after');
    const first = temp.core.connections.drainRevocations();
    await hold.held;
    expect(await temp.core.connections.drainRevocations()).toEqual({ revoked: 0, retrying: 0, gaveUp: 0 });
    hold.release();
    expect(await first).toEqual({ revoked: 1, retrying: 0, gaveUp: 0 });
    expect(revokeRequests().map((r) => r.outcome)).toEqual([503, 200, 503, 200]);
    expect(revokeRequests().map((r) => (r.body as { token: string }).token)).toEqual([
      refreshToken,
      refreshToken,
      second,
      second,
    ]);
  });

  it('gives up after the bounded tries, forgets the token and tells the creator where to revoke it', async () => {
    await connectYouTube();
    google.failNext('oauth.revoke', 100, googleFailure.backendError(503));
    await disconnect('youtube');
    await temp.core.connections.revocationsSettled();
    let drains = 1;
    while ((await revocationRows())[0]!.done_at === null) {
      clock.advance(6 * 3_600_000);
      await temp.core.connections.drainRevocations();
      drains++;
      expect(drains).toBeLessThan(50);
    }
    expect(revokeRequests()).toHaveLength(12);
    expect(await revocationRows()).toEqual([expect.objectContaining({ attempts: 12, outcome: 'gave_up' })]);
    expect(await secretKeys()).toEqual(['google.clientSecret']);
    const entry = (await temp.call('activity.list', { limit: 20 })).find(
      (e) => e.action === 'YouTube access not revoked',
    )!;
    expect(entry).toMatchObject({ level: 'error', brandId: sampleBrand.id });
    expect(entry.detail).toContain('https://myaccount.google.com/permissions');
  });

  it('an already revoked token (400 invalid_token) is done, not retried', async () => {
    const refreshToken = await connectYouTube();
    google.revokeRefreshToken(refreshToken);
    await disconnect('youtube');
    await temp.core.connections.revocationsSettled();
    expect(revokeRequests().map((r) => r.outcome)).toEqual([400]);
    expect(await revocationRows()).toEqual([expect.objectContaining({ outcome: 'already_invalid' })]);
    expect(await secretKeys()).toEqual(['google.clientSecret']);
  });

  it('disconnecting Instagram and Facebook writes no revocation; YouTube’s still does', async () => {
    const refreshToken = await connectYouTube();
    const now = clock.now().toISOString();
    for (const platform of ['instagram', 'facebook'] as const) {
      await temp.core.store.db
        .insertInto('platform_connections')
        .values({
          brand_id: sampleBrand.id,
          platform,
          account_id: `${platform}-1`,
          account_name: platform,
          status: 'connected',
          last_error: null,
          expires_at: null,
          connected_at: now,
          checked_at: null,
          updated_at: now,
        })
        .execute();
    }
    await secretStore().set(`brand:${sampleBrand.id}:metaAccessToken`, 'meta-user-token');
    await secretStore().set(`brand:${sampleBrand.id}:facebookPageToken`, 'meta-page-token');

    await disconnect('instagram');
    await disconnect('facebook');
    await temp.core.connections.revocationsSettled();
    expect(await revocationRows()).toEqual([]);
    expect(revokeRequests()).toHaveLength(0);
    expect(await secretKeys()).toEqual(['brand:healthy-college:youtubeRefreshToken', 'google.clientSecret']);

    await disconnect('youtube');
    await temp.core.connections.revocationsSettled();
    expect(await revocationRows()).toHaveLength(1);
    expect(revokeRequests().map((r) => (r.body as { token: string }).token)).toEqual([refreshToken]);
    // A second disconnect has nothing left to revoke.
    await disconnect('youtube');
    await temp.core.connections.revocationsSettled();
    expect(await revocationRows()).toHaveLength(1);
    expect(revokeRequests()).toHaveLength(1);
  });
});
