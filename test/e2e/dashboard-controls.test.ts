import type { Locator } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MaestroStatus } from '../../src-main/core/contract/maestro';
import { contentLlm } from '../fakes/fake-content-llm';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/fake-openai-server';
import { tapEvents, type EventTap } from '../helpers/event-tap';
import { saveFailureScreenshot } from './helpers';
import { openJourney, type Journey } from './journey';

/**
 * Issue 11: Pause/Resume and Burst now agree between the page and everything else at every
 * moment. In headless mode the HTTP API stands in for the tray (the tray calls the same
 * operations in-process); a second client on the event stream stands in for the tray's ears.
 */
describe('Dashboard controls journey (headless server + Chromium)', () => {
  let llmFake: FakeOpenAi | undefined;
  let journey: Journey | undefined;
  let releaseAnswers: () => void = () => undefined;
  let other: EventTap | undefined;
  /** The `maestro.state` events the other client has heard, oldest first. */
  const statesHeard = () =>
    other!.events.filter((e) => e.stream === 'maestro.state').map((e) => e.payload as MaestroStatus);

  beforeAll(async () => {
    const llm = contentLlm();
    // Held from the start, so the first burst runs until the test lets it answer.
    const answers = new Promise<void>((resolve) => (releaseAnswers = resolve));
    llmFake = await startFakeOpenAi({
      respond: async (request) => {
        await answers;
        return llm.respond(request);
      },
    });
    // Not given to the journey: the LLM is set up only by the burst test, on a fresh install.
    journey = await openJourney({ page: { viewport: { width: 1400, height: 1100 } } });
    other = await tapEvents(journey.server.base, journey.server.token);
  });

  afterAll(async () => {
    other?.close();
    await journey?.close();
    await llmFake?.close();
  });

  const controls = () => journey!.page.getByRole('region', { name: 'Maestro', exact: true });
  const stateLine = () => controls().getByRole('status', { name: 'Maestro state' });
  const pill = () => journey!.page.getByRole('navigation', { name: 'Main' }).locator('.maestro-pill');
  const burstButton = (card: Locator) => card.getByRole('button', { name: /^Burst (now|running…)$/ });

  it('a pause made elsewhere shows on the page without a reload, and a pause clicked on the page reaches every other client', async () => {
    const { page: p, server, call } = journey!;
    try {
      await p.goto(server.url);
      await expect.poll(() => stateLine().innerText()).toMatch(/^Paused/);
      await expect.poll(() => pill().innerText()).toBe('Maestro paused');
      // The empty states of a fresh install.
      await p.getByText('Nothing scheduled. Accepted proposals are placed here once rendered.').waitFor();
      await p.getByText('Nothing waiting: every proposal has been decided.').waitFor();
      const cycles = p.getByRole('table', { name: 'Cycles' });
      await expect
        .poll(() => cycles.locator('tr[data-cycle="burst"]').innerText())
        .toMatch(/waits for Resume/);
      const quotas = p.getByRole('list', { name: 'Platform quotas' });
      await expect.poll(() => quotas.locator('li').count()).toBe(3);
      await quotas
        .getByText('0 of 10,000 API units today (Pacific time), shared by every brand')
        .first()
        .waitFor();

      // "The tray" resumes: the page follows at once, without a reload.
      await call('maestro.resume');
      await expect.poll(() => stateLine().innerText()).toMatch(/^Running/);
      await expect.poll(() => pill().innerText()).toBe('Maestro running');
      await controls().getByRole('button', { name: 'Pause Maestro' }).waitFor();
      // The cycles that wait for Resume got a next run.
      await expect
        .poll(() => cycles.locator('tr[data-cycle="burst"]').innerText())
        .not.toMatch(/waits for Resume/);

      // The page pauses: the other client hears it, and the core says so.
      const heard = statesHeard().length;
      await controls().getByRole('button', { name: 'Pause Maestro' }).click();
      await expect
        .poll(() =>
          statesHeard()
            .slice(heard)
            .some((s) => s.paused),
        )
        .toBe(true);
      expect((await call<MaestroStatus>('maestro.status')).paused).toBe(true);
      await expect.poll(() => stateLine().innerText()).toMatch(/^Paused/);
      await controls().getByRole('button', { name: 'Resume Maestro' }).waitFor();

      // Back and forth from both sides: the page ends on whatever the core said last.
      await call('maestro.resume');
      await call('maestro.pause');
      await call('maestro.resume');
      await expect.poll(() => stateLine().innerText()).toMatch(/^Running/);
      await controls().getByRole('button', { name: 'Pause Maestro' }).click();
      await expect.poll(() => stateLine().innerText()).toMatch(/^Paused/);
      expect(statesHeard().at(-1)).toMatchObject({ paused: true });
      expect((await call<MaestroStatus>('maestro.status')).paused).toBe(true);
    } catch (error) {
      await saveFailureScreenshot(p, 'dashboard-controls-pause');
      throw error;
    }
  });

  it('Burst now is off on the page exactly while a burst runs, whoever started it', async () => {
    const { page: p, call } = journey!;
    try {
      await call('settings.set', {
        values: {
          llmBaseUrl: llmFake!.baseUrl,
          reelsPerBrand: 1,
          postsPerBrand: 0,
          spawnAgentPerBrand: false,
        },
      });
      await call('secrets.set', { key: 'llm.apiKey', value: 'sk-e2e-controls' });
      await call('brands.create', {
        id: 'alpha',
        displayName: 'Alpha',
        colors: { primary: '#0f766e', accent: '#f97316' },
      });
      const button = burstButton(controls());
      await expect.poll(() => button.innerText()).toBe('Burst now');
      expect(await button.isEnabled()).toBe(true);

      // Started elsewhere (the tray's Burst now calls this operation), its answers held.
      await call('maestro.triggerBurst');
      await expect.poll(() => button.innerText()).toBe('Burst running…');
      expect(await button.isDisabled()).toBe(true);
      await expect.poll(() => stateLine().innerText()).toMatch(/burst now running/);
      // The review queue's Burst now is off too.
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Proposals' }).click();
      const banner = p.getByRole('region', { name: 'Burst' });
      await expect.poll(() => burstButton(banner).isDisabled()).toBe(true);
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();

      releaseAnswers();
      await expect.poll(() => button.innerText(), { timeout: 30_000 }).toBe('Burst now');
      expect(await button.isEnabled()).toBe(true);
      expect((await call<MaestroStatus>('maestro.status')).burstRunning).toBe(false);
      // The dashboard's figures follow: today's quota for the brand is filled.
      const daily = p.getByRole('region', { name: 'Daily burst' });
      await expect
        .poll(() => daily.getByRole('listitem', { name: /^Alpha:/ }).getAttribute('aria-label'))
        .toBe('Alpha: 1 of 1 reels, 0 of 0 posts');

      // Clicked on the page: the other client hears the runner taken and let go.
      const heard = statesHeard().length;
      await button.click();
      await expect
        .poll(
          () =>
            statesHeard()
              .slice(heard)
              .map((s) => s.burstRunning),
          { timeout: 30_000 },
        )
        .toEqual([true, false]);
      await expect.poll(() => button.innerText()).toBe('Burst now');
      await expect.poll(() => daily.getByRole('status').innerText()).toMatch(/completed \(burst now, /);
    } catch (error) {
      await saveFailureScreenshot(p, 'dashboard-controls-burst');
      throw error;
    }
  });
});
