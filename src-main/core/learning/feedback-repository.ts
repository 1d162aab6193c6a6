import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/database';
import type { SummaryPost } from './agent-summary';
import { HOUR_MS } from '../ports/clock';

/**
 * Published posts (one row per platform) ready to be attributed to their agent: old enough that
 * their 48 h metrics are in (or past the window, when a stopped app missed it), made by an agent
 * (the ids were stored at publishing, never parsed from text), not attributed yet.
 */
export async function postsDueForAttribution(
  db: Kysely<Database>,
  input: { now: Date; minAgeHours: number; maxAgeHours: number },
): Promise<Array<{ id: number; agentId: string }>> {
  const ready = new Date(input.now.getTime() - input.minAgeHours * HOUR_MS).toISOString();
  const late = new Date(input.now.getTime() - input.maxAgeHours * HOUR_MS).toISOString();
  const rows = await db
    .selectFrom('post_performance')
    .select(['id', 'agent_id'])
    .where('attributed_at', 'is', null)
    .where('agent_id', 'is not', null)
    .where('published_at', 'is not', null)
    .where('published_at', '<=', ready)
    .where((eb) => eb.or([eb('metrics_48h_at', 'is not', null), eb('published_at', '<=', late)]))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, agentId: r.agent_id! }));
}

/**
 * Marks posts attributed, if nobody did yet: the conditional update that makes attribution
 * exactly-once. Returns the rows this call attributed, with their views (added once to the
 * agent's lifetime views).
 */
export async function markAttributed(
  trx: Kysely<Database>,
  ids: readonly number[],
  at: string,
): Promise<Array<{ id: number; views: number }>> {
  if (ids.length === 0) return [];
  return trx
    .updateTable('post_performance')
    .set({ attributed_at: at })
    .where('id', 'in', ids)
    .where('attributed_at', 'is', null)
    .returning(['id', 'views'])
    .execute();
}

/**
 * The agent's attributed posts published since `since`, one per scheduled post (its platforms
 * summed: a post on three platforms is one post), as the agent summary reads them.
 */
export async function attributedPosts(
  trx: Kysely<Database>,
  agentId: string,
  since: string,
): Promise<SummaryPost[]> {
  const rows = await trx
    .selectFrom('post_performance')
    .select([
      sql<string | null>`max(strategy)`.as('strategy'),
      sql<number>`sum(views)`.as('views'),
      sql<number>`sum(likes)`.as('likes'),
      sql<number>`sum(comments)`.as('comments'),
      sql<number>`sum(saves)`.as('saves'),
      sql<number>`sum(reach)`.as('reach'),
      sql<number | null>`max(examiner_score)`.as('examiner_score'),
    ])
    .where('agent_id', '=', agentId)
    .where('attributed_at', 'is not', null)
    .where('published_at', '>=', since)
    .groupBy(sql`coalesce(schedule_id, platform || ':' || media_id)`)
    .orderBy(sql`min(published_at)`)
    .execute();
  return rows.map((r) => ({
    strategy: r.strategy,
    views: Number(r.views),
    likes: Number(r.likes),
    comments: Number(r.comments),
    saves: Number(r.saves),
    reach: Number(r.reach),
    examinerScore: r.examiner_score === null ? null : Number(r.examiner_score),
  }));
}

/**
 * Proposals the agent wrote since its previous snapshot, and how many of them were accepted
 * (counted once per snapshot period; the original re-counted a 72 h window every 6 h).
 */
export async function proposalsSince(
  trx: Kysely<Database>,
  agentId: string,
  since: string | null,
): Promise<{ total: number; accepted: number }> {
  let query = trx
    .selectFrom('proposals')
    .select([
      sql<number>`count(*)`.as('total'),
      sql<number>`coalesce(sum(CASE WHEN status = 'accepted' THEN 1 ELSE 0 END), 0)`.as('accepted'),
    ])
    .where('agent_id', '=', agentId);
  if (since) query = query.where('created_at', '>', since);
  const row = await query.executeTakeFirstOrThrow();
  return { total: Number(row.total), accepted: Number(row.accepted) };
}

/** When the agent's last feedback snapshot was taken, and how many it has. */
export async function snapshotHistory(
  db: Kysely<Database>,
  agentId: string,
): Promise<{ last: string | null; count: number; recent: number[] }> {
  const rows = await db
    .selectFrom('agent_performance')
    .select(['created_at', 'survival_score'])
    .where('agent_id', '=', agentId)
    .where('period', '=', 'feedback')
    .orderBy('id', 'desc')
    .execute();
  return {
    last: rows[0]?.created_at ?? null,
    count: rows.length,
    recent: rows.map((r) => r.survival_score),
  };
}
