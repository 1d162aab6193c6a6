import type { Kysely } from 'kysely';
import type { AnalyticsCollectSummary } from '../contract/analytics';
import type { Platform } from '../contract/publishing';
import type { GraphClient } from '../platforms/graph-client';
import {
  readFacebookPage,
  readInstagramAccount,
  readInstagramAccountInsights,
} from '../platforms/graph-reads';
import { readChannelStatistics } from '../platforms/youtube-stats';
import type { YouTubeClient } from '../platforms/youtube-client';
import type { Database } from '../store/database';
import { analyticsDefaults } from './defaults';
import {
  CallBudget,
  classifyReadFailure,
  StopPlatform,
  withYouTubeToken,
  type LearningTokens,
} from './platform-access';
import type { YouTubeReadBudget } from './youtube-budget';

interface Snapshot {
  followers: number;
  views: number;
  reach: number;
  likes: number;
  /** Where the 7-day numbers come from (see the analytics contract). */
  basis: 'account_insights' | 'own_recent_posts';
  extra: Record<string, unknown>;
}

/**
 * Followers and the last 7 days' reach, views and likes per brand and platform, for trends:
 * Instagram from the account and its account insights (current metric names), Facebook from the
 * Page's followers, YouTube from the channel's statistics; where a platform has no 7-day
 * insight the app reads, the brand's own posts of the last 7 days stand in. Written to
 * brand_analytics (latest) and analytics_snapshots (history), at most every 6 hours.
 */
export class BrandSnapshots {
  constructor(
    private readonly deps: {
      db: Kysely<Database>;
      graph: GraphClient;
      youtube: YouTubeClient;
      tokens: LearningTokens;
    },
  ) {}

  async takeDue(
    now: Date,
    brandId: string | undefined,
    summary: AnalyticsCollectSummary,
    budget: CallBudget,
    youtubeBudget: YouTubeReadBudget,
  ): Promise<number> {
    const { db } = this.deps;
    let query = db
      .selectFrom('platform_connections as c')
      .innerJoin('brands as b', 'b.id', 'c.brand_id')
      .select(['c.brand_id', 'c.platform', 'c.status'])
      .where('b.deleted_at', 'is', null)
      .where('b.active', '=', 1);
    if (brandId) query = query.where('c.brand_id', '=', brandId);
    const connections = await query.orderBy('c.brand_id').orderBy('c.platform').execute();
    const cutoff = new Date(now.getTime() - analyticsDefaults.brandSnapshotEveryMs).toISOString();
    let taken = 0;
    for (const connection of connections) {
      // An expired connection makes no call; the Connections page already says so.
      if (connection.status === 'expired') continue;
      if (
        summary.stopped.some((s) => s.brandId === connection.brand_id && s.platform === connection.platform)
      ) {
        continue;
      }
      const last = await db
        .selectFrom('analytics_snapshots')
        .select((eb) => eb.fn.max('snapshot_at').as('at'))
        .where('brand_id', '=', connection.brand_id)
        .where('platform', '=', connection.platform)
        .executeTakeFirst();
      if (last?.at && last.at > cutoff) continue;
      try {
        const snapshot = await this.read(
          connection.brand_id,
          connection.platform,
          now,
          budget,
          youtubeBudget,
        );
        await this.write(connection.brand_id, connection.platform, snapshot, now.toISOString());
        taken += 1;
      } catch (error) {
        const failure = await classifyReadFailure(
          error,
          connection.brand_id,
          connection.platform,
          this.deps.tokens,
        );
        summary.stopped.push({
          brandId: connection.brand_id,
          platform: connection.platform,
          reason: failure instanceof StopPlatform ? failure.reason : 'platform_error',
          detail: `Brand snapshot: ${failure instanceof StopPlatform ? failure.detail : failure}`,
          leftForLater: 0,
        });
      }
    }
    return taken;
  }

