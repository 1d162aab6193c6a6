import {
  dashboardLimits,
  type DashboardPost,
  type MaestroDashboard,
  type PlatformQuota,
} from '../contract/dashboard';
import type { LlmUsage } from '../contract/llm';
import type { CycleStatus, MaestroOverview } from '../contract/maestro';
import type { Clock } from '../ports/clock';
import { zonedInstant } from '../schedule/local-wall-time';
import type { SettingsService } from '../settings/settings-service';
import { localDay } from './local-time';

interface Deps {
  clock: Clock;
  settings: SettingsService;
  overview(): Promise<MaestroOverview>;
  cycles(): Promise<CycleStatus[]>;
  proposals: { waitingCounts(): Promise<{ pending: number; needsReview: number }> };
  calendar: {
    nextDue(limit: number): Promise<DashboardPost[]>;
    publishedSince(since: Date, limit: number): Promise<{ count: number; items: DashboardPost[] }>;
  };
  llmUsage(): Promise<LlmUsage>;
  quotas(now: Date): Promise<PlatformQuota[]>;
}

/**
 * The dashboard in one read. Each part is bounded (a few posts, counts, today's windows), so it
 * costs the same after a year as after a day; the page re-reads it when an event says one of its
 * parts changed. Pause and the burst runner are not in it: the page and the tray take those from
 * `maestro.status` and the `maestro.state` event alone.
 */
export class MaestroDashboardReader {
  constructor(private readonly deps: Deps) {}

  async read(): Promise<MaestroDashboard> {
    const { deps } = this;
    const now = deps.clock.now();
    const timeZone = (await deps.settings.values()).values.burstTimeZone;
    const dayStart = zonedInstant(localDay(now, timeZone), '00:00', timeZone).at;
    // Reads only: each settles on its own and none changes anything.
    const [burst, cycles, proposals, nextDue, published, llm, platforms] = await Promise.all([
      deps.overview(),
      deps.cycles(),
      deps.proposals.waitingCounts(),
      deps.calendar.nextDue(dashboardLimits.nextPosts),
      deps.calendar.publishedSince(dayStart, dashboardLimits.publishedToday),
      deps.llmUsage(),
      deps.quotas(now),
    ]);
    return {
      burst,
      cycles,
      proposals,
      posts: {
        timeZone,
        dayStartsAt: dayStart.toISOString(),
        nextDue,
        publishedTodayCount: published.count,
        publishedToday: published.items,
      },
      llm,
      platforms,
      checkedAt: now.toISOString(),
    };
  }
}
