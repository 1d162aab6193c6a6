import { localDay, localMinutes } from '../maestro/local-time';
import { DAY_MS } from '../ports/clock';

/** The weekly selection: Sunday 02:00 in the creator's time zone (reference 4.3). */
export const evolutionTime = { weekday: 0, minutes: 2 * 60 } as const;

/**
 * The week whose evolution is due at `now`: the local date of the latest Sunday 02:00 at or
 * before `now`. A Monday catch-up after a weekend with the app closed is still last Sunday's run;
 * Sunday 01:59 still belongs to the week before.
 */
export function evolutionWeek(now: Date, timeZone: string): string {
  const today = localDay(now, timeZone);
  const midnight = Date.parse(`${today}T00:00:00Z`);
  const weekday = new Date(midnight).getUTCDay();
  let back = (weekday - evolutionTime.weekday + 7) % 7;
  if (back === 0 && localMinutes(now, timeZone) < evolutionTime.minutes) back = 7;
  return new Date(midnight - back * DAY_MS).toISOString().slice(0, 10);
}
