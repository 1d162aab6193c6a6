import * as InstantFns from 'temporal-polyfill/fns/Instant';
import * as PlainDateTimeFns from 'temporal-polyfill/fns/PlainDateTime';

export interface AgendaMonth {
  year: number;
  /** 1–12 */
  month: number;
}

function startOf(year: number, month: number, timeZone: string): string {
  const at = PlainDateTimeFns.toZonedDateTime(PlainDateTimeFns.create(year, month, 1, 0, 0), timeZone, {
    disambiguation: 'earlier',
  });
  return new Date(at.epochMilliseconds).toISOString();
}

/** The month as [from, to) instants: from its first midnight to the next month's, in the zone. */
export function monthRange({ year, month }: AgendaMonth, timeZone: string): { from: string; to: string } {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return { from: startOf(year, month, timeZone), to: startOf(next.year, next.month, timeZone) };
}

export function shiftMonth({ year, month }: AgendaMonth, by: number): AgendaMonth {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The month holding an instant, in the zone. */
export function monthOf(iso: string, timeZone: string): AgendaMonth {
  const z = InstantFns.toZonedDateTimeISO(InstantFns.fromEpochMilliseconds(Date.parse(iso)), timeZone);
  return { year: z.year, month: z.month };
}

/** The local calendar day of an instant, YYYY-MM-DD: the agenda's grouping key. */
export function dayKey(iso: string, timeZone: string): string {
  const z = InstantFns.toZonedDateTimeISO(InstantFns.fromEpochMilliseconds(Date.parse(iso)), timeZone);
  return `${z.year}-${String(z.month).padStart(2, '0')}-${String(z.day).padStart(2, '0')}`;
}
