import { existsSync, type CopyOptions } from 'node:fs';
import { cp, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import type { Backup, BackupList } from '../contract/backups';
import { AppError } from '../contract/errors';
import type { SettingsValues } from '../contract/settings';
import type { EventHub } from '../events/event-hub';
import { localDay } from '../maestro/local-time';
import type { Clock } from '../ports/clock';
import type { SettingsService } from '../settings/settings-service';
import type { Database } from '../store/database';
import { readBackups, folderSize, type BackupManifest } from './backup-folder';
import { backupIdAt, backupsToKeep, stampOf } from './backup-rotation';
import { exportBrandArchive, importBrandArchive, readBrandArchives } from './brand-archive';
import { backupDefaults, MANIFEST_FILE, REPLACED_DIR, RESTORE_PENDING_DIR } from './defaults';
import { integrityProblems } from './integrity-check';
import { writePendingRestore } from './pending-restore';

interface Deps {
  db: Kysely<Database>;
  sqlite: SqliteDatabase;
  clock: Clock;
  settings: SettingsService;
  activity: ActivityLog;
  events: EventHub;
  dataDir: string;
  mediaDir: string;
  appVersion: string;
  /** The schema this app writes; a backup from a newer one is not restored. */
  schemaVersion: number;
  /** Restarts the app on the restored file (headless: in-process; desktop: relaunch). */
  requestRestart?: () => void;
  /** Pages copied per step of the online backup (better-sqlite3's default when absent). */
  pagesPerStep?: number;
}

function mib(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/** A render writes each file under a `.tmp-` name and renames it when whole: copy whole files only. */
const isFinishedMedia = (source: string) => !basename(source).startsWith('.tmp-');

/** Copies a folder that may not exist (no media rendered yet): a missing one copies nothing. */
async function copyFolderIfPresent(from: string, to: string, options: CopyOptions = {}): Promise<void> {
  await cp(from, to, { ...options, recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}

/**
 * Backups of the data file with SQLite's online backup API: a consistent copy taken while
 * Maestro keeps working (every write of this connection during the copy lands in the copy too),
 * verified with integrity_check before it counts, optionally with the rendered media. One a day
 * automatically (the newest 7 daily and 4 weekly kept), "Back up now" any time, and "Restore",
 * which stages the copy and restarts on it, keeping the replaced data aside.
 */
export class BackupService {
  private running: Promise<Backup> | null = null;

  constructor(private readonly deps: Deps) {}

  /** The folder Settings name, or the default one inside the data folder. */
  private folderOf(values: Pick<SettingsValues, 'backupFolder'>): string {
    return values.backupFolder || join(this.deps.dataDir, backupDefaults.folderName);
  }

  async folder(): Promise<string> {
    return this.folderOf((await this.deps.settings.values()).values);
  }

  async list(): Promise<BackupList> {
    const { values } = await this.deps.settings.values();
    const folder = this.folderOf(values);
    return {
      folder,
      backups: await readBackups(folder),
      brandArchives: await readBrandArchives(join(folder, backupDefaults.brandsFolderName)),
      daily: values.backupDaily,
      keeps: { daily: backupDefaults.keepDaily, weekly: backupDefaults.keepWeekly },
    };
  }

  /** Today's automatic backup, if it is due (the timer, later the orchestrator, calls this). */
  async runDue(now: Date): Promise<Backup | null> {
    const { values } = await this.deps.settings.values();
    if (!values.backupDaily || this.running) return null;
    const today = localDay(now, values.burstTimeZone);
    const taken = await readBackups(this.folderOf(values));
    const done = taken.some(
      (b) => b.kind === 'automatic' && localDay(new Date(b.takenAt), values.burstTimeZone) === today,
    );
    return done ? null : this.backUp('automatic');
  }

  /** Resolves once no backup is being written (close waits for it: the copy reads the open file). */
  async settled(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /** One backup at a time; a second request while one runs gets the running one. */
  backUp(kind: Backup['kind'], includeMedia?: boolean): Promise<Backup> {
    this.running ??= this.write(kind, includeMedia).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async write(kind: Backup['kind'], includeMediaChoice: boolean | undefined): Promise<Backup> {
    const { values } = await this.deps.settings.values();
    const includeMedia = includeMediaChoice ?? values.backupIncludeMedia;
    const folder = this.folderOf(values);
    let takenAt = this.deps.clock.now();
    // Two backups in the same millisecond (a manual one as the daily one starts) get two names.
    while (existsSync(join(folder, backupIdAt(takenAt)))) takenAt = new Date(takenAt.getTime() + 1);
    const id = backupIdAt(takenAt);
    const partial = join(folder, `.${id}.partial`);
    const final = join(folder, id);
    try {
      await mkdir(partial, { recursive: true });
      const databaseFile = join(partial, 'maestro.db');
      // Page by page between other work: writes made meanwhile land in the copy too.
      const pagesPerStep = this.deps.pagesPerStep;
      await (pagesPerStep
        ? this.deps.sqlite.backup(databaseFile, { progress: () => pagesPerStep })
        : this.deps.sqlite.backup(databaseFile));
      const problems = await integrityProblems(databaseFile);
      if (problems.length > 0) {
        throw new AppError(
          'db_corrupt',
          `The copy failed its integrity check: ${problems.slice(0, 3).join('; ')}`,
        );
      }
      let media = { files: 0, bytes: 0 };
      if (includeMedia) {
        await copyFolderIfPresent(this.deps.mediaDir, join(partial, 'media'), {
          filter: isFinishedMedia,
          force: false,
          errorOnExist: false,
        });
        media = await folderSize(join(partial, 'media'));
      }
      const manifest: BackupManifest = {
        format: 'maestro-backup',
        formatVersion: 1,
        id,
        kind,
        takenAt: takenAt.toISOString(),
        appVersion: this.deps.appVersion,
        schemaVersion: this.deps.schemaVersion,
        includesMedia: includeMedia,
        databaseBytes: (await stat(databaseFile)).size,
        mediaBytes: media.bytes,
        verified: true,
      };
      await writeFile(join(partial, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
      await rename(partial, final);
      const removed = kind === 'automatic' ? await this.rotate(folder, values.burstTimeZone) : 0;
      await this.deps.activity.record({
        action: kind === 'automatic' ? 'Daily backup written' : 'Backup written',
        detail:
          `${id}: ${mib(manifest.databaseBytes)} data file` +
          (includeMedia ? ` and ${media.files} media files (${mib(media.bytes)})` : ', media not included') +
          `, integrity check passed, in ${folder}` +
          (removed > 0 ? `; ${removed} older automatic backup(s) rotated out` : ''),
        level: 'data',
        emoji: '💾',
      });
      this.deps.events.emit('data.changed', { entity: 'backups' });
      return { ...manifest, path: final };
    } catch (error) {
      await rm(partial, { recursive: true, force: true });
      const message = error instanceof Error ? error.message : String(error);
      await this.deps.activity.record({
        action: 'Backup failed',
        detail: `${id} in ${folder}: ${message}`,
        level: 'error',
        emoji: '⚠️',
      });
      if (error instanceof AppError) throw error;
      throw new AppError('internal', `The backup could not be written to ${folder}: ${message}`, { folder });
    }
  }

  /** Deletes the automatic backups the rotation no longer keeps; returns how many. */
  private async rotate(folder: string, timeZone: string): Promise<number> {
    const automatic = (await readBackups(folder)).filter((b) => b.kind === 'automatic');
    const keep = backupsToKeep(
      automatic.map((b) => ({ id: b.id, takenAt: b.takenAt, day: localDay(new Date(b.takenAt), timeZone) })),
    );
    let removed = 0;
    for (const backup of automatic) {
      if (keep.has(backup.id)) continue;
      await rm(backup.path, { recursive: true, force: true });
      removed++;
    }
    return removed;
  }

  /**
   * Stages a backup to replace the data at the next start (verified again first: a copy can
   * rot on disk), then asks the host to restart. The current file and media are moved aside,
   * not deleted, when the restart applies it (pending-restore.ts).
   */
  async restore(id: string): Promise<{ backup: Backup; keptAsideIn: string; restarting: boolean }> {
    const folder = await this.folder();
    const backup = (await readBackups(folder)).find((b) => b.id === id);
    if (!backup) throw new AppError('not_found', `No backup "${id}" in ${folder}.`, { id });
    if (backup.schemaVersion > this.deps.schemaVersion) {
      throw new AppError(
        'conflict',
        `${id} was written by a newer Maestro (schema v${backup.schemaVersion}; this app knows up to v${this.deps.schemaVersion}). Update Maestro first.`,
      );
    }
    const problems = await integrityProblems(join(backup.path, 'maestro.db'));
    if (problems.length > 0) {
      throw new AppError(
        'db_corrupt',
        `${id} failed its integrity check and was not restored: ${problems[0]}`,
      );
    }
    const stamp = stampOf(this.deps.clock.now());
    const keptAsideIn = join(this.deps.dataDir, REPLACED_DIR, `before-${id}-at-${stamp}`);
    const staging = join(this.deps.dataDir, RESTORE_PENDING_DIR);
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    await cp(join(backup.path, 'maestro.db'), join(staging, 'maestro.db'));
    if (backup.includesMedia) {
      await copyFolderIfPresent(join(backup.path, 'media'), join(staging, 'media'));
    }
    await writePendingRestore(this.deps.dataDir, {
      backupId: id,
      includesMedia: backup.includesMedia,
      keptAsideIn,
    });
    await this.deps.activity.record({
      action: 'Restore from backup staged',
      detail: `${id} replaces the data at the restart; the current data will be kept in ${keptAsideIn}`,
      level: 'action',
      emoji: '⏪',
    });
    const restarting = this.deps.requestRestart !== undefined;
    if (this.deps.requestRestart) {
      const restart = this.deps.requestRestart;
      setTimeout(restart, backupDefaults.restartDelayMs);
    }
    return { backup, keptAsideIn, restarting };
  }

  /** One brand's settings, agents and history as one archive in the backup folder's brands/. */
  async exportBrand(brandId: string) {
    const folder = join(await this.folder(), backupDefaults.brandsFolderName);
    const result = await exportBrandArchive(this.deps.db, {
      brandId,
      folder,
      at: this.deps.clock.now(),
      appVersion: this.deps.appVersion,
      schemaVersion: this.deps.schemaVersion,
    });
    await this.deps.activity.record({
      action: 'Brand exported',
      detail: `${brandId}: ${result.rows.proposals ?? 0} proposals, ${result.rows.scheduled_posts ?? 0} posts, ${mib(result.bytes)} in ${result.file}`,
      level: 'data',
      emoji: '📦',
    });
    this.deps.events.emit('data.changed', { entity: 'backups' });
    return result;
  }

  /** Adds a brand from an archive (see brand-archive.ts for what is kept when rows exist). */
  async importBrand(file: string) {
    const result = await importBrandArchive(this.deps.db, { file, schemaVersion: this.deps.schemaVersion });
    const skipped = Object.values(result.skipped).reduce((a, b) => a + b, 0);
    await this.deps.activity.record({
      action: 'Brand imported',
      detail:
        `${result.brandId} from ${file}: ${result.rows.proposals ?? 0} proposals, ${result.rows.scheduled_posts ?? 0} posts, ${result.rows.agents ?? 0} agents added` +
        (skipped > 0 ? `; ${skipped} rows this file already had were left as they are` : '') +
        '. Connect its accounts again on the Brands page.',
      level: 'action',
      emoji: '📥',
    });
    for (const entity of ['brands', 'agents', 'proposals', 'jobs', 'calendar'] as const) {
      this.deps.events.emit('data.changed', { entity });
    }
    return result;
  }
}
