import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMeta, type FakeMeta } from '../fakes/fake-meta-server';
import { callOperation } from '../helpers/serve-process';
import { saveFailureScreenshot } from './helpers';
import { openJourney, type Journey } from './journey';

const USER_TOKEN = 'EAAFakeJourneyUserToken0001';

/**
 * A creator without the desktop app connects a brand's Facebook Page and Instagram account by
 * pasting a token, picks the Page among several, sees it connected with the Instagram username;
 * later Meta refuses the token and "Test connection" shows it expired, with a Reconnect button.
 */
describe('Connections journey (headless server + Chromium + fake Meta)', () => {
  let meta: FakeMeta;
  let journey: Journey | undefined;

  beforeAll(async () => {
    meta = await startFakeMeta({
      users: [{ id: '2000000000000001', name: 'Creator', token: USER_TOKEN }],
      pages: [
        { id: '3000000000000002', name: 'Side Project', accessToken: 'fake-page-token-side' },
        {
          id: '3000000000000001',
          name: 'Healthy College',
          accessToken: 'fake-page-token-healthy',
          instagram: { id: '17841400000000001', username: 'thehealthycollege' },
        },
      ],
    });
    journey = await openJourney({
      // Every Meta address points at the fake.
      env: {
        MAESTRO_GRAPH_URL: meta.baseUrl,
        MAESTRO_RUPLOAD_URL: meta.baseUrl,
        MAESTRO_FACEBOOK_DIALOG_URL: meta.baseUrl,
      },
      settings: { metaAppId: meta.app.id },
      secrets: { 'meta.appSecret': meta.app.secret },
      brands: [
        {
          id: 'healthy-college',
          displayName: 'The Healthy College',
          colors: { primary: '#004F00', accent: '#dcf6c8' },
        },
      ],
      page: {},
    });
  });

  afterAll(async () => {
    await journey?.close();
    await meta?.close();
  });

  it('pastes a token, chooses the Page, sees it connected; an expired token shows Expired with Reconnect', async () => {
    const { page: p, server } = journey!;
    try {
      await p.goto(server.url);
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Brands' }).click();
      const card = p.getByRole('region', { name: 'Connections' });
      const brand = card.getByRole('region', { name: 'The Healthy College' });
      const instagram = brand.locator('li[data-platform="instagram"]');
      await instagram.getByText('Not connected').waitFor();

      await brand
        .getByRole('button', { name: 'Connect Facebook and Instagram for The Healthy College' })
        .click();
      const form = p.getByRole('form', { name: 'Connect Facebook and Instagram for The Healthy College' });
      // A pasted address works as well as the bare token.
      await form
        .getByLabel('Facebook user access token')
        .fill(
          `https://www.facebook.com/connect/login_success.html#access_token=${USER_TOKEN}&expires_in=5400`,
        );
      await form.getByRole('button', { name: 'Connect', exact: true }).click();

      const choose = p.getByRole('form', { name: 'Choose the Facebook Page for The Healthy College' });
      await choose.getByRole('radio', { name: /Healthy College/ }).check();
      await choose.getByRole('button', { name: 'Connect this Page' }).click();
      await choose.waitFor({ state: 'detached' });

      await instagram.getByText('Connected', { exact: true }).waitFor();
      await instagram.getByText('@thehealthycollege').waitFor();
      await instagram.getByText(/^expires \d{1,2} [A-Z][a-z]{2}/).waitFor();
      const facebook = brand.locator('li[data-platform="facebook"]');
      await facebook.getByText('Healthy College').waitFor();
      expect(await p.content()).not.toContain(USER_TOKEN);

      // Meta now refuses the stored long-lived token (as after a password change).
      const listing = meta.requests.find((r) => r.endpoint === 'me.accounts')!;
      meta.revokeToken(listing.query.access_token!);
      await instagram
        .getByRole('button', { name: 'Test Instagram connection for The Healthy College' })
        .click();
      await instagram.getByText('Expired', { exact: true }).waitFor();
      await instagram.getByText(/session has been invalidated/i).waitFor();
      await instagram.getByRole('button', { name: 'Reconnect Instagram for The Healthy College' }).waitFor();

      const listed = await callOperation(server.base, server.token, 'connections.list', {});
      expect(listed.body.value).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            platform: 'instagram',
            status: 'expired',
            accountName: 'thehealthycollege',
          }),
          expect.objectContaining({
            platform: 'facebook',
            status: 'connected',
            accountName: 'Healthy College',
          }),
        ]),
      );
      expect(JSON.stringify(listed.body)).not.toMatch(/fake-page-token|EAAFake/);
    } catch (error) {
      await saveFailureScreenshot(p, 'connections');
      throw error;
    }
  });
});
