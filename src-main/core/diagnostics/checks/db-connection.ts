import { statSync } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { sql } from 'kysely';
import type { CheckContext, SystemCheck, Verdict } from './check';

/** Which file an open database is: a file moved away and another put in its place differ. */
export interface FileIdentity {
  dev: number;
  ino: number;
}

export function fileIdentity(path: string): FileIdentity | null {
  try {
    const { dev, ino } = statSync(path);
    return { dev, ino };
  } catch {
    return null;
  }
}

export interface DatabaseFileFacts {
  path: string;
  /** Something is at the path. */
  exists: boolean;
  /** It is the file Maestro opened at start (null: unknown, nothing to compare with). */
  sameFile: boolean | null;
  fileWritable: boolean;
  folderWritable: boolean;
  bytes: number;
  selectMs: number;
}

/**
 * SELECT 1 alone passes while the data file has been moved or deleted: SQLite keeps writing to
 * the open file, which the next start will not find. So the file at the path must still be the
 * one opened, and it and its folder (where SQLite writes its -wal and -shm) must be writable.
 */
export function judgeDatabaseFile(f: DatabaseFileFacts): Verdict {
  if (!f.exists)
    return {
      status: 'fail',
      detail:
        `The data file is no longer at ${f.path} (moved or deleted while Maestro runs). Changes ` +
        `since then go to a file the next start will not find: put it back, or restore a backup, then restart Maestro.`,
    };
  if (f.sameFile === false)
    return {
      status: 'fail',
      detail:
        `Another file replaced the data file at ${f.path} while Maestro runs: Maestro still writes ` +
        `to the one it opened. Restart Maestro to open the new one (or put the original back).`,
    };
  if (!f.fileWritable)
    return {
      status: 'fail',
      detail: `The data file ${f.path} is read-only: Maestro cannot open it for writing at the next start. Make it writable again.`,
    };
  if (!f.folderWritable)
    return {
      status: 'fail',
      detail: `The folder ${dirname(f.path)} is read-only: SQLite cannot create its journal there at the next start. Make it writable again.`,
    };
  return {
    status: 'pass',
    detail: `SELECT 1 answered in ${f.selectMs} ms; ${f.path} (${(f.bytes / 1_048_576).toFixed(1)} MB) is in place and writable.`,
  };
}

/** Writable for this process, and by its permission bits (root ignores them; the next user may not). */
async function writable(path: string): Promise<boolean> {
  try {
    await access(path, constants.W_OK);
    return ((await stat(path)).mode & 0o222) !== 0;
  } catch {
    return false;
  }
}

async function databaseFileFacts(ctx: CheckContext, selectMs: number): Promise<DatabaseFileFacts> {
  const { path, opened } = ctx.databaseFile;
  const found = await stat(path).catch(() => null);
  return {
    path,
    exists: found !== null,
    sameFile: found && opened ? found.dev === opened.dev && found.ino === opened.ino : null,
    fileWritable: found ? await writable(path) : false,
    folderWritable: await writable(dirname(path)),
    bytes: found?.size ?? 0,
    selectMs,
  };
}

export const dbConnectionCheck: SystemCheck = {
  name: 'db_connection',
  async run(ctx) {
    const started = performance.now();
    await sql`SELECT 1`.execute(ctx.db);
    const selectMs = Math.round(performance.now() - started);
    return judgeDatabaseFile(await databaseFileFacts(ctx, selectMs));
  },
};
