import { Link } from 'react-router';
import { Badge } from '../../ui/badge';
import { Card } from '../../ui/card';
import { ErrorMessage } from '../../ui/error-message';
import { formatDateTime } from '../../ui/format';
import { checkLabels, checkStatusView, overallView } from '../diagnostics/diagnostics-presentation';
import { useLatestDiagnostics } from '../diagnostics/use-diagnostics';

/** At most this many checks that did not pass are named on the tile; the page has them all. */
const NAMED_CHECKS = 3;

/**
 * The latest run of the ten system checks (`diagnostics.latest`), refreshed by its
 * `data.changed` (live-updates): overall status, counts, and what did not pass.
 */
export function DiagnosticsTile() {
  const latest = useLatestDiagnostics();
  const report = latest.data;
  const notPassing = report?.checks.filter((c) => c.status !== 'pass') ?? [];
  const installationFailing = report?.installation.filter((c) => !c.ok) ?? [];
  return (
    <Card title="Diagnostics" actions={<Link to="/diagnostics">Details</Link>}>
      {latest.isPending && <p className="muted">Loading…</p>}
      {latest.isError && <ErrorMessage error={latest.error} title="Could not read the diagnostics." />}
      {report === null && (
        <p className="empty-state">
          No diagnostics yet: the ten checks run every 4 hours, or now from the{' '}
          <Link to="/diagnostics">Diagnostics</Link> page.
        </p>
      )}
      {report && (
        <>
          <p className="status-line">
            <Badge tone={overallView[report.status].tone}>{overallView[report.status].label}</Badge>
            <span className="muted">
              {report.passed} pass, {report.warnings} warn, {report.failures} fail ·{' '}
              <time dateTime={report.createdAt}>{formatDateTime(report.createdAt)}</time>
            </span>
          </p>
          {notPassing.length > 0 && (
            <ul className="plain-list" aria-label="Checks that did not pass">
              {notPassing.slice(0, NAMED_CHECKS).map((check) => (
                <li key={check.name}>
                  <Badge tone={checkStatusView[check.status].tone}>
                    {checkStatusView[check.status].label}
                  </Badge>{' '}
                  <strong>{checkLabels[check.name]}:</strong> {check.detail}
                </li>
              ))}
              {notPassing.length > NAMED_CHECKS && (
                <li className="muted">and {notPassing.length - NAMED_CHECKS} more</li>
              )}
            </ul>
          )}
          <p className="muted field-hint">
            Installation: {report.installation.length - installationFailing.length} of{' '}
            {report.installation.length} checks pass
            {installationFailing.length > 0 && ` (not: ${installationFailing.map((c) => c.name).join(', ')})`}
          </p>
        </>
      )}
    </Card>
  );
}
