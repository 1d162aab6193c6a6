import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/database';
import { learningDefaults } from './defaults';
import type { ScoredPost } from './strategy-evidence';
import { DAY_MS } from '../ports/clock';

/**
 * Every measured post (of a content type, when given) as evidence: one entry per post (its platforms' relative
 * scores averaged, so a post published to three platforms counts once), with its strategy and age.
 * `brandId` narrows to one brand; the strategy comes from the stored proposal, never from text.
 */
export async function scoredPosts(
  db: Kysely<Database>,
  input: { now: Date; contentType?: 'reel' | 'post'; brandId?: string | null },
): Promise<Array<ScoredPost & { brandId: string; topic: string | null }>> {
  const since = new Date(input.now.getTime() - learningDefaults.evidence.maxAgeDays * DAY_MS).toISOString();
  let query = db
    .selectFrom('post_performance')
    .select([
      'brand_id',
      'strategy',
      sql<string | null>`max(topic_bucket)`.as('topic'),
      sql<number>`avg(relative_score)`.as('score'),
      sql<string>`min(published_at)`.as('published_at'),
    ])
    .where('relative_score', 'is not', null)
    .where('strategy', 'is not', null)
    .where('published_at', '>=', since)
    .groupBy([sql`coalesce(schedule_id, platform || ':' || media_id)`, 'brand_id', 'strategy']);
  // A carousel is the publishing name of a proposal's `post`.
  if (input.contentType)
    query = query.where('content_type', 'in', input.contentType === 'post' ? ['post', 'carousel'] : ['reel']);
  if (input.brandId) query = query.where('brand_id', '=', input.brandId);
  const rows = await query.execute();
  return rows.map((r) => ({
    brandId: r.brand_id,
    strategy: r.strategy!,
    topic: r.topic,
    score: Number(r.score),
    ageDays: (input.now.getTime() - Date.parse(r.published_at)) / DAY_MS,
  }));
}
