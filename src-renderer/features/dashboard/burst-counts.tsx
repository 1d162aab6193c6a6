import type { BurstSummary } from '@contract';
import './dashboard.css';

/** What a burst of each kind is called on screen. */
export function burstKindLabel(kind: BurstSummary['kind']): string {
  return { daily: 'daily burst', smart: 'burst now', optimize: 'draft ideas' }[kind];
}

/**
 * A burst in words: its counters while it runs, its closing sentence (with any shortfall, in
 * the warning colour) once it has ended.
 */
export function BurstOutcome({ burst, running }: { burst: BurstSummary; running: boolean }) {
  if (running) return <BurstCounts burst={burst} />;
  const short = burst.status === 'failed' || burst.shortfall > 0;
  return (
    <span className={short ? 'burst-failed' : undefined} data-burst-summary>
      {burst.summary}
    </span>
  );
}

/** A burst's counters in one line; used by the dashboard and the review queue's banner. */
export function BurstCounts({ burst }: { burst: BurstSummary }) {
  const counts = [
    ['planned', burst.planned],
    ['created', burst.created],
    ['accepted', burst.accepted],
    ['rejected', burst.rejected],
    ['need review', burst.needsReview],
  ] as const;
  return (
    <span className="burst-counts">
      {counts.map(([label, n]) => (
        <span key={label} data-count={label}>
          <strong>{n}</strong> {label}
        </span>
      ))}
      {burst.failedCalls > 0 && (
        <span className="burst-failed">
          <strong>{burst.failedCalls}</strong> failed calls
        </span>
      )}
    </span>
  );
}
