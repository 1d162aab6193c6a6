import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentLlm } from '../fakes/fake-content-llm';
import { saveFailureScreenshot } from './helpers';
import { openJourney, type Journey } from './journey';

/**
 * In headless mode a notification is a toast in the page: a burst that ends (here against the
 * fake LLM) says how it went, with a way to its page, and the bell keeps it until it is read.
 * A kind turned off in Settings is listed but never shown.
 */
describe('Notifications journey (headless server + Chromium)', () => {
  let journey: Journey | undefined;

  beforeAll(async () => {
    const llm = contentLlm();
    journey = await openJourney({
      llm: (request) => llm.respond(request),
      settings: { reelsPerBrand: 2, postsPerBrand: 0, spawnAgentPerBrand: false },
      brands: [{ id: 'alpha', displayName: 'Alpha' }],
    });
  });

  afterAll(() => journey?.close());

  it('shows a finished burst as a toast, keeps it under the bell until read, and keeps a kind turned off quiet', async () => {
    const { page: p, server, call } = journey!;
    try {
      await p.goto(server.url);
      await p.getByRole('link', { name: 'Proposals' }).click();
      const bell = p.getByRole('button', { name: /^Notifications/ });
      await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications');

      await call('maestro.triggerBurst', {});
      const toast = p.getByRole('region', { name: 'Notifications', exact: true }).getByRole('status');
      await toast.filter({ hasText: 'Burst complete: 2 of 2 written' }).waitFor({ timeout: 30_000 });
      await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications, 1 unread');

      // Open takes the creator to the notification's page (the dashboard) and marks it read.
      await toast.getByRole('button', { name: 'Open' }).click();
      await expect.poll(() => new URL(p.url()).hash).toBe('#/');
      await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications');

      // Turned off: the next burst is listed under the bell, already read, with no toast.
      await call('settings.set', { values: { notifyBurstFinished: false, reelsPerBrand: 3 } });
      await call('maestro.triggerBurst', {});
      await bell.click();
      const list = p.getByRole('region', { name: 'Recent notifications' });
      await list.getByText('not shown (turned off in Settings)').waitFor({ timeout: 30_000 });
      expect(await list.getByRole('listitem').count()).toBe(2);
      expect(
        await p
          .getByRole('region', { name: 'Notifications' })
          .getByText(/^Burst complete: 1 of/)
          .count(),
      ).toBe(0);
      expect(await bell.getAttribute('aria-label')).toBe('Notifications');
    } catch (error) {
      await saveFailureScreenshot(p, 'notifications');
      throw error;
    }
  });
});
