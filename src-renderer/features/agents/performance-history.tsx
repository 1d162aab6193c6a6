import type { AgentDetail } from '@contract';
import { formatDateTime } from '../../ui/format';

type Snapshot = AgentDetail['performance'][number];

const WIDTH = 320;
const HEIGHT = 60;

/** Survival over time as a line on a fixed 0–100 scale, so two agents' charts compare. */
function SurvivalSparkline({ points }: { points: Snapshot[] }) {
  const step = WIDTH / Math.max(1, points.length - 1);
  const path = points
    .map(
      (p, i) =>
        `${i === 0 ? 'M' : 'L'}${(i * step).toFixed(1)},${(HEIGHT - (p.survivalScore / 100) * HEIGHT).toFixed(1)}`,
    )
    .join(' ');
  const first = points[0]!;
  const last = points.at(-1)!;
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`Survival score from ${Math.round(first.survivalScore)} to ${Math.round(last.survivalScore)} over ${points.length} snapshots`}
    >
      <line x1="0" x2={WIDTH} y1={HEIGHT * 0.4} y2={HEIGHT * 0.4} className="sparkline-guide" />
      <line x1="0" x2={WIDTH} y1={HEIGHT * 0.7} y2={HEIGHT * 0.7} className="sparkline-guide" />
      <path d={path} className="sparkline-line" />
    </svg>
  );
}

/** Snapshots taken when published content is measured (oldest first from the core). */
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
      {performance.length > 1 && <SurvivalSparkline points={performance} />}
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
