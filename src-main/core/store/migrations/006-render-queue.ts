import { sql, type Kysely } from 'kysely';

/**
 * What the durable render queue needs on top of `generation_jobs`: the proposal's own caption
 * and hashtags (the original threw the caption away and wrote a new one), the random choices
 * drawn once at creation so a resumed job renders the same reel, per-step checkpoints so a
 * restart continues after the last finished step, a cancel flag a running job polls, and where
 * and why a job failed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE generation_jobs ADD COLUMN caption TEXT`.execute(db);
  await sql`ALTER TABLE generation_jobs ADD COLUMN hashtags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(hashtags))`.execute(
    db,
  );
  await sql`ALTER TABLE generation_jobs ADD COLUMN render_plan TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(render_plan))`.execute(
    db,
  );
  await sql`ALTER TABLE generation_jobs ADD COLUMN completed_steps TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(completed_steps))`.execute(
    db,
  );
  await sql`ALTER TABLE generation_jobs ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0 CHECK (cancel_requested IN (0, 1))`.execute(
    db,
  );
  await sql`ALTER TABLE generation_jobs ADD COLUMN failed_step TEXT`.execute(db);
  await sql`ALTER TABLE generation_jobs ADD COLUMN error_details TEXT`.execute(db);
  await sql`ALTER TABLE generation_jobs ADD COLUMN updated_at TEXT`.execute(db);
  await sql`CREATE INDEX generation_jobs_by_proposal ON generation_jobs(proposal_id)`.execute(db);
}
