import type { Kysely } from 'kysely';
import type { Platform } from '../contract/publishing';
import { keywordHash } from '../proposals/keyword-hash';
import type { Database } from '../store/database';
import { analyticsDefaults } from './defaults';
import { oldestMeasurableAge, stampColumns, type MetricStamp } from './metric-stamps';
import {
  engagementRatePercent,
  percentileRanks,
  performanceScore,
  type PostMetrics,
} from './performance-score';

/**
 * The collector's SQL: which published posts can still be measured (with who made them, joined
 * through stored ids: schedule → job → proposal), which stamps they have, the brand's peers at the
 * same stamp, and the writes of one stamp (a metric_snapshots row and the post_performance row in
 * one transaction).
 */

/** A published post on one platform, with its provenance. */
export interface MeasurablePost {
  platform: Platform;
  mediaId: string;
  scheduleId: string;
  brandId: string;
  publishedAt: string;
  /** 'reel' | 'carousel' on the calendar: decides which Facebook read applies. */
  calendarType: 'reel' | 'carousel';
  /** 'reel' | 'post', as proposals and the agents' intelligence name them. */
  contentType: string;
  title: string;
  caption: string;
  proposalId: string | null;
  agentId: string | null;
  strategy: string | null;
  examinerScore: number | null;
  topicBucket: string | null;
  taken: Set<MetricStamp>;
}

export async function findMeasurablePosts(
  db: Kysely<Database>,
  now: Date,
  brandId?: string,
): Promise<MeasurablePost[]> {
  const oldest = new Date(now.getTime() - oldestMeasurableAge()).toISOString();
  let query = db
    .selectFrom('publish_targets as pt')
    .innerJoin('scheduled_posts as sp', 'sp.schedule_id', 'pt.schedule_id')
    .innerJoin('brands as b', 'b.id', 'sp.brand_id')
    .leftJoin('generation_jobs as gj', 'gj.job_id', 'sp.job_id')
    .leftJoin('proposals as p', 'p.proposal_id', 'gj.proposal_id')
    .select([
      'pt.platform',
      'pt.external_id',
      'pt.published_at',
      'sp.schedule_id',
      'sp.brand_id',
      'sp.content_type as calendar_type',
      'sp.title',
      'sp.caption',
      'sp.facebook_caption',
      'sp.youtube_title',
      'sp.youtube_description',
      'gj.proposal_id',
      'p.agent_id',
      'p.strategy',
      'p.examiner_score',
      'p.topic_bucket',
      'p.content_type as proposal_content_type',
    ])
    .where('pt.status', '=', 'published')
    .where('pt.external_id', 'is not', null)
    .where('pt.published_at', '>=', oldest)
    .where('b.deleted_at', 'is', null);
  if (brandId) query = query.where('sp.brand_id', '=', brandId);
  const rows = await query.orderBy('pt.published_at').execute();
  if (rows.length === 0) return [];
  const snapshots = await db
    .selectFrom('metric_snapshots')
    .select(['platform', 'media_id', 'stamp'])
    .where(
      'media_id',
      'in',
      rows.map((r) => r.external_id!),
    )
    .execute();
  const taken = new Map<string, Set<MetricStamp>>();
  for (const s of snapshots) {
    const key = `${s.platform} ${s.media_id}`;
    if (!taken.has(key)) taken.set(key, new Set());
    taken.get(key)!.add(s.stamp);
  }
  return rows.map((r) => ({
    platform: r.platform,
    mediaId: r.external_id!,
    scheduleId: r.schedule_id,
    brandId: r.brand_id,
    publishedAt: r.published_at!,
    calendarType: r.calendar_type,
    contentType: r.proposal_content_type ?? (r.calendar_type === 'carousel' ? 'post' : 'reel'),
    title: r.platform === 'youtube' ? (r.youtube_title ?? r.title) : r.title,
    caption:
      r.platform === 'facebook'
        ? r.facebook_caption
        : r.platform === 'youtube'
          ? (r.youtube_description ?? r.caption)
          : r.caption,
    proposalId: r.proposal_id ?? null,
    agentId: r.agent_id ?? null,
    strategy: r.strategy ?? null,
    examinerScore: r.examiner_score ?? null,
    topicBucket: r.topic_bucket ?? null,
    taken: taken.get(`${r.platform} ${r.external_id}`) ?? new Set(),
  }));
}

