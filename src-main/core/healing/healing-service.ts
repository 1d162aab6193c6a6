import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import type { ActivityEntry } from '../contract/activity';
import type { EventHub } from '../events/event-hub';
import { transitionJob } from '../jobs/job-repository';
import type { Clock } from '../ports/clock';
import type { Database } from '../store/database';
import { diagnoseFailure, type FailureDiagnosis } from './failure-diagnosis';
import { HOUR_MS } from '../ports/clock';

export const healingDefaults = {
  /** A render with no progress (its heartbeat, not its age) for this long is stopped. */
  stuckAfterMinutes: 30,
  /** Automatic retries of one render, stored in its own column (reference: MAX_AUTO_RETRIES). */
  maxAutoRetries: 2,
  /** Failures older than this are left alone (reference: 24 h). */
  failedWindowHours: 24,
} as const;

/** A render that failed for good, as the creator is told about it (once). */
export interface RenderFailureNotice {
  jobId: string;
  title: string;
  brandId: string | null;
  diagnosis: FailureDiagnosis;
  error: string;
  autoRetries: number;
}

export interface HealingReport {
  timedOut: string[];
  retried: string[];
  reported: string[];
  spawnedAgents: number;
}

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  queue: { timeOut(id: string, message: string): boolean; wake(): void };
  activity: ActivityLog;
  events: EventHub;
  /** The population guard (every active brand has an agent of its own). */
  ensurePopulation(): Promise<unknown[]>;
  /** Tells the creator about a permanent failure, inside the transaction that marks it reported. */
  reportFailure?(trx: Kysely<Database>, notice: RenderFailureNotice): Promise<void>;
}

/**
 * The healing cycle (reference §5.1, its defects fixed): a render stuck without progress for
 * 30 minutes — by its heartbeat, so renders waiting their turn are never "stuck" — is stopped
 * and failed at the step it was on; each failure is diagnosed; Maestro's own renders whose
 * failure can pass are retried from their last finished step, at most twice (counted in their
 * own column); the rest are reported once, with what to do. Then the population guard.
 * Every retry and report is a conditional update, so two healing runs never double them.
 */
export class HealingService {
  constructor(private readonly deps: Deps) {}

  async run(now: Date = this.deps.clock.now()): Promise<HealingReport> {
    const report: HealingReport = { timedOut: [], retried: [], reported: [], spawnedAgents: 0 };
    try {
      report.timedOut = await this.timeOutStuck(now);
      await this.retryOrReport(now, report);
    } finally {
      // The reference ran the population guard even when the rest failed.
      report.spawnedAgents = (await this.deps.ensurePopulation()).length;
    }
    return report;
  }

  /** Describes a report in a few words (the cycle's detail line). */
  static describe(r: HealingReport): string {
    const parts = [
      r.timedOut.length && `${r.timedOut.length} stuck stopped`,
      r.retried.length && `${r.retried.length} retried`,
      r.reported.length && `${r.reported.length} reported`,
      r.spawnedAgents && `${r.spawnedAgents} agents spawned`,
    ].filter(Boolean);
    return parts.length ? parts.join(', ') : 'all clear';
  }

  private async timeOutStuck(now: Date): Promise<string[]> {
    const { db, queue, clock } = this.deps;
    const limit = new Date(now.getTime() - healingDefaults.stuckAfterMinutes * 60_000).toISOString();
    const stuck = await db
      .selectFrom('generation_jobs')
      .select([
        'job_id',
        'brand_id',
        'current_step',
        'progress_percent',
        'updated_at',
        'started_at',
        'created_at',
      ])
      .where('status', '=', 'generating')
      .where((eb) => eb(eb.fn.coalesce('updated_at', 'started_at', 'created_at'), '<=', limit))
      .orderBy('created_at')
      .execute();
    const stopped: string[] = [];
    for (const job of stuck) {
      const since = Date.parse(job.updated_at ?? job.started_at ?? job.created_at);
      const minutes = Math.round((now.getTime() - since) / 60_000);
      const message =
        `Stuck in "${job.current_step ?? 'its first step'}" for ${minutes} min without progress ` +
        `(the limit is ${healingDefaults.stuckAfterMinutes} min), at ${job.progress_percent} %.`;
      // Running here: FFmpeg is killed and the queue fails the job at its step. Not running here
      // (nothing is rendering it any more): failed directly.
      if (!queue.timeOut(job.job_id, message)) {
        const failed = await transitionJob(db, job.job_id, ['generating'], {
          status: 'failed',
          error_message: message,
          error_kind: 'job_timeout',
          failed_step: job.current_step,
          completed_at: now.toISOString(),
          updated_at: clock.now().toISOString(),
        });
        if (!failed) continue;
        this.deps.events.emit('data.changed', { entity: 'jobs', id: job.job_id });
      }
      stopped.push(job.job_id);
      await this.deps.activity.record({
        agent: 'healer',
        action: 'Render timed out',
        detail: `${job.job_id}: ${message}`,
        level: 'error',
        emoji: '⏱️',
        brandId: job.brand_id,
      });
    }
    return stopped;
  }

