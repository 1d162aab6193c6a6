import type { Kysely } from 'kysely';
import { proposalStatuses } from '../contract/proposals';
import type { SearchResults } from '../contract/search-results';
import type { DomainHandlers } from '../dispatcher';
import type { Database } from '../store/database';
import { inHitOrder, type SearchIndex } from './search-index';
import { searchTermsOf } from './search-terms';

const DEFAULT_LIMIT = 10;

/** `search.query`: the newest proposals, posts and activity entries with every word typed. */
export async function searchEverything(
  db: Kysely<Database>,
  index: SearchIndex,
  input: { text: string; limit?: number },
): Promise<SearchResults> {
  const terms = searchTermsOf(input.text);
  const limit = input.limit ?? DEFAULT_LIMIT;
  const [proposalHits, postHits, activityHits] = [
    await index.proposals(terms, { statuses: proposalStatuses }, { limit }),
    await index.captions(terms, limit),
    await index.activity(terms, { limit }),
  ];
  const proposals = proposalHits.length
    ? await db
        .selectFrom('proposals')
        .select(['id', 'proposal_id', 'brand_id', 'status', 'content_type', 'created_at'])
        .where(
          'id',
          'in',
          proposalHits.map((h) => h.key),
        )
        .execute()
    : [];
  const posts = postHits.length
    ? await db
        .selectFrom('scheduled_posts')
        .select(['schedule_id', 'brand_id', 'status', 'scheduled_time'])
        .where(
          'schedule_id',
          'in',
          postHits.map((h) => h.key),
        )
        .execute()
    : [];
  const entries = activityHits.length
    ? await db
        .selectFrom('activity_log')
        .select(['id', 'at'])
        .where(
          'id',
          'in',
          activityHits.map((h) => h.key),
        )
        .execute()
    : [];
  return {
    proposals: inHitOrder(
      proposalHits,
      proposals,
      (p) => p.id,
      (p, highlight) => ({
        proposalId: p.proposal_id,
        brandId: p.brand_id,
        status: p.status,
        contentType: p.content_type,
        createdAt: p.created_at,
        highlight,
      }),
    ),
    posts: inHitOrder(
      postHits,
      posts,
      (p) => p.schedule_id,
      (p, highlight) => ({
        scheduleId: p.schedule_id,
        brandId: p.brand_id,
        status: p.status,
        scheduledTime: p.scheduled_time,
        highlight,
      }),
    ),
    activity: inHitOrder(
      activityHits,
      entries,
      (e) => e.id,
      (e, highlight) => ({ id: e.id, at: e.at, highlight }),
    ),
  };
}

export function searchHandlers(db: Kysely<Database>, index: SearchIndex): DomainHandlers<'search'> {
  return { 'search.query': (input) => searchEverything(db, index, input) };
}
