import { sql, type Kysely } from 'kysely';

/**
 * Publishing: the calendar, one persisted state machine per (post, platform), and the brands'
 * platform connections.
 *
 * - `scheduled_posts` is rebuilt (nothing wrote the first draft of it): one calendar item per
 *   render (`job_id` unique, so a render is scheduled exactly once), in a slot computed in the
 *   creator's time zone, with the captions the creator may still edit, and a note when the slot
 *   rule had to take another variant's slot.
 * - `publish_targets` holds each platform's progress: scheduled → uploading → processing →
 *   published | failed | waiting (for the creator). Every external id (container, upload offset,
 *   session, video, media) is checkpointed before the next call, and `step_started_at` marks a
 *   call whose outcome is unknown if the app stops during it: the next run looks the result up on
 *   the platform before creating anything new.
 * - `platform_connections` gains `expired` (a revoked or expired token holds the brand's
 *   publishing on that platform until it is reconnected) and the token's expiry.
 * - `brands.publishing_profile`: per brand, which platforms it publishes to and its YouTube
 *   privacy, notify-subscribers, #Shorts and first-comment choices.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE scheduled_posts`.execute(db);
  await sql`
    CREATE TABLE scheduled_posts (
      schedule_id TEXT PRIMARY KEY,
      job_id TEXT NOT NULL UNIQUE REFERENCES generation_jobs(job_id),
      brand_id TEXT NOT NULL REFERENCES brands(id),
      content_type TEXT NOT NULL CHECK (content_type IN ('reel', 'carousel')),
      variant TEXT NOT NULL CHECK (variant IN ('light', 'dark', 'post')),
      title TEXT NOT NULL,
      caption TEXT NOT NULL,
      facebook_caption TEXT NOT NULL,
      youtube_title TEXT,
      youtube_title_source TEXT CHECK (youtube_title_source IN ('llm', 'fallback', 'creator')),
      youtube_description TEXT,
      first_comment TEXT,
      scheduled_time TEXT NOT NULL,
      slot_source TEXT NOT NULL CHECK (slot_source IN ('auto', 'manual')),
      slot_note TEXT,
      status TEXT NOT NULL CHECK (status IN ('scheduled', 'publishing', 'published', 'partial', 'failed', 'waiting', 'cancelled')),
      platforms TEXT NOT NULL CHECK (json_valid(platforms)),
      media TEXT NOT NULL CHECK (json_valid(media)),
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

  await sql`
    CREATE TABLE publish_targets (
      schedule_id TEXT NOT NULL REFERENCES scheduled_posts(schedule_id) ON DELETE CASCADE,
      platform TEXT NOT NULL CHECK (platform IN ('instagram', 'facebook', 'youtube')),
      status TEXT NOT NULL CHECK (status IN ('scheduled', 'uploading', 'processing', 'published', 'failed', 'waiting', 'cancelled')),
      step TEXT,
      step_started_at TEXT,
      checkpoint TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(checkpoint)),
      external_id TEXT,
      permalink TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at TEXT,
      wait_reason TEXT,
      last_error TEXT,
      error_code TEXT,
      suggested_fix TEXT,
      published_at TEXT,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (schedule_id, platform)
    ) STRICT`.execute(db);
  await sql`CREATE INDEX publish_targets_by_status ON publish_targets(status, next_attempt_at)`.execute(db);

  await sql`
    CREATE TABLE platform_connections_v8 (
      brand_id TEXT NOT NULL REFERENCES brands(id) ON DELETE CASCADE,
      platform TEXT NOT NULL CHECK (platform IN ('instagram', 'facebook', 'youtube')),
      account_id TEXT,
      account_name TEXT,
      status TEXT NOT NULL CHECK (status IN ('connected', 'expired', 'error')),
      last_error TEXT,
      expires_at TEXT,
      connected_at TEXT,
      checked_at TEXT,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (brand_id, platform)
    ) STRICT`.execute(db);
  await sql`
    INSERT INTO platform_connections_v8 (brand_id, platform, account_id, account_name, status, last_error,
                                         connected_at, updated_at)
    SELECT brand_id, platform, account_id, account_name,
           CASE status WHEN 'revoked' THEN 'expired' ELSE status END, last_error, connected_at, updated_at
    FROM platform_connections`.execute(db);
  await sql`DROP TABLE platform_connections`.execute(db);
  await sql`ALTER TABLE platform_connections_v8 RENAME TO platform_connections`.execute(db);

  await sql`ALTER TABLE brands ADD COLUMN publishing_profile TEXT CHECK (publishing_profile IS NULL OR json_valid(publishing_profile))`.execute(
    db,
  );
}
