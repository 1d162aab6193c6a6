import { backupDefaults } from './defaults';

export interface DatedBackup {
  id: string;
  /** The local calendar day it was taken, YYYY-MM-DD. */
  day: string;
  takenAt: string;
}

/** The Monday (YYYY-MM-DD) of the week holding a local day. */
export function weekOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

/** The newest backup of each of the `count` most recent periods that have one. */
function newestPerPeriod(
  backups: readonly DatedBackup[],
  periodOf: (backup: DatedBackup) => string,
  count: number,
): string[] {
  const newest = new Map<string, DatedBackup>();
  for (const backup of backups) {
    const period = periodOf(backup);
    const kept = newest.get(period);
    if (!kept || backup.takenAt > kept.takenAt) newest.set(period, backup);
  }
  return [...newest.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .slice(0, count)
    .map(([, backup]) => backup.id);
}

/**
 * Which automatic backups the rotation keeps: the newest of each of the last `daily` days that
 * have one, and the newest of each of the last `weekly` weeks that have one (a week's newest is
 * often also a day's; it is kept once). Everything else may be deleted.
 */
export function backupsToKeep(
  backups: readonly DatedBackup[],
  policy: { daily: number; weekly: number } = {
    daily: backupDefaults.keepDaily,
    weekly: backupDefaults.keepWeekly,
  },
): Set<string> {
  return new Set([
    ...newestPerPeriod(backups, (b) => b.day, policy.daily),
    ...newestPerPeriod(backups, (b) => weekOf(b.day), policy.weekly),
  ]);
}

/** An instant as a file name can hold it: 20261125T100000123Z. */
export function stampOf(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}

/** A backup's id from the instant it was taken: maestro-20261125T100000123Z. */
export function backupIdAt(at: Date): string {
  return `maestro-${stampOf(at)}`;
}
