import { Badge } from '../../ui/badge';
import { Card } from '../../ui/card';
import { ErrorMessage } from '../../ui/error-message';
import { describeError } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { toast } from '../../ui/toast-store';
import { burstKindLabel } from './burst-counts';
import { useMaestroStatus, useSetPaused, useTriggerBurst } from './use-maestro';

/**
 * The tray's controls on the page: running or paused, Pause/Resume and Burst now. Both show
 * `maestro.status` as the core last said it (the `maestro.state` event), as the tray does, so
 * the page and the tray agree at every moment; a click waits for the core's answer.
 */
export function MaestroStatusCard() {
  const status = useMaestroStatus();
  const setPaused = useSetPaused();
  const trigger = useTriggerBurst();
  const data = status.data;

  const change = (paused: boolean) =>
    setPaused.mutate(paused, {
      onError: (error) =>
        toast.error(`Could not ${paused ? 'pause' : 'resume'} Maestro: ${describeError(error)}`),
    });

  const burstNow = () =>
    trigger.mutate(undefined, {
      onError: (error) => toast.error(`Could not start a burst: ${describeError(error)}`),
    });

  return (
    <Card title="Maestro">
      {status.isPending && <p className="muted">Loading…</p>}
      {status.isError && <ErrorMessage error={status.error} title="Could not read Maestro’s state." />}
      {data && (
        <>
          <p className="status-line" role="status" aria-label="Maestro state">
            {data.paused ? <Badge tone="warn">Paused</Badge> : <Badge tone="good">Running</Badge>}
            {data.burstRunning && (
              <Badge tone="info">
                {data.burstKind ? `${burstKindLabel(data.burstKind)} running` : 'Burst running'}
              </Badge>
            )}
            <span className="muted">
              {data.changedAt
                ? `since ${formatDateTime(data.changedAt)}`
                : 'A new install starts paused: nothing is generated until you resume.'}
            </span>
          </p>
          <p className="muted field-hint">
            {data.paused
              ? 'While paused no burst writes proposals on its own; scheduled posts still go out, and the cycles below say which others wait for Resume.'
              : 'Every cycle below runs on its own schedule.'}
          </p>
          <div className="button-row">
            {data.paused ? (
              <button
                type="button"
                className="button button-primary"
                disabled={setPaused.isPending}
                onClick={() => change(false)}
              >
                Resume Maestro
              </button>
            ) : (
              <button
                type="button"
                className="button"
                disabled={setPaused.isPending}
                onClick={() => change(true)}
              >
                Pause Maestro
              </button>
            )}
            <button
              type="button"
              className="button"
              disabled={data.burstRunning || trigger.isPending}
              onClick={burstNow}
              title={
                data.burstRunning
                  ? 'A burst is running; Burst now is available again when it ends.'
                  : 'Write what today still lacks for every brand, now.'
              }
            >
              {data.burstRunning ? 'Burst running…' : 'Burst now'}
            </button>
          </div>
        </>
      )}
    </Card>
  );
}
