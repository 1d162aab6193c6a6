import type { MaestroOverview } from '@contract';
import { Card } from '../../ui/card';
import { confirm } from '../../ui/confirm-store';
import { describeError } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { Meter } from '../../ui/meter';
import { toast } from '../../ui/toast-store';
import { BurstOutcome, burstKindLabel } from './burst-counts';
import { isBurstShownRunning, useMaestroStatus, useOptimizeNow, useResetDaily } from './use-maestro';
import './dashboard.css';

type Quota = MaestroOverview['quota'][number];

function QuotaRow({ label, done, target }: { label: string; done: number; target: number }) {
  return (
    <div className="quota-row">
      <span>{label}</span>
      <Meter
        label={label}
        value={done}
        max={Math.max(target, 1)}
        tone={done >= target ? 'good' : 'info'}
        valueText={`${done} of ${target}`}
      />
      <span className="numeric">
        {done}/{target}
      </span>
    </div>
  );
}

function Quotas({ quota }: { quota: Quota[] }) {
  if (quota.length === 0) return <p className="empty-state">No active brands.</p>;
  return (
    <ul className="quota-list">
      {quota.map((q) => (
        <li
          key={q.brandId}
          aria-label={`${q.displayName}: ${q.reels} of ${q.targetReels} reels, ${q.posts} of ${q.targetPosts} posts`}
        >
          <span className="quota-brand">{q.displayName}</span>
          <QuotaRow label="Reels" done={q.reels} target={q.targetReels} />
          <QuotaRow label="Posts" done={q.posts} target={q.targetPosts} />
        </li>
      ))}
    </ul>
  );
}

/**
 * Today's burst: when it runs, what each brand has so far, and how the latest burst went (its
 * counts while it runs). Burst now is with Pause/Resume on the Maestro card, as in the tray.
 */
export function DailyBurstCard({ overview }: { overview: MaestroOverview | undefined }) {
  const reset = useResetDaily();
  const optimize = useOptimizeNow();
  // Pause and the runner as the Maestro card and the tray show them, never the overview's copy.
  const controls = useMaestroStatus().data;
  const runnerBusy = controls?.burstRunning;
  const data = overview;
  const running = isBurstShownRunning(data, runnerBusy);

  const draftIdeas = () =>
    optimize.mutate(undefined, {
      onSuccess: () => toast.success('The agents are drafting ideas; they appear in Proposals as they come.'),
      onError: (error) => toast.error(`Could not start drafting: ${describeError(error)}`),
    });

  const resetDaily = async () => {
    const ok = await confirm({
      title: 'Run the daily burst again today?',
      message:
        'The next scheduled check runs it again. It only writes what each brand still lacks for today.',
      confirmLabel: 'Reset daily run',
    });
    if (!ok) return;
    try {
      await reset.mutateAsync();
      toast.success('The daily burst can run again today.');
    } catch (error) {
      toast.error(`Could not reset the daily run: ${describeError(error)}`);
    }
  };

  return (
    <Card
      title="Daily burst"
      actions={
        <div className="button-row">
          <button
            type="button"
            className="button button-small"
            disabled={!data || runnerBusy !== false || optimize.isPending}
            onClick={draftIdeas}
            title="Every agent drafts five reels and five posts without a brand, for you to review (not examined)."
          >
            Draft ideas
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={!data || reset.isPending}
            onClick={() => void resetDaily()}
          >
            Reset daily run
          </button>
        </div>
      }
    >
      {!data && <p className="muted">Loading…</p>}
      {data && (
        <>
          <dl className="details">
            <dt>Today</dt>
            <dd>
              {data.today} <span className="muted">({data.timeZone})</span>
            </dd>
            <dt>Daily burst</dt>
            <dd>
              at {data.burstTime}
              {data.nextDailyBurstAt ? `; next ${formatDateTime(data.nextDailyBurstAt)}` : '; not scheduled'}
              {controls?.paused && <span className="muted"> (Maestro is paused)</span>}
            </dd>
            <dt>Last daily run</dt>
            <dd>{data.lastDailyRunDay ?? 'never'}</dd>
            <dt>Latest burst</dt>
            <dd role="status">
              {data.latestBurst ? (
                <>
                  {running ? 'running' : data.latestBurst.status} ({burstKindLabel(data.latestBurst.kind)},{' '}
                  {data.latestBurst.day}): <BurstOutcome burst={data.latestBurst} running={running} />
                </>
              ) : (
                'none yet'
              )}
            </dd>
          </dl>
          <h3 className="card-subheading">Today’s proposals per brand</h3>
          <Quotas quota={data.quota} />
        </>
      )}
    </Card>
  );
}
