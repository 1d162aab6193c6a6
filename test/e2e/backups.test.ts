import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOperation } from '../helpers/serve-process';
import {
  launchBrowser,
  makeDataDir,
  saveFailureScreenshot,
  startServer,
  type RunningServer,
} from './helpers';

/**
 * Settings → Backups: back up now, then restore that copy. The headless server restarts its core
 * on the restored file in place; the page reloads on it, and what was added after the backup is
 * gone from the app but kept aside on disk.
 */
describe('Back up now, then Restore from backup… (headless server + Chromium)', () => {
  let dataDir: string;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;

  async function call<T>(name: string, body: unknown): Promise<T> {
    const url = new URL(server!.url);
    const { body: result } = await callOperation(url.origin, url.searchParams.get('token'), name, body);
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.value as T;
  }

  beforeAll(async () => {
    dataDir = makeDataDir();
    server = await startServer(dataDir);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await call('brands.create', {
      id: 'before-backup',
      displayName: 'Before Backup',
      colors: { primary: '#0f766e', accent: '#f97316' },
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('backs up, restores, restarts on the copy and keeps the replaced data aside', async () => {
    const p = page!;
    try {
      await p.goto(server!.url);
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
      const card = p.getByRole('region', { name: 'Backups' });
      await card.getByText('No backups yet.').waitFor();
      await card.getByRole('button', { name: 'Back up now' }).click();
      const row = card.getByRole('row').filter({ hasText: 'By you' });
      await row.waitFor();
      expect(
        readdirSync(join(dataDir, 'backups')).filter((name) => name.startsWith('maestro-')),
      ).toHaveLength(1);

      // Something the backup does not have.
      await call('brands.create', {
        id: 'after-backup',
        displayName: 'After Backup',
        colors: { primary: '#1d4ed8', accent: '#f59e0b' },
      });

      await row.getByRole('button', { name: /^Restore from backup of / }).click();
      const dialog = p.getByRole('dialog');
      await dialog.getByText('Restore from this backup?').waitFor();
      await dialog.getByRole('button', { name: 'Restore and restart' }).click();

      // The page reloads on the restarted core.
      await p.waitForEvent('load', { timeout: 20_000 });
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Brands' }).click();
      await p.getByRole('row', { name: /Before Backup/ }).waitFor();
      expect(await p.getByRole('row', { name: /After Backup/ }).count()).toBe(0);
      const brands = await call<Array<{ id: string }>>('brands.list', { includeInactive: true });
      expect(brands.map((b) => b.id)).toEqual(['before-backup']);
      const replaced = readdirSync(join(dataDir, 'replaced'));
      expect(replaced).toHaveLength(1);
      expect(existsSync(join(dataDir, 'replaced', replaced[0]!, 'maestro.db'))).toBe(true);
      const [entry] = await call<Array<{ action: string }>>('activity.list', { limit: 1 });
      expect(entry?.action).toBe('Restored from backup');
    } catch (error) {
      await saveFailureScreenshot(page, 'backups');
      throw error;
    }
  });
});
