import { sql, type Kysely, type Transaction } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import { localDay } from '../maestro/local-time';
import { isoNow, type Clock } from '../ports/clock';
import type { SettingsService } from '../settings/settings-service';
import type { Database } from '../store/database';
import { LAST_RUN_KEY, retentionDefaults } from './defaults';
import { isRetentionDue, retentionCutoffs, type RetainedKind } from './retention-plan';

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  settings: SettingsService;
  activity: ActivityLog;
  /** Rows per transaction; tests make it small to see several batches. */
  batchSize?: number;
}

export type RetentionReport = Record<RetainedKind, number>;

/** Lets every waiting request (a list, a click) run between two batches. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

type DailyTable = 'activity_daily' | 'api_usage_daily' | 'metric_snapshots_daily';

/** How one kind of row is pruned into its daily totals (migration 013). */
interface DailyRollUp<R, T extends DailyTable> {
  from: 'activity_log' | 'api_usage' | 'metric_snapshots';
  /** The next batch: the oldest rows past the bound, at most a batch of them. */
  oldest: (trx: Transaction<Database>) => Promise<R[]>;
  into: T;
  /** The daily table's primary key; every other column is a sum. */
  key: ReadonlyArray<keyof Database[T] & string>;
  /** One row's share of its day's totals. */
  share: (row: R) => Database[T] & Record<string, string | number>;
}

function sumColumns(share: Record<string, unknown>, key: readonly string[]): string[] {
  return Object.keys(share).filter((column) => !key.includes(column));
}

/**
 * Keeps the file from growing without end: activity entries, API usage rows and metric
 * snapshots older than their configured ages are removed, their daily totals kept (migration
 * 013). Each batch is one small transaction (the totals added and the rows deleted together),
 * and the service yields between batches, so a run over a year of rows never holds the database
 * for more than a few milliseconds at a time.
 */
export class RetentionService {
  private running: Promise<RetentionReport> | null = null;
  private stopped = false;

  constructor(private readonly deps: Deps) {}

