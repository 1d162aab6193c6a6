import { describe, expect, it } from 'vitest';
import {
  describeZone,
  formatInZone,
  fromWallTimeInput,
  toWallTimeInput,
} from '../../../src-renderer/features/calendar/calendar-time';

// Europe/Lisbon: WET (UTC+0) in winter, WEST (UTC+1) in summer. In 2026 the clocks go forward
// at 01:00 UTC on 29 March (01:00 → 02:00 local) and back at 01:00 UTC on 25 October (02:00 → 01:00).
describe('wall times in the creator’s zone', () => {
  it('shows an instant as the zone’s wall clock, not the browser’s', () => {
    expect(toWallTimeInput('2026-07-01T08:00:00.000Z', 'Europe/Lisbon')).toBe('2026-07-01T09:00');
    expect(toWallTimeInput('2026-07-01T08:00:00.000Z', 'America/New_York')).toBe('2026-07-01T04:00');
    expect(toWallTimeInput('2026-01-15T08:00:00.000Z', 'Europe/Lisbon')).toBe('2026-01-15T08:00');
  });

  it('reads a typed wall time in the zone, on both sides of a change', () => {
    expect(fromWallTimeInput('2026-03-28T09:00', 'Europe/Lisbon')).toEqual({
      ok: true,
      iso: '2026-03-28T09:00:00.000Z',
    });
    expect(fromWallTimeInput('2026-03-29T09:00', 'Europe/Lisbon')).toEqual({
      ok: true,
      iso: '2026-03-29T08:00:00.000Z',
    });
    // New York changes on 8 March 2026: 09:00 EDT is 13:00 UTC.
    expect(fromWallTimeInput('2026-03-08T09:00', 'America/New_York')).toEqual({
      ok: true,
      iso: '2026-03-08T13:00:00.000Z',
    });
  });

  it('refuses a time the clocks skip, in words', () => {
    const result = fromWallTimeInput('2026-03-29T01:30', 'Europe/Lisbon');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/does not exist in Europe\/Lisbon/);
    expect(fromWallTimeInput('2026-03-08T02:30', 'America/New_York').ok).toBe(false);
  });

  it('takes the first of a repeated time', () => {
    // 01:30 happens at 00:30 UTC (WEST) and again at 01:30 UTC (WET).
    expect(fromWallTimeInput('2026-10-25T01:30', 'Europe/Lisbon')).toEqual({
      ok: true,
      iso: '2026-10-25T00:30:00.000Z',
    });
  });

  it('refuses what is not a date and time', () => {
    expect(fromWallTimeInput('', 'Europe/Lisbon')).toEqual({
      ok: false,
      reason: 'Choose a date and a time.',
    });
    expect(fromWallTimeInput('2026-02-31T09:00', 'Europe/Lisbon').ok).toBe(false);
  });

  it('round-trips every quarter hour of a change day', () => {
    for (let minutes = 0; minutes < 26 * 60; minutes += 15) {
      const iso = new Date(Date.UTC(2026, 9, 24, 23, 0) + minutes * 60_000).toISOString();
      const wall = toWallTimeInput(iso, 'Europe/Lisbon');
      const back = fromWallTimeInput(wall, 'Europe/Lisbon');
      expect(back.ok).toBe(true);
      // The repeated hour reads back as its first occurrence, an hour earlier.
      if (back.ok) expect([iso, new Date(Date.parse(iso) - 3_600_000).toISOString()]).toContain(back.iso);
    }
  });

  it('formats and names the zone with its offset at that instant', () => {
    expect(formatInZone('2026-07-01T08:00:00.000Z', 'Europe/Lisbon', 'en-GB')).toBe('Wed, 1 Jul 2026, 09:00');
    expect(describeZone('Europe/Lisbon', new Date('2026-07-01T08:00:00Z'))).toBe('Europe/Lisbon, UTC+1');
    expect(describeZone('Europe/Lisbon', new Date('2026-01-01T08:00:00Z'))).toBe('Europe/Lisbon, UTC');
  });
});
