import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import type { AgentsService } from '../agents/agents-service';
import type { BrandsService } from '../brands/brands-service';
import type { BurstSummary, MaestroOverview } from '../contract/maestro';
import type { SettingsService } from '../settings/settings-service';
import type { Clock } from '../ports/clock';
import type { Database } from '../store/database';
import { burstFromRow, type BurstRunner } from './burst-runner';
import type { DailyScheduler } from './daily-scheduler';
import { localDay } from './local-time';
import type { MaestroState } from './maestro-state';

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  state: MaestroState;
  runner: BurstRunner;
  scheduler: DailyScheduler;
  settings: SettingsService;
  brands: BrandsService;
  agents: AgentsService;
  activity: ActivityLog;
}

/** Maestro's controls as the dashboard and tray use them. */
export class MaestroService {
  constructor(private readonly deps: Deps) {}

  async overview(): Promise<MaestroOverview> {
    const { db, clock, settings, state, runner, scheduler } = this.deps;
    const { values } = await settings.values();
    const today = localDay(clock.now(), values.burstTimeZone);
    const latest = await db.selectFrom('bursts').selectAll().orderBy('id', 'desc').executeTakeFirst();
    const brands = await this.deps.brands.list(false);
    const counts = await db
      .selectFrom('proposals')
      .select(['brand_id', 'content_type', (eb) => eb.fn.countAll<number>().as('n')])
      .where('burst_day', '=', today)
      .where('attempt', '=', 1)
      .groupBy(['brand_id', 'content_type'])
      .execute();
    const count = (brandId: string, type: string) =>
      Number(counts.find((c) => c.brand_id === brandId && c.content_type === type)?.n ?? 0);
    return {
      paused: (await state.status()).paused,
      today,
      timeZone: values.burstTimeZone,
      burstTime: values.burstTime,
      lastDailyRunDay: await state.lastDailyRunDay(),
      nextDailyBurstAt: await scheduler.nextRunAt(),
      burstRunning: runner.isRunning,
      latestBurst: latest ? burstFromRow(latest) : null,
      quota: brands.map((b) => ({
        brandId: b.id,
        displayName: b.displayName,
        reels: count(b.id, 'reel'),
        posts: count(b.id, 'post'),
        targetReels: values.reelsPerBrand,
        targetPosts: values.postsPerBrand,
      })),
    };
  }

  /** "Burst now": generates only what today still lacks; does not count as the daily burst. */
  async triggerBurst(): Promise<BurstSummary> {
    return this.deps.runner.start('smart');
  }

  /** Lets the daily burst run again today (it still only fills what is missing). */
  async resetDaily(): Promise<MaestroOverview> {
    await this.deps.state.setLastDailyRunDay(null);
    await this.deps.activity.record({
      agent: 'maestro',
      action: 'Daily run reset',
      level: 'action',
      emoji: '↺',
    });
    return this.overview();
  }

  /**
   * Every active agent drafts a few brand-less reels and posts for the creator to look at (not
   * examined; they stay pending). Runs in the background like a burst and reports progress the
   * same way; resolves at once with the run as it starts.
   */
  async optimizeNow(): Promise<BurstSummary> {
    return this.deps.runner.start('optimize');
  }
}
