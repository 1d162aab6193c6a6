import type { DiagnosticsReport } from '@contract';
import { Badge } from '../../ui/badge';
import { formatDateTime } from '../../ui/format';
import { checkLabels, checkStatusView, formatMs, overallView } from './diagnostics-presentation';

/** The latest run: overall status, counts, and each of the ten checks with its detail and duration. */
export function SystemChecks({ report }: { report: DiagnosticsReport }) {
  const overall = overallView[report.status];
  return (
    <>
      <p className="status-line" aria-label="Overall status">
        <Badge tone={overall.tone}>{overall.label}</Badge>
        <span className="muted">
          {report.passed} pass, {report.warnings} warn, {report.failures} fail ·{' '}
          {formatDateTime(report.createdAt)} ({report.trigger === 'schedule' ? 'every 4 h' : 'run by hand'},{' '}
          {formatMs(report.durationMs)})
        </span>
      </p>
      <table className="table diagnostics-checks">
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Result</th>
            <th scope="col">Detail</th>
            <th scope="col" className="numeric">
              Took
            </th>
          </tr>
        </thead>
        <tbody>
          {report.checks.map((check) => {
            const view = checkStatusView[check.status];
            return (
              <tr key={check.name} className={`diagnostics-check-${check.status}`}>
                <th scope="row">
                  {checkLabels[check.name]}
                  <code className="diagnostics-check-name">{check.name}</code>
                </th>
                <td>
                  <Badge tone={view.tone}>{view.label}</Badge>
                </td>
                <td className="break">{check.detail}</td>
                <td className="numeric muted">{formatMs(check.durationMs)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="diagnostics-snapshot">
        <div>
          <dt>Active agents</dt>
          <dd>{report.snapshot.activeAgents}</dd>
        </div>
        <div>
          <dt>Avg survival</dt>
          <dd>{report.snapshot.avgSurvivalScore}</dd>
        </div>
        <div>
          <dt>Gene pool</dt>
          <dd>{report.snapshot.genePoolSize}</dd>
        </div>
        <div>
          <dt>Renders waiting</dt>
          <dd>{report.snapshot.pendingJobs}</dd>
        </div>
        <div>
          <dt>Failed renders 24 h</dt>
          <dd>{report.snapshot.failedJobs24h}</dd>
        </div>
        <div>
          <dt>Posts scheduled</dt>
          <dd>{report.snapshot.totalScheduled}</dd>
        </div>
      </dl>
    </>
  );
}
