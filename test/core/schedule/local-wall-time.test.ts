import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/core/contract/errors';
import {
  addDays,
  describeWallTime,
  wallTimeOf,
  zonedInstant,
} from '../../../src-main/core/schedule/local-wall-time';

const LISBON = 'Europe/Lisbon';
const NEW_YORK = 'America/New_York';

function instant(date: string, time: string, timeZone: string): { at: string; shifted: string } {
  const { at, shifted } = zonedInstant(date, time, timeZone);
  return { at: at.toISOString(), shifted };
}

describe('zonedInstant on ordinary days', () => {
  it('Lisbon is UTC+0 in winter (WET) and UTC+1 in summer (WEST)', () => {
    expect(instant('2026-01-15', '08:00', LISBON)).toEqual({
      at: '2026-01-15T08:00:00.000Z',
      shifted: 'none',
    });
    expect(instant('2026-07-15', '08:00', LISBON)).toEqual({
      at: '2026-07-15T07:00:00.000Z',
      shifted: 'none',
    });
  });

  it('New York is UTC−5 in winter (EST) and UTC−4 in summer (EDT); late evening is the next UTC day', () => {
    expect(instant('2026-01-15', '08:00', NEW_YORK)).toEqual({
      at: '2026-01-15T13:00:00.000Z',
      shifted: 'none',
    });
    expect(instant('2026-07-15', '08:00', NEW_YORK)).toEqual({
      at: '2026-07-15T12:00:00.000Z',
      shifted: 'none',
    });
    expect(instant('2026-01-15', '21:30', NEW_YORK)).toEqual({
      at: '2026-01-16T02:30:00.000Z',
      shifted: 'none',
    });
  });
});

describe('zonedInstant across the 2026 spring-forward gaps', () => {
  // Lisbon, 29 March: at 01:00Z the clock jumps from 01:00 WET to 02:00 WEST; 01:00–01:59 never happens.
  it('Lisbon: 00:59 is the last minute before the jump; 01:00 and 01:30 move to 02:00 WEST = 01:00Z', () => {
    expect(instant('2026-03-29', '00:59', LISBON)).toEqual({
      at: '2026-03-29T00:59:00.000Z',
      shifted: 'none',
    });
    expect(instant('2026-03-29', '01:00', LISBON)).toEqual({
      at: '2026-03-29T01:00:00.000Z',
      shifted: 'skipped-forward',
    });
    expect(instant('2026-03-29', '01:30', LISBON)).toEqual({
      at: '2026-03-29T01:00:00.000Z',
      shifted: 'skipped-forward',
    });
    expect(instant('2026-03-29', '02:00', LISBON)).toEqual({
      at: '2026-03-29T01:00:00.000Z',
      shifted: 'none',
    });
    expect(instant('2026-03-29', '03:00', LISBON)).toEqual({
      at: '2026-03-29T02:00:00.000Z',
      shifted: 'none',
    });
  });

  // New York, 8 March: at 07:00Z the clock jumps from 02:00 EST to 03:00 EDT.
  it('New York: 02:30 moves to 03:00 EDT = 07:00Z; 01:59 EST = 06:59Z is untouched', () => {
    expect(instant('2026-03-08', '01:59', NEW_YORK)).toEqual({
      at: '2026-03-08T06:59:00.000Z',
      shifted: 'none',
    });
    expect(instant('2026-03-08', '02:30', NEW_YORK)).toEqual({
      at: '2026-03-08T07:00:00.000Z',
      shifted: 'skipped-forward',
    });
    expect(instant('2026-03-08', '03:00', NEW_YORK)).toEqual({
      at: '2026-03-08T07:00:00.000Z',
      shifted: 'none',
    });
  });
});

describe('zonedInstant across the 2026 fall-back overlaps: the first occurrence', () => {
  // Lisbon, 25 October: at 01:00Z the clock goes from 02:00 WEST back to 01:00 WET; 01:00–01:59 happens twice.
  it('Lisbon: 01:30 is 01:30 WEST = 00:30Z, not 01:30 WET = 01:30Z', () => {
    expect(instant('2026-10-25', '00:30', LISBON)).toEqual({
      at: '2026-10-24T23:30:00.000Z',
      shifted: 'none',
    });
    expect(instant('2026-10-25', '01:00', LISBON)).toEqual({
      at: '2026-10-25T00:00:00.000Z',
      shifted: 'none',
    });
    expect(instant('2026-10-25', '01:30', LISBON)).toEqual({
      at: '2026-10-25T00:30:00.000Z',
      shifted: 'none',
    });
    expect(instant('2026-10-25', '02:00', LISBON)).toEqual({
      at: '2026-10-25T02:00:00.000Z',
      shifted: 'none',
    });
  });

  // New York, 1 November: at 06:00Z the clock goes from 02:00 EDT back to 01:00 EST.
  it('New York: 01:30 is 01:30 EDT = 05:30Z, not 01:30 EST = 06:30Z; 02:00 is EST = 07:00Z', () => {
    expect(instant('2026-11-01', '01:30', NEW_YORK)).toEqual({
      at: '2026-11-01T05:30:00.000Z',
      shifted: 'none',
    });
    expect(instant('2026-11-01', '02:00', NEW_YORK)).toEqual({
      at: '2026-11-01T07:00:00.000Z',
      shifted: 'none',
    });
  });
});

describe('zonedInstant input', () => {
  it.each([
    ['2026-02-30', '08:00'],
    ['2026-13-01', '08:00'],
    ['2026-1-15', '08:00'],
    ['2026-01-15', '24:00'],
    ['2026-01-15', '08:60'],
    ['2026-01-15', '8:00'],
  ])('refuses %s %s as invalid input', (date, time) => {
    expect(() => zonedInstant(date, time, LISBON)).toThrow(AppError);
  });
});

describe('wall time of an instant', () => {
  it('reads the zone clock, including both sides of a fall-back', () => {
    // 00:30Z and 01:30Z on 25 Oct are both 01:30 in Lisbon (WEST, then WET).
    expect(wallTimeOf(new Date('2026-10-25T00:30:00Z'), LISBON)).toEqual({
      date: '2026-10-25',
      time: '01:30',
      weekday: 0,
    });
    expect(wallTimeOf(new Date('2026-10-25T01:30:00Z'), LISBON).time).toBe('01:30');
    // 02:30Z on 16 Jan is 21:30 EST on Thursday 15 Jan.
    expect(wallTimeOf(new Date('2026-01-16T02:30:00Z'), NEW_YORK)).toEqual({
      date: '2026-01-15',
      time: '21:30',
      weekday: 4,
    });
  });

  it('describes an instant for a sentence in the creator zone', () => {
    // 1 Dec 2026 is a Tuesday (1 Jan 2026 is a Thursday, 334 days earlier: 334 mod 7 = 5).
    expect(describeWallTime(new Date('2026-12-01T16:00:00Z'), LISBON)).toBe('Tue 1 Dec 16:00');
    expect(describeWallTime(new Date('2026-12-01T16:00:00Z'), NEW_YORK)).toBe('Tue 1 Dec 11:00');
    expect(describeWallTime(new Date('2026-09-04T07:05:00Z'), LISBON)).toBe('Fri 4 Sep 08:05');
  });

  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
