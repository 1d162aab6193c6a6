import { useQuery } from '@tanstack/react-query';
import { useApi, useConnectionState, useTransportKind } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';
import { Badge } from '../../ui/badge';
import { Card } from '../../ui/card';
import { ErrorMessage } from '../../ui/error-message';
import { describeError } from '../../ui/errors';
import { formatDateTime, formatDuration } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { toast } from '../../ui/toast-store';
import { DiagnosticsTrend } from './diagnostics-trend';
import { SystemChecks } from './system-checks';
import { useDiagnosticsHistory, useLatestDiagnostics, useRunDiagnostics } from './use-diagnostics';
import './diagnostics.css';

/** A week of the 4-hour cycle (and any runs by hand in it). */
const TREND_RUNS = 42;

function LatestSystemChecks() {
  const latest = useLatestDiagnostics();
  return (
    <Card title="System checks">
      {latest.isPending && <p className="muted">Loading…</p>}
      {latest.isError && <ErrorMessage error={latest.error} />}
      {latest.data === null && (
        <p className="empty-state">
          No run yet. Maestro runs the ten checks every 4 hours (the first 90 seconds after it starts), or now
          with Run diagnostics now.
        </p>
      )}
      {latest.data && <SystemChecks report={latest.data} />}
    </Card>
  );
}

function Trend() {
  const history = useDiagnosticsHistory(TREND_RUNS);
  return (
    <Card title="Trend">
      {history.isPending && <p className="muted">Loading…</p>}
      {history.isError && <ErrorMessage error={history.error} />}
      {history.data && <DiagnosticsTrend history={history.data} />}
    </Card>
  );
}

function RunNowButton() {
  const run = useRunDiagnostics();
  const runNow = async () => {
    try {
      const report = await run.mutateAsync();
      toast.info(
        `Diagnostics: ${report.status} (${report.passed} pass, ${report.warnings} warn, ${report.failures} fail).`,
      );
    } catch (error) {
      toast.error(`Could not run diagnostics: ${describeError(error)}`);
    }
  };
  return (
    <button type="button" className="button" disabled={run.isPending} onClick={() => void runNow()}>
      {run.isPending ? 'Running…' : 'Run diagnostics now'}
    </button>
  );
}

function HealthChecks() {
  const api = useApi();
  const health = useQuery({ queryKey: queryKeys.app.health, queryFn: () => api['app.health']() });
  return (
    <Card
      title="Installation checks"
      actions={
        <button
          type="button"
          className="button button-small"
          onClick={() => void health.refetch()}
          disabled={health.isFetching}
        >
          {health.isFetching ? 'Checking…' : 'Check again'}
        </button>
      }
    >
      {health.isPending && <p className="muted">Checking…</p>}
      {health.isError && <ErrorMessage error={health.error} title="Health check failed." />}
      {health.data && (
        <>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Check</th>
                <th scope="col">Result</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {health.data.checks.map((check) => (
                <tr key={check.name}>
                  <td>{check.name}</td>
                  <td>{check.ok ? <Badge tone="good">OK</Badge> : <Badge tone="bad">Failing</Badge>}</td>
                  <td className="break">{check.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            {health.data.status === 'ok'
              ? 'Every installation check passes'
              : 'An installation check is failing'}
            . Up for {formatDuration(health.data.uptimeSeconds)}; checked{' '}
            {formatDateTime(health.data.checkedAt)}.
          </p>
        </>
      )}
    </Card>
  );
}

function AppInfo() {
  const api = useApi();
  const info = useQuery({
    queryKey: queryKeys.app.info,
    queryFn: () => api['app.info'](),
    staleTime: Infinity,
  });
  const transport = useTransportKind();
  const connection = useConnectionState();
  return (
    <Card title="About this installation">
      {info.isPending && <p className="muted">Loading…</p>}
      {info.isError && <ErrorMessage error={info.error} />}
      {info.data && (
        <dl className="details">
          <dt>Version</dt>
          <dd>
            {info.data.name} {info.data.version}
          </dd>
          <dt>Data folder</dt>
          <dd className="break">
            <code>{info.data.dataDir}</code>
          </dd>
          <dt>Database file</dt>
          <dd className="break">
            <code>{info.data.databaseFile}</code>
          </dd>
          <dt>Schema version</dt>
          <dd>{info.data.schemaVersion}</dd>
          <dt>Runtime</dt>
          <dd>
            Node {info.data.runtime.node}
            {info.data.runtime.electron
              ? `, Electron ${info.data.runtime.electron}`
              : ', headless server'} on {info.data.runtime.platform}
          </dd>
          <dt>Connection</dt>
          <dd>
            {transport === 'ipc' ? 'Electron IPC' : 'HTTP + server-sent events'} ({connection})
          </dd>
        </dl>
      )}
    </Card>
  );
}

export function DiagnosticsPage() {
  return (
    <>
      <PageHeader
        title="Diagnostics"
        description="Maestro's ten system checks and their trend, beside the installation checks, and where Maestro keeps its data."
        actions={<RunNowButton />}
      />
      <div className="stack">
        <div className="diagnostics-grid">
          <LatestSystemChecks />
          <HealthChecks />
        </div>
        <Trend />
        <AppInfo />
      </div>
    </>
  );
}
