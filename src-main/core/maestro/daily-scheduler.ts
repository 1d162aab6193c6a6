import { Cron } from 'croner';
import type { ActivityLog } from '../activity/activity-log';
import type { Clock } from '../ports/clock';
import type { SettingsService } from '../settings/settings-service';
import type { BurstRunner } from './burst-runner';
import { isDailyBurstDue } from './local-time';
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

  constructor(private readonly deps: Deps) {}

  /** (Re)arms the timer from the current settings; called at start and when they change. */
  async arm(): Promise<void> {
    this.stop();
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

  /** Starts today's daily burst if it is due; returns whether it started one. */
  async check(): Promise<boolean> {
    const { clock, settings, state, runner } = this.deps;
    if (runner.isRunning) return false;
    const { values } = await settings.values();
    const due = isDailyBurstDue({
      now: clock.now(),
      timeZone: values.burstTimeZone,
      burstTime: values.burstTime,
      lastDailyRunDay: await state.lastDailyRunDay(),
      paused: (await state.status()).paused,
    });
    if (!due) return false;
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

  stop(): void {
    this.job?.stop();
    this.job = null;
  }
}
