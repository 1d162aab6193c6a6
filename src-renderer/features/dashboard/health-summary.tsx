import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useApi } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';
import { Badge } from '../../ui/badge';
import { Card } from '../../ui/card';
import { ErrorMessage } from '../../ui/error-message';

/** How often the dashboard rechecks on its own; nothing pushes health changes. */
const RECHECK_MS = 30_000;

export function HealthSummary() {
  const api = useApi();
  const health = useQuery({
    queryKey: queryKeys.app.health,
    queryFn: () => api['app.health'](),
    refetchInterval: RECHECK_MS,
  });
  const failing = health.data?.checks.filter((c) => !c.ok) ?? [];

  return (
    <Card title="Health" actions={<Link to="/diagnostics">Details</Link>}>
      {health.isPending && <p className="muted">Checking…</p>}
      {health.isError && <ErrorMessage error={health.error} title="Health check failed." />}
      {health.data && (
        <>
          <p className="status-line">
            {health.data.status === 'ok' ? (
              <Badge tone="good">All good</Badge>
            ) : (
              <Badge tone="bad">Degraded</Badge>
            )}
            <span className="muted">
              {health.data.checks.length - failing.length} of {health.data.checks.length} checks pass
            </span>
          </p>
          {failing.length > 0 && (
            <ul className="plain-list">
              {failing.map((check) => (
                <li key={check.name}>
                  <strong>{check.name}:</strong> {check.detail}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Card>
  );
}
