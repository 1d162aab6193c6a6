import { sql, type Kysely } from 'kysely';

/** What flows back from the platforms, what the app measures about itself, and LLM/API spend. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE post_performance (
      id INTEGER PRIMARY KEY,
      platform TEXT NOT NULL CHECK (platform IN ('instagram', 'facebook', 'youtube')),
      media_id TEXT NOT NULL,
      schedule_id TEXT REFERENCES scheduled_posts(schedule_id) ON DELETE SET NULL,
      brand_id TEXT NOT NULL REFERENCES brands(id),
      proposal_id TEXT,
      content_type TEXT NOT NULL,
      title TEXT,
      caption TEXT,
      topic_bucket TEXT,
      keyword_hash TEXT,
      views INTEGER NOT NULL DEFAULT 0,
      likes INTEGER NOT NULL DEFAULT 0,
      comments INTEGER NOT NULL DEFAULT 0,
      saves INTEGER NOT NULL DEFAULT 0,
      shares INTEGER NOT NULL DEFAULT 0,
      reach INTEGER NOT NULL DEFAULT 0,
      engagement_rate REAL NOT NULL DEFAULT 0,
      performance_score REAL NOT NULL DEFAULT 0,
      percentile_rank REAL,
      published_at TEXT,
      metrics_fetched_at TEXT,
      metrics_24h_at TEXT,
      metrics_48h_at TEXT,
      metrics_7d_at TEXT,
      attributed_at TEXT,
      UNIQUE (platform, media_id)
    ) STRICT`.execute(db);
  await sql`CREATE INDEX post_performance_by_brand_score ON post_performance(brand_id, performance_score)`.execute(
    db,
  );

  await sql`
    CREATE TABLE brand_analytics (
      brand_id TEXT NOT NULL REFERENCES brands(id) ON DELETE CASCADE,
      platform TEXT NOT NULL CHECK (platform IN ('instagram', 'facebook', 'youtube')),
      followers_count INTEGER NOT NULL DEFAULT 0,
      views_last_7_days INTEGER NOT NULL DEFAULT 0,
      likes_last_7_days INTEGER NOT NULL DEFAULT 0,
      extra_metrics TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extra_metrics)),
      last_fetched_at TEXT NOT NULL,
      PRIMARY KEY (brand_id, platform)
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE analytics_snapshots (
      id INTEGER PRIMARY KEY,
      brand_id TEXT NOT NULL REFERENCES brands(id) ON DELETE CASCADE,
      platform TEXT NOT NULL,
      followers_count INTEGER NOT NULL DEFAULT 0,
      views_last_7_days INTEGER NOT NULL DEFAULT 0,
      likes_last_7_days INTEGER NOT NULL DEFAULT 0,
      snapshot_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX analytics_snapshots_by_brand_at ON analytics_snapshots(brand_id, snapshot_at)`.execute(
    db,
  );

  await sql`
    CREATE TABLE system_diagnostics (
      id INTEGER PRIMARY KEY,
      status TEXT NOT NULL CHECK (status IN ('healthy', 'degraded', 'critical')),
      total_checks INTEGER NOT NULL,
      passed INTEGER NOT NULL,
      warnings INTEGER NOT NULL,
      failures INTEGER NOT NULL,
      checks TEXT NOT NULL CHECK (json_valid(checks)),
      active_agents INTEGER NOT NULL DEFAULT 0,
      avg_survival_score REAL NOT NULL DEFAULT 0,
      gene_pool_size INTEGER NOT NULL DEFAULT 0,
      pending_jobs INTEGER NOT NULL DEFAULT 0,
      failed_jobs_24h INTEGER NOT NULL DEFAULT 0,
      total_scheduled INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE api_usage (
      id INTEGER PRIMARY KEY,
      service TEXT NOT NULL,
      operation TEXT NOT NULL,
      model TEXT,
      agent_id TEXT,
      tokens_in INTEGER NOT NULL DEFAULT 0,
      tokens_out INTEGER NOT NULL DEFAULT 0,
      latency_ms INTEGER NOT NULL DEFAULT 0,
      outcome TEXT NOT NULL,
      cost_usd REAL NOT NULL DEFAULT 0,
      error TEXT,
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX api_usage_by_service_created ON api_usage(service, created_at)`.execute(db);
}
