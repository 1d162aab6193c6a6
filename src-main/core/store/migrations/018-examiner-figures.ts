import { sql, type Kysely } from 'kysely';

/**
 * The examiner's figures as plain columns, kept in step with examiner_breakdown by triggers
 * (issue 10). Migration 011 made the verdict a virtual generated column: indexable, but every
 * read of a row still parsed the breakdown, so the examiner panel's "Last year" parsed 60,000 of
 * them (half a second at an agency's year). Now the verdict, the four scores and the red flags
 * are written once, when the breakdown is, and the panel reads them from indexes.
 *
 * - examiner_red_flags: the breakdown's red flags (JSON array) for a graded verdict; null when
 *   there are none or the examiner could not answer (those are not counted), so a partial index
 *   holds only the proposals that raised a flag.
 * - The triggers update the same row after it is written (recursive triggers are off), and only
 *   these columns, which no other trigger watches.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX proposals_by_verdict_created`.execute(db);
  await sql`DROP INDEX proposals_by_brand_verdict_created`.execute(db);
  await sql`DROP INDEX proposals_by_agent_verdict_created`.execute(db);
  await sql`ALTER TABLE proposals DROP COLUMN examiner_verdict`.execute(db);

  await sql`ALTER TABLE proposals ADD COLUMN examiner_verdict TEXT CHECK (examiner_verdict IN ('passed', 'failed', 'unanswered'))`.execute(
    db,
  );
  await sql`ALTER TABLE proposals ADD COLUMN examiner_composite REAL`.execute(db);
  await sql`ALTER TABLE proposals ADD COLUMN examiner_avatar_fit REAL`.execute(db);
  await sql`ALTER TABLE proposals ADD COLUMN examiner_engagement REAL`.execute(db);
  await sql`ALTER TABLE proposals ADD COLUMN examiner_content_quality REAL`.execute(db);
  await sql`ALTER TABLE proposals ADD COLUMN examiner_red_flags TEXT CHECK (examiner_red_flags IS NULL OR json_valid(examiner_red_flags))`.execute(
    db,
  );

  // The same expressions for the backfill (this row) and the triggers (the new row).
  const figures = (row: 'proposals' | 'new') => {
    const breakdown = sql.raw(`${row}.examiner_breakdown`);
    return sql`
    examiner_verdict = CASE
      WHEN ${breakdown} IS NULL THEN NULL
      WHEN json_extract(${breakdown}, '$.error') IS NOT NULL THEN 'unanswered'
      WHEN json_extract(${breakdown}, '$.passed') = 1 THEN 'passed'
      WHEN json_extract(${breakdown}, '$.passed') = 0 THEN 'failed'
      ELSE 'unanswered' END,
    examiner_composite = json_extract(${breakdown}, '$.composite'),
    examiner_avatar_fit = json_extract(${breakdown}, '$.avatarFit'),
    examiner_engagement = json_extract(${breakdown}, '$.engagementPotential'),
    examiner_content_quality = json_extract(${breakdown}, '$.contentQuality'),
    examiner_red_flags = CASE
      WHEN json_extract(${breakdown}, '$.error') IS NULL
       AND json_type(${breakdown}, '$.passed') IN ('true', 'false')
       AND json_array_length(${breakdown}, '$.redFlags') > 0
      THEN json_extract(${breakdown}, '$.redFlags')
      ELSE NULL END`;
  };

  await sql`UPDATE proposals SET ${figures('proposals')} WHERE examiner_breakdown IS NOT NULL`.execute(db);
  await sql`
    CREATE TRIGGER proposals_examiner_figures_insert AFTER INSERT ON proposals
    WHEN new.examiner_breakdown IS NOT NULL BEGIN
      UPDATE proposals SET ${figures('new')} WHERE id = new.id;
    END`.execute(db);
  await sql`
    CREATE TRIGGER proposals_examiner_figures_update AFTER UPDATE OF examiner_breakdown ON proposals BEGIN
      UPDATE proposals SET ${figures('new')} WHERE id = new.id;
    END`.execute(db);

  await sql`CREATE INDEX proposals_by_verdict_created ON proposals(examiner_verdict, created_at, id)`.execute(
    db,
  );
  await sql`CREATE INDEX proposals_by_brand_verdict_created ON proposals(brand_id, examiner_verdict, created_at, id)`.execute(
    db,
  );
  await sql`CREATE INDEX proposals_by_agent_verdict_created ON proposals(agent_id, examiner_verdict, created_at, id)`.execute(
    db,
  );
  // The examiner panel's figures over a window, read from the index alone.
  await sql`
    CREATE INDEX proposals_examiner_figures_by_created ON proposals(
      created_at, examiner_verdict, brand_id, agent_id,
      examiner_composite, examiner_avatar_fit, examiner_engagement, examiner_content_quality)
    WHERE examiner_verdict IS NOT NULL`.execute(db);
  await sql`
    CREATE INDEX proposals_red_flags_by_created ON proposals(created_at, brand_id, agent_id, examiner_red_flags)
    WHERE examiner_red_flags IS NOT NULL`.execute(db);
}