/**
 * The brand's posts on the same platform and of the same content type, published in the
 * `relativeWindowMs` before this one, as measured at the same stamp: the peers of the relative
 * score. Only earlier posts count, so a stamp's relative score never changes afterwards.
 */
export async function peersAtStamp(
  db: Kysely<Database>,
  post: Pick<MeasurablePost, 'brandId' | 'platform' | 'contentType' | 'publishedAt' | 'mediaId'>,
  stamp: MetricStamp,
): Promise<PostMetrics[]> {
  const from = new Date(Date.parse(post.publishedAt) - analyticsDefaults.relativeWindowMs).toISOString();
  return db
    .selectFrom('metric_snapshots as ms')
    .innerJoin('post_performance as pp', (join) =>
      join.onRef('pp.platform', '=', 'ms.platform').onRef('pp.media_id', '=', 'ms.media_id'),
    )
    .select(['ms.views', 'ms.reach', 'ms.likes', 'ms.comments', 'ms.saves', 'ms.shares'])
    .where('pp.brand_id', '=', post.brandId)
    .where('pp.platform', '=', post.platform)
    .where('pp.content_type', '=', post.contentType)
    .where('ms.stamp', '=', stamp)
    .where('pp.published_at', '>=', from)
    .where('pp.published_at', '<', post.publishedAt)
    .where('pp.media_id', '!=', post.mediaId)
    .execute();
}

export interface StampRecord {
  metrics: PostMetrics;
  totalInteractions: number;
  relativeScore: number;
}

/**
 * Writes one stamp of one post: its metric_snapshots row and its post_performance row (created
 * with the post's provenance, or updated with the newest numbers), in one transaction. Returns
 * false, writing nothing, when the stamp was already taken (a concurrent run got there first).
 */
export async function recordStamp(
  db: Kysely<Database>,
  post: MeasurablePost,
  stamp: MetricStamp,
  record: StampRecord,
  fetchedAt: string,
): Promise<boolean> {
  const { metrics } = record;
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('metric_snapshots')
      .values({
        platform: post.platform,
        media_id: post.mediaId,
        stamp,
        views: metrics.views,
        reach: metrics.reach,
        likes: metrics.likes,
        comments: metrics.comments,
        saves: metrics.saves,
        shares: metrics.shares,
        total_interactions: record.totalInteractions,
        fetched_at: fetchedAt,
      })
      .onConflict((oc) => oc.columns(['platform', 'media_id', 'stamp']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    const numbers = {
      views: metrics.views,
      likes: metrics.likes,
      comments: metrics.comments,
      saves: metrics.saves,
      shares: metrics.shares,
      reach: metrics.reach,
      total_interactions: record.totalInteractions,
      engagement_rate: engagementRatePercent(metrics),
      performance_score: performanceScore(metrics),
      relative_score: record.relativeScore,
      metrics_fetched_at: fetchedAt,
      [stampColumns[stamp]]: fetchedAt,
    };
    const provenance = {
      schedule_id: post.scheduleId,
      brand_id: post.brandId,
      proposal_id: post.proposalId,
      agent_id: post.agentId,
      strategy: post.strategy,
      examiner_score: post.examinerScore,
      topic_bucket: post.topicBucket,
      content_type: post.contentType,
      title: post.title,
      caption: post.caption,
      keyword_hash: keywordHash(post.title),
      published_at: post.publishedAt,
    };
    await trx
      .insertInto('post_performance')
      .values({
        platform: post.platform,
        media_id: post.mediaId,
        ...provenance,
        ...numbers,
        percentile_rank: null,
      })
      .onConflict((oc) => oc.columns(['platform', 'media_id']).doUpdateSet({ ...provenance, ...numbers }))
      .execute();
    return true;
  });
}

/**
 * Percentile ranks of a brand's posts on one platform by relative score, in one transaction
 * (posts not yet measured have none).
 */
export async function recomputePercentiles(
  db: Kysely<Database>,
  brandId: string,
  platform: Platform,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('post_performance')
      .select(['id', 'relative_score'])
      .where('brand_id', '=', brandId)
      .where('platform', '=', platform)
      .where('relative_score', 'is not', null)
      .execute();
    const ranks = percentileRanks(rows.map((r) => r.relative_score!));
    for (const [i, row] of rows.entries()) {
      await trx
        .updateTable('post_performance')
        .set({ percentile_rank: ranks[i]! })
        .where('id', '=', row.id)
        .execute();
    }
  });
}
