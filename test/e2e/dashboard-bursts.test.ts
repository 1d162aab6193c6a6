import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentLlm } from '../fakes/fake-content-llm';
import { reply, type FakeRequest } from '../fakes/fake-openai-server';
import { saveFailureScreenshot } from './helpers';
import { openJourney, type Journey } from './journey';

const userPrompt = (request: FakeRequest) =>
  ((request.body?.messages ?? []) as Array<{ role: string; content: string }>).find((m) => m.role === 'user')
    ?.content ?? '';

/**
 * The dashboard tells the creator how a burst went in one sentence, shortfall first, and
 * "Draft ideas" returns at once while the agents write in the background.
 */
describe('Dashboard bursts journey (headless server + Chromium)', () => {
  let journey: Journey | undefined;
  let llmDown = true;

  beforeAll(async () => {
    const llm = contentLlm();
    journey = await openJourney({
      // Every proposal for the second brand fails while the LLM "has a bad day".
      llm: (request) =>
        llmDown && /^Brand: bravo$/m.test(userPrompt(request))
          ? reply.serverError(503)
          : llm.respond(request),
      settings: { reelsPerBrand: 2, postsPerBrand: 0, spawnAgentPerBrand: false },
      brands: ['alpha', 'bravo'].map((id) => ({ id, displayName: id.toUpperCase() })),
    });
  });

  afterAll(() => journey?.close());

  it('states a burst’s shortfall, then drafts ideas in the background', async () => {
    const { page: p, server } = journey!;
    try {
      await p.goto(server.url);
      const card = p.getByRole('region', { name: 'Daily burst' });
      // Burst now sits with Pause/Resume on the Maestro card, as in the tray.
      await p
        .getByRole('region', { name: 'Maestro', exact: true })
        .getByRole('button', { name: 'Burst now' })
        .click();
      const latest = card.getByRole('status');
      await expect
        .poll(() => latest.innerText(), { timeout: 30_000 })
        .toMatch(/completed \(burst now, .*\): 2 of 4 written: 2 accepted.*failed calls.*retries them\./);
      // Said in the warning colour: the day is not complete.
      expect(await latest.locator('[data-burst-summary]').getAttribute('class')).toBe('burst-failed');

      llmDown = false;
      await card.getByRole('button', { name: 'Draft ideas' }).click();
      await p.getByText('The agents are drafting ideas').waitFor();
      await expect
        .poll(() => latest.innerText(), { timeout: 30_000 })
        .toMatch(/completed \(draft ideas, .*\): 20 of 20 drafted\./);
    } catch (error) {
      await saveFailureScreenshot(p, 'dashboard-bursts');
      throw error;
    }
  });
});
