/** Time comes from here so tests can move it instead of sleeping. */
export interface Clock {
  now(): Date;
}

/** Durations in milliseconds, for arithmetic on the clock's dates. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export const systemClock: Clock = { now: () => new Date() };

/** The one timestamp convention of the store: UTC ISO-8601 with milliseconds, sortable as text. */
export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}

/** A clock tests can set and advance by hand. */
export function manualClock(
  start: Date | string,
): Clock & { set(d: Date | string): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (d) => {
      current = new Date(d);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/**
 * Real time moved to start at `start` (it keeps running at real speed): the headless server's
 * `--clock-start`, so a demo or a browser test can stand just before a slot and watch it publish.
 */
export function offsetClock(start: Date, real: Clock = systemClock): Clock {
  const offset = start.getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offset) };
}