  /** Runs once per local day: the timer, or later the orchestrator, calls it as often as it likes. */
  async runDue(now: Date): Promise<RetentionReport | null> {
    if (this.stopped || this.running) return null;
    const { values } = await this.deps.settings.values();
    const today = localDay(now, values.burstTimeZone);
    const last = await this.deps.db
      .selectFrom('maestro_config')
      .select('value')
      .where('key', '=', LAST_RUN_KEY)
      .executeTakeFirst();
    if (!isRetentionDue(today, last?.value ?? null)) return null;
    const report = await this.run(now);
    if (this.stopped) return report;
    const updated_at = isoNow(this.deps.clock);
    await this.deps.db
      .insertInto('maestro_config')
      .values({ key: LAST_RUN_KEY, value: today, updated_at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: today, updated_at }))
      .execute();
    return report;
  }

  /** Prunes everything older than the settings allow, now; one run at a time. */
  run(now: Date): Promise<RetentionReport> {
    this.running ??= this.prune(now).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Stops between two batches (at close); what is left is pruned next time. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running?.catch(() => undefined);
  }

  private async prune(now: Date): Promise<RetentionReport> {
    const { values } = await this.deps.settings.values();
    const cutoffs = retentionCutoffs(now, values);
    const report: RetentionReport = { activity: 0, usage: 0, metricSnapshots: 0 };
    const batches: Record<RetainedKind, (cutoff: string) => Promise<number>> = {
      activity: (cutoff) => this.activityBatch({ olderThan: cutoff }),
      usage: (cutoff) => this.usageBatch(cutoff),
      metricSnapshots: (cutoff) => this.snapshotBatch(cutoff),
    };
    for (const kind of Object.keys(batches) as RetainedKind[]) {
      const cutoff = cutoffs[kind];
      if (cutoff === null) continue;
      const { removed, finished } = await this.inBatches(() => batches[kind](cutoff));
      report[kind] += removed;
      if (!finished) return report;
    }
    const overflow = await this.pruneActivityOverflow(values.retentionActivityMaxRows);
    if (overflow === null) return report;
    report.activity += overflow;
    const total = report.activity + report.usage + report.metricSnapshots;
    if (total > 0) {
      await this.deps.activity.record({
        action: 'Old detail tidied away',
        detail:
          `${report.activity} activity entries, ${report.usage} usage rows and ${report.metricSnapshots} ` +
          'metric snapshots past their retention age' +
          (overflow > 0
            ? ` (${overflow} of the entries beyond the newest ${values.retentionActivityMaxRows.toLocaleString('en-US')} kept)`
            : '') +
          '; their daily totals are kept',
        level: 'data',
        emoji: '🧹',
      });
    }
    return report;
  }

  /**
   * The size bound: entries beyond the newest `maxRows` go, oldest first, in the same small
   * batches (their totals kept). The boundary is read once: entries written meanwhile are newer.
   * Null when stopped on the way.
   */
  private async pruneActivityOverflow(maxRows: number): Promise<number | null> {
    if (maxRows <= 0) return 0;
    const boundary = await this.deps.db
      .selectFrom('activity_log')
      .select('id')
      .orderBy('id', 'desc')
      .limit(1)
      .offset(maxRows)
      .executeTakeFirst();
    if (!boundary) return 0;
    const { removed, finished } = await this.inBatches(() => this.activityBatch({ upToId: boundary.id }));
    return finished ? removed : null;
  }

  /**
   * Runs `batch` until one removes less than a full batch, yielding between two; `finished` is
   * false when stopped on the way.
   */
  private async inBatches(batch: () => Promise<number>): Promise<{ removed: number; finished: boolean }> {
    let removed = 0;
    for (;;) {
      if (this.stopped) return { removed, finished: false };
      const count = await batch();
      removed += count;
      if (count < this.batchSize) return { removed, finished: true };
      await yieldToOthers();
    }
  }

  private get batchSize(): number {
    return this.deps.batchSize ?? retentionDefaults.batchSize;
  }

  /** One batch of the oldest entries before a time (the age) or up to an id (the size bound). */
  private activityBatch(bound: { olderThan: string } | { upToId: number }): Promise<number> {
    return this.rollUpBatch({
      from: 'activity_log',
      oldest: (trx) =>
        trx
          .selectFrom('activity_log')
          .select(['id', 'at', 'level'])
          .where((eb) =>
            'olderThan' in bound ? eb('at', '<', bound.olderThan) : eb('id', '<=', bound.upToId),
          )
          .orderBy('olderThan' in bound ? 'at' : 'id')
          .limit(this.batchSize)
          .execute(),
      into: 'activity_daily',
      key: ['day', 'level'],
      share: (r) => ({ day: dayOf(r.at), level: r.level, entries: 1 }),
    });
  }

  private usageBatch(cutoff: string): Promise<number> {
    return this.rollUpBatch({
      from: 'api_usage',
      oldest: (trx) =>
        trx
          .selectFrom('api_usage')
          .select([
            'id',
            'created_at',
            'service',
            'operation',
            'model',
            'outcome',
            'tokens_in',
            'tokens_out',
            'latency_ms',
            'cost_usd',
          ])
          .where('created_at', '<', cutoff)
          .orderBy('created_at')
          .limit(this.batchSize)
          .execute(),
      into: 'api_usage_daily',
      key: ['day', 'service', 'operation', 'model', 'outcome'],
      share: (r) => ({
        day: dayOf(r.created_at),
        service: r.service,
        operation: r.operation,
        model: r.model ?? '',
        outcome: r.outcome,
        calls: 1,
        tokens_in: r.tokens_in,
        tokens_out: r.tokens_out,
        latency_ms: r.latency_ms,
        cost_usd: r.cost_usd,
      }),
    });
  }

  private snapshotBatch(cutoff: string): Promise<number> {
    return this.rollUpBatch({
      from: 'metric_snapshots',
      oldest: (trx) =>
        trx
          .selectFrom('metric_snapshots as ms')
          .leftJoin('post_performance as pp', (join) =>
            join.onRef('pp.platform', '=', 'ms.platform').onRef('pp.media_id', '=', 'ms.media_id'),
          )
          .select([
            'ms.id',
            'ms.fetched_at',
            'ms.platform',
            'ms.stamp',
            'ms.views',
            'ms.reach',
            'ms.likes',
            'ms.comments',
            'ms.saves',
            'ms.shares',
            'ms.total_interactions',
            'pp.brand_id',
          ])
          .where('ms.fetched_at', '<', cutoff)
          .orderBy('ms.fetched_at')
          .limit(this.batchSize)
          .execute(),
      into: 'metric_snapshots_daily',
      key: ['day', 'brand_id', 'platform', 'stamp'],
      share: (r) => ({
        day: dayOf(r.fetched_at),
        brand_id: r.brand_id ?? '',
        platform: r.platform,
        stamp: r.stamp,
        snapshots: 1,
        views: r.views,
        reach: r.reach,
        likes: r.likes,
        comments: r.comments,
        saves: r.saves,
        shares: r.shares,
        total_interactions: r.total_interactions,
      }),
    });
  }

  /**
   * One batch in one transaction: the oldest rows, their shares summed per daily key and added to
   * the daily table (a key already there gets the sums added), then the rows deleted.
   */
  private rollUpBatch<R extends { id: number }, T extends DailyTable>(
    rollUp: DailyRollUp<R, T>,
  ): Promise<number> {
    return this.deps.db.transaction().execute(async (trx) => {
      const rows = await rollUp.oldest(trx);
      if (rows.length === 0) return 0;
      const key: readonly string[] = rollUp.key;
      const totals = new Map<string, Record<string, string | number>>();
      for (const row of rows) {
        const share: Record<string, string | number> = { ...rollUp.share(row) };
        const group = JSON.stringify(key.map((column) => share[column]));
        const total = totals.get(group);
        if (!total) {
          totals.set(group, share);
          continue;
        }
        for (const column of sumColumns(share, key)) (total[column] as number) += share[column] as number;
      }
      for (const total of totals.values()) {
        const sums = sumColumns(total, key);
        await trx
          .insertInto(rollUp.into)
          .values(total as never)
          .onConflict((oc) =>
            oc
              .columns(rollUp.key as never)
              .doUpdateSet(
                Object.fromEntries(
                  sums.map((column) => [
                    column,
                    sql`${sql.ref(`${rollUp.into}.${column}`)} + ${sql.ref(`excluded.${column}`)}`,
                  ]),
                ) as never,
              ),
          )
          .execute();
      }
      await trx
        .deleteFrom(rollUp.from)
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      return rows.length;
    });
  }
}
