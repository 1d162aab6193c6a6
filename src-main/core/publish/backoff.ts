import { zonedInstant, addDays, wallTimeOf } from '../schedule/local-wall-time';
import type { Random } from '../ports/random';
import { publishDefaults } from './defaults';

/**
 * When to try again after a rate limit, a transient error or no network: base × 2^(attempt−1),
 * capped, spread by ± jitter so several brands hitting the same limit do not come back together.
 */
export function backoffDelayMs(attempt: number, random: Random): number {
  const raw = Math.min(
    publishDefaults.backoffMaxMs,
    publishDefaults.backoffBaseMs * 2 ** Math.max(0, attempt - 1),
  );
  const spread = 1 + publishDefaults.backoffJitter * (2 * random.next() - 1);
  return Math.round(raw * spread);
}

/** YouTube's daily quota resets at midnight Pacific time (DST included): the next such midnight. */
export function nextPacificMidnight(now: Date): Date {
  const zone = 'America/Los_Angeles';
  const today = wallTimeOf(now, zone).date;
  return zonedInstant(addDays(today, 1), '00:00', zone).at;
}
