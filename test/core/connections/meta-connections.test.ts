import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../../src-main/core/app';
import { AppError } from '../../../src-main/core/contract/errors';
import { PlatformError } from '../../../src-main/core/platforms/platform-error';
import { manualClock } from '../../../src-main/core/ports/clock';
import { startFakeMeta, type FakeMeta, type FakeMetaOptions } from '../../fakes/fake-meta-server';
import { openTempCore, sampleBrand, type TempCore } from '../../helpers/temp-core';
import { insertScheduledPost, postStatusOf, targetsOf } from '../../helpers/publishing-rows';

const START = '2026-11-25T10:00:00.000Z';
const USER_TOKEN = 'fake-user-token-pasted-0001';
const LONG_LIVED_SECONDS = 5_183_944;

const onePage: FakeMetaOptions['pages'] = [
  {
    id: '3000000000000001',
    name: 'Healthy College',
    accessToken: 'fake-page-token-healthy',
    instagram: { id: '17841400000000001', username: 'thehealthycollege' },
  },
];
const twoPages: FakeMetaOptions['pages'] = [
  ...onePage!,
  { id: '3000000000000002', name: 'Side Project', accessToken: 'fake-page-token-side' },
];

let clock: ReturnType<typeof manualClock>;
let meta: FakeMeta;
let temp: TempCore;

async function start(pages: FakeMetaOptions['pages'] = onePage) {
  clock = manualClock(START);
  meta = await startFakeMeta({
    now: () => clock.now(),
    users: [{ id: '2000000000000001', name: 'Creator', token: USER_TOKEN }],
    pages,
  });
  temp = await openTempCore({
    clock,
    startRenderQueue: false,
    env: { MAESTRO_GRAPH_URL: meta.baseUrl, MAESTRO_RUPLOAD_URL: meta.baseUrl },
  });
  await temp.call('brands.create', sampleBrand);
  await temp.call('settings.set', { values: { metaAppId: meta.app.id } });
  await temp.call('secrets.set', { key: 'meta.appSecret', value: meta.app.secret });
}

function requestsTo(endpoint: string): number {
  return meta.requests.filter((r) => r.endpoint === endpoint).length;
}

/** The long-lived user token the app obtained: the one it lists Pages with. */
function longLivedToken(): string {
  const listing = meta.requests.find((r) => r.endpoint === 'me.accounts');
  return listing!.query.access_token!;
}

/** The SQLite file and its write-ahead log, as text: what someone copying the data folder gets. */
function databaseBytes(dir: string): string {
  const file = join(dir, DATABASE_FILE_NAME);
  return [file, `${file}-wal`]
    .filter((path) => existsSync(path))
    .map((path) => readFileSync(path).toString('latin1'))
    .join('');
}

async function activityActions(): Promise<string[]> {
  return (await temp.call('activity.list', { limit: 100 })).map((e) => e.action);
}

afterEach(async () => {
  await temp?.close();
  await meta?.close();
});

