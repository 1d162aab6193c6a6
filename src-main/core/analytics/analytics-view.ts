import type { Kysely, Selectable } from 'kysely';
import {
  analyticsViewLimits,
  type AnalyticsBrand,
  type AnalyticsPost,
  type AnalyticsPostDetail,
} from '../contract/analytics';
import { AppError } from '../contract/errors';
import type { Platform } from '../contract/publishing';
import { localDay, localMinutes } from '../maestro/local-time';
import type { Clock } from '../ports/clock';
import type { SettingsService } from '../settings/settings-service';
import type { Database, PostPerformanceTable } from '../store/database';
import { metricStamps, stampColumns, type MetricStamp } from './metric-stamps';
import { roundTo } from './performance-score';

/**
 * The Analytics page's numbers, read from what the collector stored: followers, 7-day views and
 * reach over time (one point per local day and platform), engagement by publishing day, the
 * best publishing hours, and the best and worst posts with the agent and strategy behind them.
 */

export interface AnalyticsViewDeps {
  db: Kysely<Database>;
  clock: Clock;
  settings: SettingsService;
}

type PerformanceRow = Selectable<PostPerformanceTable> & { agent_name: string | null };

function lastStamp(row: Selectable<PostPerformanceTable>): MetricStamp | null {
  for (const stamp of [...metricStamps].reverse()) if (row[stampColumns[stamp]]) return stamp;
  return null;
}

/** At least a day old: measured at 24 h or later, so it is fair to rank. */
function settled(row: Selectable<PostPerformanceTable>): boolean {
  return Boolean(row.metrics_24h_at || row.metrics_48h_at || row.metrics_7d_at);
}

export function postFromRow(row: PerformanceRow): AnalyticsPost {
  return {
    platform: row.platform,
    mediaId: row.media_id,
    scheduleId: row.schedule_id,
    proposalId: row.proposal_id,
    title: row.title,
    contentType: row.content_type,
    topicBucket: row.topic_bucket,
    publishedAt: row.published_at,
    agentId: row.agent_id,
    agentName: row.agent_name,
    strategy: row.strategy,
    examinerScore: row.examiner_score,
    views: row.views,
    reach: row.reach,
    likes: row.likes,
    comments: row.comments,
    saves: row.saves,
    shares: row.shares,
    engagementRate: row.engagement_rate,
    performanceScore: row.performance_score,
    relativeScore: row.relative_score,
    percentileRank: row.percentile_rank,
    lastStamp: lastStamp(row),
    metricsFetchedAt: row.metrics_fetched_at,
  };
}

function mean(values: readonly number[], places: number): number | null {
  return values.length === 0 ? null : roundTo(values.reduce((a, b) => a + b, 0) / values.length, places);
}

function performanceRows(db: Kysely<Database>) {
  return db
    .selectFrom('post_performance as pp')
    .leftJoin('agents as a', 'a.agent_id', 'pp.agent_id')
    .selectAll('pp')
    .select('a.display_name as agent_name');
}

