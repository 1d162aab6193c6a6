import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/core/contract/errors';
import { slotCandidates, slotsBetween, type SlotCandidate } from '../../../src-main/core/schedule/slot-grid';

const LISBON = 'Europe/Lisbon';
const NEW_YORK = 'America/New_York';

/** "HH:MM variant @ ISO-UTC", with "(moved)" when a skipped hour moved the slot. */
function show(slots: SlotCandidate[]): string[] {
  return slots.map(
    (s) => `${s.wallTime} ${s.variant} @ ${s.at.toISOString()}${s.shifted === 'none' ? '' : ' (moved)'}`,
  );
}

describe('reel slots on ordinary days', () => {
  it('Lisbon in winter, offset 1: light 01/09/17, dark 05/13/21, local = UTC', () => {
    expect(show(slotCandidates('2026-01-15', LISBON, 1, 'reel'))).toEqual([
      '01:00 light @ 2026-01-15T01:00:00.000Z',
      '05:00 dark @ 2026-01-15T05:00:00.000Z',
      '09:00 light @ 2026-01-15T09:00:00.000Z',
      '13:00 dark @ 2026-01-15T13:00:00.000Z',
      '17:00 light @ 2026-01-15T17:00:00.000Z',
      '21:00 dark @ 2026-01-15T21:00:00.000Z',
    ]);
  });

  it('Lisbon in summer, offset 1: the same wall hours, one hour earlier in UTC (WEST)', () => {
    expect(show(slotCandidates('2026-07-15', LISBON, 1, 'reel'))).toEqual([
      '01:00 light @ 2026-07-15T00:00:00.000Z',
      '05:00 dark @ 2026-07-15T04:00:00.000Z',
      '09:00 light @ 2026-07-15T08:00:00.000Z',
      '13:00 dark @ 2026-07-15T12:00:00.000Z',
      '17:00 light @ 2026-07-15T16:00:00.000Z',
      '21:00 dark @ 2026-07-15T20:00:00.000Z',
    ]);
  });

  it('New York in winter, offset 0: EST is UTC−5, so 20:00 is 01:00Z the next day', () => {
    expect(show(slotCandidates('2026-01-15', NEW_YORK, 0, 'reel'))).toEqual([
      '00:00 light @ 2026-01-15T05:00:00.000Z',
      '04:00 dark @ 2026-01-15T09:00:00.000Z',
      '08:00 light @ 2026-01-15T13:00:00.000Z',
      '12:00 dark @ 2026-01-15T17:00:00.000Z',
      '16:00 light @ 2026-01-15T21:00:00.000Z',
      '20:00 dark @ 2026-01-16T01:00:00.000Z',
    ]);
  });

  it('offset 21 wraps past midnight and is sorted: dark 01:00 comes first, light 21:00 last', () => {
    // Base order after the shift would be 21 L, 01 D, 05 L, 09 D, 13 L, 17 D (the original's order).
    expect(show(slotCandidates('2026-01-15', LISBON, 21, 'reel'))).toEqual([
      '01:00 dark @ 2026-01-15T01:00:00.000Z',
      '05:00 light @ 2026-01-15T05:00:00.000Z',
      '09:00 dark @ 2026-01-15T09:00:00.000Z',
      '13:00 light @ 2026-01-15T13:00:00.000Z',
      '17:00 dark @ 2026-01-15T17:00:00.000Z',
      '21:00 light @ 2026-01-15T21:00:00.000Z',
    ]);
  });
});

describe('post slots', () => {
  it('08:00 and 14:00 plus the offset, in the creator zone', () => {
    expect(show(slotCandidates('2026-01-15', LISBON, 1, 'post'))).toEqual([
      '09:00 post @ 2026-01-15T09:00:00.000Z',
      '15:00 post @ 2026-01-15T15:00:00.000Z',
    ]);
    expect(show(slotCandidates('2026-01-15', NEW_YORK, 0, 'post'))).toEqual([
      '08:00 post @ 2026-01-15T13:00:00.000Z',
      '14:00 post @ 2026-01-15T19:00:00.000Z',
    ]);
  });

  it('offset 17 wraps 08:00 to 01:00, which sorts before 14:00 → 07:00', () => {
    expect(show(slotCandidates('2026-01-15', LISBON, 17, 'post'))).toEqual([
      '01:00 post @ 2026-01-15T01:00:00.000Z',
      '07:00 post @ 2026-01-15T07:00:00.000Z',
    ]);
  });
});

