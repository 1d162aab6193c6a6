import type { Kysely, Selectable } from 'kysely';
import type { ActivityEntry } from '../contract/activity';
import type { EventHub } from '../events/event-hub';
import type { Clock } from '../ports/clock';
import { isoNow } from '../ports/clock';
import type { ActivityLogTable, Database } from '../store/database';
import { inHitOrder, type ActivityScope, type SearchIndex } from '../search/search-index';
import { searchTermsOf } from '../search/search-terms';
import { sqliteSearchIndex } from '../search/sqlite-search-index';
import { activityDefaults } from './defaults';

export interface ActivityInput {
  agent?: string | null;
  action: string;
  detail?: string;
  level: ActivityEntry['level'];
  emoji?: string | null;
  /** The brand the entry concerns, when there is one (the feed filters by it). */
  brandId?: string | null;
}

export function activityEntryFromRow(row: Selectable<ActivityLogTable>): ActivityEntry {
  const { brand_id, ...rest } = row;
  return { ...rest, brandId: brand_id };
}

/**
 * The activity feed, persisted (the original kept it in memory and lost it on restart) and
 * pushed live to every open view.
 */
export class ActivityLog {
  private readonly deps: { db: Kysely<Database>; clock: Clock; events: EventHub; search: SearchIndex };

  constructor(
    db: Kysely<Database>,
    clock: Clock,
    events: EventHub,
    search: SearchIndex = sqliteSearchIndex(db),
  ) {
    this.deps = { db, clock, events, search };
  }

  /** Records an entry in its own write and tells every open view. */
  async record(input: ActivityInput): Promise<ActivityEntry> {
    const entry = await this.insert(this.deps.db, input);
    this.announce(entry);
    return entry;
  }

  /**
   * Records an entry as part of the caller's transaction. The caller announces it after the
   * commit, so no view ever shows an entry for a change that was rolled back.
   */
  async insert(trx: Kysely<Database>, input: ActivityInput): Promise<ActivityEntry> {
    const row = {
      at: isoNow(this.deps.clock),
      agent: input.agent ?? null,
      action: input.action.slice(0, activityDefaults.maxActionLength),
      detail: (input.detail ?? '').slice(0, activityDefaults.maxDetailLength),
      level: input.level,
      emoji: input.emoji ?? null,
      brand_id: input.brandId ?? null,
    };
    const { id } = await trx.insertInto('activity_log').values(row).returning('id').executeTakeFirstOrThrow();
    return activityEntryFromRow({ id, ...row });
  }

  announce(entry: ActivityEntry): void {
    this.deps.events.emit('activity', entry);
  }

  /**
   * Newest first, one page at a time (`beforeId`: the last id of the previous page), narrowed to
   * an agent, a brand and a level when asked (each filter reads its own index in id order). With
   * `search`, only entries whose action, detail or agent has those words, each with its highlight.
   */
  async list(
    options: { limit?: number; beforeId?: number; search?: string } & ActivityScope = {},
  ): Promise<ActivityEntry[]> {
    const limit = options.limit ?? activityDefaults.pageSize;
    const scope: ActivityScope = { agent: options.agent, brandId: options.brandId, level: options.level };
    const terms = options.search ? searchTermsOf(options.search) : [];
    if (terms.length > 0) {
      const hits = await this.deps.search.activity(terms, { beforeId: options.beforeId, limit }, scope);
      if (hits.length === 0) return [];
      const rows = await this.deps.db
        .selectFrom('activity_log')
        .selectAll()
        .where(
          'id',
          'in',
          hits.map((hit) => hit.key),
        )
        .execute();
      return inHitOrder(
        hits,
        rows,
        (row) => row.id,
        (row, highlight) => ({ ...activityEntryFromRow(row), highlight }),
      );
    }
    const rows = await this.deps.db
      .selectFrom('activity_log')
      .selectAll()
      .$if(options.beforeId !== undefined, (q) => q.where('id', '<', options.beforeId!))
      .$if(scope.agent !== undefined, (q) => q.where('agent', '=', scope.agent!))
      .$if(scope.brandId !== undefined, (q) => q.where('brand_id', '=', scope.brandId!))
      .$if(scope.level !== undefined, (q) => q.where('level', '=', scope.level!))
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(activityEntryFromRow);
  }
}
