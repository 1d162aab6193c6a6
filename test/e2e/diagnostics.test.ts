import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOperation } from '../helpers/serve-process';
import { saveFailureScreenshot } from './helpers';
import { openJourney, type Journey } from './journey';

/**
 * A creator whose FFmpeg is gone, and then whose data file is moved away while Maestro runs,
 * sees the failing checks on the Diagnostics page, in an open second tab too (data.changed).
 */
describe('Diagnostics journey (headless server + Chromium)', () => {
  const ffmpeg = '/nonexistent/maestro-e2e/ffmpeg';
  let journey: Journey | undefined;
  let database = '';
  let movedAside = '';

  beforeAll(async () => {
    journey = await openJourney({ env: { MAESTRO_FFMPEG_PATH: ffmpeg }, page: {} });
    database = join(journey.dataDir, 'maestro.db');
    movedAside = `${database}.moved`;
  });

  afterAll(async () => {
    if (movedAside && existsSync(movedAside)) renameSync(movedAside, database);
    await journey?.close();
  });

  it('shows a broken FFmpeg path and a moved data file as failing checks, with the trend', async () => {
    const { page, browser, server } = journey!;
    try {
      await page.goto(server.url);
      await page.goto(`${server.base}/#/diagnostics`);
      const other = await browser.newPage();
      await other.goto(server.url);
      await other.goto(`${server.base}/#/diagnostics`);

      // The installation check says it at once.
      const installation = page.getByRole('region', { name: 'Installation checks' });
      const ffmpegRow = installation.getByRole('row', { name: /^ffmpeg/ });
      await ffmpegRow.getByText('Failing').waitFor();
      expect(await ffmpegRow.textContent()).toContain(`${ffmpeg} cannot run`);

      await page.getByRole('button', { name: 'Run diagnostics now' }).click();
      const checks = page.getByRole('region', { name: 'System checks' });
      const pipeline = checks.getByRole('row', { name: /Content pipeline/ });
      await pipeline.getByText('Fail', { exact: true }).waitFor();
      expect(await pipeline.textContent()).toContain(`Renders cannot run: ffmpeg: ${ffmpeg} cannot run`);
      expect(await checks.locator('tbody tr').count()).toBe(10);
      // content_pipeline and api_connectivity (no LLM key yet) fail: degraded.
      await checks.getByLabel('Overall status').getByText('Degraded').waitFor();
      const database_ = checks.getByRole('row', { name: /Database/ });
      await database_.getByText('Pass', { exact: true }).waitFor();

      // The data file moved away while Maestro runs: the next run says so.
      renameSync(database, movedAside);
      await page.getByRole('button', { name: 'Run diagnostics now' }).click();
      await database_.getByText('Fail', { exact: true }).waitFor();
      expect(await database_.textContent()).toContain(`The data file is no longer at ${database}`);
      await checks.getByLabel('Overall status').getByText('Critical').waitFor();
      await page.getByText('2 runs: 1 degraded, 1 critical; critical for the last run.').waitFor();
      expect(await page.locator('.chart-body svg .recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(2);

      // The other tab followed without a reload.
      const otherChecks = other.getByRole('region', { name: 'System checks' });
      await otherChecks.getByLabel('Overall status').getByText('Critical').waitFor();
      await otherChecks
        .getByRole('row', { name: /Database/ })
        .getByText('Fail', { exact: true })
        .waitFor();

      const latest = await callOperation(server.base, server.token, 'diagnostics.latest', {});
      const value = latest.body.value as { status: string; checks: Array<{ name: string; status: string }> };
      expect(value.status).toBe('critical');
      expect(value.checks.filter((c) => c.status === 'fail').map((c) => c.name)).toEqual([
        'db_connection',
        'content_pipeline',
        'api_connectivity',
      ]);
      await other.close();
    } catch (error) {
      await saveFailureScreenshot(page, 'diagnostics');
      throw error;
    }
  });
});
