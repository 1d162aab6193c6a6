import { sql, type Kysely } from 'kysely';

/**
 * What the examiner and the daily burst need on top of the base model: per-brand niche,
 * audience and examiner settings (the original hard-coded one audience for every brand), the link from a regenerated proposal to the one it replaces, and a row per burst so
 * a burst interrupted by a crash is found and finished on the next start.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE brands ADD COLUMN examiner_config TEXT CHECK (examiner_config IS NULL OR json_valid(examiner_config))`.execute(
    db,
  );
  await sql`ALTER TABLE brands ADD COLUMN content_profile TEXT CHECK (content_profile IS NULL OR json_valid(content_profile))`.execute(
    db,
  );

  await sql`ALTER TABLE proposals ADD COLUMN attempt INTEGER NOT NULL DEFAULT 1 CHECK (attempt IN (1, 2))`.execute(
    db,
  );
  await sql`ALTER TABLE proposals ADD COLUMN replaces_proposal_id TEXT REFERENCES proposals(proposal_id)`.execute(
    db,
  );
  await sql`CREATE INDEX proposals_by_burst_day ON proposals(burst_day, brand_id, content_type)`.execute(db);
  await sql`CREATE UNIQUE INDEX proposals_one_replacement ON proposals(replaces_proposal_id) WHERE replaces_proposal_id IS NOT NULL`.execute(
    db,
  );

  await sql`ALTER TABLE content_history ADD COLUMN proposal_id TEXT`.execute(db);

  await sql`
    CREATE TABLE bursts (
      id INTEGER PRIMARY KEY,
      day TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('daily', 'smart')),
      status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
      planned INTEGER NOT NULL DEFAULT 0,
      created INTEGER NOT NULL DEFAULT 0,
      accepted INTEGER NOT NULL DEFAULT 0,
      rejected INTEGER NOT NULL DEFAULT 0,
      needs_review INTEGER NOT NULL DEFAULT 0,
      failed_calls INTEGER NOT NULL DEFAULT 0,
      error TEXT,
      started_at TEXT NOT NULL,
      finished_at TEXT
    ) STRICT`.execute(db);
  await sql`CREATE INDEX bursts_by_day ON bursts(day)`.execute(db);
}
