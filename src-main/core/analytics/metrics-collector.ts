import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import type { AnalyticsCollectSummary } from '../contract/analytics';
import type { Platform } from '../contract/publishing';
import type { GraphClient } from '../platforms/graph-client';
import {
  readFacebookPostCounts,
  readFacebookReelInsights,
  readInstagramInsights,
  readInstagramMedia,
  type ReadCounts,
} from '../platforms/graph-reads';
import { readVideoStatistics } from '../platforms/youtube-stats';
import type { YouTubeClient } from '../platforms/youtube-client';
import type { EventHub } from '../events/event-hub';
import type { Clock } from '../ports/clock';
import type { Database } from '../store/database';
import { BrandSnapshots } from './brand-snapshots';
import { analyticsDefaults } from './defaults';
import { dueStamp, stampDeadline, type MetricStamp } from './metric-stamps';
import {
  findMeasurablePosts,
  peersAtStamp,
  recomputePercentiles,
  recordStamp,
  type MeasurablePost,
} from './metrics-repository';
import { relativeScore, type PostMetrics } from './performance-score';
import {
  CallBudget,
  classifyReadFailure,
  StopPlatform,
  withYouTubeToken,
  type LearningTokens,
} from './platform-access';
import { YouTubeReadBudget } from './youtube-budget';

export interface MetricsCollectorDeps {
  db: Kysely<Database>;
  clock: Clock;
  activity: ActivityLog;
  events: EventHub;
  graph: GraphClient;
  youtube: YouTubeClient;
  tokens: LearningTokens;
}

interface DuePost {
  post: MeasurablePost;
  stamp: MetricStamp;
}

/** What a platform read gave for one post: the numbers, or nothing yet. */
type Measured = { metrics: PostMetrics; totalInteractions: number } | null;

/**
 * Brings the audience's numbers back: for every published post and platform, the stamp due now
 * (1 h, 6 h, 24 h, 48 h, 7 d after publishing; each once — see dueStamp), read from Instagram,
 * Facebook or YouTube, written as a metric snapshot and onto the post's performance row with the
 * reference's score and the score relative to the brand's own recent posts; then brand
 * snapshots. A rate limit, quota, refused token or outage stops that brand's platform for this
 * run and leaves its stamps for the next; one refused post does not stop the others. Runs one at
 * a time: the simulation, the scheduler and "collect now" queue behind each other.
 */
export class MetricsCollector {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly snapshots: BrandSnapshots;

  constructor(private readonly deps: MetricsCollectorDeps) {
    this.snapshots = new BrandSnapshots(deps);
  }

