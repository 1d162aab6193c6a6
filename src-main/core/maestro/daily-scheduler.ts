import { Cron } from 'croner';
import type { ActivityLog } from '../activity/activity-log';
import type { Clock } from '../ports/clock';
import type { SettingsService } from '../settings/settings-service';
import type { BurstRunner } from './burst-runner';
import type { BurstSummary } from '../contract/maestro';
import { burstDefaults } from './defaults';
import { isDailyBurstDue, localDay } from './local-time';
import type { MaestroState } from './maestro-state';

interface Deps {
  clock: Clock;
  settings: SettingsService;
  state: MaestroState;
  runner: BurstRunner;
  activity: ActivityLog;
}

/**
 * Fires the daily burst at the configured local time (croner, tz-aware, DST included) and
 * catches up at start or on resume when today's burst is overdue. The decision itself is the
 * pure isDailyBurstDue, so tests drive `check()` with a manual clock.
 */
export class DailyScheduler {
  private job: Cron | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly deps: Deps) {}

  /** (Re)arms the timer from the current settings; called at start and when they change. */
  async arm(): Promise<void> {
    if (this.stopped) return;
    this.stopTimers();
    const { values } = await this.deps.settings.values();
    const [hour, minute] = values.burstTime.split(':').map(Number);
    this.job = new Cron(
      `${minute} ${hour} * * *`,
      { timezone: values.burstTimeZone, protect: true, catch: true },
      () => {
        void this.check();
      },
    );
  }

  nextRunAt(): string | null {
    return this.job?.nextRun()?.toISOString() ?? null;
  }

  /**
   * After any burst: a daily burst that fell due while another burst ran starts now (a smart
   * burst at burst time no longer swallows the day's trigger); a burst that ended short is
   * retried by a catch-up a little later (if the timers are armed).
   */
  afterBurst(summary: BurstSummary): void {
    if (this.stopped) return;
    // Right after a daily burst the day is either closed or short; a short day waits for the
    // retry below instead of hammering an LLM that just failed.
    if (summary.kind !== 'daily') void this.check();
    if (summary.kind !== 'optimize' && summary.shortfall > 0 && this.job) {
      if (this.retryTimer) clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        void this.check();
      }, burstDefaults.shortfallRetryMinutes * 60_000);
      // A pending retry must not keep a headless process alive on its own.
      this.retryTimer.unref();
    }
  }

  /** Starts today's daily burst if it is due; returns whether it started one. */
  async check(): Promise<boolean> {
    const { clock, settings, state, runner } = this.deps;
    if (this.stopped || runner.isRunning) return false;
    const { values } = await settings.values();
    const now = clock.now();
    const due = isDailyBurstDue({
      now,
      timeZone: values.burstTimeZone,
      burstTime: values.burstTime,
      lastDailyRunDay: await state.lastDailyRunDay(),
      paused: (await state.status()).paused,
    });
    if (!due) return false;
    // A day whose bursts kept ending short stops being retried automatically.
    const attempts = await runner.dailyAttempts(localDay(now, values.burstTimeZone));
    if (attempts >= burstDefaults.maxDailyAttempts) return false;
    try {
      await runner.start('daily');
      return true;
    } catch (error) {
      await this.deps.activity.record({
        agent: 'maestro',
        action: 'Burst failed to start',
        detail: String(error),
        level: 'error',
        emoji: '🛑',
      });
      return false;
    }
  }

  /** Stops the timers and any later check (shutdown). */
  stop(): void {
    this.stopped = true;
    this.stopTimers();
  }

  private stopTimers(): void {
    this.job?.stop();
    this.job = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}
