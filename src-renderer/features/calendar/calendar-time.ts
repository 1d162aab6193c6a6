import * as InstantFns from 'temporal-polyfill/fns/Instant';
import * as PlainDateTimeFns from 'temporal-polyfill/fns/PlainDateTime';

/**
 * Times on the calendar are the creator's wall-clock times in their IANA zone (from
 * `calendar.list`), not the browser's: a creator in Lisbon planning for Lisbon sees Lisbon hours
 * even from a laptop set to New York. Temporal does the zone arithmetic (the same polyfill the
 * calendar component uses), so daylight-saving changes are handled the way the core handles them.
 */

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

function zoned(iso: string, timeZone: string) {
  return InstantFns.toZonedDateTimeISO(InstantFns.fromEpochMilliseconds(Date.parse(iso)), timeZone);
}

const two = (n: number) => String(n).padStart(2, '0');

/** An instant as the value of an `<input type="datetime-local">` in `timeZone`: "2026-03-29T09:00". */
export function toWallTimeInput(iso: string, timeZone: string): string {
  const z = zoned(iso, timeZone);
  return `${String(z.year).padStart(4, '0')}-${two(z.month)}-${two(z.day)}T${two(z.hour)}:${two(z.minute)}`;
}

export type WallTimeResult = { ok: true; iso: string } | { ok: false; reason: string };

/**
 * A wall-clock time typed by the creator, read in `timeZone`. A time the clocks skip (the hour
 * lost when summer time starts) is refused with words rather than silently moved, so the creator
 * picks what they mean; a time that happens twice (the hour repeated in autumn) means the first.
 */
export function fromWallTimeInput(value: string, timeZone: string): WallTimeResult {
  const match = WALL_TIME.exec(value.trim());
  if (!match) return { ok: false, reason: 'Choose a date and a time.' };
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  let wall;
  try {
    wall = PlainDateTimeFns.create(year, month, day, hour, minute);
  } catch {
    return { ok: false, reason: `${value} is not a real date.` };
  }
  // 'earlier' is the first of a repeated time, or (for a skipped one) a time before the gap,
  // whose wall clock then differs from what was typed.
  const at = PlainDateTimeFns.toZonedDateTime(wall, timeZone, { disambiguation: 'earlier' });
  const iso = new Date(at.epochMilliseconds).toISOString();
  if (toWallTimeInput(iso, timeZone) !== value.trim()) {
    return {
      ok: false,
      reason: `${value.trim().replace('T', ' ')} does not exist in ${timeZone}: the clocks skip that hour. Pick a time after the change.`,
    };
  }
  return { ok: true, iso };
}

/** "Sun 29 Mar 2026, 09:00" in the creator's zone. */
export function formatInZone(iso: string, timeZone: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** "Europe/Lisbon, UTC+1" at that instant (the offset changes with daylight saving). */
export function describeZone(timeZone: string, at: Date = new Date()): string {
  const offset = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')?.value;
  // ICU writes a zero offset as "GMT" or "GMT+0" depending on the version.
  const utc = !offset || /^(GMT|UTC)([+-]0(:00)?)?$/.test(offset) ? 'UTC' : offset.replace('GMT', 'UTC');
  return `${timeZone}, ${utc}`;
}
