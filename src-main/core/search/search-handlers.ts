import type { Kysely } from 'kysely';
import type { SearchResults } from '../contract/search-results';
import type { DomainHandlers } from '../dispatcher';
import type { Database } from '../store/database';
import type { SearchIndex } from './search-index';
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
    await index.proposals(
      terms,
      { statuses: ['pending', 'needs_review', 'accepted', 'rejected', 'expired'] },
      { limit },
    ),
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
  const proposalById = new Map(proposals.map((p) => [p.id, p]));
  const postById = new Map(posts.map((p) => [p.schedule_id, p]));
  const entryById = new Map(entries.map((e) => [e.id, e]));
  return {
    proposals: proposalHits.flatMap((hit) => {
      const p = proposalById.get(hit.key);
      return p
        ? [
            {
              proposalId: p.proposal_id,
              brandId: p.brand_id,
              status: p.status,
              contentType: p.content_type,
              createdAt: p.created_at,
              highlight: { title: hit.title, snippet: hit.snippet },
            },
          ]
        : [];
    }),
    posts: postHits.flatMap((hit) => {
      const p = postById.get(hit.key);
      return p
        ? [
            {
              scheduleId: p.schedule_id,
              brandId: p.brand_id,
              status: p.status,
              scheduledTime: p.scheduled_time,
              highlight: { title: hit.title, snippet: hit.snippet },
            },
          ]
        : [];
    }),
    activity: activityHits.flatMap((hit) => {
      const e = entryById.get(hit.key);
      return e ? [{ id: e.id, at: e.at, highlight: { title: hit.title, snippet: hit.snippet } }] : [];
    }),
  };
}

export function searchHandlers(db: Kysely<Database>, index: SearchIndex): DomainHandlers<'search'> {
  return { 'search.query': (input) => searchEverything(db, index, input) };
}
