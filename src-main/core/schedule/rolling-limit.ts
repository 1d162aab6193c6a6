/**
 * A rolling limit such as Instagram's 50 posts per 24 h: a new post fits when every window of
 * that length containing it holds at most `limit` posts, itself included. Windows are half-open,
 * so two posts share a window when they are less than `windowMs` apart; a post exactly 24 h after
 * another no longer counts it.
 */

/** Instants in ms, ascending. Built once per decision by `sortTimes`, then searched. */
export type SortedTimes = readonly number[] & { readonly __sortedAscending: true };

export function sortTimes(times: readonly Date[]): SortedTimes {
  return times.map((t) => t.getTime()).sort((a, b) => a - b) as unknown as SortedTimes;
}

/** Index of the first time ≥ value (times.length when none). */
function firstAtOrAfter(times: SortedTimes, value: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (times[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The most existing posts in any one window that would also contain `candidate`. Windows
 * [x, x + window) contain the candidate for x in (candidate − window, candidate]; the fullest of
 * them can be slid right until it starts at a post or at the candidate without losing a post, so
 * only those starts are counted. Cost: two binary searches per post within one window before it.
 */
export function fullestWindowAround(times: SortedTimes, candidate: number, windowMs: number): number {
  const countFrom = (start: number) => firstAtOrAfter(times, start + windowMs) - firstAtOrAfter(times, start);
  let fullest = countFrom(candidate);
  for (let i = firstAtOrAfter(times, candidate - windowMs + 1); i < times.length; i++) {
    const start = times[i]!;
    if (start > candidate) break;
    fullest = Math.max(fullest, countFrom(start));
  }
  return fullest;
}

/** True when a post at `candidate` keeps every window containing it at or under `limit`. */
export function fitsRollingLimit(
  times: SortedTimes,
  candidate: number,
  limit: number,
  windowMs: number,
): boolean {
  return fullestWindowAround(times, candidate, windowMs) + 1 <= limit;
}

/**
 * The earliest instant at or after `from` where a post fits. A post is refused exactly while it
 * sits between a full window's first post (less one window) and its last post (plus one window),
 * so the refusals end at some post's time + window: only those instants need trying.
 * Null when `limit` is below 1, which nothing can satisfy.
 */
export function earliestWithinLimit(
  times: SortedTimes,
  from: number,
  limit: number,
  windowMs: number,
): number | null {
  if (limit < 1) return null;
  if (fitsRollingLimit(times, from, limit, windowMs)) return from;
  for (let i = firstAtOrAfter(times, from - windowMs + 1); i < times.length; i++) {
    if (times[i] === times[i - 1]) continue;
    const candidate = times[i]! + windowMs;
    if (fitsRollingLimit(times, candidate, limit, windowMs)) return candidate;
  }
  // Not reached: one window after the last post, no window around the candidate holds a post.
  return times[times.length - 1]! + windowMs;
}
