import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../src-main/core/store/open-database';
import { openTempCore, type TempCore } from '../../helpers/temp-core';
import { makeTempDir } from '../../helpers/temp-dir';
import { writeYearOfData } from '../../helpers/year-of-data';

const END = '2026-11-25T10:00:00.000Z';

describe('one brand as one archive', () => {
  const open: TempCore[] = [];
  const cleanups: Array<() => void> = [];
  afterEach(async () => {
    for (const t of open.splice(0)) await t.close();
    cleanups.splice(0).forEach((c) => c());
  });

  async function coreWithAYear(): Promise<TempCore> {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const store = await openStore(join(temp.dir, 'maestro.db'));
    writeYearOfData(store.sqlite, { end: new Date(END), scale: 0.01 });
    await store.close();
    const t = await openTempCore({ dir: temp.dir, start: END, startRenderQueue: false });
    open.push(t);
    return t;
  }

  const countOf = (t: TempCore, sql: string, ...params: unknown[]) =>
    (t.core.store.sqlite.prepare(sql).get(...params) as { n: number }).n;

  it('exports a brand with its agents and history, and imports it into another data folder', async () => {
    const source = await coreWithAYear();
    const exported = await source.call('backups.exportBrand', { brandId: 'brand-02' });
    expect(exported.file).toMatch(/brands\/brand-02-20261125T100000000Z\.maestro-brand\.json\.gz$/);
    const proposals = countOf(source, "SELECT count(*) AS n FROM proposals WHERE brand_id = 'brand-02'");
    expect(proposals).toBeGreaterThan(10);
    expect(exported.rows).toMatchObject({
      brands: 1,
      proposals,
      scheduled_posts: countOf(
        source,
        "SELECT count(*) AS n FROM scheduled_posts WHERE brand_id = 'brand-02'",
      ),
    });
    expect((await source.call('backups.list', {})).brandArchives).toEqual([
      expect.objectContaining({ brandId: 'brand-02', file: exported.file, exportedAt: END }),
    ]);

    const target = await openTempCore({ start: END });
    open.push(target);
    const imported = await target.call('backups.importBrand', { file: exported.file });
    expect(imported.brandId).toBe('brand-02');
    expect(imported.rows.proposals).toBe(proposals);
    const brand = await target.call('brands.get', { id: 'brand-02' });
    expect(brand.displayName).toBe('Brand 2');
    // Same content, row for row, on the natural keys.
    const columns = 'proposal_id, agent_id, status, title, caption, examiner_verdict';
    const query = `SELECT ${columns} FROM proposals WHERE brand_id = 'brand-02' ORDER BY proposal_id`;
    expect(target.core.store.sqlite.prepare(query).all()).toEqual(
      source.core.store.sqlite.prepare(query).all(),
    );
    const posts = `SELECT p.schedule_id, p.caption, t.platform, t.status FROM scheduled_posts p JOIN publish_targets t USING (schedule_id) WHERE p.brand_id = 'brand-02' ORDER BY 1, 3`;
    expect(target.core.store.sqlite.prepare(posts).all()).toEqual(
      source.core.store.sqlite.prepare(posts).all(),
    );
    // The imported proposals are searchable at once (the triggers indexed them).
    const title = (source.core.store.sqlite.prepare(query).get() as { title: string }).title;
    const found = await target.call('proposals.list', {
      statuses: ['accepted', 'rejected', 'expired', 'needs_review', 'pending'],
      brandId: 'brand-02',
      search: title,
    });
    expect(found.items.length).toBeGreaterThan(0);
    target.core.store.sqlite
      .prepare("INSERT INTO proposals_fts (proposals_fts, rank) VALUES ('integrity-check', 1)")
      .run();

    // The same archive again: the brand is there now.
    expect(await target.invoke('backups.importBrand', { file: exported.file })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  it('keeps an agent this file already has, with its own history', async () => {
    const source = await coreWithAYear();
    const exported = await source.call('backups.exportBrand', { brandId: 'brand-01' });
    const target = await coreWithAYear();
    await target.call('brands.delete', { id: 'brand-01' });
    // Deleted brands stay in the trash, so the id is still taken.
    expect(await target.invoke('backups.importBrand', { file: exported.file })).toMatchObject({ ok: false });
    target.core.store.sqlite.exec(
      "UPDATE agents SET display_name = 'Mine' WHERE agent_id = 'agent_01'; PRAGMA foreign_keys = OFF; " +
        "DELETE FROM publish_targets WHERE schedule_id IN (SELECT schedule_id FROM scheduled_posts WHERE brand_id = 'brand-01');" +
        "DELETE FROM post_performance WHERE brand_id = 'brand-01'; DELETE FROM scheduled_posts WHERE brand_id = 'brand-01';" +
        "DELETE FROM generation_jobs WHERE brand_id = 'brand-01'; DELETE FROM content_history WHERE brand_id = 'brand-01';" +
        "DELETE FROM proposals WHERE brand_id = 'brand-01'; DELETE FROM brands WHERE id = 'brand-01'; PRAGMA foreign_keys = ON;",
    );
    const imported = await target.call('backups.importBrand', { file: exported.file });
    expect(imported.skipped.agents).toBeGreaterThan(0);
    expect(
      (
        target.core.store.sqlite
          .prepare("SELECT display_name FROM agents WHERE agent_id = 'agent_01'")
          .get() as {
          display_name: string;
        }
      ).display_name,
    ).toBe('Mine');
    expect(imported.rows.proposals).toBeGreaterThan(0);
  });
});
