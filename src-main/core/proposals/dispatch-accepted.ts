import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import type { BrandsService } from '../brands/brands-service';
import type { JobCreateInput } from '../contract/jobs';
import type { Proposal } from '../contract/proposals';
import { isoNow, type Clock } from '../ports/clock';
import type { Database } from '../store/database';
import { jobInputsForProposal } from './proposal-jobs';

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  jobs: { create(input: JobCreateInput): Promise<{ id: string }> };
  brands: BrandsService;
  activity: ActivityLog;
}

/**
 * Queues the render of a proposal that was just accepted (by the examiner or by hand), once:
 * a proposal that already has a job is left alone. A job that cannot be created is reported in
 * the activity feed; the proposal stays accepted so nothing the creator approved is lost.
 */
export async function dispatchAcceptedProposal(deps: Deps, proposal: Proposal): Promise<void> {
  if (proposal.acceptedJobId) return;
  const active = proposal.brandId ? [] : (await deps.brands.list(false)).map((b) => b.id);
  const inputs = jobInputsForProposal(proposal, active);
  let firstJobId: string | null = null;
  for (const input of inputs) {
    try {
      const job = await deps.jobs.create(input);
      firstJobId ??= job.id;
    } catch (error) {
      await deps.activity.record({
        agent: proposal.agentId,
        action: 'Render not queued',
        detail: `${proposal.proposalId} for ${input.brandId}: ${(error as Error).message}`,
        level: 'error',
        emoji: '⚠️',
      });
    }
  }
  if (firstJobId) {
    await deps.db
      .updateTable('proposals')
      .set({ accepted_job_id: firstJobId, updated_at: isoNow(deps.clock) })
      .where('proposal_id', '=', proposal.proposalId)
      .where('accepted_job_id', 'is', null)
      .execute();
  }
}