export async function analyticsBrand(
  deps: AnalyticsViewDeps,
  input: { brandId: string; days: number },
): Promise<AnalyticsBrand> {
  const { db } = deps;
  const brand = await db.selectFrom('brands').select('id').where('id', '=', input.brandId).executeTakeFirst();
  if (!brand) throw new AppError('not_found', `There is no brand "${input.brandId}".`);
  const timeZone = (await deps.settings.values()).values.burstTimeZone;
  const since = new Date(deps.clock.now().getTime() - input.days * 86_400_000).toISOString();

  const current = await db
    .selectFrom('brand_analytics')
    .selectAll()
    .where('brand_id', '=', brand.id)
    .execute();
  const snapshots = await db
    .selectFrom('analytics_snapshots')
    .selectAll()
    .where('brand_id', '=', brand.id)
    .where('snapshot_at', '>=', since)
    .orderBy('snapshot_at')
    .orderBy('id')
    .execute();
  // The latest snapshot of each local day and platform.
  const byDay = new Map<string, Map<string, (typeof snapshots)[number]>>();
  for (const s of snapshots) {
    const day = localDay(new Date(s.snapshot_at), timeZone);
    if (!byDay.has(day)) byDay.set(day, new Map());
    byDay.get(day)!.set(s.platform, s);
  }
  const series = (value: (s: (typeof snapshots)[number]) => number) =>
    [...byDay].map(([day, platforms]) => {
      const at = (p: Platform) => (platforms.has(p) ? value(platforms.get(p)!) : null);
      return { day, instagram: at('instagram'), facebook: at('facebook'), youtube: at('youtube') };
    });

  const rows = (await performanceRows(db)
    .where('pp.brand_id', '=', brand.id)
    .where('pp.published_at', '>=', since)
    .orderBy('pp.published_at')
    .execute()) as PerformanceRow[];
  const measured = rows.filter((r) => r.metrics_fetched_at);

  const engagementByDay = new Map<string, PerformanceRow[]>();
  const byHour = new Map<number, PerformanceRow[]>();
  for (const row of measured) {
    const at = new Date(row.published_at!);
    const day = localDay(at, timeZone);
    if (!engagementByDay.has(day)) engagementByDay.set(day, []);
    engagementByDay.get(day)!.push(row);
    const hour = Math.floor(localMinutes(at, timeZone) / 60);
    if (!byHour.has(hour)) byHour.set(hour, []);
    byHour.get(hour)!.push(row);
  }
  const relatives = (group: PerformanceRow[]) =>
    group.filter((r) => r.relative_score !== null).map((r) => r.relative_score!);

  const ranked = measured
    .filter((r) => settled(r) && r.relative_score !== null)
    .sort((a, b) => b.relative_score! - a.relative_score! || b.performance_score - a.performance_score);
  const top = ranked.slice(0, analyticsViewLimits.topPosts);
  const bottom = ranked
    .filter((r) => !top.includes(r))
    .reverse()
    .slice(0, analyticsViewLimits.topPosts);
  const sum = (key: 'views' | 'likes' | 'comments' | 'saves' | 'shares') =>
    measured.reduce((total, r) => total + r[key], 0);

  return {
    brandId: brand.id,
    days: input.days,
    since,
    timeZone,
    current: current.map((row) => {
      const extra = JSON.parse(row.extra_metrics) as { reachLast7Days?: number; basis?: string };
      return {
        platform: row.platform,
        followers: row.followers_count,
        viewsLast7Days: row.views_last_7_days,
        reachLast7Days: extra.reachLast7Days ?? 0,
        likesLast7Days: row.likes_last_7_days,
        fetchedAt: row.last_fetched_at,
        basis: extra.basis === 'account_insights' ? 'account_insights' : 'own_recent_posts',
      };
    }),
    followers: series((s) => s.followers_count),
    viewsLast7Days: series((s) => s.views_last_7_days),
    reachLast7Days: series((s) => s.reach_last_7_days),
    engagement: [...engagementByDay].map(([day, group]) => ({
      day,
      posts: group.length,
      views: group.reduce((total, r) => total + r.views, 0),
      avgEngagementRate: mean(
        group.map((r) => r.engagement_rate),
        2,
      )!,
      avgPerformanceScore: mean(
        group.map((r) => r.performance_score),
        1,
      )!,
      avgRelativeScore: mean(relatives(group), 1),
    })),
    bestHours: [...byHour]
      .sort(([a], [b]) => a - b)
      .map(([hour, group]) => ({
        hour,
        posts: group.length,
        avgViews: mean(
          group.map((r) => r.views),
          0,
        )!,
        avgRelativeScore: mean(relatives(group), 1),
      })),
    topPosts: top.map(postFromRow),
    bottomPosts: bottom.map(postFromRow),
    totals: {
      posts: measured.length,
      views: sum('views'),
      likes: sum('likes'),
      comments: sum('comments'),
      saves: sum('saves'),
      shares: sum('shares'),
      avgEngagementRate: mean(
        measured.map((r) => r.engagement_rate),
        2,
      ),
      avgRelativeScore: mean(relatives(measured), 1),
    },
  };
}

export async function analyticsPost(
  deps: AnalyticsViewDeps,
  input: { platform: Platform; mediaId: string },
): Promise<AnalyticsPostDetail> {
  const row = (await performanceRows(deps.db)
    .where('pp.platform', '=', input.platform)
    .where('pp.media_id', '=', input.mediaId)
    .executeTakeFirst()) as PerformanceRow | undefined;
  if (!row)
    throw new AppError('not_found', `No measurements of ${input.platform} post ${input.mediaId} yet.`);
  const snapshots = await deps.db
    .selectFrom('metric_snapshots')
    .selectAll()
    .where('platform', '=', input.platform)
    .where('media_id', '=', input.mediaId)
    .execute();
  snapshots.sort((a, b) => metricStamps.indexOf(a.stamp) - metricStamps.indexOf(b.stamp));
  return {
    post: postFromRow(row),
    snapshots: snapshots.map((s) => ({
      stamp: s.stamp,
      fetchedAt: s.fetched_at,
      views: s.views,
      reach: s.reach,
      likes: s.likes,
      comments: s.comments,
      saves: s.saves,
      shares: s.shares,
      totalInteractions: s.total_interactions,
    })),
  };
}
