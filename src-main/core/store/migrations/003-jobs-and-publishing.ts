import { sql, type Kysely } from 'kysely';

/** Render jobs and the publishing calendar. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE generation_jobs (
      job_id TEXT PRIMARY KEY,
      proposal_id TEXT REFERENCES proposals(proposal_id),
      status TEXT NOT NULL CHECK (status IN ('pending', 'generating', 'completed', 'failed', 'cancelled')),
      title TEXT NOT NULL,
      content_lines TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(content_lines)),
      variant TEXT NOT NULL CHECK (variant IN ('light', 'dark', 'post')),
      ai_prompt TEXT,
      cta_type TEXT,
      brands TEXT NOT NULL CHECK (json_valid(brands)),
      platforms TEXT NOT NULL CHECK (json_valid(platforms)),
      fixed_title INTEGER NOT NULL DEFAULT 0 CHECK (fixed_title IN (0, 1)),
      brand_outputs TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(brand_outputs)),
      current_step TEXT,
      progress_percent INTEGER NOT NULL DEFAULT 0 CHECK (progress_percent BETWEEN 0 AND 100),
      attempts INTEGER NOT NULL DEFAULT 0,
      error_message TEXT,
      created_at TEXT NOT NULL,
      started_at TEXT,
      completed_at TEXT
    ) STRICT`.execute(db);
  await sql`CREATE INDEX generation_jobs_by_status_created ON generation_jobs(status, created_at)`.execute(
    db,
  );

  await sql`
    CREATE TABLE scheduled_posts (
      schedule_id TEXT PRIMARY KEY,
      job_id TEXT REFERENCES generation_jobs(job_id),
      brand_id TEXT NOT NULL REFERENCES brands(id),
      content_type TEXT NOT NULL CHECK (content_type IN ('reel', 'post', 'carousel')),
      variant TEXT NOT NULL,
      title TEXT,
      caption TEXT NOT NULL DEFAULT '',
      scheduled_time TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('scheduled', 'publishing', 'published', 'partial', 'failed', 'cancelled')),
      platforms TEXT NOT NULL CHECK (json_valid(platforms)),
      media TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(media)),
      publish_results TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(publish_results)),
      post_ids TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(post_ids)),
      retry_platforms TEXT CHECK (retry_platforms IS NULL OR json_valid(retry_platforms)),
      published_at TEXT,
      publish_error TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE INDEX scheduled_posts_by_status_time ON scheduled_posts(status, scheduled_time)`.execute(
    db,
  );
  await sql`CREATE INDEX scheduled_posts_by_brand_time ON scheduled_posts(brand_id, scheduled_time)`.execute(
    db,
  );
}
