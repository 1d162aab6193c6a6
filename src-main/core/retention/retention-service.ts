import type { Kysely } from 'kysely';
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

/** Sums rows into one total per key. */
function totalsBy<R, T extends Record<string, number>>(
  rows: readonly R[],
  keyOf: (row: R) => string,
  amounts: (row: R) => T,
): Map<string, { first: R; sum: T }> {
  const totals = new Map<string, { first: R; sum: T }>();
  for (const row of rows) {
    const key = keyOf(row);
    const add = amounts(row);
    const entry = totals.get(key);
    if (!entry) totals.set(key, { first: row, sum: { ...add } });
    else for (const name of Object.keys(add) as Array<keyof T>) (entry.sum[name] as number) += add[name]!;
  }
  return totals;
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
      for (;;) {
        if (this.stopped) return report;
        const removed = await batches[kind](cutoff);
        report[kind] += removed;
        if (removed < this.batchSize) break;
        await yieldToOthers();
      }
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
    let removed = 0;
    for (;;) {
      if (this.stopped) return null;
      const batch = await this.activityBatch({ upToId: boundary.id });
      removed += batch;
      if (batch < this.batchSize) return removed;
      await yieldToOthers();
    }
  }

  private get batchSize(): number {
    return this.deps.batchSize ?? retentionDefaults.batchSize;
  }

  /** One batch of the oldest entries before a time (the age) or up to an id (the size bound). */
  private activityBatch(bound: { olderThan: string } | { upToId: number }): Promise<number> {
    return this.deps.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('activity_log')
        .select(['id', 'at', 'level'])
        .where((eb) => ('olderThan' in bound ? eb('at', '<', bound.olderThan) : eb('id', '<=', bound.upToId)))
        .orderBy('olderThan' in bound ? 'at' : 'id')
        .limit(this.batchSize)
        .execute();
      if (rows.length === 0) return 0;
      const totals = totalsBy(
        rows,
        (r) => `${dayOf(r.at)} ${r.level}`,
        () => ({ entries: 1 }),
      );
      for (const { first, sum } of totals.values()) {
        await trx
          .insertInto('activity_daily')
          .values({ day: dayOf(first.at), level: first.level, entries: sum.entries })
          .onConflict((oc) =>
            oc.columns(['day', 'level']).doUpdateSet((eb) => ({
              entries: eb('activity_daily.entries', '+', eb.ref('excluded.entries')),
            })),
          )
          .execute();
      }
      await trx
        .deleteFrom('activity_log')
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      return rows.length;
    });
  }

  private usageBatch(cutoff: string): Promise<number> {
    return this.deps.db.transaction().execute(async (trx) => {
      const rows = await trx
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
        .execute();
      if (rows.length === 0) return 0;
      const totals = totalsBy(
        rows,
        (r) => JSON.stringify([dayOf(r.created_at), r.service, r.operation, r.model ?? '', r.outcome]),
        (r) => ({
          calls: 1,
          tokens_in: r.tokens_in,
          tokens_out: r.tokens_out,
          latency_ms: r.latency_ms,
          cost_usd: r.cost_usd,
        }),
      );
      for (const { first, sum } of totals.values()) {
        await trx
          .insertInto('api_usage_daily')
          .values({
            day: dayOf(first.created_at),
            service: first.service,
            operation: first.operation,
            model: first.model ?? '',
            outcome: first.outcome,
            ...sum,
          })
          .onConflict((oc) =>
            oc.columns(['day', 'service', 'operation', 'model', 'outcome']).doUpdateSet((eb) => ({
              calls: eb('api_usage_daily.calls', '+', eb.ref('excluded.calls')),
              tokens_in: eb('api_usage_daily.tokens_in', '+', eb.ref('excluded.tokens_in')),
              tokens_out: eb('api_usage_daily.tokens_out', '+', eb.ref('excluded.tokens_out')),
              latency_ms: eb('api_usage_daily.latency_ms', '+', eb.ref('excluded.latency_ms')),
              cost_usd: eb('api_usage_daily.cost_usd', '+', eb.ref('excluded.cost_usd')),
            })),
          )
          .execute();
      }
      await trx
        .deleteFrom('api_usage')
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      return rows.length;
    });
  }

  private snapshotBatch(cutoff: string): Promise<number> {
    return this.deps.db.transaction().execute(async (trx) => {
      const rows = await trx
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
        .execute();
      if (rows.length === 0) return 0;
      const totals = totalsBy(
        rows,
        (r) => JSON.stringify([dayOf(r.fetched_at), r.brand_id ?? '', r.platform, r.stamp]),
        (r) => ({
          snapshots: 1,
          views: r.views,
          reach: r.reach,
          likes: r.likes,
          comments: r.comments,
          saves: r.saves,
          shares: r.shares,
          total_interactions: r.total_interactions,
        }),
      );
      for (const { first, sum } of totals.values()) {
        await trx
          .insertInto('metric_snapshots_daily')
          .values({
            day: dayOf(first.fetched_at),
            brand_id: first.brand_id ?? '',
            platform: first.platform,
            stamp: first.stamp,
            ...sum,
          })
          .onConflict((oc) =>
            oc.columns(['day', 'brand_id', 'platform', 'stamp']).doUpdateSet((eb) => ({
              snapshots: eb('metric_snapshots_daily.snapshots', '+', eb.ref('excluded.snapshots')),
              views: eb('metric_snapshots_daily.views', '+', eb.ref('excluded.views')),
              reach: eb('metric_snapshots_daily.reach', '+', eb.ref('excluded.reach')),
              likes: eb('metric_snapshots_daily.likes', '+', eb.ref('excluded.likes')),
              comments: eb('metric_snapshots_daily.comments', '+', eb.ref('excluded.comments')),
              saves: eb('metric_snapshots_daily.saves', '+', eb.ref('excluded.saves')),
              shares: eb('metric_snapshots_daily.shares', '+', eb.ref('excluded.shares')),
              total_interactions: eb(
                'metric_snapshots_daily.total_interactions',
                '+',
                eb.ref('excluded.total_interactions'),
              ),
            })),
          )
          .execute();
      }
      await trx
        .deleteFrom('metric_snapshots')
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
