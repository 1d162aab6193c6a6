import { sql, type Kysely } from 'kysely';

/**
 * Healing's own columns on renders (the original kept the retry count as a "[RETRY #N]" marker
 * inside the error message, which the next failure overwrote, so its limit never held):
 * - `error_kind`: the typed reason of the last failure (ffmpeg_failed, content_too_long, …,
 *   job_timeout), so a diagnosis does not depend on wording;
 * - `auto_retries`: how many times healing retried it (at most 2);
 * - `failure_reported_at`: when its permanent failure was reported (once).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE generation_jobs ADD COLUMN error_kind TEXT`.execute(db);
  await sql`ALTER TABLE generation_jobs ADD COLUMN auto_retries INTEGER NOT NULL DEFAULT 0`.execute(db);
  await sql`ALTER TABLE generation_jobs ADD COLUMN failure_reported_at TEXT`.execute(db);
  await sql`CREATE INDEX generation_jobs_by_status_updated ON generation_jobs(status, updated_at)`.execute(
    db,
  );
}
