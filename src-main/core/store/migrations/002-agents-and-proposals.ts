import { sql, type Kysely } from 'kysely';

/** The agent population, its history and gene pool, and what agents propose. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE agents (
      id INTEGER PRIMARY KEY,
      agent_id TEXT NOT NULL UNIQUE,
      display_name TEXT NOT NULL,
      personality TEXT NOT NULL DEFAULT '',
      temperature REAL NOT NULL,
      variant TEXT NOT NULL CHECK (variant IN ('dark', 'light')),
      proposal_prefix TEXT NOT NULL,
      strategy_names TEXT NOT NULL CHECK (json_valid(strategy_names)),
      strategy_weights TEXT NOT NULL CHECK (json_valid(strategy_weights)),
      risk_tolerance TEXT NOT NULL CHECK (risk_tolerance IN ('low', 'medium', 'high')),
      proposals_per_brand INTEGER NOT NULL DEFAULT 3,
      content_types TEXT NOT NULL CHECK (json_valid(content_types)),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      is_builtin INTEGER NOT NULL DEFAULT 0 CHECK (is_builtin IN (0, 1)),
      created_for_brand TEXT REFERENCES brands(id) ON DELETE SET NULL,
      survival_score REAL NOT NULL DEFAULT 0,
      lifetime_views INTEGER NOT NULL DEFAULT 0,
      lifetime_proposals INTEGER NOT NULL DEFAULT 0,
      lifetime_accepted INTEGER NOT NULL DEFAULT 0,
      generation INTEGER NOT NULL DEFAULT 1,
      mutation_count INTEGER NOT NULL DEFAULT 0,
      last_mutation_at TEXT,
      parent_agent_id TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE agent_performance (
      id INTEGER PRIMARY KEY,
      agent_id TEXT NOT NULL REFERENCES agents(agent_id) ON DELETE CASCADE,
      period TEXT NOT NULL,
      published_count INTEGER NOT NULL DEFAULT 0,
      total_views INTEGER NOT NULL DEFAULT 0,
      avg_views REAL NOT NULL DEFAULT 0,
      total_likes INTEGER NOT NULL DEFAULT 0,
      total_comments INTEGER NOT NULL DEFAULT 0,
      avg_engagement_rate REAL NOT NULL DEFAULT 0,
      strategy_breakdown TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(strategy_breakdown)),
      best_strategy TEXT,
      worst_strategy TEXT,
      avg_examiner_score REAL,
      survival_score REAL NOT NULL DEFAULT 0,
      total_proposals INTEGER NOT NULL DEFAULT 0,
      accepted_proposals INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX agent_performance_by_agent_created ON agent_performance(agent_id, created_at)`.execute(
    db,
  );

  await sql`
    CREATE TABLE agent_learning (
      id INTEGER PRIMARY KEY,
      agent_id TEXT NOT NULL REFERENCES agents(agent_id) ON DELETE CASCADE,
      mutation_type TEXT NOT NULL,
      description TEXT NOT NULL,
      old_value TEXT CHECK (old_value IS NULL OR json_valid(old_value)),
      new_value TEXT CHECK (new_value IS NULL OR json_valid(new_value)),
      trigger TEXT NOT NULL,
      confidence REAL,
      survival_score_at REAL,
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX agent_learning_by_agent_created ON agent_learning(agent_id, created_at)`.execute(db);

  await sql`
    CREATE TABLE gene_pool (
      id INTEGER PRIMARY KEY,
      source_agent_id TEXT NOT NULL,
      source_agent_name TEXT NOT NULL,
      personality TEXT NOT NULL,
      temperature REAL NOT NULL,
      variant TEXT NOT NULL,
      strategy_names TEXT NOT NULL CHECK (json_valid(strategy_names)),
      strategy_weights TEXT NOT NULL CHECK (json_valid(strategy_weights)),
      risk_tolerance TEXT NOT NULL,
      survival_score REAL NOT NULL DEFAULT 0,
      lifetime_views INTEGER NOT NULL DEFAULT 0,
      generation INTEGER NOT NULL DEFAULT 1,
      reason TEXT NOT NULL CHECK (reason IN ('retirement', 'top_performer', 'manual')),
      times_inherited INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);

  await sql`
    CREATE TABLE proposals (
      id INTEGER PRIMARY KEY,
      proposal_id TEXT NOT NULL UNIQUE,
      agent_id TEXT NOT NULL REFERENCES agents(agent_id),
      brand_id TEXT REFERENCES brands(id),
      content_type TEXT NOT NULL CHECK (content_type IN ('reel', 'post')),
      status TEXT NOT NULL CHECK (status IN ('pending', 'needs_review', 'accepted', 'rejected', 'expired')),
      variant TEXT NOT NULL,
      strategy TEXT NOT NULL,
      reasoning TEXT NOT NULL DEFAULT '',
      title TEXT NOT NULL,
      content_lines TEXT CHECK (content_lines IS NULL OR json_valid(content_lines)),
      slide_texts TEXT CHECK (slide_texts IS NULL OR json_valid(slide_texts)),
      image_prompt TEXT,
      caption TEXT,
      topic_bucket TEXT,
      source_type TEXT,
      source_ref TEXT,
      quality_score REAL,
      examiner_score REAL,
      examiner_breakdown TEXT CHECK (examiner_breakdown IS NULL OR json_valid(examiner_breakdown)),
      reviewer_notes TEXT,
      reviewed_at TEXT,
      accepted_job_id TEXT,
      burst_day TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX proposals_by_status_created ON proposals(status, created_at)`.execute(db);
  await sql`CREATE INDEX proposals_by_brand_created ON proposals(brand_id, created_at)`.execute(db);
  await sql`CREATE INDEX proposals_by_agent_created ON proposals(agent_id, created_at)`.execute(db);

  await sql`
    CREATE TABLE content_history (
      id INTEGER PRIMARY KEY,
      content_type TEXT NOT NULL CHECK (content_type IN ('reel', 'post')),
      title TEXT NOT NULL,
      keyword_hash TEXT NOT NULL,
      keywords TEXT NOT NULL,
      topic_bucket TEXT,
      brand_id TEXT REFERENCES brands(id),
      quality_score REAL,
      was_used INTEGER NOT NULL DEFAULT 0 CHECK (was_used IN (0, 1)),
      image_prompt TEXT,
      caption TEXT,
      created_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX content_history_by_brand_hash ON content_history(brand_id, keyword_hash)`.execute(
    db,
  );
  await sql`CREATE INDEX content_history_by_created ON content_history(created_at)`.execute(db);

  await sql`
    CREATE TABLE trending_content (
      id INTEGER PRIMARY KEY,
      ig_media_id TEXT NOT NULL UNIQUE,
      source_account TEXT,
      caption TEXT,
      media_type TEXT NOT NULL CHECK (media_type IN ('VIDEO', 'IMAGE', 'CAROUSEL_ALBUM')),
      hashtags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(hashtags)),
      like_count INTEGER NOT NULL DEFAULT 0,
      comments_count INTEGER NOT NULL DEFAULT 0,
      discovery_method TEXT NOT NULL,
      discovery_hashtag TEXT,
      media_timestamp TEXT,
      used_for_proposal INTEGER NOT NULL DEFAULT 0 CHECK (used_for_proposal IN (0, 1)),
      proposal_id TEXT,
      discovered_at TEXT NOT NULL
    ) STRICT`.execute(db);
}
