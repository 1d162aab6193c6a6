import type { ActivityLog } from '../activity/activity-log';
import type { Clock } from '../ports/clock';
import type { SettingsService } from '../settings/settings-service';
import type { BurstRunner } from './burst-runner';
import type { BurstSummary } from '../contract/maestro';
import { burstDefaults } from './defaults';
import { isDailyBurstDue, localDay } from './local-time';
import type { MaestroState } from './maestro-state';
import { nextCronRun } from '../orchestrator/cycle-schedule';

interface Deps {
  clock: Clock;
  settings: SettingsService;
  state: MaestroState;
  runner: BurstRunner;
  activity: ActivityLog;
}

/** The cron rule of the daily burst at `burstTime` ("HH:MM", local): the orchestrator's `burst` cycle. */
export function dailyBurstCron(burstTime: string): string {
  const [hour, minute] = burstTime.split(':').map(Number);
  return `${minute} ${hour} * * *`;
}

/**
 * Decides when the daily burst runs: at the configured local time (DST included), or at once
 * when today's is overdue (start, resume, a laptop waking up). It owns no timer: the orchestrator's
 * `burst` cycle fires at the burst time and its `check` cycle catches up every ten minutes; the
 * decision itself is the pure isDailyBurstDue.
 */
export class DailyScheduler {
  private stopped = false;

  constructor(private readonly deps: Deps) {}

  /** The next burst time (the settings' local time, in their zone), as an instant. */
  async nextRunAt(): Promise<string | null> {
    const { values } = await this.deps.settings.values();
    const next = nextCronRun(dailyBurstCron(values.burstTime), values.burstTimeZone, this.deps.clock.now());
    return next?.toISOString() ?? null;
  }

  /** After any burst: a daily burst that fell due while another burst ran starts now. */
  afterBurst(summary: BurstSummary): void {
    if (this.stopped) return;
    // Right after a daily burst the day is either closed or short; a short day waits for the
    // catch-up below instead of hammering an LLM that just failed.
    if (summary.kind !== 'daily') void this.check();
  }

  /**
   * The periodic catch-up: like check(), but a day whose last daily burst ended short is retried
   * only `shortfallRetryMinutes` after that burst finished.
   */
  async catchUp(): Promise<boolean> {
    const latest = await this.deps.runner.latestDaily();
    if (latest && latest.shortfall > 0 && latest.finishedAt) {
      const wait = burstDefaults.shortfallRetryMinutes * 60_000;
      if (this.deps.clock.now().getTime() - Date.parse(latest.finishedAt) < wait) return false;
    }
    return this.check();
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

  /** No further bursts from this scheduler (shutdown). */
  stop(): void {
    this.stopped = true;
  }
}
