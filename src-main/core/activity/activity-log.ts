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
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly events: EventHub,
  ) {}

  async record(input: ActivityInput, trx: Kysely<Database> = this.db): Promise<ActivityEntry> {
    const row = {
      at: isoNow(this.clock),
      agent: input.agent ?? null,
      action: input.action.slice(0, activityDefaults.maxActionLength),
      detail: (input.detail ?? '').slice(0, activityDefaults.maxDetailLength),
      level: input.level,
      emoji: input.emoji ?? null,
    };
    const { id } = await trx.insertInto('activity_log').values(row).returning('id').executeTakeFirstOrThrow();
    const entry: ActivityEntry = { id, ...row };
    this.events.emit('activity', entry);
    return entry;
  }

  async list(options: { limit?: number; beforeId?: number } = {}): Promise<ActivityEntry[]> {
    let query = this.db
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
      this.clock.now().getTime() - activityDefaults.retentionDays * 86_400_000,
    ).toISOString();
    const result = await this.db.deleteFrom('activity_log').where('at', '<', cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
