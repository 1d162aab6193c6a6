/** Time comes from here so tests can move it instead of sleeping. */
export interface Clock {
  now(): Date;
}

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
