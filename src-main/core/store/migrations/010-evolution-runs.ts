import { sql, type Kysely } from 'kysely';

/**
 * One row per week the evolution ran, keyed by the week (the local date of its Sunday). The row
 * is inserted in the same transaction as the week's deaths and births, so the weekly selection
 * runs exactly once per week even across a crash, a catch-up at start and a manual run; its
 * report is kept for the Agents page.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE evolution_runs (
      week TEXT PRIMARY KEY,
      ran_at TEXT NOT NULL,
      trigger TEXT NOT NULL CHECK (trigger IN ('schedule', 'manual')),
      report TEXT NOT NULL CHECK (json_valid(report))
    ) STRICT`.execute(db);
}
