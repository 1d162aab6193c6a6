/** Calendar facts in a time zone, from the tz database via Intl (DST included). */

function parts(date: Date, timeZone: string): Record<string, string> {
  const formatted = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  return Object.fromEntries(formatted.map((p) => [p.type, p.value]));
}

/** The local calendar day, YYYY-MM-DD. */
export function localDay(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Minutes since local midnight. */
export function localMinutes(date: Date, timeZone: string): number {
  const p = parts(date, timeZone);
  return Number(p.hour) * 60 + Number(p.minute);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** "12:00" → 720. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** Whole days since 1970-01-01 for a local day: rotates who writes what from day to day. */
export function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
}

/**
 * The daily burst is due when Maestro runs, today's burst has not run, and the local time has
 * reached the burst time. After a restart past that time it is due at once (catch-up).
 */
export function isDailyBurstDue(input: {
  now: Date;
  timeZone: string;
  burstTime: string;
  lastDailyRunDay: string | null;
  paused: boolean;
}): boolean {
  if (input.paused) return false;
  const today = localDay(input.now, input.timeZone);
  if (input.lastDailyRunDay !== null && input.lastDailyRunDay >= today) return false;
  return localMinutes(input.now, input.timeZone) >= minutesOf(input.burstTime);
}
