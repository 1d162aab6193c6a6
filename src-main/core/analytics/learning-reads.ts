import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import type { DomainHandlers } from '../dispatcher';
import type { EventHub } from '../events/event-hub';
import type { GraphClient } from '../platforms/graph-client';
import type { YouTubeClient } from '../platforms/youtube-client';
import type { Clock } from '../ports/clock';
import { Bootstrap } from '../scout/bootstrap';
import { scoutHandlers } from '../scout/scout-handlers';
import { TrendScout } from '../scout/trend-scout';
import type { SettingsService } from '../settings/settings-service';
import type { Database } from '../store/database';
import { analyticsHandlers } from './analytics-handlers';
import { MetricsCollector } from './metrics-collector';
import type { LearningTokens } from './platform-access';

/** The learning loop's reads from the platforms: metrics of published posts, the trend scout, the bootstrap. */
export interface LearningReads {
  metrics: MetricsCollector;
  scout: TrendScout;
  bootstrap: Bootstrap;
  handlers: DomainHandlers<'analytics'> & DomainHandlers<'scout'>;
}

/**
 * Builds them on the app's Graph and YouTube clients (every call in api_usage) and the connections'
 * tokens. Nothing runs by itself: `metrics.collectDue(now)`, `scout.runNow(now)` and
 * `bootstrap.tick(now)` are called by the scheduler, the simulation, or the contract.
 */
export function createLearningReads(deps: {
  db: Kysely<Database>;
  clock: Clock;
  activity: ActivityLog;
  events: EventHub;
  settings: SettingsService;
  graph: GraphClient;
  youtube: YouTubeClient;
  tokens: LearningTokens;
}): LearningReads {
  const metrics = new MetricsCollector(deps);
  const scout = new TrendScout(deps);
  const bootstrap = new Bootstrap({ ...deps, scout });
  return {
    metrics,
    scout,
    bootstrap,
    handlers: {
      ...analyticsHandlers({ ...deps, metrics }),
      ...scoutHandlers({ scout, bootstrap, clock: deps.clock }),
    },
  };
}
