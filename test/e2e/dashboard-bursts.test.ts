import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentLlm } from '../fakes/fake-content-llm';
import { reply, startFakeOpenAi, type FakeOpenAi, type FakeRequest } from '../fakes/fake-openai-server';
import { callOperation } from '../helpers/serve-process';
import {
  launchBrowser,
  makeDataDir,
  saveFailureScreenshot,
  startServer,
  type RunningServer,
} from './helpers';

const userPrompt = (request: FakeRequest) =>
  ((request.body?.messages ?? []) as Array<{ role: string; content: string }>).find((m) => m.role === 'user')
    ?.content ?? '';

/**
 * The dashboard tells the creator how a burst went in one sentence, shortfall first, and
 * "Draft ideas" returns at once while the agents write in the background.
 */
describe('Dashboard bursts journey (headless server + Chromium)', () => {
  let dataDir: string;
  let fake: FakeOpenAi | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let llmDown = true;

  async function call(name: string, body: unknown): Promise<void> {
    const url = new URL(server!.url);
    const { body: result } = await callOperation(url.origin, url.searchParams.get('token'), name, body);
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  }

  beforeAll(async () => {
    const llm = contentLlm();
    // Every proposal for the second brand fails while the LLM "has a bad day".
    fake = await startFakeOpenAi({
      respond: (request) =>
        llmDown && /^Brand: bravo$/m.test(userPrompt(request))
          ? reply.serverError(503)
          : llm.respond(request),
    });
    dataDir = makeDataDir();
    server = await startServer(dataDir);
    await call('settings.set', {
      values: { llmBaseUrl: fake.baseUrl, reelsPerBrand: 2, postsPerBrand: 0, spawnAgentPerBrand: false },
    });
    await call('secrets.set', { key: 'llm.apiKey', value: 'sk-e2e-dashboard' });
    for (const id of ['alpha', 'bravo']) {
      await call('brands.create', {
        id,
        displayName: id.toUpperCase(),
        colors: { primary: '#0f766e', accent: '#f97316' },
      });
    }
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await fake?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('states a burst’s shortfall, then drafts ideas in the background', async () => {
    const p = page!;
    try {
      await p.goto(server!.url);
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
