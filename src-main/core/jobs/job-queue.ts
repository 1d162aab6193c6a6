import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import type { Brand } from '../contract/brands';
import type { JobStatus } from '../contract/jobs';
import type { EventHub } from '../events/event-hub';
import { isoNow, type Clock } from '../ports/clock';
import { ensureDir, removeTempFiles } from '../render/atomic-files';
import { RenderError } from '../render/render-error';
import type { FfmpegRetryNotice } from '../render/ffmpeg-runner';
import type { Database } from '../store/database';
import { jobDefaults } from './defaults';
import { completedStepsOf, outputOf, planOf, type JobRow } from './job-record';
import {
  completeUnlessCancelled,
  findJobRow,
  interruptedJobs,
  oldestPendingJob,
  transitionJob,
  updateJob,
} from './job-repository';
import { progressPercent, stepsFor } from './job-steps';
import { runRenderStep, type RenderDeps } from './render-job';

export interface JobQueueDeps {
  db: Kysely<Database>;
  clock: Clock;
  events: EventHub;
  activity: ActivityLog;
  /** Folder every job's files live under (`<data>/media`). */
  mediaDir: string;
  /** Read before each start so a changed setting applies without a restart. */
  concurrency(): Promise<number>;
  /** FFmpeg, fonts, music and the image provider; throws a RenderError when FFmpeg is missing. */
  renderDeps(): Promise<RenderDeps>;
  loadBrand(id: string): Promise<Brand>;
  /**
   * Runs one step; runRenderStep by default. The simulated world replaces the pixels with
   * placeholders so weeks of posts render in seconds while the queue around them stays real.
   */
  runStep?: typeof runRenderStep;
}

type StopReason = 'cancel' | 'shutdown' | 'timeout';

/** Relative folder of a job's files inside the media folder (forward slashes, for URLs). */
export function jobMediaFolder(jobId: string): string {
  return `jobs/${jobId}`;
}

/** "FFmpeg failed while encoding the video (exit 1): …; attempt 2 of 3 in 8 s". */
export function describeRetry(notice: FfmpegRetryNotice): string {
  return `${notice.reason}; attempt ${notice.nextAttempt} of ${notice.maxAttempts} in ${Math.round(notice.delayMs / 1000)} s`;
}

/**
 * The durable render queue. Jobs live in `generation_jobs`; at most `concurrency()` render at
 * once, each step's FFmpeg in its own child process. Every finished step is checkpointed, so a
 * job interrupted by a crash or a quit goes back to the queue on the next start and continues
 * after its last finished step. A job completes exactly once: the final transition only
 * succeeds from `generating` with no cancel requested.
 */
export class JobQueue {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  /** Why a job was timed out, read when its failure is settled. */
  private readonly timeouts = new Map<string, string>();
  private closed = false;
  /** Until start(), jobs are only queued: tests of other domains need no FFmpeg running. */
  private started = false;
  private pumping = false;
  private pumpAgain = false;

  constructor(private readonly deps: JobQueueDeps) {}

  /** Puts jobs a crashed run left `generating` back in the queue, then starts working. */
  async start(): Promise<void> {
    const { db, clock } = this.deps;
    this.started = true;
    for (const row of await interruptedJobs(db)) {
      const cancelled = row.cancel_requested === 1;
      const moved = await transitionJob(db, row.job_id, ['generating'], {
        status: cancelled ? 'cancelled' : 'pending',
        updated_at: isoNow(clock),
        ...(cancelled ? { completed_at: isoNow(clock), current_step: null } : {}),
      });
      if (!moved) continue;
      await this.deps.activity.record({
        action: cancelled ? 'Render cancelled' : 'Render resumed after restart',
        detail: `${row.job_id}: ${row.title}${row.current_step ? ` (was at ${row.current_step})` : ''}`,
        level: 'detail',
        emoji: cancelled ? '⏹️' : '🔁',
        brandId: row.brand_id,
      });
    }
    this.wake();
  }

  /** Looks for work; cheap to call often (calls while a look is running are folded into one). */
  wake(): void {
    if (this.closed || !this.started) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    void this.pump()
      .catch((error) => console.error('render queue failed to start a job', error))
      .finally(() => {
        this.pumping = false;
        if (this.pumpAgain) {
          this.pumpAgain = false;
          this.wake();
        }
      });
  }

  isRunning(id: string): boolean {
    return this.running.has(id);
  }

