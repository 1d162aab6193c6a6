import type { Database as SqliteDatabase } from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { AppError } from '../contract/errors';
import { migrations as allMigrations, type Migration } from './migrations';

/** The schema version is kept in SQLite's own `user_version` header field. */
export function schemaVersionOf(sqlite: SqliteDatabase): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

export const latestSchemaVersion = allMigrations.length;

/**
 * Brings the file up to the newest schema, one transaction per migration so a crash between
 * two leaves a consistent file at the earlier version. A file written by a newer app is refused
 * untouched: guessing at a schema we do not know would risk the creator's data.
 */
export async function migrateToLatest(
  sqlite: SqliteDatabase,
  db: Kysely<unknown>,
  migrations: readonly Migration[] = allMigrations,
): Promise<{ from: number; to: number }> {
  const from = schemaVersionOf(sqlite);
  const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
  if (from > latest) {
    throw new AppError(
      'db_newer_version',
      `This data file was written by a newer version of Maestro (schema v${from}; this app knows up to v${latest}). ` +
        'Install the newer app, or choose another data folder. The file was not changed.',
      { fileVersion: from, appVersion: latest },
    );
  }
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    await db.transaction().execute(async (trx) => {
      await migration.up(trx);
      // PRAGMA takes no bound parameters; the version is an integer from our own list.
      await sql.raw(`PRAGMA user_version = ${Math.trunc(migration.version)}`).execute(trx);
    });
  }
  return { from, to: Math.max(from, latest) };
}