  private async retryOrReport(now: Date, report: HealingReport): Promise<void> {
    const { db, clock, activity } = this.deps;
    const since = new Date(now.getTime() - healingDefaults.failedWindowHours * HOUR_MS).toISOString();
    const failed = await db
      .selectFrom('generation_jobs')
      .select(['job_id', 'proposal_id', 'brand_id', 'title', 'error_kind', 'error_message', 'auto_retries'])
      .where('status', '=', 'failed')
      .where('failure_reported_at', 'is', null)
      .where((eb) => eb(eb.fn.coalesce('completed_at', 'updated_at', 'created_at'), '>=', since))
      .orderBy('created_at', 'desc')
      .execute();
    let retriedAny = false;
    for (const job of failed) {
      const diagnosis = diagnoseFailure({ code: job.error_kind, message: job.error_message });
      const ours = job.proposal_id !== null;
      const error = job.error_message ?? 'unknown error';
      const pending: ActivityEntry[] = [];
      if (ours && diagnosis.retryable && job.auto_retries < healingDefaults.maxAutoRetries) {
        const attempt = job.auto_retries + 1;
        const retried = await db.transaction().execute(async (trx) => {
          const result = await trx
            .updateTable('generation_jobs')
            .set({
              status: 'pending',
              auto_retries: attempt,
              cancel_requested: 0,
              error_message: null,
              error_kind: null,
              failed_step: null,
              error_details: null,
              completed_at: null,
              current_step: `Queued for retry #${attempt} by Maestro's healer`,
              updated_at: clock.now().toISOString(),
            })
            .where('job_id', '=', job.job_id)
            .where('status', '=', 'failed')
            .where('auto_retries', '=', job.auto_retries)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) === 0) return false;
          pending.push(
            await activity.insert(trx, {
              agent: 'healer',
              action: 'Render retried',
              detail: `${job.job_id} (retry ${attempt} of ${healingDefaults.maxAutoRetries}, ${diagnosis.category}): ${error.slice(0, 300)}`,
              level: 'action',
              emoji: '🩹',
              brandId: job.brand_id,
            }),
          );
          return true;
        });
        if (retried) {
          report.retried.push(job.job_id);
          retriedAny = true;
        }
      } else {
        const why = !diagnosis.retryable
          ? diagnosis.action
          : ours
            ? `Tried ${job.auto_retries + 1} times (${healingDefaults.maxAutoRetries} automatic retries). Retry it from Jobs when the cause is fixed.`
            : 'Started by hand, so not retried automatically: retry it from Jobs.';
        const reported = await db.transaction().execute(async (trx) => {
          const result = await trx
            .updateTable('generation_jobs')
            .set({ failure_reported_at: now.toISOString() })
            .where('job_id', '=', job.job_id)
            .where('failure_reported_at', 'is', null)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) === 0) return false;
          pending.push(
            await activity.insert(trx, {
              agent: 'healer',
              action: 'Render failed for good',
              detail: `${job.job_id}: ${job.title} (${diagnosis.category}). ${why} Last error: ${error.slice(0, 300)}`,
              level: 'error',
              emoji: '🛑',
              brandId: job.brand_id,
            }),
          );
          await this.deps.reportFailure?.(trx, {
            jobId: job.job_id,
            title: job.title,
            brandId: job.brand_id,
            diagnosis: { ...diagnosis, action: why },
            error,
            autoRetries: job.auto_retries,
          });
          return true;
        });
        if (reported) report.reported.push(job.job_id);
      }
      pending.forEach((e) => activity.announce(e));
      this.deps.events.emit('data.changed', { entity: 'jobs', id: job.job_id });
    }
    if (retriedAny) this.deps.queue.wake();
  }
}
