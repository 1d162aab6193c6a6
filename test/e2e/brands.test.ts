import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveFailureScreenshot } from './helpers';
import { openJourney, type Journey } from './journey';

interface BrandRow {
  id: string;
  display_name: string;
  posts_per_day: number;
  instagram_handle: string | null;
  deleted_at: string | null;
}

describe('Brands journey (headless server + Chromium)', () => {
  let journey: Journey | undefined;

  beforeAll(async () => {
    journey = await openJourney({ page: {} });
  });

  afterAll(() => journey?.close());

  it('creates, lists, edits, validates, deletes and restores a brand', async () => {
    const { page: p, server, dataDir } = journey!;
    try {
      await p.goto(server.url);
      await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Brands' }).click();
      await p.getByRole('heading', { level: 1, name: 'Brands' }).waitFor();
      await p.getByText('No brands yet.').waitFor();

      // Create through the form.
      await p.getByRole('button', { name: 'New brand' }).click();
      let form = p.getByRole('form', { name: 'New brand' });
      await form.getByLabel('Brand id').fill('healthy-college');
      await form.getByLabel('Display name').fill('Healthy College');
      await form.getByLabel('Instagram handle').fill('@Healthy.College');
      await form.getByLabel('Primary colour', { exact: true }).fill('#0F766E');
      await form.getByLabel('Accent colour', { exact: true }).fill('#f97316');
      await form.getByRole('button', { name: 'Create brand' }).click();
      await form.waitFor({ state: 'detached' });

      const row = p.getByRole('row', { name: /Healthy College/ });
      await row.waitFor();
      const cellText = (column: number) => row.getByRole('cell').nth(column).innerText();
      expect(await cellText(1)).toBe('healthy-college');
      expect(await cellText(2)).toBe('@healthy.college');
      expect(await cellText(4)).toBe('6');
      await row.getByRole('img', { name: 'Primary #0f766e' }).waitFor();

      // Still there after a reload: it came from the database, not from page state.
      await p.reload();
      await row.waitFor();

      // Edit posts per day.
      await row.getByRole('button', { name: 'Edit Healthy College' }).click();
      form = p.getByRole('form', { name: 'Edit brand' });
      expect(await form.getByLabel('Brand id').getAttribute('readonly')).not.toBeNull();
      await form.getByLabel('Posts per day').fill('3');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await form.waitFor({ state: 'detached' });
      await expect.poll(() => cellText(4)).toBe('3');

      // An invalid handle is refused by the contract and explained beside the field.
      await p.getByRole('button', { name: 'New brand' }).click();
      form = p.getByRole('form', { name: 'New brand' });
      await form.getByLabel('Brand id').fill('bad-handle');
      await form.getByLabel('Display name').fill('Bad Handle');
      await form.getByLabel('Instagram handle').fill('not a handle!');
      await form.getByRole('button', { name: 'Create brand' }).click();
      await form.getByText('Use an Instagram handle such as @my.brand').waitFor();
      expect(await form.getByLabel('Instagram handle').getAttribute('aria-invalid')).toBe('true');

      // A taken id is a conflict, shown too.
      await form.getByLabel('Instagram handle').fill('');
      await form.getByLabel('Brand id').fill('healthy-college');
      await form.getByRole('button', { name: 'Create brand' }).click();
      await form.getByRole('alert').filter({ hasText: 'already exists' }).waitFor();
      await form.getByRole('button', { name: 'Cancel' }).click();
      await form.waitFor({ state: 'detached' });

      // Delete asks first, then offers Undo.
      await row.getByRole('button', { name: 'Delete Healthy College' }).click();
      const dialog = p.getByRole('dialog', { name: /Delete “Healthy College”/ });
      await dialog.getByRole('button', { name: 'Delete brand' }).click();
      await row.waitFor({ state: 'detached' });
      const undoToast = p.getByRole('status').filter({ hasText: 'Deleted “Healthy College”' });
      await undoToast.getByRole('button', { name: 'Undo' }).click();
      await row.waitFor();
      expect(await cellText(4)).toBe('3');

      // The database holds what the UI showed.
      const db = new Database(join(dataDir, 'maestro.db'), { readonly: true, fileMustExist: true });
      try {
        const rows = db
          .prepare(
            'SELECT id, display_name, posts_per_day, instagram_handle, deleted_at FROM brands ORDER BY id',
          )
          .all() as BrandRow[];
        expect(rows).toEqual([
          {
            id: 'healthy-college',
            display_name: 'Healthy College',
            posts_per_day: 3,
            instagram_handle: '@healthy.college',
            deleted_at: null,
          },
        ]);
      } finally {
        db.close();
      }
    } catch (error) {
      await saveFailureScreenshot(p, 'brands');
      throw error;
    }
  });
});
