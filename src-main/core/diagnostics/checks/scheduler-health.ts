import { diagnosticsDefaults } from '../defaults';
import { MINUTE_MS } from '../../ports/clock';
import { plural } from '../../wording';
import { ago, type SystemCheck, type Verdict } from './check';

export interface SchedulerFacts {
  /** Renders "generating" without a heartbeat (progress) for the stalled limit, and the oldest's age. */
  stalledRenders: number;
  oldestStalledMs: number;
  /** Renders queued longer than the limit while no render moved for as long (the queue is not draining). */
  stuckInQueue: number;
  rendering: number;
  waiting: number;
  /** Maestro's orchestrator is ticking (every cycle depends on it). */
  schedulerRunning: boolean;
}

/**
 * Reference §5.2 #5, judged by heartbeat rather than creation time: the original counted renders
 * created more than an hour ago, so a long queue behind busy renders, or a retried render, looked
 * stuck. A render without progress for an hour, or a queue that has not moved for an hour, is.
 */
export function judgeScheduler(f: SchedulerFacts): Verdict {
  const { stalledAfterMinutes, failAbove } = diagnosticsDefaults.scheduler;
  const stalled = f.stalledRenders + f.stuckInQueue;
  const parts: string[] = [];
  if (f.stalledRenders)
    parts.push(
      `${plural(f.stalledRenders, 'render')} without progress for over ${stalledAfterMinutes} min (the oldest ${ago(f.oldestStalledMs)}; healing should have stopped them at 30 min)`,
    );
  if (f.stuckInQueue)
    parts.push(
      `${plural(f.stuckInQueue, 'render')} queued for over ${stalledAfterMinutes} min while the queue has not moved`,
    );
  if (stalled > 0)
    return {
      status: stalled > failAbove ? 'fail' : 'warn',
      detail: `${parts.join('; ')}. Cancel and retry them from Jobs.`,
    };
  if (!f.schedulerRunning)
    return {
      status: 'warn',
      detail:
        "Maestro's scheduler is not running: no cycle (burst, publishing, healing…) runs until the app restarts.",
    };
  return {
    status: 'pass',
    detail: `${f.rendering} rendering, ${f.waiting} waiting, none stalled; the scheduler is running.`,
  };
}

export const schedulerHealthCheck: SystemCheck = {
  name: 'scheduler_health',
  async run(ctx) {
    const { db, now } = ctx;
    const limit = new Date(
      now.getTime() - diagnosticsDefaults.scheduler.stalledAfterMinutes * MINUTE_MS,
    ).toISOString();
    const [rendering, waiting, lastMove] = await Promise.all([
      db
        .selectFrom('generation_jobs')
        .select((eb) => eb.fn.coalesce('updated_at', 'started_at', 'created_at').as('heartbeat'))
        .where('status', '=', 'generating')
        .execute(),
      db
        .selectFrom('generation_jobs')
        .select((eb) => eb.fn.coalesce('updated_at', 'created_at').as('queued'))
        .where('status', '=', 'pending')
        .execute(),
      // The last time any render progressed or finished: a moving queue is draining, however long.
      db
        .selectFrom('generation_jobs')
        .select((eb) => eb.fn.max('updated_at').as('at'))
        .where('status', 'in', ['generating', 'completed', 'failed', 'cancelled'])
        .where('updated_at', '>', limit)
        .executeTakeFirst(),
    ]);
    const stalled = rendering.filter((r) => r.heartbeat <= limit).map((r) => Date.parse(r.heartbeat));
    const queueMoved = Boolean(lastMove?.at);
    return judgeScheduler({
      stalledRenders: stalled.length,
      oldestStalledMs: stalled.length ? now.getTime() - Math.min(...stalled) : 0,
      stuckInQueue: queueMoved ? 0 : waiting.filter((w) => w.queued <= limit).length,
      rendering: rendering.length,
      waiting: waiting.length,
      schedulerRunning: ctx.schedulerRunning(),
    });
  },
};
