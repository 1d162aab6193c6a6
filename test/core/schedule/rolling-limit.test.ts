import { describe, expect, it } from 'vitest';
import {
  earliestWithinLimit,
  fitsRollingLimit,
  fullestWindowAround,
  sortTimes,
} from '../../../src-main/core/schedule/rolling-limit';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-01-14T00:00:00Z');

/** Times given as hours after T0. */
function hours(...offsets: number[]) {
  return sortTimes(offsets.map((h) => new Date(T0 + h * HOUR)));
}
const at = (h: number) => T0 + h * HOUR;

describe('fitsRollingLimit (limit 3 per 24 h in these cases)', () => {
  it('refuses a 4th post within 24 h of three others, accepts it once the first is 24 h old', () => {
    const times = hours(0, 1, 2);
    // At 3 h the window [0 h, 24 h) would hold 0, 1, 2 and the new one: 4.
    expect(fitsRollingLimit(times, at(3), 3, DAY)).toBe(false);
    expect(fitsRollingLimit(times, at(23), 3, DAY)).toBe(false);
    // At exactly 24 h the post at 0 h is a full window back: windows holding it hold 1 h, 2 h and itself.
    expect(fitsRollingLimit(times, at(24), 3, DAY)).toBe(true);
    expect(fullestWindowAround(times, at(24), DAY)).toBe(2);
  });

  it('also looks forward: a post before three others must be a window ahead of the last but one', () => {
    const times = hours(10, 11, 12);
    // At −11 h the window [−11 h, 13 h) holds all three. At −12 h, the window [−12 h, 12 h) holds 10 and 11,
    // and any later start drops −12 h itself; every window containing it holds at most 2 others.
    expect(fitsRollingLimit(times, at(-11), 3, DAY)).toBe(false);
    expect(fitsRollingLimit(times, at(-12), 3, DAY)).toBe(true);
  });

  it('counts only posts that share one window with the candidate, not everything within ±24 h', () => {
    const times = hours(0, 20, 40);
    // At 30 h: 0 h is more than a window back; [20 h, 44 h) holds 20, 40 and itself = 3 ≤ 3.
    expect(fitsRollingLimit(times, at(30), 3, DAY)).toBe(true);
    // With limit 2, at 10 h the window [0 h, 24 h) holds 0 and 20 and itself = 3 > 2.
    expect(fitsRollingLimit(times, at(10), 2, DAY)).toBe(false);
  });

  it('counts several posts at the same instant each', () => {
    const times = hours(0, 0, 0);
    expect(fitsRollingLimit(times, at(0), 3, DAY)).toBe(false);
    expect(fitsRollingLimit(times, at(24) - MINUTE, 3, DAY)).toBe(false);
    expect(fitsRollingLimit(times, at(24), 3, DAY)).toBe(true);
  });

  it('with no posts, anything fits a limit of at least 1', () => {
    expect(fitsRollingLimit(sortTimes([]), at(5), 1, DAY)).toBe(true);
    expect(fitsRollingLimit(sortTimes([]), at(5), 0, DAY)).toBe(false);
  });
});

describe('earliestWithinLimit', () => {
  it('returns the start itself when it fits', () => {
    expect(earliestWithinLimit(hours(0, 1), at(3), 3, DAY)).toBe(at(3));
  });

  it('waits until the oldest post of the full window is 24 h old', () => {
    expect(earliestWithinLimit(hours(0, 1, 2), at(3), 3, DAY)).toBe(at(24));
  });

  it('skips a moment that leaves one full window only to enter the next', () => {
    // Limit 2, posts at 0, 20, 40 h. At 24 h the 0 h post has left, but [20 h, 44 h) holds 20 and 40:
    // refused until 20 + 24 = 44 h, where the fullest window around it holds only 40 h.
    expect(earliestWithinLimit(hours(0, 20, 40), at(10), 2, DAY)).toBe(at(44));
  });

  it('Instagram: 50 posts ten minutes apart from 09:00Z; the 51st waits until 09:00Z the next day', () => {
    const start = Date.parse('2026-01-14T09:00:00Z');
    const times = sortTimes(Array.from({ length: 50 }, (_, k) => new Date(start + k * 10 * MINUTE)));
    expect(fitsRollingLimit(times, Date.parse('2026-01-15T08:59:00Z'), 50, DAY)).toBe(false);
    expect(earliestWithinLimit(times, Date.parse('2026-01-14T20:00:00Z'), 50, DAY)).toBe(
      Date.parse('2026-01-15T09:00:00Z'),
    );
  });

  it('a limit below 1 never fits', () => {
    expect(earliestWithinLimit(hours(0), at(1), 0, DAY)).toBeNull();
  });

  it('stays fast over a year of posts exactly at the limit', () => {
    // 3000 posts every 28.8 min: 1440 / 28.8 = 50 per 24 h, so every window is full. The first
    // instant that fits is a window after the 50th-last post: last − 49 × 28.8 min + 24 h = last + 28.8 min.
    const spacing = 28.8 * MINUTE;
    const times = sortTimes(Array.from({ length: 3000 }, (_, k) => new Date(T0 + k * spacing)));
    const last = T0 + 2999 * spacing;
    expect(fitsRollingLimit(times, T0 + 1500 * spacing + MINUTE, 50, DAY)).toBe(false);
    expect(earliestWithinLimit(times, T0 + MINUTE, 50, DAY)).toBe(last + spacing);
  });
});
