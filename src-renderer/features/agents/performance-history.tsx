import type { AgentDetail } from '@contract';
import { formatDateTime } from '../../ui/format';

type Snapshot = AgentDetail['performance'][number];

/** The latest feedback snapshots as numbers (oldest first from the core); the chart draws them all. */
export function PerformanceHistory({ performance }: { performance: Snapshot[] }) {
  if (performance.length === 0) {
    return (
      <p className="empty-state">
        No performance snapshots yet. They are taken once published posts have been measured.
      </p>
    );
  }
  const recent = [...performance].reverse().slice(0, 10);
  return (
    <>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col" className="numeric">
              Survival
            </th>
            <th scope="col" className="numeric">
              Avg views
            </th>
            <th scope="col" className="numeric">
              Published
            </th>
          </tr>
        </thead>
        <tbody>
          {recent.map((snapshot) => (
            <tr key={snapshot.createdAt}>
              <td>{formatDateTime(snapshot.createdAt)}</td>
              <td className="numeric">{Math.round(snapshot.survivalScore)}</td>
              <td className="numeric">{Math.round(snapshot.avgViews).toLocaleString()}</td>
              <td className="numeric">{snapshot.publishedCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
