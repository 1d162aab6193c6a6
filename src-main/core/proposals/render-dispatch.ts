import type { ExpressionBuilder, Kysely } from 'kysely';
import { listBrandRows } from '../brands/brands-repository';
import { AppError } from '../contract/errors';
import { isoNow, type Clock } from '../ports/clock';
import type { Random } from '../ports/random';
import { insertRenderJob } from '../jobs/render-job-writer';
import type { Database } from '../store/database';
import type { ProposalRow } from './proposal-generator';
import { jobInputsForProposal } from './proposal-jobs';
import { proposalFromRow } from './proposals-repository';

export interface RenderDispatchDeps {
  clock: Clock;
  random: Random;
}

export interface QueuedRenders {
  /** Jobs written now (new) or put back in the queue (cancelled by an earlier un-accept). */
  jobIds: string[];
  /** Set when the proposal cannot be rendered at all, in words the creator can act on. */
  issue: string | null;
}

/** A query over proposals aliased `p`, as the repair and the data-consistency check read them. */
type ProposalsAsP = Database & { p: Database['proposals'] };

/**
 * Proposals (`p`) without their render: a brand's proposal lacks its brand's job, a brand-less
 * one any job. One rule for the start-up repair and the diagnostic that reports what it left.
 */
export function lacksItsRender({ not, exists, selectFrom }: ExpressionBuilder<ProposalsAsP, 'p'>) {
  return not(
    exists(
      selectFrom('generation_jobs as j')
        .select('j.job_id')
        .whereRef('j.proposal_id', '=', 'p.proposal_id')
        .where((eb) => eb.or([eb('p.brand_id', 'is', null), eb('j.brand_id', '=', eb.ref('p.brand_id'))])),
    ),
  );
}

/**
 * Queues an accepted proposal's renders inside the accepting transaction: one job per target
 * brand (its own, or every active brand for a brand-less idea), all or nothing. A brand that
 * already has its job keeps it (one render per proposal and brand, enforced by the store); a
 * job cancelled when the creator withdrew an acceptance is queued again.
 */
export async function queueRenders(
  trx: Kysely<Database>,
  row: ProposalRow,
  deps: RenderDispatchDeps,
): Promise<QueuedRenders> {
  const activeBrandIds = row.brand_id ? [] : (await listBrandRows(trx, false)).map((b) => b.id);
  const inputs = jobInputsForProposal(proposalFromRow(row), activeBrandIds);
  if (inputs.length === 0) {
    return {
      jobIds: [],
      issue: row.brand_id
        ? 'It has no lines to render.'
        : 'It has no brand and no brand is active: add or activate a brand, then accept it again.',
    };
  }
  const existing = await trx
    .selectFrom('generation_jobs')
    .select(['job_id', 'brand_id', 'status'])
    .where('proposal_id', '=', row.proposal_id)
    .execute();
  const jobIds: string[] = [];
  let first: string | null = row.accepted_job_id;
  for (const input of inputs) {
    const job = existing.find((j) => j.brand_id === input.brandId);
    if (job) {
      first ??= job.job_id;
      if (job.status !== 'cancelled') continue;
      const now = isoNow(deps.clock);
      const requeued = await trx
        .updateTable('generation_jobs')
        .set({
          status: 'pending',
          cancel_requested: 0,
          error_message: null,
          completed_at: null,
          updated_at: now,
        })
        .where('job_id', '=', job.job_id)
        .where('status', '=', 'cancelled')
        .executeTakeFirst();
      if (Number(requeued.numUpdatedRows) === 1) jobIds.push(job.job_id);
      continue;
    }
    const jobId = await insertRenderJob(trx, input, deps);
    first ??= jobId;
    jobIds.push(jobId);
  }
  await trx
    .updateTable('proposals')
    .set({ accepted_job_id: first, render_issue: null, updated_at: isoNow(deps.clock) })
    .where('proposal_id', '=', row.proposal_id)
    .execute();
  return { jobIds, issue: null };
}

/**
 * Takes back an acceptance's renders while that is still cheap: waiting (or failed) jobs are
 * cancelled in the same transaction. Once a render has started or finished, the creator cancels
 * the job (or unschedules the post) instead, so nothing rendered is silently dropped.
 */
export async function withdrawRenders(
  trx: Kysely<Database>,
  row: ProposalRow,
  clock: Clock,
): Promise<string[]> {
  const jobs = await trx
    .selectFrom('generation_jobs')
    .select(['job_id', 'status'])
    .where('proposal_id', '=', row.proposal_id)
    .execute();
  const started = jobs.filter((j) => j.status === 'generating' || j.status === 'completed');
  if (started.length > 0) {
    throw new AppError(
      'conflict',
      `${row.proposal_id} is already ${started[0]!.status === 'completed' ? 'rendered' : 'rendering'} (${started
        .map((j) => j.job_id)
        .join(', ')}); cancel the job instead.`,
      { jobIds: started.map((j) => j.job_id) },
    );
  }
  const now = isoNow(clock);
  const withdrawn: string[] = [];
  for (const job of jobs) {
    const result = await trx
      .updateTable('generation_jobs')
      .set({ status: 'cancelled', completed_at: now, updated_at: now })
      .where('job_id', '=', job.job_id)
      .where('status', 'in', ['pending', 'failed'])
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) withdrawn.push(job.job_id);
  }
  return withdrawn;
}
