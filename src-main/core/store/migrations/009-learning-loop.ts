import { sql, type Kysely } from 'kysely';

/**
 * The learning loop's data: what each published post did (and who made it, by stored ids),
 * when each metric stamp was taken, what the scout may search, and what the agents learned.
 *
 * - `post_performance` gains the post's agent, strategy and examiner score at publishing (the
 *   original recovered them by parsing ids, and lost them), the 1 h / 6 h stamps, the total
 *   interactions Instagram reports, and the score relative to the brand's own recent median.
 * - `metric_snapshots`: one row per post, platform and stamp (1 h, 6 h, 24 h, 48 h, 7 d), each
 *   taken once.
 * - `competitor_accounts`: the accounts the creator asks the scout to watch, per brand.
 * - `hashtag_searches`: Instagram counts 30 unique hashtags per account per rolling 7 days; the
 *   first search of each tag is kept so the scout never asks for a 31st.
 * - `learned_patterns`: shared knowledge (title structures, hours, keywords) with confidence and
 *   recency decay, injected into prompts as lessons.
 * - `analytics_snapshots` gains reach, so trends show followers, reach and views.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE post_performance ADD COLUMN agent_id TEXT`.execute(db);
  await sql`ALTER TABLE post_performance ADD COLUMN strategy TEXT`.execute(db);
  await sql`ALTER TABLE post_performance ADD COLUMN examiner_score REAL`.execute(db);
  await sql`ALTER TABLE post_performance ADD COLUMN total_interactions INTEGER NOT NULL DEFAULT 0`.execute(
    db,
  );
  await sql`ALTER TABLE post_performance ADD COLUMN relative_score REAL`.execute(db);
  await sql`ALTER TABLE post_performance ADD COLUMN metrics_1h_at TEXT`.execute(db);
  await sql`ALTER TABLE post_performance ADD COLUMN metrics_6h_at TEXT`.execute(db);
  await sql`CREATE INDEX post_performance_by_brand_published ON post_performance(brand_id, published_at)`.execute(
    db,
  );
  await sql`CREATE INDEX post_performance_by_agent_published ON post_performance(agent_id, published_at)`.execute(
    db,
  );
  await sql`CREATE INDEX post_performance_by_schedule ON post_performance(schedule_id)`.execute(db);

  await sql`
    CREATE TABLE metric_snapshots (
      id INTEGER PRIMARY KEY,
      platform TEXT NOT NULL CHECK (platform IN ('instagram', 'facebook', 'youtube')),
      media_id TEXT NOT NULL,
      stamp TEXT NOT NULL CHECK (stamp IN ('1h', '6h', '24h', '48h', '7d')),
      views INTEGER NOT NULL DEFAULT 0,
      reach INTEGER NOT NULL DEFAULT 0,
      likes INTEGER NOT NULL DEFAULT 0,
      comments INTEGER NOT NULL DEFAULT 0,
      saves INTEGER NOT NULL DEFAULT 0,
      shares INTEGER NOT NULL DEFAULT 0,
      total_interactions INTEGER NOT NULL DEFAULT 0,
      fetched_at TEXT NOT NULL,
      UNIQUE (platform, media_id, stamp)
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE competitor_accounts (
      brand_id TEXT NOT NULL REFERENCES brands(id) ON DELETE CASCADE,
      username TEXT NOT NULL,
      added_at TEXT NOT NULL,
      PRIMARY KEY (brand_id, username)
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE hashtag_searches (
      ig_user_id TEXT NOT NULL,
      hashtag TEXT NOT NULL,
      first_searched_at TEXT NOT NULL,
      last_searched_at TEXT NOT NULL,
      PRIMARY KEY (ig_user_id, hashtag)
    ) STRICT`.execute(db);

  await sql`ALTER TABLE trending_content ADD COLUMN brand_id TEXT REFERENCES brands(id) ON DELETE SET NULL`.execute(
    db,
  );

  await sql`
    CREATE TABLE learned_patterns (
      id INTEGER PRIMARY KEY,
      pattern_type TEXT NOT NULL,
      pattern_key TEXT NOT NULL,
      brand_id TEXT REFERENCES brands(id) ON DELETE CASCADE,
      description TEXT NOT NULL,
      confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
      decay_weight REAL NOT NULL DEFAULT 1 CHECK (decay_weight BETWEEN 0 AND 1),
      effect REAL NOT NULL DEFAULT 0,
      sample_size INTEGER NOT NULL DEFAULT 0,
      validation_count INTEGER NOT NULL DEFAULT 1,
      last_validated_at TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX learned_patterns_by_key ON learned_patterns(pattern_type, pattern_key, coalesce(brand_id, ''))`.execute(
    db,
  );

  await sql`ALTER TABLE analytics_snapshots ADD COLUMN reach_last_7_days INTEGER NOT NULL DEFAULT 0`.execute(
    db,
  );
}
