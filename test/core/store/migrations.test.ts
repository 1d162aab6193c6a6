import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/core/contract/errors';
import { latestSchemaVersion, migrateToLatest } from '../../../src-main/core/store/migrate';
import { migrations } from '../../../src-main/core/store/migrations';
import { openStore } from '../../../src-main/core/store/open-database';
import { makeTempDir } from '../../helpers/temp-dir';

const requiredTables = [
  'agents',
  'agent_performance',
  'agent_learning',
  'gene_pool',
  'proposals',
  'generation_jobs',
  'scheduled_posts',
  'brands',
  'brand_analytics',
  'analytics_snapshots',
  'content_history',
  'post_performance',
  'trending_content',
  'platform_connections',
  'maestro_config',
  'app_settings',
  'activity_log',
  'system_diagnostics',
  'api_usage',
];

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function tempFile(): string {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  return join(temp.dir, 'maestro.db');
}

/** Builds a file the way an older app version would have left it: migrations 1..version only. */
async function createAtVersion(file: string, version: number) {
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateToLatest(sqlite, db, migrations.slice(0, version));
  return { sqlite, db };
}

function tableNames(sqlite: BetterSqlite3.Database): string[] {
  return (
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
  ).map((r) => r.name);
}

/** Tables with their columns and indexes: what an upgraded file must share with a fresh one. */
function schemaShape(sqlite: BetterSqlite3.Database) {
  return tableNames(sqlite)
    .sort()
    .map((table) => ({
      table,
      columns: sqlite.prepare(`PRAGMA table_info(${table})`).all(),
      indexes: (sqlite.prepare(`PRAGMA index_list(${table})`).all() as { name: string }[])
        .map((i) => i.name)
        .sort(),
    }));
}

describe('store migrations', () => {
  it('creates every table of the data model on a fresh file, with WAL and foreign keys on', async () => {
    const store = await openStore(tempFile());
    expect(store.schemaVersion).toBe(latestSchemaVersion);
    expect(tableNames(store.sqlite)).toEqual(expect.arrayContaining(requiredTables));
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(tableNames(store.sqlite).some((n) => n.includes('user'))).toBe(false);
    await store.close();
  });

  it('has no user_id column anywhere: the app has a single creator', async () => {
    const store = await openStore(tempFile());
    for (const table of requiredTables) {
      const columns = store.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
      expect(
        columns.map((c) => c.name),
        table,
      ).not.toContain('user_id');
    }
    await store.close();
  });

  it(`upgrades a file made by migration ${latestSchemaVersion - 1} and keeps its rows`, async () => {
    const file = tempFile();
    const { sqlite, db } = await createAtVersion(file, latestSchemaVersion - 1);
    const now = '2026-11-01T00:00:00.000Z';
    sqlite
      .prepare(
        `INSERT INTO brands (id, display_name, short_name, schedule_offset, posts_per_day, colors, created_at, updated_at)
         VALUES ('old-brand', 'Old Brand', 'OB', 3, 6, '{"primary":"#112233","accent":"#445566"}', ?, ?)`,
      )
      .run(now, now);
    sqlite
      .prepare(
        `INSERT INTO agents (agent_id, display_name, temperature, variant, proposal_prefix, strategy_names,
           strategy_weights, risk_tolerance, content_types, created_at, updated_at)
         VALUES ('toby', 'Toby', 0.85, 'dark', 'TOBY', '["explore"]', '{"explore":1}', 'medium', '["reel"]', ?, ?)`,
      )
      .run(now, now);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(latestSchemaVersion - 1);
    await db.destroy();

    const store = await openStore(file);
    expect(store.schemaVersion).toBe(latestSchemaVersion);
    expect(tableNames(store.sqlite)).toEqual(expect.arrayContaining(requiredTables));
    const fresh = await openStore(tempFile());
    expect(schemaShape(store.sqlite)).toEqual(schemaShape(fresh.sqlite));
    await fresh.close();
    expect(store.sqlite.prepare('SELECT display_name, schedule_offset FROM brands').all()).toEqual([
      { display_name: 'Old Brand', schedule_offset: 3 },
    ]);
    expect(store.sqlite.prepare('SELECT agent_id FROM agents').all()).toEqual([{ agent_id: 'toby' }]);
    await store.close();
  });

  it('upgrades from every earlier schema version, including an empty file', async () => {
    for (let version = 0; version < latestSchemaVersion; version++) {
      const file = tempFile();
      const { db } = await createAtVersion(file, version);
      await db.destroy();
      const store = await openStore(file);
      expect(store.schemaVersion, `from v${version}`).toBe(latestSchemaVersion);
      expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      await store.close();
    }
  });

  it('refuses a file written by a newer app version and leaves it byte-identical', async () => {
    const file = tempFile();
    const store = await openStore(file);
    store.sqlite.pragma(`user_version = ${latestSchemaVersion + 5}`);
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await store.close();
    const before = readFileSync(file);

    const error = await openStore(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('db_newer_version');
    expect((error as AppError).message).toMatch(/newer version of Maestro/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('reports a damaged file with a typed error instead of crashing', async () => {
    const file = tempFile();
    writeFileSync(
      file,
      Buffer.from('this is not a database, just text that happens to be long enough '.repeat(100)),
    );
    const error = await openStore(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('db_corrupt');
    expect((error as AppError).message).toContain(file);
  });

  it('enforces the data model in SQL too: out-of-range offsets and bad JSON are refused', async () => {
    const store = await openStore(tempFile());
    const insert = (offset: number, colors: string) =>
      store.sqlite
        .prepare(
          `INSERT INTO brands (id, display_name, short_name, schedule_offset, posts_per_day, colors, created_at, updated_at)
           VALUES (?, 'B', 'B', ?, 6, ?, 'now', 'now')`,
        )
        .run(`b${offset}`, offset, colors);
    expect(() => insert(24, '{}')).toThrow(/CHECK constraint/);
    expect(() => insert(5, 'not json')).toThrow(/CHECK constraint/);
    expect(() => insert(5, '{}')).not.toThrow();
    await store.close();
  });
});
