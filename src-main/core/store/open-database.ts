import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database as SqliteDatabase } from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { AppError } from '../contract/errors';
import type { Database } from './database';
import { migrateToLatest } from './migrate';

export interface Store {
  db: Kysely<Database>;
  sqlite: SqliteDatabase;
  file: string;
  schemaVersion: number;
  close(): Promise<void>;
}

/**
 * Opens (creating if needed) the app's SQLite file with the settings every writer relies on,
 * then runs pending migrations. WAL + synchronous=FULL: a committed row survives a killed process
 * and a power cut; foreign keys on so a broken link is an error, not silent garbage.
 */
export async function openStore(file: string): Promise<Store> {
  mkdirSync(dirname(file), { recursive: true });
  let sqlite: SqliteDatabase;
  try {
    sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // 4 MB of page cache instead of better-sqlite3's 16 MB: the operating system caches the file
    // anyway, and a year of data filled the 16 MB, which the process then held for good
    // (issue 10's 120 MB idle budget). The lists' timings did not move (npm run bench scale).
    sqlite.pragma('cache_size = -4000');
  } catch (error) {
    throw new AppError('db_corrupt', `Cannot open the data file ${file}: ${(error as Error).message}`, {
      file,
    });
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    const { to } = await migrateToLatest(sqlite, db as Kysely<unknown>);
    return {
      db,
      sqlite,
      file,
      schemaVersion: to,
      close: async () => {
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy();
    if (error instanceof AppError) throw error;
    throw new AppError('db_corrupt', `Cannot prepare the data file ${file}: ${(error as Error).message}`, {
      file,
    });
  }
}
