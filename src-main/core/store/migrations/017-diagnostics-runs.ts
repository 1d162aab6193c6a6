import { sql, type Kysely } from 'kysely';

/**
 * What each diagnostics run keeps beside its ten checks (004 made the table):
 * - `installation`: the installation checks (database, data folder, FFmpeg, fonts…) taken in the
 *   same run, so the trend shows when FFmpeg went missing, not only that it is missing now;
 * - `trigger`: the 4-hour cycle or a person (or an assistant) asking;
 * - `duration_ms`: how long the run took;
 * - an index by time, for the trend and for dropping runs older than the kept window.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE system_diagnostics ADD COLUMN installation TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(installation))`.execute(
    db,
  );
  await sql`ALTER TABLE system_diagnostics ADD COLUMN trigger TEXT NOT NULL DEFAULT 'schedule' CHECK (trigger IN ('schedule', 'manual'))`.execute(
    db,
  );
  await sql`ALTER TABLE system_diagnostics ADD COLUMN duration_ms REAL NOT NULL DEFAULT 0`.execute(db);
  await sql`CREATE INDEX system_diagnostics_by_created ON system_diagnostics(created_at)`.execute(db);
}
