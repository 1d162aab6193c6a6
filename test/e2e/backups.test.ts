import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveFailureScreenshot } from './helpers';
import { openJourney, type Journey } from './journey';

/**
 * Settings → Backups: back up now, then restore that copy. The headless server restarts its core
 * on the restored file in place; the page reloads on it, and what was added after the backup is
 * gone from the app but kept aside on disk.
 */
describe('Back up now, then Restore from backup… (headless server + Chromium)', () => {
  let journey: Journey | undefined;

  beforeAll(async () => {
    journey = await openJourney({ brands: [{ id: 'before-backup', displayName: 'Before Backup' }] });
  });

  afterAll(() => journey?.close());

  it('backs up, restores, restarts on the copy and keeps the replaced data aside', async () => {
    const { page: p, server, call, dataDir } = journey!;
    try {
      await p.goto(server.url);
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
      await saveFailureScreenshot(p, 'backups');
      throw error;
    }
  });
});
