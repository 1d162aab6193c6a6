import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, saveFailureScreenshot } from './helpers';
import { openJourney, type Journey } from './journey';

/**
 * A creator turns on AI assistants, pastes the configuration Settings shows into their client,
 * and watches the brand their assistant adds appear in the open window.
 */
describe('AI assistants journey (headless server + Chromium + the SDK client over stdio)', () => {
  let journey: Journey | undefined;
  let assistant: Client | undefined;

  beforeAll(async () => {
    journey = await openJourney({ page: {} });
  });

  afterAll(async () => {
    await assistant?.close();
    await journey?.close();
  });

  it('is off until turned on, then shows the configuration that works, and the assistant’s change shows live', async () => {
    const { page, server } = journey!;
    try {
      await page.goto(server.url);
      await page.goto(`${server.base}/#/settings`);
      const card = page.getByRole('region', { name: 'AI assistants (MCP)' });
      const toggle = card.getByLabel('Let my AI assistant use Maestro');
      await toggle.waitFor();
      expect(await toggle.isChecked()).toBe(false);
      expect(await card.getByLabel('MCP client configuration').count()).toBe(0);

      await toggle.check();
      await card.getByRole('button', { name: 'Save settings' }).click();
      const shown = card.getByLabel('MCP client configuration');
      await shown.waitFor();
      const config = JSON.parse(await shown.innerText()) as {
        mcpServers: { maestro: { command: string; args: string[] } };
      };
      expect(config.mcpServers.maestro.command).toBe(process.execPath);
      expect(config.mcpServers.maestro.args).toEqual([
        `${repoRoot}/out/main/mcp.js`,
        '--data-dir',
        server.dataDir,
      ]);

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Brands' }).click();
      await page.getByText('No brands yet.').waitFor();

      // Exactly what the page said to paste.
      assistant = new Client({ name: 'journey-assistant', version: '1.0.0' });
      await assistant.connect(new StdioClientTransport({ ...config.mcpServers.maestro, stderr: 'pipe' }));
      const created = await assistant.callTool({
        name: 'brands_create',
        arguments: {
          id: 'assistant-brand',
          displayName: 'Made By My Assistant',
          instagramHandle: '@assistant.brand',
          colors: { primary: '#0F766E', accent: '#f97316' },
        },
      });
      expect(created.isError).toBeFalsy();
      // No reload: the event stream brought it.
      await page.getByRole('row', { name: /Made By My Assistant/ }).waitFor();

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
      await page
        .getByRole('list', { name: 'Activity feed, newest first' })
        .getByText('Assistant: Add a brand')
        .waitFor();
    } catch (error) {
      await saveFailureScreenshot(page, 'assistants');
      throw error;
    }
  });
});
