import { sql, type Kysely } from 'kysely';

/**
 * Indexes that fit what the lists filter on and the order they show, so a page costs the same
 * with 600 proposals or 60,000 (issue 10). Each list reads newest first and pages by keyset
 * (the last row's sort key), so an index must hold every equality filter first and then the
 * sort key: the page is then one index range read in order, never a scan of the table, never a
 * sort of everything that matched.
 *
 * - proposals: the review queue filters by status (always one tab), brand, agent and type, and
 *   orders by id. One index per combination the UI offers; agent + type and agent + brand + type
 *   read the agent's (or the agent-and-brand's) rows of that status and keep the right type.
 * - proposals.examiner_verdict: the examiner's own verdict (passed / failed / unanswered) read
 *   from its breakdown. It was computed with json_extract on every row of every examiner query;
 *   as a (virtual) generated column it can be indexed, with the created_at window and id order
 *   the examiner's rejected list and stats read.
 * - generation_jobs and scheduled_posts: the Jobs list (by status, newest first) and the
 *   calendar (a time range, by brand) end their keys with the id that breaks ties, so paging by
 *   (time, id) is an index range too. The indexes they extend are dropped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX proposals_by_status_id ON proposals(status, id)`.execute(db);
  await sql`CREATE INDEX proposals_by_type_status_id ON proposals(content_type, status, id)`.execute(db);
  await sql`CREATE INDEX proposals_by_brand_status_id ON proposals(brand_id, status, id)`.execute(db);
  await sql`CREATE INDEX proposals_by_brand_type_status_id ON proposals(brand_id, content_type, status, id)`.execute(
    db,
  );
  await sql`CREATE INDEX proposals_by_agent_status_id ON proposals(agent_id, status, id)`.execute(db);
  await sql`CREATE INDEX proposals_by_agent_brand_status_id ON proposals(agent_id, brand_id, status, id)`.execute(
    db,
  );
  await sql`CREATE INDEX proposals_by_created ON proposals(created_at)`.execute(db);

  await sql`
    ALTER TABLE proposals ADD COLUMN examiner_verdict TEXT GENERATED ALWAYS AS (CASE
      WHEN examiner_breakdown IS NULL THEN NULL
      WHEN json_extract(examiner_breakdown, '$.error') IS NOT NULL THEN 'unanswered'
      WHEN json_extract(examiner_breakdown, '$.passed') = 1 THEN 'passed'
      WHEN json_extract(examiner_breakdown, '$.passed') = 0 THEN 'failed'
      ELSE 'unanswered' END) VIRTUAL`.execute(db);
  await sql`CREATE INDEX proposals_by_verdict_created ON proposals(examiner_verdict, created_at, id)`.execute(
    db,
  );
  await sql`CREATE INDEX proposals_by_brand_verdict_created ON proposals(brand_id, examiner_verdict, created_at, id)`.execute(
    db,
  );
  await sql`CREATE INDEX proposals_by_agent_verdict_created ON proposals(agent_id, examiner_verdict, created_at, id)`.execute(
    db,
  );

  await sql`DROP INDEX generation_jobs_by_status_created`.execute(db);
  await sql`DROP INDEX generation_jobs_by_proposal`.execute(db);
  await sql`CREATE INDEX generation_jobs_by_created_id ON generation_jobs(created_at, job_id)`.execute(db);
  await sql`CREATE INDEX generation_jobs_by_status_created_id ON generation_jobs(status, created_at, job_id)`.execute(
    db,
  );
  await sql`CREATE INDEX generation_jobs_by_proposal_created_id ON generation_jobs(proposal_id, created_at, job_id)`.execute(
    db,
  );

  await sql`DROP INDEX scheduled_posts_by_brand_time`.execute(db);
  await sql`CREATE INDEX scheduled_posts_by_time_id ON scheduled_posts(scheduled_time, schedule_id)`.execute(
    db,
  );
  await sql`CREATE INDEX scheduled_posts_by_brand_time_id ON scheduled_posts(brand_id, scheduled_time, schedule_id)`.execute(
    db,
  );
}
