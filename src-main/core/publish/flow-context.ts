import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Brand } from '../contract/brands';
import type { Platform } from '../contract/publishing';
import type { EventHub } from '../events/event-hub';
import { isoNow, type Clock } from '../ports/clock';
import type { PostMedia, PublishTargetRow, ScheduledPostRow } from '../schedule/calendar-repository';
import { refreshPostStatus } from '../schedule/post-transitions';
import type { Database } from '../store/database';

/** What a platform flow ends with when it does not throw. */
export type FlowResult =
  | { kind: 'published'; externalId: string; permalink: string | null; note?: string | null }
  /** Not done yet (processing): look again at `until`. */
  | { kind: 'later'; until: Date; reason: string }
  /** Waiting for the creator (a media host, a connection): nothing happens until they act. */
  | { kind: 'needs_you'; reason: string; message: string; suggestedFix: string };

export type Checkpoint = Record<string, unknown>;

/**
 * One platform's publishing state for one post, as a flow sees it. Every change is written at
 * once, so a crash at any point resumes from the last saved fact:
 * - `enter(step, status)`: the step under way (shown in the calendar);
 * - `save(patch)`: external ids, offsets, flags — merged into the checkpoint, and the intent of
 *   a call cleared (its outcome is now known);
 * - `intend(step)`: written just before a call that creates something visible (publishing a
 *   container, finishing a reel, posting to the feed). If the app stops before the answer is
 *   saved, the next run finds `pending(step)` true and must look the outcome up on the platform
 *   before calling again — that is what keeps a post from going out twice.
 */
export class FlowContext {
  private current: PublishTargetRow;
  readonly checkpoint: Checkpoint;

  constructor(
    private readonly deps: { db: Kysely<Database>; clock: Clock; events: EventHub; mediaDir: string },
    public post: ScheduledPostRow,
    target: PublishTargetRow,
    readonly brand: Brand,
  ) {
    this.current = target;
    this.checkpoint = JSON.parse(target.checkpoint) as Checkpoint;
  }

  get platform(): Platform {
    return this.current.platform;
  }

  get media(): PostMedia {
    return JSON.parse(this.post.media) as PostMedia;
  }

  now(): Date {
    return this.deps.clock.now();
  }

  /** Absolute path of one of the render's files. */
  file(relative: string): string {
    return join(this.deps.mediaDir, relative);
  }

  /** True when a call of `step` was under way when an earlier run stopped (its outcome is unknown). */
  pending(step: string): boolean {
    return this.current.step === step && this.current.step_started_at !== null;
  }

  /** When the call of the pending step was made (for looking its result up by time). */
  get intentAt(): Date | null {
    return this.current.step_started_at ? new Date(this.current.step_started_at) : null;
  }

  async enter(step: string, status: 'uploading' | 'processing'): Promise<void> {
    if (this.current.step === step && this.current.status === status) return;
    await this.write({ step, status, step_started_at: null });
    this.deps.events.emit('publish.progress', {
      scheduleId: this.post.schedule_id,
      platform: this.platform,
      status,
      step,
      percent: null,
    });
  }

  async intend(step: string): Promise<void> {
    await this.write({ step, step_started_at: isoNow(this.deps.clock) });
  }

  async save(patch: Checkpoint): Promise<void> {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete this.checkpoint[key];
      else this.checkpoint[key] = value;
    }
    await this.write({ checkpoint: JSON.stringify(this.checkpoint), step_started_at: null });
  }

  /** Forgets everything of an attempt that can no longer finish (an expired container). */
  async restart(keep: readonly string[] = []): Promise<void> {
    for (const key of Object.keys(this.checkpoint)) if (!keep.includes(key)) delete this.checkpoint[key];
    await this.write({ checkpoint: JSON.stringify(this.checkpoint), step: null, step_started_at: null });
  }

  /** The YouTube title the LLM wrote replaces the fallback (the creator's own is never replaced). */
  async setYoutubeTitle(title: string): Promise<void> {
    const now = isoNow(this.deps.clock);
    const result = await this.deps.db
      .updateTable('scheduled_posts')
      .set({ youtube_title: title, youtube_title_source: 'llm', updated_at: now })
      .where('schedule_id', '=', this.post.schedule_id)
      .where('youtube_title_source', '=', 'fallback')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) {
      this.post = { ...this.post, youtube_title: title, youtube_title_source: 'llm' };
    }
  }

  progress(percent: number): void {
    this.deps.events.emit('publish.progress', {
      scheduleId: this.post.schedule_id,
      platform: this.platform,
      status: this.current.status === 'processing' ? 'processing' : 'uploading',
      step: this.current.step,
      percent: Math.max(0, Math.min(100, Math.round(percent))),
    });
  }

  private async write(changes: Partial<PublishTargetRow>): Promise<void> {
    const now = isoNow(this.deps.clock);
    const statusChanged = changes.status !== undefined && changes.status !== this.current.status;
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('publish_targets')
        .set({ ...changes, updated_at: now })
        .where('schedule_id', '=', this.post.schedule_id)
        .where('platform', '=', this.platform)
        .execute();
      if (statusChanged) await refreshPostStatus(trx, this.post.schedule_id, now);
    });
    this.current = { ...this.current, ...changes, updated_at: now };
    if (statusChanged)
      this.deps.events.emit('data.changed', { entity: 'calendar', id: this.post.schedule_id });
  }
}
