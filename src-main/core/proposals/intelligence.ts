import type { Kysely } from 'kysely';
import type { Clock } from '../ports/clock';
import type { Database } from '../store/database';
import { patternLessons } from '../learning/patterns-service';
import { DAY_MS } from '../ports/clock';

type ContentType = 'reel' | 'post';

export interface PerformerItem {
  title: string;
  brandId: string;
  score: number;
  views: number;
}

export interface TrendingItem {
  id: number;
  account: string | null;
  caption: string;
  likes: number;
}

export interface Intelligence {
  topPerformers: PerformerItem[];
  underperformers: PerformerItem[];
  crossBrandTop: PerformerItem[];
  trending: TrendingItem[];
  ownTopPosts: TrendingItem[];
  lessons: string;
}

/**
 * What an agent knows before writing: real published performance, unused trending items, and
 * its own lessons. Each block fails independently to empty; a missing table or bad row must not
 * stop a burst.
 */
export async function gatherIntelligence(
  db: Kysely<Database>,
  clock: Clock,
  agentId: string,
  contentType: ContentType,
  brandId: string | null,
): Promise<Intelligence> {
  const dayAgo = new Date(clock.now().getTime() - DAY_MS).toISOString();
  const safe = async <T>(fallback: T, load: () => Promise<T>): Promise<T> => {
    try {
      return await load();
    } catch {
      return fallback;
    }
  };
  const performers = (order: 'asc' | 'desc', filter: 'own' | 'all', maxPercentile?: number) =>
    safe<PerformerItem[]>([], async () => {
      let q = db
        .selectFrom('post_performance')
        .select(['title', 'brand_id', 'performance_score', 'views'])
        .where('content_type', '=', contentType)
        .where('published_at', '<=', dayAgo)
        .where('title', 'is not', null);
      if (filter === 'own' && brandId) q = q.where('brand_id', '=', brandId);
      if (maxPercentile !== undefined) q = q.where('percentile_rank', '<=', maxPercentile);
      const rows = await q.orderBy('performance_score', order).limit(10).execute();
      return rows.map((r) => ({
        title: r.title!,
        brandId: r.brand_id,
        score: r.performance_score,
        views: r.views,
      }));
    });
  const mediaTypes = contentType === 'reel' ? (['VIDEO'] as const) : (['CAROUSEL_ALBUM', 'IMAGE'] as const);
  const trendingItems = (ownOnly: boolean, minLikes: number) =>
    safe<TrendingItem[]>([], async () => {
      let q = db
        .selectFrom('trending_content')
        .select(['id', 'source_account', 'caption', 'like_count', 'comments_count'])
        .where('media_type', 'in', [...mediaTypes])
        .where('like_count', '>=', minLikes);
      q = ownOnly ? q.where('discovery_method', '=', 'own_account') : q.where('used_for_proposal', '=', 0);
      const rows = await q
        .orderBy((eb) => eb('like_count', '+', eb.ref('comments_count')), 'desc')
        .limit(ownOnly ? 10 : 15)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        account: r.source_account,
        caption: r.caption ?? '',
        likes: r.like_count,
      }));
    });
  const lessons = await safe('', async () => {
    const perf = await db
      .selectFrom('agent_performance')
      .select(['survival_score', 'avg_views', 'best_strategy', 'worst_strategy'])
      .where('agent_id', '=', agentId)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    const learnings = await db
      .selectFrom('agent_learning')
      .select(['mutation_type', 'description'])
      .where('agent_id', '=', agentId)
      .orderBy('id', 'desc')
      .limit(5)
      .execute();
    const lines: string[] = [];
    if (perf) {
      lines.push(
        `PERFORMANCE: survival ${perf.survival_score}, avg views ${Math.round(perf.avg_views)}, best strategy ${perf.best_strategy ?? 'n/a'}, worst ${perf.worst_strategy ?? 'n/a'}`,
      );
    }
    if (learnings.length)
      lines.push('RECENT LEARNINGS:', ...learnings.map((l) => `- [${l.mutation_type}] ${l.description}`));
    // Shared by every agent writing for the brand (the original's patterns reached no prompt).
    const patterns = await patternLessons(db, brandId);
    if (patterns.length) lines.push('WHAT WORKS FOR THIS AUDIENCE:', ...patterns.map((p) => `- ${p}`));
    return lines.join('\n');
  });
  return {
    topPerformers: await performers('desc', 'all'),
    underperformers: await performers('asc', 'all', 30),
    crossBrandTop: await performers('desc', 'all').then((items) =>
      items.filter((i) => i.brandId !== brandId && i.score > 0).slice(0, 5),
    ),
    trending: await trendingItems(false, 200),
    ownTopPosts: await trendingItems(true, 50),
    lessons,
  };
}
