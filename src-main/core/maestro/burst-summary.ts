import type { BurstKind } from '../contract/maestro';
import { plural } from '../wording';

export interface BurstCounts {
  kind: BurstKind;
  status: 'running' | 'completed' | 'failed';
  planned: number;
  created: number;
  accepted: number;
  rejected: number;
  needsReview: number;
  failedCalls: number;
  shortfall: number;
  brandErrors: Readonly<Record<string, string>>;
  error: string | null;
}

/** Who will fill a shortfall: a daily burst still has catch-ups left today; otherwise the creator. */
export type ShortfallRetry = 'catch-up' | 'burst-now';

/**
 * One sentence saying how a burst went, the shortfall first when there is one:
 * "6 of 16 written; 10 failed calls; the next catch-up retries them." Pure, so the summary the
 * dashboard shows and the activity log records is the same and is tested by hand.
 */
export function describeBurst(burst: BurstCounts, retry: ShortfallRetry): string {
  const written = Math.max(0, burst.planned - burst.shortfall);
  const noun = burst.kind === 'optimize' ? 'drafted' : 'written';
  const parts: string[] = [`${written} of ${burst.planned} ${noun}`];
  if (burst.kind !== 'optimize' && burst.created > 0) {
    parts[0] += `: ${burst.accepted} accepted, ${burst.rejected} rejected, ${burst.needsReview} for you to review`;
  }
  if (burst.failedCalls > 0) parts.push(plural(burst.failedCalls, 'failed call'));
  for (const [brand, why] of Object.entries(burst.brandErrors)) parts.push(`${brand} failed: ${why}`);
  if (burst.error) parts.push(`stopped: ${burst.error}`);
  if (burst.status !== 'running' && burst.shortfall > 0) {
    parts.push(
      burst.kind === 'optimize'
        ? 'run it again for the rest'
        : retry === 'catch-up'
          ? 'the next catch-up retries them'
          : '“Burst now” retries them',
    );
  }
  return `${parts.join('; ')}.`;
}
