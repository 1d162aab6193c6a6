import type { Kysely, Updateable } from 'kysely';
import type { JobStatus } from '../contract/jobs';
import type { Database, GenerationJobsTable } from '../store/database';
import type { JobRow } from './job-record';

export function findJobRow(db: Kysely<Database>, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('generation_jobs').selectAll().where('job_id', '=', id).executeTakeFirst();
}

export async function jobIdTaken(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('generation_jobs')
    .select('job_id')
    .where('job_id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Newest first (created_at, then job id), one page at a time: `before` is the previous page's
 * last job, and the page continues strictly after it in that order (an index range, see
 * migration 011, whatever the filter).
 */
export function listJobRows(
  db: Kysely<Database>,
  filter: {
    status?: JobStatus;
    proposalId?: string;
    before?: { createdAt: string; jobId: string };
    limit: number;
  },
): Promise<JobRow[]> {
  let query = db.selectFrom('generation_jobs').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.proposalId) query = query.where('proposal_id', '=', filter.proposalId);
  if (filter.before) {
    const { createdAt, jobId } = filter.before;
    query = query.where((eb) => eb(eb.refTuple('created_at', 'job_id'), '<', eb.tuple(createdAt, jobId)));
  }
  return query.orderBy('created_at', 'desc').orderBy('job_id', 'desc').limit(filter.limit).execute();
}

/** Changes a job only if it is still in one of `from`; returns whether it was. */
export async function transitionJob(
  db: Kysely<Database>,
  id: string,
  from: readonly JobStatus[],
  changes: Updateable<GenerationJobsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('generation_jobs')
    .set(changes)
    .where('job_id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateJob(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<GenerationJobsTable>,
): Promise<void> {
  await db.updateTable('generation_jobs').set(changes).where('job_id', '=', id).execute();
}

/** The oldest waiting job, first come first served. */
export function oldestPendingJob(db: Kysely<Database>): Promise<JobRow | undefined> {
  return db
    .selectFrom('generation_jobs')
    .selectAll()
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .orderBy('job_id')
    .limit(1)
    .executeTakeFirst();
}

/** Jobs a previous run left half-done (it crashed or was killed). */
export function interruptedJobs(db: Kysely<Database>): Promise<JobRow[]> {
  return db.selectFrom('generation_jobs').selectAll().where('status', '=', 'generating').execute();
}

/**
 * `generating → completed` unless a cancel was requested: checked in the same update, so a job
 * whose cancel was accepted can never also complete.
 */
export async function completeUnlessCancelled(
  db: Kysely<Database>,
  id: string,
  changes: Updateable<GenerationJobsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('generation_jobs')
    .set({ ...changes, status: 'completed' })
    .where('job_id', '=', id)
    .where('status', '=', 'generating')
    .where('cancel_requested', '=', 0)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
