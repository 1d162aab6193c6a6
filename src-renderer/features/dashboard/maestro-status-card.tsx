import { Badge } from '../../ui/badge';
import { Card } from '../../ui/card';
import { ErrorMessage } from '../../ui/error-message';
import { describeError } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { toast } from '../../ui/toast-store';
import { useMaestroStatus, useSetPaused } from './use-maestro';

export function MaestroStatusCard() {
  const status = useMaestroStatus();
  const setPaused = useSetPaused();

  const change = (paused: boolean) =>
    setPaused.mutate(paused, {
      onError: (error) =>
        toast.error(`Could not ${paused ? 'pause' : 'resume'} Maestro: ${describeError(error)}`),
    });

  return (
    <Card title="Maestro">
      {status.isPending && <p className="muted">Loading…</p>}
      {status.isError && <ErrorMessage error={status.error} />}
      {status.data && (
        <>
          <p className="status-line">
            {status.data.paused ? <Badge tone="warn">Paused</Badge> : <Badge tone="good">Running</Badge>}
            <span className="muted">
              {status.data.changedAt
                ? `since ${formatDateTime(status.data.changedAt)}`
                : 'A new install starts paused: nothing is generated or published until you resume.'}
            </span>
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={!status.data.paused || setPaused.isPending}
              onClick={() => change(false)}
            >
              Resume
            </button>
            <button
              type="button"
              className="button"
              disabled={status.data.paused || setPaused.isPending}
              onClick={() => change(true)}
            >
              Pause
            </button>
          </div>
        </>
      )}
    </Card>
  );
}
