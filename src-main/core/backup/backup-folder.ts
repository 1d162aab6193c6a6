import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { backupSchema, type Backup } from '../contract/backups';
import { MANIFEST_FILE } from './defaults';

/** What a backup folder's manifest.json holds (the contract's Backup without its path). */
export type BackupManifest = Omit<Backup, 'path'> & { format: 'maestro-backup'; formatVersion: 1 };

/** Backups in `folder`, newest first; folders without a readable manifest are not backups. */
export async function readBackups(folder: string): Promise<Backup[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const backups: Backup[] = [];
  for (const name of names) {
    if (!name.startsWith('maestro-')) continue;
    const path = join(folder, name);
    try {
      const manifest = JSON.parse(await readFile(join(path, MANIFEST_FILE), 'utf8')) as unknown;
      const parsed = backupSchema.safeParse({ ...(manifest as object), path });
      if (parsed.success && parsed.data.id === name) backups.push(parsed.data);
    } catch {
      // Not a finished backup (or not ours): ignored.
    }
  }
  return backups.sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0));
}

/** Files and bytes under a folder (0 and 0 when it does not exist). */
export async function folderSize(folder: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true, recursive: true });
  } catch {
    return { files, bytes };
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}
