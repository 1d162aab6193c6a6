import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RESTORE_PENDING_DIR } from './defaults';

export interface PendingRestore {
  backupId: string;
  includesMedia: boolean;
  /** Where the replaced data file (and media, if the backup has media) is moved. */
  keptAsideIn: string;
}

const PENDING_FILE = 'pending.json';
const DATA_FILES = ['maestro.db', 'maestro.db-wal', 'maestro.db-shm'] as const;

export async function writePendingRestore(dataDir: string, pending: PendingRestore): Promise<void> {
  await writeFile(join(dataDir, RESTORE_PENDING_DIR, PENDING_FILE), JSON.stringify(pending, null, 2));
}

/**
 * At start, before the data file is opened: a staged restore replaces the data file (and the
 * media, when the backup has them); what it replaces is moved aside, never deleted. Every step
 * checks what is already done, so a crash half-way is finished by the next start.
 */
export async function applyPendingRestore(dataDir: string, mediaDir: string): Promise<PendingRestore | null> {
  const staging = join(dataDir, RESTORE_PENDING_DIR);
  let pending: PendingRestore;
  try {
    pending = JSON.parse(await readFile(join(staging, PENDING_FILE), 'utf8')) as PendingRestore;
  } catch {
    return null;
  }
  await mkdir(pending.keptAsideIn, { recursive: true });
  const staged = join(staging, 'maestro.db');
  if (existsSync(staged)) {
    for (const name of DATA_FILES) {
      if (existsSync(join(dataDir, name))) await rename(join(dataDir, name), join(pending.keptAsideIn, name));
    }
    if (pending.includesMedia && existsSync(join(staging, 'media'))) {
      if (existsSync(mediaDir)) await rename(mediaDir, join(pending.keptAsideIn, 'media'));
      await rename(join(staging, 'media'), mediaDir);
    }
    await rename(staged, join(dataDir, 'maestro.db'));
  }
  await rm(staging, { recursive: true, force: true });
  return pending;
}
