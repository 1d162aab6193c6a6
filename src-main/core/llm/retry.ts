import type { Random } from '../ports/random';

/** Waiting between attempts goes through this, so tests record the waits instead of sleeping. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

interface HeaderBag {
  get(name: string): string | null;
}

/**
 * How long the server asked us to wait, in ms: `retry-after-ms` (OpenAI's), else
 * `Retry-After` as seconds or as an HTTP date (measured against the injected clock).
 * Undefined when absent or unreadable.
 */
export function parseRetryAfterMs(headers: HeaderBag | null | undefined, now: Date): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Math.ceil(Number(ms));
  const value = headers.get('retry-after');
  if (value === null || !value.trim()) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now.getTime());
}

export interface BackoffPolicy {
  backoffBaseMs: number;
  backoffMaxMs: number;
}

/**
 * The wait before retry number `retry` (1 = the first retry): base × 2^(retry − 1), capped,
 * then jittered over its upper half so that parallel callers do not retry in lockstep.
 */
export function backoffDelayMs(retry: number, random: Random, policy: BackoffPolicy): number {
  const ceiling = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + random.next() * (ceiling / 2));
}
