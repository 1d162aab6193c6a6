import { sql, type Kysely } from 'kysely';

/**
 * What makes every decision land exactly once:
 * - `generation_jobs.brand_id` with one render per (proposal, brand): accepting writes its jobs
 *   in the same transaction, and a second dispatch of the same proposal can no longer render
 *   twice. Older files may hold such duplicates (two dispatches raced); the best one of each
 *   pair keeps the link (completed before rendering before waiting, then the oldest), the others
 *   are detached with a note saying which job they duplicate and, if still waiting, cancelled.
 * - `proposals.regeneration`: the one regeneration an examiner reject earns, as an outbox state
 *   written by the reject itself ('due'), claimed once by the burst ('attempted') whatever the
 *   call's outcome, or dropped when its day has passed ('expired').
 * - `proposals.render_issue`: why an accepted proposal has no render (repaired at start once).
 * - `bursts`: optimize-now runs as a burst of its own kind; a burst records its shortfall and
 *   which brands failed, so "6 of 16" is stated and the next catch-up retries the rest.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE generation_jobs ADD COLUMN brand_id TEXT REFERENCES brands(id)`.execute(db);
  await sql`UPDATE generation_jobs SET brand_id = json_extract(brands, '$[0]')`.execute(db);
  await sql`
    CREATE TEMP TABLE duplicate_renders AS
    SELECT job_id, keeper FROM (
      SELECT job_id,
             first_value(job_id) OVER w AS keeper,
             row_number() OVER w AS rank
      FROM generation_jobs
      WHERE proposal_id IS NOT NULL
      WINDOW w AS (
        PARTITION BY proposal_id, brand_id
        ORDER BY CASE status WHEN 'completed' THEN 0 WHEN 'generating' THEN 1 WHEN 'pending' THEN 2
                             WHEN 'failed' THEN 3 ELSE 4 END,
                 created_at, job_id)
    ) WHERE rank > 1`.execute(db);
  await sql`
    UPDATE generation_jobs
    SET status = CASE WHEN status IN ('pending', 'generating') THEN 'cancelled' ELSE status END,
        completed_at = CASE WHEN status IN ('pending', 'generating') THEN created_at ELSE completed_at END,
        error_message = 'Duplicate render of ' || proposal_id || ' (kept ' ||
          (SELECT keeper FROM duplicate_renders d WHERE d.job_id = generation_jobs.job_id) || ')',
        proposal_id = NULL
    WHERE job_id IN (SELECT job_id FROM duplicate_renders)`.execute(db);
  await sql`DROP TABLE duplicate_renders`.execute(db);
  await sql`CREATE UNIQUE INDEX generation_jobs_one_per_proposal_brand ON generation_jobs(proposal_id, brand_id) WHERE proposal_id IS NOT NULL`.execute(
    db,
  );

  await sql`ALTER TABLE proposals ADD COLUMN regeneration TEXT CHECK (regeneration IN ('due', 'attempted', 'expired'))`.execute(
    db,
  );
  // Rejects of earlier versions that already have their replacement count as attempted.
  await sql`
    UPDATE proposals SET regeneration = 'attempted'
    WHERE proposal_id IN (SELECT replaces_proposal_id FROM proposals WHERE replaces_proposal_id IS NOT NULL)`.execute(
    db,
  );
  await sql`ALTER TABLE proposals ADD COLUMN render_issue TEXT`.execute(db);
  await sql`CREATE INDEX proposals_by_regeneration ON proposals(regeneration) WHERE regeneration = 'due'`.execute(
    db,
  );

  // SQLite cannot widen a CHECK in place: the bursts table is rebuilt (nothing references it).
  await sql`
    CREATE TABLE bursts_v7 (
      id INTEGER PRIMARY KEY,
      day TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('daily', 'smart', 'optimize')),
      status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
      planned INTEGER NOT NULL DEFAULT 0,
      created INTEGER NOT NULL DEFAULT 0,
      accepted INTEGER NOT NULL DEFAULT 0,
      rejected INTEGER NOT NULL DEFAULT 0,
      needs_review INTEGER NOT NULL DEFAULT 0,
      failed_calls INTEGER NOT NULL DEFAULT 0,
      shortfall INTEGER NOT NULL DEFAULT 0,
      brand_errors TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(brand_errors)),
      summary TEXT,
      error TEXT,
      started_at TEXT NOT NULL,
      finished_at TEXT
    ) STRICT`.execute(db);
  await sql`
    INSERT INTO bursts_v7 (id, day, kind, status, planned, created, accepted, rejected, needs_review,
                           failed_calls, error, started_at, finished_at)
    SELECT id, day, kind, status, planned, created, accepted, rejected, needs_review, failed_calls,
           error, started_at, finished_at
    FROM bursts`.execute(db);
  await sql`DROP TABLE bursts`.execute(db);
  await sql`ALTER TABLE bursts_v7 RENAME TO bursts`.execute(db);
  await sql`CREATE INDEX bursts_by_day ON bursts(day)`.execute(db);
}