  /** Takes every stamp due at `now` (default: the clock), and brand snapshots that are due. */
  collectDue(now?: Date, options: { brandId?: string } = {}): Promise<AnalyticsCollectSummary> {
    const run = this.queue.then(() => this.run(now ?? this.deps.clock.now(), options.brandId));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(now: Date, brandId: string | undefined): Promise<AnalyticsCollectSummary> {
    const summary: AnalyticsCollectSummary = {
      startedAt: now.toISOString(),
      finishedAt: now.toISOString(),
      snapshotsTaken: 0,
      noDataYet: 0,
      brandSnapshots: 0,
      stopped: [],
      errors: [],
    };
    const posts = await findMeasurablePosts(this.deps.db, now, brandId);
    const due: DuePost[] = posts
      .map((post) => ({ post, stamp: dueStamp(new Date(post.publishedAt), now, post.taken) }))
      .filter((d): d is DuePost => d.stamp !== null)
      // The stamps closest to the end of their window first: they are the ones a stop would lose.
      .sort(
        (a, b) =>
          stampDeadline(new Date(a.post.publishedAt), a.stamp).getTime() -
          stampDeadline(new Date(b.post.publishedAt), b.stamp).getTime(),
      );
    const groups = new Map<string, DuePost[]>();
    for (const item of due) {
      const key = `${item.post.brandId} ${item.post.platform}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(item);
    }
    const budget = new CallBudget(analyticsDefaults.metaCallsPerBrandPerRun);
    const youtubeBudget = new YouTubeReadBudget(this.deps.db, analyticsDefaults.youtubeUnitsPerDay);
    for (const items of groups.values()) {
      const { brandId: brand, platform } = items[0]!.post;
      const taken = await this.collectGroup(brand, platform, items, now, summary, budget, youtubeBudget);
      if (taken > 0) await recomputePercentiles(this.deps.db, brand, platform);
    }
    summary.brandSnapshots = await this.snapshots.takeDue(now, brandId, summary, budget, youtubeBudget);
    summary.finishedAt = this.deps.clock.now().toISOString();
    await this.report(summary);
    // Open Analytics views refetch; a run that took nothing changed nothing they show.
    if (summary.snapshotsTaken + summary.brandSnapshots > 0) {
      this.deps.events.emit('data.changed', { entity: 'analytics', ...(brandId ? { id: brandId } : {}) });
    }
    return summary;
  }

  /** One brand's due stamps on one platform; returns how many were taken. */
  private async collectGroup(
    brandId: string,
    platform: Platform,
    items: DuePost[],
    now: Date,
    summary: AnalyticsCollectSummary,
    budget: CallBudget,
    youtubeBudget: YouTubeReadBudget,
  ): Promise<number> {
    let taken = 0;
    const record = async (item: DuePost, measured: Measured) => {
      if (!measured) {
        summary.noDataYet += 1;
        return;
      }
      const peers = await peersAtStamp(this.deps.db, item.post, item.stamp);
      const written = await recordStamp(
        this.deps.db,
        item.post,
        item.stamp,
        {
          metrics: measured.metrics,
          totalInteractions: measured.totalInteractions,
          relativeScore: relativeScore(measured.metrics, peers),
        },
        now.toISOString(),
      );
      if (written) {
        taken += 1;
        summary.snapshotsTaken += 1;
      }
    };
    const stop = (reason: StopPlatform, left: number) =>
      summary.stopped.push({
        brandId,
        platform,
        reason: reason.reason,
        detail: reason.detail,
        leftForLater: left,
      });

    if (platform === 'youtube') {
      for (let start = 0; start < items.length; start += analyticsDefaults.youtubeBatchSize) {
        const batch = items.slice(start, start + analyticsDefaults.youtubeBatchSize);
        try {
          await youtubeBudget.allowOne(now);
          const stats = await withYouTubeToken(this.deps.tokens, brandId, (token) =>
            readVideoStatistics(
              this.deps.youtube,
              token,
              batch.map((b) => b.post.mediaId),
            ),
          );
          for (const item of batch) {
            const found = stats.get(item.post.mediaId);
            if (!found) {
              summary.errors.push({
                brandId,
                platform,
                mediaId: item.post.mediaId,
                detail: 'YouTube no longer lists this video (deleted or made private).',
              });
              continue;
            }
            await record(item, {
              metrics: {
                views: found.views,
                reach: 0,
                likes: found.likes,
                comments: found.comments,
                saves: 0,
                shares: 0,
              },
              totalInteractions: found.likes + found.comments,
            });
          }
        } catch (error) {
          const failure = await classifyReadFailure(error, brandId, platform, this.deps.tokens);
          if (failure instanceof StopPlatform) {
            stop(failure, items.length - start);
            break;
          }
          for (const item of batch) {
            summary.errors.push({ brandId, platform, mediaId: item.post.mediaId, detail: failure });
          }
        }
      }
      return taken;
    }

    for (const [index, item] of items.entries()) {
      try {
        await record(item, await this.measureMeta(item.post, budget));
      } catch (error) {
        const failure = await classifyReadFailure(error, brandId, platform, this.deps.tokens);
        if (failure instanceof StopPlatform) {
          stop(failure, items.length - index);
          break;
        }
        summary.errors.push({ brandId, platform, mediaId: item.post.mediaId, detail: failure });
      }
    }
    return taken;
  }

  /** One post on Instagram (media fields + insights) or Facebook (reel insights, or a post's counters). */
  private async measureMeta(post: MeasurablePost, budget: CallBudget): Promise<Measured> {
    const { graph, tokens } = this.deps;
    const platform = post.platform as 'instagram' | 'facebook';
    const access = await tokens.metaTokens(post.brandId, platform);
    if (platform === 'instagram') {
      budget.spend(post.brandId);
      const info = await readInstagramMedia(
        graph,
        access.userToken,
        post.mediaId,
        analyticsDefaults.instagramMediaFields,
      );
      // Stories are not published by the app, and their insights expire; nothing to learn from.
      if (info.mediaProductType === 'STORY') return null;
      budget.spend(post.brandId);
      const insights = await readInstagramInsights(
        graph,
        access.userToken,
        post.mediaId,
        analyticsDefaults.instagramMediaMetrics,
      );
      if (!insights) return null;
      return measured(insights, { likes: info.likeCount, comments: info.commentsCount });
    }
    budget.spend(post.brandId);
    if (post.calendarType === 'reel') {
      const insights = await readFacebookReelInsights(
        graph,
        access.pageToken,
        post.mediaId,
        analyticsDefaults.facebookReelMetrics,
      );
      return insights ? measured(insights, {}) : null;
    }
    return measured(
      await readFacebookPostCounts(
        graph,
        access.pageToken,
        post.mediaId,
        analyticsDefaults.facebookPostFields,
      ),
      {},
    );
  }

  /** One activity entry per run that did something, and one per platform a limit stopped. */
  private async report(summary: AnalyticsCollectSummary): Promise<void> {
    for (const stop of summary.stopped) {
      // Missing connections are the Connections page's to show; expiries were logged when marked.
      if (stop.reason === 'not_connected' || stop.reason === 'connection_expired') continue;
      await this.deps.activity.record({
        agent: 'metrics',
        action: 'Metrics paused',
        detail: `${stop.brandId} on ${stop.platform}: ${stop.reason.replace('_', ' ')} — ${stop.detail}${stop.leftForLater ? ` ${stop.leftForLater} measurement(s) wait for the next run.` : ''}`,
        level: 'api',
        emoji: '⏸️',
        brandId: stop.brandId,
      });
    }
    if (summary.snapshotsTaken + summary.brandSnapshots === 0 && summary.errors.length === 0) return;
    await this.deps.activity.record({
      agent: 'metrics',
      action: 'Metrics collected',
      detail: `${summary.snapshotsTaken} post measurement(s), ${summary.brandSnapshots} brand snapshot(s)${summary.noDataYet ? `, ${summary.noDataYet} without data yet` : ''}${summary.errors.length ? `, ${summary.errors.length} refused: ${summary.errors[0]!.detail}` : ''}.`,
      level: 'data',
      emoji: '📈',
    });
  }
}

/** A read's counts as a post's metrics; counts the read lacks come from `fallback`, else 0. */
function measured(
  counts: ReadCounts,
  fallback: { likes?: number | null; comments?: number | null },
): { metrics: PostMetrics; totalInteractions: number } {
  const metrics: PostMetrics = {
    views: counts.views ?? 0,
    reach: counts.reach ?? 0,
    likes: counts.likes ?? fallback.likes ?? 0,
    comments: counts.comments ?? fallback.comments ?? 0,
    saves: counts.saves ?? 0,
    shares: counts.shares ?? 0,
  };
  return {
    metrics,
    totalInteractions:
      counts.totalInteractions ?? metrics.likes + metrics.comments + metrics.saves + metrics.shares,
  };
}
