import { sql, type Kysely } from 'kysely';

/**
 * Daily totals that outlive the rows the retention pruner removes (issue 10): the activity
 * log, API usage and metric snapshots keep their detail for a configurable number of days, then
 * only these totals remain. A batch adds its rows' totals and deletes them in one transaction,
 * so a total never counts a row twice or misses one.
 *
 * - activity_daily: entries per day and level.
 * - api_usage_daily: calls, tokens, latency and cost per day, service, operation, model and
 *   outcome ('' stands for no model: a primary key column cannot be null).
 * - metric_snapshots_daily: per day fetched, brand, platform and stamp, the snapshots taken and
 *   their summed counts. Each post's latest numbers stay in post_performance.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE activity_daily (
      day TEXT NOT NULL,
      level TEXT NOT NULL,
      entries INTEGER NOT NULL,
      PRIMARY KEY (day, level)
    ) STRICT`.execute(db);
  await sql`
    CREATE TABLE api_usage_daily (
      day TEXT NOT NULL,
      service TEXT NOT NULL,
      operation TEXT NOT NULL,
      model TEXT NOT NULL,
      outcome TEXT NOT NULL,
      calls INTEGER NOT NULL,
      tokens_in INTEGER NOT NULL,
      tokens_out INTEGER NOT NULL,
      latency_ms INTEGER NOT NULL,
      cost_usd REAL NOT NULL,
      PRIMARY KEY (day, service, operation, model, outcome)
    ) STRICT`.execute(db);
  await sql`
    CREATE TABLE metric_snapshots_daily (
      day TEXT NOT NULL,
      brand_id TEXT NOT NULL,
      platform TEXT NOT NULL,
      stamp TEXT NOT NULL,
      snapshots INTEGER NOT NULL,
      views INTEGER NOT NULL,
      reach INTEGER NOT NULL,
      likes INTEGER NOT NULL,
      comments INTEGER NOT NULL,
      saves INTEGER NOT NULL,
      shares INTEGER NOT NULL,
      total_interactions INTEGER NOT NULL,
      PRIMARY KEY (day, brand_id, platform, stamp)
    ) STRICT`.execute(db);
  // The pruners walk the oldest rows first.
  await sql`CREATE INDEX api_usage_by_created ON api_usage(created_at)`.execute(db);
  await sql`CREATE INDEX metric_snapshots_by_fetched ON metric_snapshots(fetched_at)`.execute(db);
}
