import type { CycleStatus } from '@contract';
import { Badge, type BadgeTone } from '../../ui/badge';
import { Card } from '../../ui/card';
import { formatDateTime } from '../../ui/format';
import './dashboard.css';

const outcomeTone: Record<NonNullable<CycleStatus['lastOutcome']>, BadgeTone> = {
  ok: 'good',
  skipped: 'neutral',
  failed: 'bad',
};

function NextRun({ cycle }: { cycle: CycleStatus }) {
  if (cycle.running) return <Badge tone="info">running</Badge>;
  if (cycle.nextRunAt === null) return <span className="muted">waits for Resume</span>;
  return <time dateTime={cycle.nextRunAt}>{formatDateTime(cycle.nextRunAt)}</time>;
}

function LastRun({ cycle }: { cycle: CycleStatus }) {
  if (!cycle.lastStartedAt) return <span className="muted">not yet</span>;
  return (
    <span title={cycle.lastError ?? cycle.lastDetail ?? undefined}>
      {cycle.lastOutcome && <Badge tone={outcomeTone[cycle.lastOutcome]}>{cycle.lastOutcome}</Badge>}{' '}
      <time dateTime={cycle.lastStartedAt}>{formatDateTime(cycle.lastStartedAt)}</time>
    </span>
  );
}

/** Every cycle Maestro runs: its schedule, when it runs next, how its last run went. */
export function CyclesCard({ cycles }: { cycles: CycleStatus[] | undefined }) {
  const failing = cycles?.filter((c) => c.lastOutcome === 'failed') ?? [];
  return (
    <Card title="Cycles">
      {!cycles && <p className="muted">Loading…</p>}
      {cycles && (
        <>
          {failing.length > 0 && (
            <p className="burst-failed" role="alert">
              Last run failed: {failing.map((c) => c.label).join(', ')}. The others carry on.
            </p>
          )}
          <div className="table-scroll">
            <table className="table cycles-table" aria-label="Cycles">
              <thead>
                <tr>
                  <th scope="col">Cycle</th>
                  <th scope="col">Schedule</th>
                  <th scope="col">Next run</th>
                  <th scope="col">Last run</th>
                </tr>
              </thead>
              <tbody>
                {cycles.map((cycle) => (
                  <tr key={cycle.id} data-cycle={cycle.id}>
                    <th scope="row">{cycle.label}</th>
                    <td className="muted">{cycle.schedule}</td>
                    <td>
                      <NextRun cycle={cycle} />
                    </td>
                    <td>
                      <LastRun cycle={cycle} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Card>
  );
}
