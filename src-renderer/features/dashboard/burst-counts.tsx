import type { BurstSummary } from '@contract';
import './dashboard.css';

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