  private async read(
    brandId: string,
    platform: Platform,
    now: Date,
    budget: CallBudget,
    youtubeBudget: YouTubeReadBudget,
  ): Promise<Snapshot> {
    const { graph, tokens } = this.deps;
    const since = new Date(now.getTime() - analyticsDefaults.brandWindowMs);
    if (platform === 'instagram') {
      const access = await tokens.metaTokens(brandId, 'instagram');
      const igUserId = access.instagramAccountId;
      if (!igUserId) throw new StopPlatform('not_connected', 'The Instagram account id is not known.');
      budget.spend(brandId);
      const account = await readInstagramAccount(graph, access.userToken, igUserId);
      budget.spend(brandId);
      const totals = await readInstagramAccountInsights(
        graph,
        access.userToken,
        igUserId,
        analyticsDefaults.instagramAccountMetrics,
        { since, until: now },
      );
      return {
        followers: account.followers,
        views: totals.get('views') ?? 0,
        reach: totals.get('reach') ?? 0,
        likes: totals.get('likes') ?? 0,
        basis: 'account_insights',
        extra: { username: account.username, mediaCount: account.mediaCount },
      };
    }
    const own = await this.ownRecentPosts(brandId, platform, since);
    if (platform === 'facebook') {
      const access = await tokens.metaTokens(brandId, 'facebook');
      if (!access.pageId) throw new StopPlatform('not_connected', 'The Facebook Page id is not known.');
      budget.spend(brandId);
      const page = await readFacebookPage(graph, access.pageToken, access.pageId);
      return { followers: page.followers, ...own, basis: 'own_recent_posts', extra: { pageName: page.name } };
    }
    await youtubeBudget.allowOne(now);
    const channel = await withYouTubeToken(tokens, brandId, (token) =>
      readChannelStatistics(this.deps.youtube, token),
    );
    return {
      followers: channel?.subscribers ?? 0,
      ...own,
      basis: 'own_recent_posts',
      extra: { totalViews: channel?.views ?? 0, videoCount: channel?.videos ?? 0 },
    };
  }

  /** The latest measurements of the brand's posts on the platform published since `since`. */
  private async ownRecentPosts(
    brandId: string,
    platform: Platform,
    since: Date,
  ): Promise<{ views: number; reach: number; likes: number }> {
    const row = await this.deps.db
      .selectFrom('post_performance')
      .select((eb) => [
        eb.fn.coalesce(eb.fn.sum<number>('views'), eb.lit(0)).as('views'),
        eb.fn.coalesce(eb.fn.sum<number>('reach'), eb.lit(0)).as('reach'),
        eb.fn.coalesce(eb.fn.sum<number>('likes'), eb.lit(0)).as('likes'),
      ])
      .where('brand_id', '=', brandId)
      .where('platform', '=', platform)
      .where('published_at', '>=', since.toISOString())
      .executeTakeFirstOrThrow();
    return { views: Number(row.views), reach: Number(row.reach), likes: Number(row.likes) };
  }

  private async write(brandId: string, platform: Platform, s: Snapshot, at: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const values = {
        followers_count: s.followers,
        views_last_7_days: s.views,
        likes_last_7_days: s.likes,
        extra_metrics: JSON.stringify({ ...s.extra, reachLast7Days: s.reach, basis: s.basis }),
        last_fetched_at: at,
      };
      await trx
        .insertInto('brand_analytics')
        .values({ brand_id: brandId, platform, ...values })
        .onConflict((oc) => oc.columns(['brand_id', 'platform']).doUpdateSet(values))
        .execute();
      await trx
        .insertInto('analytics_snapshots')
        .values({
          brand_id: brandId,
          platform,
          followers_count: s.followers,
          views_last_7_days: s.views,
          likes_last_7_days: s.likes,
          reach_last_7_days: s.reach,
          snapshot_at: at,
        })
        .execute();
    });
  }
}
