import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import { AppError } from '../contract/errors';
import type { Job, JobCreateInput, JobStatus } from '../contract/jobs';
import { isoNow, type Clock } from '../ports/clock';
import type { Random } from '../ports/random';
import type { EventHub } from '../events/event-hub';
import type { Database } from '../store/database';
import { jobDefaults } from './defaults';
import { jobFromRow } from './job-record';
import { findJobRow, listJobRows, transitionJob } from './job-repository';
import { assertSlideCount, insertRenderJob } from './render-job-writer';
import type { JobQueue } from './job-queue';

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  random: Random;
  activity: ActivityLog;
  events: EventHub;
  queue: JobQueue;
  /** Throws not_found for a brand that does not exist (or is deleted). */
  assertBrand(id: string): Promise<void>;
}

/**
 * Rounds of cancel's two updates before giving up: another round is needed only when the job
 * moved between them, and the queue cannot move one job back and forth that fast.
 */
const CANCEL_ROUNDS = 3;

/** Creating, listing, cancelling and retrying render jobs; the queue does the rendering. */
export class JobService {
  constructor(private readonly deps: Deps) {}

  /**
   * Queues a render of a proposal-like input. The proposal's caption and lines are rendered as
   * written (the original replaced a post's whole content and every caption).
   */
  async create(input: JobCreateInput): Promise<Job> {
    const { db, clock, random } = this.deps;
    await this.deps.assertBrand(input.brandId);
    if (input.proposalId) {
      const proposal = await db
        .selectFrom('proposals')
        .select('proposal_id')
        .where('proposal_id', '=', input.proposalId)
        .executeTakeFirst();
      if (!proposal)
        throw new AppError('not_found', `No proposal "${input.proposalId}".`, { id: input.proposalId });
    }
    assertSlideCount(input);
    const created = await db.transaction().execute(async (trx) => {
      const jobId = await insertRenderJob(trx, input, { clock, random });
      const entry = await this.deps.activity.insert(trx, {
        action: 'Render queued',
        detail: `${jobId}: ${input.title} (${input.variant}, ${input.brandId}${input.proposalId ? `, from ${input.proposalId}` : ''})`,
        level: 'action',
        emoji: '🧾',
        brandId: input.brandId,
      });
      return { jobId, entry };
    });
    this.deps.activity.announce(created.entry);
    const id = created.jobId;
    this.changed(id);
    this.deps.queue.wake();
    return this.get(id);
  }

  async list(
    filter: { status?: JobStatus; proposalId?: string; limit?: number; beforeJobId?: string } = {},
  ): Promise<Job[]> {
    const anchor = filter.beforeJobId ? await findJobRow(this.deps.db, filter.beforeJobId) : undefined;
    if (filter.beforeJobId && !anchor)
      throw new AppError('not_found', `No render job "${filter.beforeJobId}".`, { id: filter.beforeJobId });
    const rows = await listJobRows(this.deps.db, {
      status: filter.status,
      proposalId: filter.proposalId,
      before: anchor ? { createdAt: anchor.created_at, jobId: anchor.job_id } : undefined,
      limit: filter.limit ?? jobDefaults.listLimit,
    });
    return rows.map(jobFromRow);
  }

  async get(id: string): Promise<Job> {
    const row = await findJobRow(this.deps.db, id);
    if (!row) throw new AppError('not_found', `No render job "${id}".`, { id });
    return jobFromRow(row);
  }

  /**
   * A waiting job is cancelled at once; a rendering one is asked to stop, and the queue settles
   * it `cancelled` (and says so) once its FFmpeg has exited. Each case is one conditional update
   * and only what an update changed is reported: the queue may claim the job between the two
   * updates (the second then catches it) or finish it meanwhile (a conflict naming its state).
   */
  async cancel(id: string): Promise<Job> {
    const { db, clock, activity } = this.deps;
    // Between the two updates the job can move on (claimed, put back by a shutdown, retried):
    // when it is still cancellable, another round catches it.
    for (let round = 1; ; round++) {
      const now = isoNow(clock);
      const cancelledWaiting = await db.transaction().execute(async (trx) => {
        const applied = await transitionJob(trx, id, ['pending'], {
          status: 'cancelled',
          cancel_requested: 1,
          completed_at: now,
          updated_at: now,
        });
        if (!applied) return null;
        const row = (await findJobRow(trx, id))!;
        return activity.insert(trx, {
          action: 'Render cancelled',
          detail: `${id}: ${row.title}`,
          level: 'detail',
          emoji: '⏹️',
          brandId: row.brand_id,
        });
      });
      if (cancelledWaiting) {
        activity.announce(cancelledWaiting);
        break;
      }
      const stopRequested = await transitionJob(db, id, ['generating'], {
        cancel_requested: 1,
        updated_at: now,
      });
      if (stopRequested) {
        // The queue also re-reads the flag before every step: a job claimed but not yet
        // running (nothing to stop here) still stops before it renders anything.
        this.deps.queue.stopRunning(id);
        break;
      }
      const job = await this.get(id);
      const cancellable = job.status === 'pending' || job.status === 'generating';
      if (!cancellable || round >= CANCEL_ROUNDS) {
        throw new AppError(
          'conflict',
          `Job ${id} is ${job.status}; only waiting or rendering jobs can be cancelled.`,
          { id, status: job.status },
        );
      }
    }
    this.changed(id);
    return this.get(id);
  }

  /** Puts a failed or cancelled job back in the queue; it continues after its last finished step. */
  async retry(id: string): Promise<Job> {
    const { db, clock, activity } = this.deps;
    const entry = await db.transaction().execute(async (trx) => {
      const retried = await transitionJob(trx, id, ['failed', 'cancelled'], {
        status: 'pending',
        cancel_requested: 0,
        error_message: null,
        failed_step: null,
        error_details: null,
        // A new attempt by the creator: its failure is a new fact for healing to diagnose and
        // report (the automatic retries already spent stay counted).
        error_kind: null,
        failure_reported_at: null,
        completed_at: null,
        updated_at: isoNow(clock),
      });
      if (!retried) return null;
      const row = (await findJobRow(trx, id))!;
      return activity.insert(trx, {
        action: 'Render retried',
        detail: `${id}: ${row.title}`,
        level: 'action',
        emoji: '🔁',
        brandId: row.brand_id,
      });
    });
    if (!entry) {
      // Read after the update, so the conflict names the state that refused it.
      const job = await this.get(id);
      throw new AppError(
        'conflict',
        `Job ${id} is ${job.status}; only failed or cancelled jobs can be retried.`,
        {
          id,
          status: job.status,
        },
      );
    }
    activity.announce(entry);
    this.changed(id);
    this.deps.queue.wake();
    return this.get(id);
  }

  private changed(id: string): void {
    this.deps.events.emit('data.changed', { entity: 'jobs', id });
  }
}
