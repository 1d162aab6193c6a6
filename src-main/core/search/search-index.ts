import type { ActivityEntry } from '../contract/activity';
import type { Proposal } from '../contract/proposals';
import type { SearchHighlight, TextSegment } from '../contract/search';

/** One match: the row it found, its title with the matches marked, and a snippet of its text. */
export interface SearchHit<K> {
  key: K;
  title: TextSegment[];
  snippet: TextSegment[];
}

export interface ProposalSearchScope {
  brandId?: string;
  agentId?: string;
  contentType?: 'reel' | 'post';
}

/** The activity feed's filters: one agent, one brand, one level (each optional). */
export interface ActivityScope {
  agent?: string;
  brandId?: string;
  level?: ActivityEntry['level'];
}

/** Newest first; `beforeId` continues after the last row of the previous page. */
export interface SearchPage {
  beforeId?: number;
  limit: number;
}

/**
 * Full-text search over proposals, post captions and the activity log: every word is a prefix,
 * all words must match, newest first. The store's engine answers it (SQLite FTS5 today, see
 * sqlite-search-index.ts); nothing else in the core knows how.
 */
export interface SearchIndex {
  proposals(
    terms: readonly string[],
    scope: ProposalSearchScope & { statuses: readonly Proposal['status'][] },
    page: SearchPage,
  ): Promise<Array<SearchHit<number>>>;
  /** Matches per status under the scope, for the review queue's tabs. */
  proposalCounts(
    terms: readonly string[],
    scope: ProposalSearchScope,
  ): Promise<Record<Proposal['status'], number>>;
  activity(
    terms: readonly string[],
    page: SearchPage,
    scope?: ActivityScope,
  ): Promise<Array<SearchHit<number>>>;
  /** Calendar posts by their title and captions; the key is the schedule id. */
  captions(terms: readonly string[], limit: number): Promise<Array<SearchHit<string>>>;
}

/**
 * The rows a search found, in the index's order (newest first), each built with its hit's
 * highlight; a hit whose row is gone meanwhile is left out.
 */
export function inHitOrder<K, R, T>(
  hits: ReadonlyArray<SearchHit<K>>,
  rows: readonly R[],
  keyOf: (row: R) => K,
  build: (row: R, highlight: SearchHighlight) => T,
): T[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return hits.flatMap((hit) => {
    const row = byKey.get(hit.key);
    return row === undefined ? [] : [build(row, { title: hit.title, snippet: hit.snippet })];
  });
}
