import { describe, expect, it } from 'vitest';
import {
  backupIdAt,
  backupsToKeep,
  weekOf,
  type DatedBackup,
} from '../../../src-main/core/backup/backup-rotation';

function dailyFrom(first: string, days: number, hour = '03'): DatedBackup[] {
  return Array.from({ length: days }, (_, i) => {
    const day = new Date(Date.parse(`${first}T00:00:00.000Z`) + i * 86_400_000).toISOString().slice(0, 10);
    return { id: day, day, takenAt: `${day}T${hour}:00:00.000Z` };
  });
}

describe('backup rotation: 7 daily and 4 weekly', () => {
  it('knows the Monday of a week', () => {
    expect(weekOf('2026-11-25')).toBe('2026-11-23'); // a Wednesday
    expect(weekOf('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(weekOf('2026-11-22')).toBe('2026-11-16'); // a Sunday
    expect(weekOf('2027-01-01')).toBe('2026-12-28'); // across the new year
  });

  it('keeps the last 7 days and the newest of the last 4 weeks: 9 of 56 daily backups', () => {
    const kept = backupsToKeep(dailyFrom('2026-10-01', 56)); // 1 October … 25 November
    expect([...kept].sort()).toEqual([
      '2026-11-08', // newest of the week of 2 November
      '2026-11-15', // of the week of 9 November
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22', // also the newest of the week of 16 November
      '2026-11-23',
      '2026-11-24',
      '2026-11-25', // also the newest of this week
    ]);
  });

  it('keeps one per day (the newest) and counts only days that have a backup', () => {
    const backups: DatedBackup[] = [
      ...dailyFrom('2026-11-01', 3), // 1–3 November
      { id: 'late', day: '2026-11-03', takenAt: '2026-11-03T23:00:00.000Z' },
      ...dailyFrom('2026-11-20', 2), // 20–21 November (the app was closed in between)
    ];
    expect([...backupsToKeep(backups)].sort()).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-20',
      '2026-11-21',
      'late',
    ]);
  });

  it('names a backup by the instant it was taken', () => {
    expect(backupIdAt(new Date('2026-11-25T10:00:00.123Z'))).toBe('maestro-20261125T100000123Z');
  });
});
