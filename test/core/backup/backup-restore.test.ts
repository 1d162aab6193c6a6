import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database as SqliteDatabase } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContractEvent } from '../../../src-main/core/contract/events';
import { openBurstHarness, type BurstHarness } from '../../helpers/burst-harness';
import { openTempCore, sampleBrand, type TempCore } from '../../helpers/temp-core';

/** Every row of every table, by primary key (rowid where the key is the rowid). */
function rowKeys(sqlite: SqliteDatabase): Map<string, Set<string>> {
  const tables = sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'
         AND name NOT IN (SELECT name || suffix FROM sqlite_master, (SELECT '_data' AS suffix UNION SELECT '_idx'
           UNION SELECT '_docsize' UNION SELECT '_config') WHERE sql LIKE 'CREATE VIRTUAL%')`,
    )
    .all() as Array<{ name: string }>;
  const keys = new Map<string, Set<string>>();
  for (const { name } of tables) {
    const pk = (sqlite.prepare(`PRAGMA table_info(${name})`).all() as Array<{ name: string; pk: number }>)
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    const columns = pk.length > 0 ? pk.join(', ') : 'rowid';
    const rows = sqlite.prepare(`SELECT ${columns} FROM ${name}`).raw().all() as unknown[][];
    keys.set(name, new Set(rows.map((r) => JSON.stringify(r))));
  }
  return keys;
}

function missingIn(after: Map<string, Set<string>>, before: Map<string, Set<string>>): string[] {
  const missing: string[] = [];
  for (const [table, rows] of before) {
    for (const row of rows) if (!after.get(table)?.has(row)) missing.push(`${table} ${row}`);
  }
  return missing;
}

function waitForEvent(t: TempCore, matches: (event: ContractEvent) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const stop = t.core.events.subscribe((event) => {
      if (matches(event)) {
        stop();
        resolve();
      }
    });
  });
}

describe('backups while Maestro works, and restoring one', () => {
  let h: BurstHarness | undefined;
  let t: TempCore | undefined;
  afterEach(async () => {
    await t?.close();
    await h?.close();
    h = undefined;
    t = undefined;
  });

  it(
    'restores a backup taken during a burst and a render: integrity_check passes and every row committed ' +
      'before the backup began is there',
    async () => {
      h = await openBurstHarness({
        brands: 2,
        latencyMs: 120,
        core: { startRenderQueue: true, backup: { pagesPerStep: 1 } },
      });
      const { t: core } = h;
      const rendering = waitForEvent(
        core,
        (e) => e.stream === 'job.progress' && e.payload.status === 'generating',
      );
      const writing = waitForEvent(core, (e) => e.stream === 'burst.progress' && e.payload.created >= 2);
      await core.core.bursts.runner.start('daily');
      const burst = core.core.bursts.runner.running!;
      await core.call('jobs.create', {
        brandId: 'brand-1',
        variant: 'dark',
        title: 'Magnesium before bed',
        contentLines: [
          'Magnesium - supports hundreds of enzyme reactions',
          'Dim lights - tell your body it is night',
        ],
        caption: 'Magnesium before bed. #sleep',
      });
      await Promise.all([rendering, writing]);

      // Everything committed up to this instant must be in the backup.
      const before = rowKeys(core.core.store.sqlite);
      const writesBefore = before.get('api_usage')!.size + before.get('activity_log')!.size;
      const backup = await core.core.backups.backUp('manual', true);
      const during = rowKeys(core.core.store.sqlite);
      // The burst and the render kept writing while the copy was taken, page by page.
      expect(during.get('api_usage')!.size + during.get('activity_log')!.size).toBeGreaterThan(writesBefore);
      expect(backup).toMatchObject({ kind: 'manual', includesMedia: true, verified: true });
      await burst;
      await core.core.jobs.queue.idle();

      // The copy on its own: consistent, and holding every row committed before it began.
      const copy = new BetterSqlite3(join(backup.path, 'maestro.db'), { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(missingIn(rowKeys(copy), before)).toEqual([]);
      copy.close();

      const restore = await core.call('backups.restore', { id: backup.id });
      expect(restore.restarting).toBe(false);
      const dataDir = core.dir;
      const reopened = await core.reopen();
      t = reopened;
      const restored = reopened.core.store.sqlite;
      expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(missingIn(rowKeys(restored), before)).toEqual([]);
      // Rows written after the backup are gone from the live file, kept in the file set aside.
      const aside = new BetterSqlite3(join(restore.keptAsideIn, 'maestro.db'), { readonly: true });
      const afterBurst = rowKeys(aside);
      aside.close();
      expect(afterBurst.get('proposals')!.size).toBeGreaterThanOrEqual(
        rowKeys(restored).get('proposals')!.size,
      );
      expect(existsSync(join(restore.keptAsideIn, 'media'))).toBe(true);
      expect(existsSync(join(dataDir, 'restore-pending'))).toBe(false);
      const [entry] = await reopened.call('activity.list', { limit: 1, search: 'restored backup' });
      expect(entry?.detail).toContain(backup.id);
      // The search index came back with the file, consistent with it.
      restored.prepare("INSERT INTO proposals_fts (proposals_fts, rank) VALUES ('integrity-check', 1)").run();
    },
    120_000,
  );

  it('backs up daily once, keeps the rotation, and leaves manual copies alone', async () => {
    t = await openTempCore({ start: '2026-11-01T10:00:00.000Z' });
    await t.call('settings.set', { values: { burstTimeZone: 'UTC' } });
    const manual = await t.call('backups.now', {});
    expect(manual.includesMedia).toBe(false);
    for (let day = 0; day < 20; day++) {
      const first = await t.core.backups.runDue(t.clock.now());
      expect(first?.kind, `day ${day}`).toBe('automatic');
      expect(await t.core.backups.runDue(t.clock.now())).toBeNull();
      t.clock.advance(86_400_000);
    }
    const list = await t.call('backups.list', {});
    expect(list.folder).toBe(join(t.dir, 'backups'));
    const automatic = list.backups.filter((b) => b.kind === 'automatic').map((b) => b.takenAt.slice(0, 10));
    // 1–20 November: the last 7 days (14–20), and the newest of each of the last 4 weeks: the
    // weeks of 16 and 9 November end among those days, those of 2 November and 26 October
    // (1 November is a Sunday) add one each.
    expect(automatic.sort()).toEqual([
      '2026-11-01',
      '2026-11-08',
      '2026-11-14',
      '2026-11-15',
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
    ]);
    expect(list.backups.some((b) => b.id === manual.id)).toBe(true);
    expect(readdirSync(list.folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('writes to the folder Settings name, and refuses a damaged or newer backup', async () => {
    t = await openTempCore();
    const elsewhere = join(t.dir, 'elsewhere');
    await t.call('settings.set', { values: { backupFolder: elsewhere } });
    const good = await t.call('backups.now', {});
    expect(good.path).toBe(join(elsewhere, good.id));

    t.clock.advance(1000);
    const damaged = await t.call('backups.now', {});
    writeFileSync(join(damaged.path, 'maestro.db'), Buffer.alloc(8192, 7));
    const refused = await t.invoke('backups.restore', { id: damaged.id });
    expect(refused).toMatchObject({ ok: false });

    t.clock.advance(1000);
    const newer = await t.call('backups.now', {});
    const manifest = join(newer.path, 'manifest.json');
    const { readFileSync } = await import('node:fs');
    writeFileSync(
      manifest,
      JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), schemaVersion: 999 }),
    );
    expect(await t.invoke('backups.restore', { id: newer.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(existsSync(join(t.dir, 'restore-pending'))).toBe(false);
    await t.call('brands.create', sampleBrand);
    expect((await t.call('backups.restore', { id: good.id })).backup.id).toBe(good.id);
  });
});
