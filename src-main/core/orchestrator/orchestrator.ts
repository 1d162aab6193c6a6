import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import type { CycleStatus } from '../contract/maestro';
import { AppError } from '../contract/errors';
import type { EventHub } from '../events/event-hub';
import type { MaestroState } from '../maestro/maestro-state';
import type { Clock } from '../ports/clock';
import type { SettingsService } from '../settings/settings-service';
import type { SettingsValues } from '../contract/settings';
import type { Database } from '../store/database';
import { nextDueAt, type CycleId, type CycleTiming } from './cycle-schedule';
import { emptyCycleRecord, readCycleRecords, writeCycleRecord, type CycleRecord } from './cycle-store';

/** One cycle: what it is, when it runs, and the work (which may say what it did, or that it skipped). */
export interface CycleTask {
  id: CycleId;
  label: string;
  /** Read on every tick, so a changed setting (burst time, time zone) applies at once. */
  timing(values: SettingsValues): CycleTiming;
  runsWhenPaused: boolean;
  run(now: Date): Promise<CycleOutcome | void>;
}

export interface CycleOutcome {
  detail?: string;
  skipped?: boolean;
}

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  settings: Pick<SettingsService, 'values'>;
  state: Pick<MaestroState, 'status'>;
  activity: Pick<ActivityLog, 'record'>;
  events: Pick<EventHub, 'emit'>;
  tasks: readonly CycleTask[];
}

/** How often the orchestrator looks for due cycles (each look is a few cheap reads). */
export const tickEveryMs = 20_000;

/**
 * Maestro's one scheduler: every cycle of the reference's table (and the app's own) on one
 * clock. A tick runs each due cycle that is not already running (a cycle never overlaps itself;
 * different cycles run side by side), skipping while paused those that do not run when paused.
 * A cycle's last run is stored when it finishes, so after a restart, or a laptop waking after ten
 * hours, each cycle catches up once; a run a crash interrupted is simply run again. A failing
 * cycle is logged (activity + its record) and never stops the others.
 */
export class Orchestrator {
  private startedAt: Date | null = null;
  /** The cycle records, read once and then kept in step (this orchestrator is their only writer). */
  private records: Map<CycleId, CycleRecord> | null = null;
  private readonly running = new Map<CycleId, Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly deps: Deps) {}

  /** Starts the clock of the start-up stagger and, unless `manual`, the periodic tick. */
  start(options: { manual?: boolean } = {}): void {
    this.startedAt = this.deps.clock.now();
    if (options.manual) return;
    this.timer = setInterval(() => void this.tick(), tickEveryMs);
    // The tick must not keep a headless process (or a test) alive on its own.
    this.timer.unref();
  }

  /** Whether the periodic tick is on (started, not manual, not stopped): diagnostics' scheduler_health. */
  get ticking(): boolean {
    return this.timer !== null && !this.stopped;
  }

  /** Runs every due cycle (without waiting for them); returns the ids it started. */
  async tick(): Promise<CycleId[]> {
    if (this.stopped) return [];
    const { clock, settings, state } = this.deps;
    const now = clock.now();
    this.startedAt ??= now;
    const [records, { values }, { paused }] = await Promise.all([
      this.loadRecords(),
      settings.values(),
      state.status(),
    ]);
    const started: CycleId[] = [];
    for (const task of this.deps.tasks) {
      if (this.running.has(task.id)) continue;
      if (paused && !task.runsWhenPaused) continue;
      const record = records.get(task.id) ?? emptyCycleRecord();
      const due = this.dueAt(task, record, values);
      if (!due || due.getTime() > now.getTime()) continue;
      started.push(task.id);
      this.launch(task, record);
    }
    return started;
  }

  /** Runs one cycle now, whether due or not (or waits for the run under way); returns its status. */
  async runNow(id: CycleId): Promise<CycleStatus> {
    const task = this.deps.tasks.find((t) => t.id === id);
    if (!task) throw new AppError('not_found', `There is no "${id}" cycle in this app.`, { id });
    if (!this.running.has(id)) {
      const records = await this.loadRecords();
      this.launch(task, records.get(id) ?? emptyCycleRecord());
    }
    await this.running.get(id);
    return (await this.status()).find((c) => c.id === id)!;
  }

  /** Waits until no cycle is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  /** Every cycle with its last run and when it runs next (null: waits for Resume). */
  async status(): Promise<CycleStatus[]> {
    const { settings, state } = this.deps;
    const [records, { values }, { paused }] = await Promise.all([
      this.loadRecords(),
      settings.values(),
      state.status(),
    ]);
    return this.deps.tasks.map((task) => {
      const record = records.get(task.id) ?? emptyCycleRecord();
      const timing = task.timing(values);
      const next = paused && !task.runsWhenPaused ? null : this.dueAt(task, record, values);
      return {
        id: task.id,
        label: task.label,
        schedule: describeTiming(timing, values.burstTimeZone),
        runsWhenPaused: task.runsWhenPaused,
        running: this.running.has(task.id),
        nextRunAt: next
          ? new Date(Math.max(next.getTime(), this.deps.clock.now().getTime())).toISOString()
          : null,
        ...record,
      };
    });
  }

  /** Stops ticking; running cycles finish (the caller may wait with idle()). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async loadRecords(): Promise<Map<CycleId, CycleRecord>> {
    this.records ??= await readCycleRecords(this.deps.db);
    return this.records;
  }

  private dueAt(task: CycleTask, record: CycleRecord, values: SettingsValues): Date | null {
    return nextDueAt({
      timing: task.timing(values),
      lastRunAt: record.lastStartedAt ? new Date(record.lastStartedAt) : null,
      startedAt: this.startedAt ?? this.deps.clock.now(),
      timeZone: values.burstTimeZone,
    });
  }

  private launch(task: CycleTask, before: CycleRecord): void {
    const { clock, db, activity, events } = this.deps;
    const startedAt = clock.now();
    const work = (async () => {
      const record: CycleRecord = {
        ...before,
        lastStartedAt: startedAt.toISOString(),
        runs: before.runs + 1,
      };
      try {
        const outcome = (await task.run(startedAt)) ?? {};
        record.lastOutcome = outcome.skipped ? 'skipped' : 'ok';
        record.lastDetail = outcome.detail ?? null;
        record.lastError = null;
      } catch (error) {
        record.lastOutcome = 'failed';
        record.lastError = error instanceof Error ? error.message : String(error);
        record.failures += 1;
        await activity
          .record({
            agent: 'maestro',
            action: `${task.label} failed`,
            detail: record.lastError,
            level: 'error',
            emoji: '⚠️',
          })
          .catch(() => undefined);
      }
      record.lastFinishedAt = clock.now().toISOString();
      this.records?.set(task.id, record);
      await writeCycleRecord(db, task.id, record, record.lastFinishedAt).catch(() => undefined);
      events.emit('data.changed', { entity: 'cycles', id: task.id });
    })().finally(() => this.running.delete(task.id));
    this.running.set(task.id, work);
  }
}

export function describeTiming(timing: CycleTiming, timeZone: string): string {
  if (timing.kind === 'every') {
    const m = timing.minutes;
    return m % 60 === 0 ? `every ${m / 60} h` : `every ${m} min`;
  }
  return `${timing.label} (${timeZone})`;
}
