import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import type { Platform } from '../contract/publishing';
import type { Clock } from '../ports/clock';
import type { Database } from '../store/database';
import { publishDefaults } from './defaults';
import type { PublishEngine } from './publish-engine';

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  activity: ActivityLog;
  engine: PublishEngine;
  /** Completed renders not yet on the calendar are placed before each round. */
  scheduleReady(): Promise<number>;
  /** Real-time period of the safety tick (the next due time also arms a timer). */
  tickMs?: number;
}

const platformOrder: Record<Platform, number> = { instagram: 0, facebook: 1, youtube: 2 };

/**
 * Publishing's one loop: each round places ready renders on the calendar, then takes every due
 * platform of every due post in the order they were scheduled and moves it as far as it can go.
 * A round stops at the first "no network" so that, when the network returns, the due posts go
 * out in their order. Between rounds it sleeps until the next due time (or a wake: "Publish now",
 * a finished render), never longer than the safety tick. Runs while Maestro is paused, as in the
 * original (pause stops generation, not publishing).
 */
export class Publisher {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  private closed = false;

  constructor(private readonly deps: Deps) {}

  start(): void {
    this.started = true;
    this.wake();
  }

  /** Looks for due work soon (calls during a round are folded into one more round). */
  wake(): void {
    if (!this.started || this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.round()
      .catch((error: unknown) =>
        this.deps.activity
          .record({
            agent: 'publisher',
            action: 'Publishing round failed',
            detail: String((error as Error)?.stack ?? error),
            level: 'error',
            emoji: '⚠️',
          })
          .then(() => undefined),
      )
      .finally(() => {
        this.running = null;
        if (this.again && !this.closed) {
          this.again = false;
          this.wake();
        } else void this.arm();
      });
  }

  /** One round, awaited (tests drive it with a manual clock). */
  async runDue(): Promise<void> {
    if (this.running) await this.running;
    await this.round();
  }

  /** Waits for the current round (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.idle();
  }

  private async round(): Promise<void> {
    await this.deps.scheduleReady();
    // While the network is away, nothing jumps the queue: the post that found it gone is tried
    // first when its wait is over, and the later ones only after it.
    if (await this.waitingForNetwork()) return;
    const due = await this.dueTargets();
    for (const target of due) {
      if (this.closed) return;
      const outcome = await this.deps.engine.advance(target.schedule_id, target.platform);
      if (outcome === 'offline') return;
    }
  }

  private async waitingForNetwork(): Promise<boolean> {
    const row = await this.deps.db
      .selectFrom('publish_targets')
      .select('schedule_id')
      .where('status', 'in', ['scheduled', 'uploading', 'processing'])
      .where('wait_reason', '=', 'offline')
      .where('next_attempt_at', '>', this.deps.clock.now().toISOString())
      .executeTakeFirst();
    return row !== undefined;
  }

  private async dueTargets(): Promise<Array<{ schedule_id: string; platform: Platform }>> {
    const now = this.deps.clock.now().toISOString();
    const rows = await this.deps.db
      .selectFrom('publish_targets as t')
      .innerJoin('scheduled_posts as p', 'p.schedule_id', 't.schedule_id')
      .select(['t.schedule_id', 't.platform', 'p.scheduled_time'])
      .where('t.status', 'in', ['scheduled', 'uploading', 'processing'])
      .where('p.scheduled_time', '<=', now)
      .where((eb) => eb.or([eb('t.next_attempt_at', 'is', null), eb('t.next_attempt_at', '<=', now)]))
      .orderBy('p.scheduled_time')
      .orderBy('t.schedule_id')
      .execute();
    return rows.sort(
      (a, b) =>
        a.scheduled_time.localeCompare(b.scheduled_time) ||
        a.schedule_id.localeCompare(b.schedule_id) ||
        platformOrder[a.platform] - platformOrder[b.platform],
    );
  }

  /** Sleeps until the next due time, at most the safety tick. */
  private async arm(): Promise<void> {
    if (this.closed || !this.started) return;
    if (this.timer) clearTimeout(this.timer);
    const next = await this.deps.db
      .selectFrom('publish_targets as t')
      .innerJoin('scheduled_posts as p', 'p.schedule_id', 't.schedule_id')
      .select((eb) =>
        eb.fn
          .min(
            eb
              .case()
              .when('t.next_attempt_at', 'is not', null)
              .then(eb.fn('max', ['t.next_attempt_at', 'p.scheduled_time']))
              .else(eb.ref('p.scheduled_time'))
              .end(),
          )
          .as('at'),
      )
      .where('t.status', 'in', ['scheduled', 'uploading', 'processing'])
      .executeTakeFirst()
      .catch(() => undefined);
    const tick = this.deps.tickMs ?? publishDefaults.tickMs;
    const at = next?.at ? Date.parse(String(next.at)) : Number.NaN;
    const wait = Number.isFinite(at)
      ? Math.max(50, Math.min(tick, at - this.deps.clock.now().getTime()))
      : tick;
    if (this.closed) return;
    this.timer = setTimeout(() => this.wake(), wait);
    this.timer.unref();
  }
}