describe('slots across the spring-forward gap move to the next valid minute', () => {
  it('Lisbon 29 Mar, offset 1: 01:00 does not exist and becomes 02:00 WEST = 01:00Z', () => {
    expect(show(slotCandidates('2026-03-29', LISBON, 1, 'reel'))).toEqual([
      '01:00 light @ 2026-03-29T01:00:00.000Z (moved)',
      '05:00 dark @ 2026-03-29T04:00:00.000Z',
      '09:00 light @ 2026-03-29T08:00:00.000Z',
      '13:00 dark @ 2026-03-29T12:00:00.000Z',
      '17:00 light @ 2026-03-29T16:00:00.000Z',
      '21:00 dark @ 2026-03-29T20:00:00.000Z',
    ]);
    // Posts with offset 17: 08 → 01:00 (skipped, → 01:00Z); 14 → 07:00 WEST = 06:00Z.
    expect(show(slotCandidates('2026-03-29', LISBON, 17, 'post'))).toEqual([
      '01:00 post @ 2026-03-29T01:00:00.000Z (moved)',
      '07:00 post @ 2026-03-29T06:00:00.000Z',
    ]);
  });

  it('New York 8 Mar, offset 2: 02:00 does not exist and becomes 03:00 EDT = 07:00Z', () => {
    expect(show(slotCandidates('2026-03-08', NEW_YORK, 2, 'reel'))).toEqual([
      '02:00 light @ 2026-03-08T07:00:00.000Z (moved)',
      '06:00 dark @ 2026-03-08T10:00:00.000Z',
      '10:00 light @ 2026-03-08T14:00:00.000Z',
      '14:00 dark @ 2026-03-08T18:00:00.000Z',
      '18:00 light @ 2026-03-08T22:00:00.000Z',
      '22:00 dark @ 2026-03-09T02:00:00.000Z',
    ]);
  });
});

describe('slots across the fall-back overlap are used once, at the first occurrence', () => {
  it('Lisbon 25 Oct, offset 1: 01:00 is 01:00 WEST = 00:00Z; 01:00 WET = 01:00Z is never a slot', () => {
    const slots = slotCandidates('2026-10-25', LISBON, 1, 'reel');
    expect(show(slots)).toEqual([
      '01:00 light @ 2026-10-25T00:00:00.000Z',
      '05:00 dark @ 2026-10-25T05:00:00.000Z',
      '09:00 light @ 2026-10-25T09:00:00.000Z',
      '13:00 dark @ 2026-10-25T13:00:00.000Z',
      '17:00 light @ 2026-10-25T17:00:00.000Z',
      '21:00 dark @ 2026-10-25T21:00:00.000Z',
    ]);
    expect(slots.map((s) => s.at.toISOString())).not.toContain('2026-10-25T01:00:00.000Z');
  });

  it('New York 1 Nov, offset 1: 01:00 is 01:00 EDT = 05:00Z, not 01:00 EST = 06:00Z', () => {
    expect(show(slotCandidates('2026-11-01', NEW_YORK, 1, 'reel'))).toEqual([
      '01:00 light @ 2026-11-01T05:00:00.000Z',
      '05:00 dark @ 2026-11-01T10:00:00.000Z',
      '09:00 light @ 2026-11-01T14:00:00.000Z',
      '13:00 dark @ 2026-11-01T18:00:00.000Z',
      '17:00 light @ 2026-11-01T22:00:00.000Z',
      '21:00 dark @ 2026-11-02T02:00:00.000Z',
    ]);
    // Posts with offset 17: 08 → 01:00 EDT = 05:00Z; 14 → 07:00 EST = 12:00Z.
    expect(show(slotCandidates('2026-11-01', NEW_YORK, 17, 'post'))).toEqual([
      '01:00 post @ 2026-11-01T05:00:00.000Z',
      '07:00 post @ 2026-11-01T12:00:00.000Z',
    ]);
  });
});

describe('slots between two instants', () => {
  it('takes slots strictly after the start and up to the end inclusive, across local days', () => {
    // New York, offset 0: 2026-01-15 16:00 EST = 21:00Z (excluded, equal to the start),
    // 20:00 EST = 01:00Z, then 16 Jan 00:00 EST = 05:00Z (= the end, included).
    expect(
      show(
        slotsBetween(new Date('2026-01-15T21:00:00Z'), new Date('2026-01-16T05:00:00Z'), NEW_YORK, 0, 'reel'),
      ),
    ).toEqual(['20:00 dark @ 2026-01-16T01:00:00.000Z', '00:00 light @ 2026-01-16T05:00:00.000Z']);
  });

  it('refuses an offset that is not a whole hour from 0 to 23', () => {
    expect(() => slotCandidates('2026-01-15', LISBON, 24, 'reel')).toThrow(AppError);
    expect(() => slotCandidates('2026-01-15', LISBON, 1.5, 'post')).toThrow(AppError);
  });
});
