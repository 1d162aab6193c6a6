import { describeError } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { toast } from '../../ui/toast-store';
import { BurstCounts, BurstOutcome, burstKindLabel } from '../dashboard/burst-counts';
import {
  isBurstShownRunning,
  useBurstRunning,
  useMaestroOverview,
  useTriggerBurst,
} from '../dashboard/use-maestro';

/**
 * What the agents are doing while the creator reviews: a running burst's counts as they
 * arrive (new proposals appear in the list by themselves), or how the last one ended.
 */
export function BurstBanner() {
  const overview = useMaestroOverview();
  const trigger = useTriggerBurst();
  // Burst now is off exactly when the dashboard's and the tray's are (maestro.state).
  const runnerBusy = useBurstRunning();
  const running = isBurstShownRunning(overview.data, runnerBusy);
  const burst = overview.data?.latestBurst ?? null;

  const burstNow = () =>
    trigger.mutate(undefined, {
      onError: (error) => toast.error(`Could not start a burst: ${describeError(error)}`),
    });

  return (
    <section className={`burst-banner${running ? ' is-running' : ''}`} aria-label="Burst">
      <p className="burst-text" role="status">
        {running && burst && (
          <>
            <strong>{burst.kind === 'optimize' ? 'Drafting ideas' : 'Burst running'}</strong> (
            {burstKindLabel(burst.kind)}, {burst.day}): <BurstCounts burst={burst} />
          </>
        )}
        {!running && burst && (
          <>
            <strong>Last burst {burst.status === 'failed' ? 'failed' : 'finished'}</strong>{' '}
            <span className="muted">
              ({burstKindLabel(burst.kind)}, {burst.finishedAt ? formatDateTime(burst.finishedAt) : burst.day}
              )
            </span>
            : <BurstOutcome burst={burst} running={false} />
          </>
        )}
        {!running && !burst && overview.isSuccess && <span className="muted">No burst has run yet.</span>}
      </p>
      <button
        type="button"
        className="button button-small"
        disabled={runnerBusy !== false || trigger.isPending || !overview.isSuccess}
        onClick={burstNow}
        title={
          runnerBusy ? 'A burst is already running.' : 'Write what today still lacks for every brand, now.'
        }
      >
        {runnerBusy ? 'Burst running…' : 'Burst now'}
      </button>
    </section>
  );
}