  /** Stops a running job's FFmpeg at once; the job then ends `cancelled`. */
  stopRunning(id: string): boolean {
    const entry = this.running.get(id);
    if (!entry) return false;
    entry.controller.abort('cancel' satisfies StopReason);
    return true;
  }

  /**
   * Stops a running job that stopped making progress (healing's timeout sweep): FFmpeg is killed
   * and the job ends `failed` with `message` and the kind `job_timeout`. False if not running here.
   */
  timeOut(id: string, message: string): boolean {
    const entry = this.running.get(id);
    if (!entry) return false;
    this.timeouts.set(id, message);
    entry.controller.abort('timeout' satisfies StopReason);
    return true;
  }

  /** Waits until no job is rendering and none is waiting (tests and the bench use it). */
  async idle(): Promise<void> {
    for (;;) {
      while (this.pumping || this.running.size > 0) {
        await Promise.all([...this.running.values()].map((r) => r.done));
        await new Promise((r) => setImmediate(r));
      }
      const pending = await oldestPendingJob(this.deps.db);
      if (!pending || this.closed) return;
      this.wake();
      await new Promise((r) => setImmediate(r));
    }
  }

  /** Stops taking work and interrupts running jobs; they stay queued for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    for (const entry of this.running.values()) entry.controller.abort('shutdown' satisfies StopReason);
    await Promise.all([...this.running.values()].map((r) => r.done));
  }

  private async pump(): Promise<void> {
    const limit = await this.deps.concurrency();
    while (!this.closed && this.running.size < limit) {
      const row = await this.claimNext();
      if (!row) return;
      const controller = new AbortController();
      const done = this.execute(row, controller.signal)
        .catch((error) => console.error(`render job ${row.job_id} crashed the queue`, error))
        .finally(() => {
          this.running.delete(row.job_id);
          this.wake();
        });
      this.running.set(row.job_id, { controller, done });
    }
  }

  private async claimNext(): Promise<JobRow | undefined> {
    const { db, clock } = this.deps;
    for (;;) {
      const candidate = await oldestPendingJob(db);
      if (!candidate) return undefined;
      const now = isoNow(clock);
      const claimed = await transitionJob(db, candidate.job_id, ['pending'], {
        status: 'generating',
        attempts: candidate.attempts + 1,
        started_at: candidate.started_at ?? now,
        updated_at: now,
      });
      if (claimed) return findJobRow(db, candidate.job_id);
    }
  }

  private emit(row: Pick<JobRow, 'job_id'>, status: JobStatus, step: string | null, percent: number): void {
    this.deps.events.emit('job.progress', { jobId: row.job_id, status, step, percent });
    // Open lists refetch when a job changes state (progress alone travels as job.progress).
    if (status !== 'generating') this.deps.events.emit('data.changed', { entity: 'jobs', id: row.job_id });
  }

  private async execute(claimed: JobRow, signal: AbortSignal): Promise<void> {
    const { db, clock, activity } = this.deps;
    const steps = stepsFor(claimed.variant);
    const completed = completedStepsOf(claimed);
    const relativeDir = jobMediaFolder(claimed.job_id);
    const dir = join(this.deps.mediaDir, relativeDir);
    let currentStep: string | null = null;
    try {
      const renderDeps = await this.deps.renderDeps();
      const brand = await this.deps.loadBrand(JSON.parse(claimed.brands)[0] as string);
      await ensureDir(dir);
      // Files an earlier, interrupted attempt was still writing are never published: drop them.
      await removeTempFiles(dir);
      let output = outputOf(claimed);
      const plan = planOf(claimed);
      const runId = `a${claimed.attempts}`;
      this.emit(claimed, 'generating', claimed.current_step, progressPercent(steps, completed));

      for (const step of steps) {
        if (completed.includes(step.name)) continue;
        await this.stopIfCancelled(claimed.job_id, signal);
        currentStep = step.name;
        const startPercent = progressPercent(steps, completed);
        await updateJob(db, claimed.job_id, {
          current_step: step.name,
          progress_percent: startPercent,
          updated_at: isoNow(clock),
        });
        this.emit(claimed, 'generating', step.name, startPercent);
        let lastSent = startPercent;
        output = await (this.deps.runStep ?? runRenderStep)(
          step.name,
          {
            row: claimed,
            brand,
            plan,
            output,
            dir,
            relativeDir,
            runId,
            signal,
            onFraction: (fraction) => {
              const percent = progressPercent(steps, completed, { name: step.name, fraction });
              if (percent - lastSent >= jobDefaults.progressEventStep) {
                lastSent = percent;
                this.emit(claimed, 'generating', step.name, percent);
              }
            },
            onRetry: async (notice) => {
              // The step starts over: its share of the bar does too.
              lastSent = startPercent;
              this.emit(claimed, 'generating', step.name, startPercent);
              await activity.record({
                action: 'Render step retrying',
                detail: `${claimed.job_id}: ${claimed.title}: ${describeRetry(notice)}`,
                level: 'detail',
                emoji: '🔁',
                brandId: claimed.brand_id,
              });
            },
          },
          renderDeps,
        );
        completed.push(step.name);
        const percent = progressPercent(steps, completed);
        // The checkpoint: this step's files are published; a restart starts after it.
        await updateJob(db, claimed.job_id, {
          completed_steps: JSON.stringify(completed),
          brand_outputs: JSON.stringify({ [brand.id]: output }),
          progress_percent: percent,
          updated_at: isoNow(clock),
        });
        this.emit(claimed, 'generating', step.name, percent);
      }

      currentStep = null;
      const finished = await completeUnlessCancelled(db, claimed.job_id, {
        current_step: null,
        progress_percent: 100,
        completed_at: isoNow(clock),
        updated_at: isoNow(clock),
        error_message: null,
        failed_step: null,
        error_details: null,
      });
      // Not finished: a cancel arrived during the last step. Settled below like any cancel.
      if (!finished) throw new RenderError('cancelled', 'Cancelled after its last step.');
      this.emit(claimed, 'completed', null, 100);
      await activity.record({
        action: 'Render finished',
        detail: `${claimed.job_id}: ${claimed.title} (${claimed.variant}, ${brand.displayName})`,
        level: 'action',
        emoji: '🎬',
        brandId: claimed.brand_id,
      });
    } catch (error) {
      await removeTempFiles(dir);
      await this.settleFailure(claimed, currentStep, error, signal);
    }
  }

  /**
   * Stops before a step when the job was cancelled. The flag is read from the database, not
   * only from the signal: a cancel that lands after the claim but before the job is registered
   * as running has no signal to abort, and must still stop the job before it renders anything.
   */
  private async stopIfCancelled(jobId: string, signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw new RenderError('cancelled', 'Stopped.');
    const row = await findJobRow(this.deps.db, jobId);
    if (row?.cancel_requested === 1) throw new RenderError('cancelled', 'Cancelled before its next step.');
  }

