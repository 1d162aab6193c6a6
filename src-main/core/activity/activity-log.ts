import type { Kysely } from 'kysely';
import type { ActivityEntry } from '../contract/activity';
import type { EventHub } from '../events/event-hub';
import type { Clock } from '../ports/clock';
import { isoNow } from '../ports/clock';
import type { Database } from '../store/database';
import { activityDefaults } from './defaults';

export interface ActivityInput {
  agent?: string | null;
  action: string;
  detail?: string;
  level: ActivityEntry['level'];
  emoji?: string | null;
}

/**
 * The activity feed, persisted (the original kept it in memory and lost it on restart) and
 * pushed live to every open view.
 */
export class ActivityLog {
  private readonly deps: { db: Kysely<Database>; clock: Clock; events: EventHub };

  constructor(db: Kysely<Database>, clock: Clock, events: EventHub) {
    this.deps = { db, clock, events };
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
    };
    const { id } = await trx.insertInto('activity_log').values(row).returning('id').executeTakeFirstOrThrow();
    return { id, ...row };
  }

  announce(entry: ActivityEntry): void {
    this.deps.events.emit('activity', entry);
  }

  async list(options: { limit?: number; beforeId?: number } = {}): Promise<ActivityEntry[]> {
    let query = this.deps.db
      .selectFrom('activity_log')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(options.limit ?? activityDefaults.pageSize);
    if (options.beforeId !== undefined) query = query.where('id', '<', options.beforeId);
    return query.execute();
  }

  /** Keeps the feed bounded: entries older than the retention window are dropped. */
  async prune(): Promise<number> {
    const cutoff = new Date(
      this.deps.clock.now().getTime() - activityDefaults.retentionDays * 86_400_000,
    ).toISOString();
    const result = await this.deps.db.deleteFrom('activity_log').where('at', '<', cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
