import { AppError } from '../contract/errors';
import { DAY_MS, MINUTE_MS } from '../ports/clock';

/**
 * Wall-clock time in an IANA time zone ↔ UTC instants, from the tz database via Intl (DST
 * included). Pure: the same inputs always give the same answer.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's wall clock at `instantMs`, written as if it were a UTC timestamp (whole seconds). */
function wallClockMs(instantMs: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return Date.UTC(fields.year!, fields.month! - 1, fields.day!, fields.hour!, fields.minute!, fields.second!);
}

/** How far the zone's wall clock is ahead of UTC at that instant (negative west of Greenwich). */
function offsetMs(instantMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return wallClockMs(wholeSecond, timeZone) - wholeSecond;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/** 'YYYY-MM-DD' + 'HH:MM' as if UTC; refuses a day or time that is not on the calendar. */
function naiveMs(date: string, time: string): number {
  const d = DATE_PATTERN.exec(date);
  const t = TIME_PATTERN.exec(time);
  if (!d) throw new AppError('invalid_input', `"${date}" is not a date written YYYY-MM-DD`);
  if (!t) throw new AppError('invalid_input', `"${time}" is not a time written HH:MM`);
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Date.UTC(year, month - 1, day, hour, minute);
  // Date.UTC rolls 31 April over to 1 May and 24:00 to the next day; a round trip catches both.
  if (new Date(ms).toISOString().slice(0, 10) !== date || hour > 23 || minute > 59) {
    throw new AppError('invalid_input', `${date} ${time} is not a real day and time`);
  }
  return ms;
}

export type WallTimeShift = 'none' | 'skipped-forward';

/**
 * The instant a wall-clock time names in a zone. A time that does not exist (the clocks jumped
 * over it) moves to the first minute that does: the moment of the jump, e.g. 01:30 in Lisbon on
 * 29 March 2026 (01:00 → 02:00) is 02:00 local = 01:00Z. A time that happens twice (the clocks
 * went back) is its first occurrence; the second is never returned, so a slot in a repeated hour
 * is used once.
 */
export function zonedInstant(
  date: string,
  time: string,
  timeZone: string,
): { at: Date; shifted: WallTimeShift } {
  const wall = naiveMs(date, time);
  // A transition that touches this wall time lies within its own size (hours) of it, so the
  // offsets a day either side are the only ones the answer can use (no zone changes twice a day).
  const offsets = new Set([
    offsetMs(wall - DAY_MS, timeZone),
    offsetMs(wall, timeZone),
    offsetMs(wall + DAY_MS, timeZone),
  ]);
  const matches = [...offsets]
    .map((offset) => wall - offset)
    .filter((t) => wallClockMs(t, timeZone) === wall);
  if (matches.length > 0) return { at: new Date(Math.min(...matches)), shifted: 'none' };

  // In the gap: the wall clock reads before `wall` at `low` and after it at `high`; the jump is
  // the first minute in between whose reading is past `wall`.
  let low = wall - Math.max(...offsets);
  let high = wall - Math.min(...offsets);
  while (high - low > MINUTE_MS) {
    const mid = low + Math.floor((high - low) / MINUTE_MS / 2) * MINUTE_MS;
    if (wallClockMs(mid, timeZone) > wall) high = mid;
    else low = mid;
  }
  return { at: new Date(high), shifted: 'skipped-forward' };
}

export interface WallTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

/** What a clock in the zone shows at that instant. */
export function wallTimeOf(at: Date, timeZone: string): WallTime {
  const iso = new Date(wallClockMs(at.getTime(), timeZone)).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16), weekday: new Date(iso).getUTCDay() };
}

/** The calendar day `days` after a YYYY-MM-DD day (negative goes back). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "Tue 3 Dec 16:00" in the creator's zone, for sentences on the schedule. Spelled out here
 * rather than by Intl so the wording does not change with the ICU version (en-GB now says "Sept").
 */
export function describeWallTime(at: Date, timeZone: string): string {
  const { date, time, weekday } = wallTimeOf(at, timeZone);
  return `${WEEKDAYS[weekday]} ${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${time}`;
}
