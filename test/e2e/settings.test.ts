import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOperation } from '../helpers/serve-process';
import { saveFailureScreenshot } from './helpers';
import { openJourney, type Journey } from './journey';

/** A creator points the agents at a local model and stores a key the page never sees again. */
describe('Settings journey (headless server + Chromium)', () => {
  let journey: Journey | undefined;

  beforeAll(async () => {
    journey = await openJourney({ page: {} });
  });

  afterAll(() => journey?.close());

  it('refuses a bad address, saves a local endpoint, and keeps the API key out of the page', async () => {
    const key = 'sk-settings-journey-9f8e7d6c5b4a';
    const { page, server } = journey!;
    try {
      await page.goto(server.url);
      await page.goto(`${server.base}/#/settings`);
      const form = page.getByRole('form', { name: 'Language model' });
      const baseUrl = form.getByLabel('LLM base URL');
      await expect.poll(() => baseUrl.inputValue()).toBe('https://api.deepseek.com/v1');

      await baseUrl.fill('ftp://models.local');
      await form.getByRole('button', { name: 'Save settings' }).click();
      await form.getByText('Use an http:// or https:// address').waitFor();

      await baseUrl.fill('http://127.0.0.1:11434/v1');
      await form.getByLabel('LLM model').fill('llama3.1');
      await form.getByRole('button', { name: 'Save settings' }).click();
      await expect.poll(() => form.getByText('Saved').count()).toBe(2);

      await page.getByLabel('LLM API key', { exact: true }).fill(key);
      await page.getByRole('button', { name: 'Save key' }).first().click();
      await page.getByLabel('Replace LLM API key').waitFor();
      expect(await page.content()).not.toContain(key);

      const view = await callOperation(server.base, server.token, 'settings.get', {});
      expect(view.body.value).toMatchObject({
        values: { llmBaseUrl: 'http://127.0.0.1:11434/v1', llmModel: 'llama3.1' },
        sources: { llmBaseUrl: 'saved', llmModel: 'saved' },
        secrets: { llmApiKey: true },
      });
      expect(JSON.stringify(view.body)).not.toContain(key);
    } catch (error) {
      await saveFailureScreenshot(page, 'settings');
      throw error;
    }
  });

  it('switches the agents to the original adaptation rule and refuses a feedback window out of range', async () => {
    const { browser, server } = journey!;
    let page: Page | undefined;
    try {
      page = await browser.newPage();
      await page.goto(server.url);
      await page.goto(`${server.base}/#/settings`);
      const form = page.getByRole('form', { name: 'Learning' });
      const rule = form.getByLabel('How agents adapt');
      await expect.poll(() => rule.inputValue(), { timeout: 10_000 }).toBe('evidence');
      await rule.selectOption('original');
      await form.getByLabel('Attribute posts from (hours)').fill('500');
      await form.getByRole('button', { name: 'Save settings' }).click();
      await form.getByText('At most 168').waitFor({ timeout: 10_000 });
      await form.getByLabel('Attribute posts from (hours)').fill('36');
      await form.getByRole('button', { name: 'Save settings' }).click();
      await expect.poll(() => form.getByText('Saved', { exact: true }).count(), { timeout: 10_000 }).toBe(2);
      const view = await callOperation(server.base, server.token, 'settings.get', {});
      expect(view.body.value).toMatchObject({
        values: { adaptationRule: 'original', feedbackMinAgeHours: 36 },
        sources: { adaptationRule: 'saved', feedbackMinAgeHours: 'saved' },
      });
    } catch (error) {
      await saveFailureScreenshot(page, 'settings-learning');
      throw error;
    }
  });
});
