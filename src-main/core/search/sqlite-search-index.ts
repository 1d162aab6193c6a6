import { sql, type Kysely, type RawBuilder } from 'kysely';
import { proposalStatuses, type Proposal } from '../contract/proposals';
import type { Database } from '../store/database';
import { MATCH_END, MATCH_START, segmentsOf } from './highlighted-text';
import type { ActivityScope, ProposalSearchScope, SearchHit, SearchIndex, SearchPage } from './search-index';

type Status = Proposal['status'];

/** Words around the match in a snippet. */
const SNIPPET_WORDS = 16;

/** One FTS5 string: the quotes keep the word a word, the star makes it a prefix. */
function prefixOf(term: string): string {
  return `"${term.replaceAll('"', '""')}"*`;
}

/**
 * The creator's words, all required, each a prefix, within `columns` only (so a typed word can
 * never match the proposals' facet tokens).
 */
function wordsIn(columns: readonly string[], terms: readonly string[]): string {
  return `{${columns.join(' ')}} : (${terms.map(prefixOf).join(' AND ')})`;
}

/** The facet token the 012 migration's view writes for a brand or agent id. */
function idToken(prefix: 'b' | 'a', id: string): string {
  return prefix + Buffer.from(id, 'utf8').toString('hex').toUpperCase();
}

function facetsOf(scope: ProposalSearchScope & { statuses?: readonly Status[] }): string[] {
  const facets: string[] = [];
  if (scope.statuses?.length)
    facets.push(`facets : (${scope.statuses.map((s) => `s${s.replaceAll('_', '')}`).join(' OR ')})`);
  if (scope.contentType) facets.push(`facets : t${scope.contentType}`);
  if (scope.brandId) facets.push(`facets : ${idToken('b', scope.brandId)}`);
  if (scope.agentId) facets.push(`facets : ${idToken('a', scope.agentId)}`);
  return facets;
}

function proposalMatch(
  terms: readonly string[],
  scope: ProposalSearchScope & { statuses?: readonly Status[] },
) {
  return [wordsIn(['title', 'body'], terms), ...facetsOf(scope)].join(' AND ');
}

function beforeRowid(page: SearchPage): RawBuilder<unknown> {
  return page.beforeId === undefined ? sql`` : sql`AND rowid < ${page.beforeId}`;
}

/**
 * The feed's filters on a search: each match is looked up by its id (the FTS rowid) and kept
 * only if its entry has that agent, brand and level, so pages stay in the index's order.
 */
function activityScope(scope: ActivityScope): RawBuilder<unknown> {
  const conditions = [
    scope.agent !== undefined && sql`a.agent = ${scope.agent}`,
    scope.brandId !== undefined && sql`a.brand_id = ${scope.brandId}`,
    scope.level !== undefined && sql`a.level = ${scope.level}`,
  ].filter((c): c is RawBuilder<unknown> => c !== false);
  if (conditions.length === 0) return sql``;
  return sql`AND EXISTS (SELECT 1 FROM activity_log a WHERE a.id = activity_fts.rowid AND ${sql.join(conditions, sql` AND `)})`;
}

interface MarkedRow<K> {
  key: K;
  title: string | null;
  snippet: string | null;
}

function hitOf<K>(row: MarkedRow<K>): SearchHit<K> {
  return { key: row.key, title: segmentsOf(row.title ?? ''), snippet: segmentsOf(row.snippet ?? '') };
}

/**
 * SearchIndex on the FTS5 tables of migration 012. Each query reads the index newest first
 * (rowid order) and stops at the page's end; filters are facet tokens inside the same index,
 * so a narrow filter is a small doclist intersection, not a walk over every match.
 */
export function sqliteSearchIndex(db: Kysely<Database>): SearchIndex {
  return {
    async proposals(terms, scope, page) {
      if (terms.length === 0 || scope.statuses.length === 0) return [];
      const { rows } = await sql<MarkedRow<number>>`
        SELECT rowid AS key,
               highlight(proposals_fts, 0, ${MATCH_START}, ${MATCH_END}) AS title,
               snippet(proposals_fts, 1, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_WORDS}) AS snippet
        FROM proposals_fts
        WHERE proposals_fts MATCH ${proposalMatch(terms, scope)} ${beforeRowid(page)}
        ORDER BY rowid DESC
        LIMIT ${page.limit}`.execute(db);
      return rows.map(hitOf);
    },

    async proposalCounts(terms, scope) {
      const counts = Object.fromEntries(proposalStatuses.map((s) => [s, 0])) as Record<Status, number>;
      if (terms.length === 0) return counts;
      for (const status of proposalStatuses) {
        const { rows } = await sql<{ n: number }>`
          SELECT count(*) AS n FROM proposals_fts
          WHERE proposals_fts MATCH ${proposalMatch(terms, { ...scope, statuses: [status] })}`.execute(db);
        counts[status] = Number(rows[0]?.n ?? 0);
      }
      return counts;
    },

    async activity(terms, page, scope = {}) {
      if (terms.length === 0) return [];
      const { rows } = await sql<MarkedRow<number>>`
        SELECT rowid AS key,
               highlight(activity_fts, 0, ${MATCH_START}, ${MATCH_END}) AS title,
               snippet(activity_fts, 1, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_WORDS}) AS snippet
        FROM activity_fts
        WHERE activity_fts MATCH ${wordsIn(['action', 'detail', 'agent'], terms)} ${beforeRowid(page)}
          ${activityScope(scope)}
        ORDER BY rowid DESC
        LIMIT ${page.limit}`.execute(db);
      return rows.map(hitOf);
    },

    async captions(terms, limit) {
      if (terms.length === 0) return [];
      const { rows } = await sql<MarkedRow<string>>`
        SELECT p.schedule_id AS key,
               highlight(captions_fts, 0, ${MATCH_START}, ${MATCH_END}) AS title,
               snippet(captions_fts, -1, ${MATCH_START}, ${MATCH_END}, '…', ${SNIPPET_WORDS}) AS snippet
        FROM captions_fts
        JOIN scheduled_posts p ON p.rowid = captions_fts.rowid
        WHERE captions_fts MATCH ${wordsIn(['title', 'caption', 'facebook_caption', 'youtube_title', 'first_comment'], terms)}
        ORDER BY captions_fts.rowid DESC
        LIMIT ${limit}`.execute(db);
      return rows.map(hitOf);
    },
  };
}