  private async settleFailure(
    row: JobRow,
    step: string | null,
    error: unknown,
    signal: AbortSignal,
  ): Promise<void> {
    const { db, clock, activity } = this.deps;
    const now = isoNow(clock);
    const reason = signal.aborted ? (signal.reason as StopReason) : null;
    if (reason === 'shutdown') {
      // Not a failure: the app is quitting. The job continues from its checkpoint next start.
      await transitionJob(db, row.job_id, ['generating'], { status: 'pending', updated_at: now });
      return;
    }
    const current = await findJobRow(db, row.job_id);
    if (reason === 'cancel' || current?.cancel_requested === 1) {
      const cancelled = await transitionJob(db, row.job_id, ['generating'], {
        status: 'cancelled',
        current_step: null,
        completed_at: now,
        updated_at: now,
      });
      if (!cancelled) return;
      this.emit(row, 'cancelled', null, current?.progress_percent ?? 0);
      await activity.record({
        action: 'Render cancelled',
        detail: `${row.job_id}: ${row.title}`,
        level: 'detail',
        emoji: '⏹️',
        brandId: row.brand_id,
      });
      return;
    }
    const timedOut = reason === 'timeout' ? this.timeouts.get(row.job_id) : undefined;
    this.timeouts.delete(row.job_id);
    const message = timedOut ?? (error instanceof Error ? error.message : String(error));
    const kind = timedOut ? 'job_timeout' : error instanceof RenderError ? error.kind : null;
    const details =
      error instanceof RenderError
        ? (error.details ?? null)
        : error instanceof Error
          ? (error.stack ?? null)
          : null;
    const failed = await transitionJob(db, row.job_id, ['generating'], {
      status: 'failed',
      error_message: message,
      error_kind: kind,
      failed_step: step,
      error_details: details,
      completed_at: now,
      updated_at: now,
    });
    if (!failed) return;
    this.emit(row, 'failed', step, current?.progress_percent ?? 0);
    await activity.record({
      action: 'Render failed',
      detail: `${row.job_id}: ${row.title}${step ? ` at ${step}` : ''}: ${message}`,
      level: 'error',
      emoji: '⚠️',
      brandId: row.brand_id,
    });
  }
}