describe('connections: Facebook and Instagram through the creator’s own Meta app', () => {
  describe('with one Page', () => {
    beforeEach(() => start());

    it('builds the Facebook Login dialog address for the app, and says where to set the app when none is', async () => {
      const { url, redirectUri } = await temp.call('connections.metaLoginUrl', { brandId: sampleBrand.id });
      const dialog = new URL(url);
      expect(`${dialog.origin}${dialog.pathname}`).toBe('https://www.facebook.com/v25.0/dialog/oauth');
      expect(redirectUri).toBe('https://www.facebook.com/connect/login_success.html');
      expect(Object.fromEntries(dialog.searchParams)).toMatchObject({
        client_id: meta.app.id,
        redirect_uri: redirectUri,
        response_type: 'token',
      });
      expect(dialog.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      expect(dialog.searchParams.get('scope')!.split(',')).toEqual(
        expect.arrayContaining([
          'pages_show_list',
          'pages_read_engagement',
          'pages_manage_posts',
          'instagram_basic',
          'instagram_content_publish',
          'instagram_manage_insights',
          'business_management',
        ]),
      );

      await temp.call('settings.set', { values: { metaAppId: '' } });
      const refused = await temp.invoke('connections.metaLoginUrl', { brandId: sampleBrand.id });
      expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect((refused as { error: { message: string } }).error.message).toContain('Settings → Meta app');
    });

    it('connects the Page and its Instagram account from a pasted token, tokens encrypted and never in the list', async () => {
      const connections = await temp.call('connections.connectMeta', {
        brandId: sampleBrand.id,
        userToken: USER_TOKEN,
      });
      const byPlatform = Object.fromEntries(connections.map((c) => [c.platform, c]));
      expect(byPlatform.facebook).toMatchObject({
        status: 'connected',
        accountId: '3000000000000001',
        accountName: 'Healthy College',
        expiresAt: null,
        connectedAt: START,
      });
      expect(byPlatform.instagram).toMatchObject({
        status: 'connected',
        accountId: '17841400000000001',
        accountName: 'thehealthycollege',
        // The ~60-day user token's expiry, from the exchange's expires_in.
        expiresAt: new Date(Date.parse(START) + LONG_LIVED_SECONDS * 1000).toISOString(),
      });
      expect(byPlatform.youtube).toMatchObject({ status: 'not_connected', accountId: null });

      const exchange = meta.requests.find((r) => r.endpoint === 'oauth.access_token')!;
      expect(exchange.query).toMatchObject({
        grant_type: 'fb_exchange_token',
        client_id: meta.app.id,
        client_secret: meta.app.secret,
        fb_exchange_token: USER_TOKEN,
      });
      const longLived = longLivedToken();
      expect(longLived).not.toBe(USER_TOKEN);
      expect(meta.tokenInfo(longLived)).toMatchObject({ kind: 'user', lifetime: 'long' });

      const brand = await temp.call('brands.get', { id: sampleBrand.id });
      expect(brand).toMatchObject({
        facebookPageId: '3000000000000001',
        instagramAccountId: '17841400000000001',
        credentials: { metaAccessToken: true },
      });

      const tokens = await temp.core.connections.metaTokens(sampleBrand.id, 'instagram');
      expect(tokens).toEqual({
        userToken: longLived,
        pageToken: 'fake-page-token-healthy',
        pageId: '3000000000000001',
        instagramAccountId: '17841400000000001',
      });

      // Nothing the renderer can ask for carries a token, and the file holds none in plain text.
      const listed = JSON.stringify(await temp.call('connections.list', {}));
      for (const secret of [USER_TOKEN, longLived, 'fake-page-token-healthy', meta.app.secret]) {
        expect(listed).not.toContain(secret);
      }
      const file = databaseBytes(temp.dir);
      expect(file).toContain('Healthy College');
      for (const secret of [longLived, 'fake-page-token-healthy', meta.app.secret]) {
        expect(file).not.toContain(secret);
      }

      const usage = await temp.core.store.db
        .selectFrom('api_usage')
        .select(['service', 'operation', 'outcome'])
        .where('service', '=', 'facebook')
        .execute();
      expect(usage).toEqual(
        expect.arrayContaining([
          { service: 'facebook', operation: 'oauth.exchange', outcome: 'ok' },
          { service: 'facebook', operation: 'me.accounts', outcome: 'ok' },
        ]),
      );
      expect(await activityActions()).toContain('Facebook and Instagram connected');
    });

    it('says a wrong app secret where it is set, and a refused token beside the token field', async () => {
      await temp.call('secrets.set', { key: 'meta.appSecret', value: 'not-the-secret' });
      const badSecret = await temp.invoke('connections.connectMeta', {
        brandId: sampleBrand.id,
        userToken: USER_TOKEN,
      });
      expect(badSecret).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect((badSecret as { error: { message: string } }).error.message).toContain('Settings → Meta app');

      await temp.call('secrets.set', { key: 'meta.appSecret', value: meta.app.secret });
      meta.expireToken(USER_TOKEN);
      const expired = await temp.invoke('connections.connectMeta', {
        brandId: sampleBrand.id,
        userToken: USER_TOKEN,
      });
      expect(expired).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', details: { fields: [{ path: 'userToken' }] } },
      });
      expect((await temp.call('connections.list', {})).every((c) => c.status === 'not_connected')).toBe(true);
    });

    it('tests each connection with one cheap read and records when it looked', async () => {
      await temp.call('connections.connectMeta', { brandId: sampleBrand.id, userToken: USER_TOKEN });
      clock.advance(60_000);
      const before = meta.requests.length;
      const instagram = await temp.call('connections.test', {
        brandId: sampleBrand.id,
        platform: 'instagram',
      });
      expect(instagram).toEqual({ ok: true, detail: 'Connected as @thehealthycollege.' });
      const facebook = await temp.call('connections.test', { brandId: sampleBrand.id, platform: 'facebook' });
      expect(facebook).toEqual({ ok: true, detail: 'Connected to the Page “Healthy College”.' });
      const reads = meta.requests.slice(before);
      expect(reads.map((r) => [r.method, r.path, r.query.fields])).toEqual([
        ['GET', '/v25.0/17841400000000001', 'username'],
        ['GET', '/v25.0/3000000000000001', 'name'],
      ]);
      const [ig] = (await temp.call('connections.list', { brandId: sampleBrand.id })).filter(
        (c) => c.platform === 'instagram',
      );
      expect(ig!.checkedAt).toBe(clock.now().toISOString());
    });

    it('a refused token (190) expires the connection, holds the brand’s posts there, and makes no further calls until reconnected', async () => {
      await temp.call('connections.connectMeta', { brandId: sampleBrand.id, userToken: USER_TOKEN });
      await insertScheduledPost(temp.core, {
        brandId: sampleBrand.id,
        scheduleId: 'SCH-aaaaaaaa01',
        targets: { instagram: 'scheduled', facebook: 'scheduled' },
      });
      await insertScheduledPost(temp.core, {
        brandId: sampleBrand.id,
        scheduleId: 'SCH-aaaaaaaa02',
        targets: { instagram: 'published', facebook: 'scheduled' },
      });
      const changed: string[] = [];
      temp.core.events.subscribe((e) => {
        if (e.stream === 'data.changed') changed.push(e.payload.entity);
      });

      meta.revokeToken(longLivedToken());
      clock.advance(60_000);
      const result = await temp.call('connections.test', { brandId: sampleBrand.id, platform: 'instagram' });
      expect(result.ok).toBe(false);
      expect(result.detail).toMatch(/^Expired: .*session has been invalidated/i);

      const [ig] = (await temp.call('connections.list', { brandId: sampleBrand.id })).filter(
        (c) => c.platform === 'instagram',
      );
      expect(ig).toMatchObject({
        status: 'expired',
        lastError: expect.stringContaining('invalidated'),
        checkedAt: clock.now().toISOString(),
      });
      expect(await targetsOf(temp.core, 'SCH-aaaaaaaa01')).toEqual({
        facebook: { status: 'scheduled', waitReason: null },
        instagram: { status: 'waiting', waitReason: 'connection_expired' },
      });
      // A published platform stays published.
      expect((await targetsOf(temp.core, 'SCH-aaaaaaaa02')).instagram).toEqual({
        status: 'published',
        waitReason: null,
      });
      expect(changed).toEqual(expect.arrayContaining(['connections', 'calendar']));

      // Reported again (the publisher saw it too): nothing changes, nothing is logged twice.
      expect(await temp.core.connections.markExpired(sampleBrand.id, 'instagram', 'again')).toEqual({
        expired: false,
        held: 0,
      });
      expect((await activityActions()).filter((a) => a === 'Instagram connection expired')).toHaveLength(1);

      // No further calls: the token provider and the test refuse before reaching Meta.
      const calls = meta.requests.length;
      const refusal = await temp.core.connections.metaTokens(sampleBrand.id, 'instagram').catch((e) => e);
      expect(refusal).toBeInstanceOf(PlatformError);
      expect(refusal).toMatchObject({ kind: 'auth', code: 'connection_expired' });
      expect(
        await temp.call('connections.test', { brandId: sampleBrand.id, platform: 'instagram' }),
      ).toMatchObject({
        ok: false,
      });
      expect(meta.requests.length).toBe(calls);

      // A new login releases the held posts in the same transaction as the connection.
      await temp.call('connections.connectMeta', { brandId: sampleBrand.id, userToken: USER_TOKEN });
      expect(await targetsOf(temp.core, 'SCH-aaaaaaaa01')).toEqual({
        facebook: { status: 'scheduled', waitReason: null },
        instagram: { status: 'scheduled', waitReason: null },
      });
      expect(await postStatusOf(temp.core, 'SCH-aaaaaaaa01')).toBe('scheduled');
      expect(await temp.core.connections.metaTokens(sampleBrand.id, 'instagram')).toMatchObject({
        instagramAccountId: '17841400000000001',
      });
      // Connected once more, the login was exchanged afresh (the revoked one is not reused).
      expect(requestsTo('oauth.access_token')).toBe(2);
    });

    it('once the ~60-day login is past, Instagram refuses without a call while the Page (non-expiring token) goes on', async () => {
      await temp.call('connections.connectMeta', { brandId: sampleBrand.id, userToken: USER_TOKEN });
      await insertScheduledPost(temp.core, {
        brandId: sampleBrand.id,
        scheduleId: 'SCH-bbbbbbbb01',
        targets: { instagram: 'scheduled' },
      });
      clock.advance((LONG_LIVED_SECONDS + 60) * 1000);
      const calls = meta.requests.length;
      const refusal = await temp.core.connections.metaTokens(sampleBrand.id, 'instagram').catch((e) => e);
      expect(refusal).toMatchObject({ kind: 'auth', code: 'connection_expired' });
      expect(meta.requests.length).toBe(calls);
      expect(await targetsOf(temp.core, 'SCH-bbbbbbbb01')).toEqual({
        instagram: { status: 'waiting', waitReason: 'connection_expired' },
      });
      expect(await postStatusOf(temp.core, 'SCH-bbbbbbbb01')).toBe('waiting');
      expect(await temp.core.connections.metaTokens(sampleBrand.id, 'facebook')).toMatchObject({
        pageToken: 'fake-page-token-healthy',
      });
    });

    it('disconnects: Instagram alone keeps the shared tokens, the last of the two forgets them', async () => {
      await temp.call('connections.connectMeta', { brandId: sampleBrand.id, userToken: USER_TOKEN });
      await insertScheduledPost(temp.core, {
        brandId: sampleBrand.id,
        scheduleId: 'SCH-cccccccc01',
        targets: { instagram: 'scheduled', facebook: 'scheduled' },
      });
      const afterIg = await temp.call('connections.disconnect', {
        brandId: sampleBrand.id,
        platform: 'instagram',
      });
      expect(afterIg.find((c) => c.platform === 'instagram')!.status).toBe('not_connected');
      expect(await temp.core.connections.metaTokens(sampleBrand.id, 'facebook')).toMatchObject({
        instagramAccountId: null,
      });
      expect((await targetsOf(temp.core, 'SCH-cccccccc01')).instagram).toEqual({
        status: 'waiting',
        waitReason: 'not_connected',
      });
      const refusal = await temp.core.connections.metaTokens(sampleBrand.id, 'instagram').catch((e) => e);
      expect(refusal).toBeInstanceOf(AppError);
      expect(refusal).toMatchObject({ code: 'not_found', details: { waitReason: 'not_connected' } });

      await temp.call('connections.disconnect', { brandId: sampleBrand.id, platform: 'facebook' });
      const secrets = await temp.core.store.db.selectFrom('app_secrets').select('key').execute();
      expect(secrets.map((s) => s.key).filter((k) => k.startsWith('brand:'))).toEqual([]);
      expect(await activityActions()).toEqual(
        expect.arrayContaining(['Instagram disconnected', 'Facebook disconnected']),
      );
    });
  });

  describe('with several Pages', () => {
    beforeEach(() => start(twoPages));

    it('asks which Page (a conflict listing them, no tokens), then connects the chosen one with one exchange', async () => {
      const pages = await temp.call('connections.metaPages', {
        brandId: sampleBrand.id,
        userToken: USER_TOKEN,
      });
      expect(pages.pages).toEqual([
        {
          pageId: '3000000000000001',
          pageName: 'Healthy College',
          instagramAccountId: '17841400000000001',
          instagramUsername: 'thehealthycollege',
        },
        {
          pageId: '3000000000000002',
          pageName: 'Side Project',
          instagramAccountId: null,
          instagramUsername: null,
        },
      ]);

      const ask = await temp.invoke('connections.connectMeta', {
        brandId: sampleBrand.id,
        userToken: USER_TOKEN,
      });
      expect(ask).toMatchObject({ ok: false, error: { code: 'conflict', details: { pages: pages.pages } } });
      expect(JSON.stringify(ask)).not.toContain('fake-page-token');

      const connected = await temp.call('connections.connectMeta', {
        brandId: sampleBrand.id,
        userToken: USER_TOKEN,
        pageId: '3000000000000002',
      });
      expect(connected.find((c) => c.platform === 'facebook')).toMatchObject({
        status: 'connected',
        accountName: 'Side Project',
      });
      // That Page has no Instagram professional account.
      expect(connected.find((c) => c.platform === 'instagram')!.status).toBe('not_connected');
      expect(requestsTo('oauth.access_token')).toBe(1);

      const unknown = await temp.invoke('connections.connectMeta', {
        brandId: sampleBrand.id,
        userToken: USER_TOKEN,
        pageId: '3999999999999999',
      });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });
  });
});
