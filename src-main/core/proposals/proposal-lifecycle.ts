import type { Updateable } from 'kysely';
import type { Kysely } from 'kysely';
import type { Proposal } from '../contract/proposals';
import type { Database, ProposalsTable } from '../store/database';

export type ProposalStatus = Proposal['status'];
export type Decision = 'accept' | 'reject';

/**
 * The creator's decisions and the states they may come from. Any decision overrides the
 * examiner's; an accepted proposal can be rejected again only while its renders have not
 * started (see withdrawRenders).
 */
export const decisionsFrom: Readonly<Record<Decision, readonly ProposalStatus[]>> = {
  accept: ['pending', 'needs_review', 'rejected'],
  reject: ['pending', 'needs_review', 'accepted'],
};

export function statusAfter(decision: Decision): 'accepted' | 'rejected' {
  return decision === 'accept' ? 'accepted' : 'rejected';
}

/**
 * The examiner's verdict moves a proposal only while nobody has decided it: from `pending`.
 * Arriving later, it is kept as the examiner's opinion and changes nothing else.
 */
export const examinerMovesFrom: readonly ProposalStatus[] = ['pending'];

/** +1 entering accepted, −1 leaving it, so an agent's lifetime_accepted counts what stands. */
export function acceptedDelta(from: ProposalStatus, to: ProposalStatus): -1 | 0 | 1 {
  if (from !== 'accepted' && to === 'accepted') return 1;
  if (from === 'accepted' && to !== 'accepted') return -1;
  return 0;
}

/**
 * The one way a proposal changes state: a conditional update that applies only while the
 * proposal is still in one of `from`. The caller runs the consequences only when it returns true,
 * inside the same transaction.
 */
export async function transitionProposal(
  trx: Kysely<Database>,
  proposalId: string,
  from: readonly ProposalStatus[],
  changes: Updateable<ProposalsTable>,
): Promise<boolean> {
  const result = await trx
    .updateTable('proposals')
    .set(changes)
    .where('proposal_id', '=', proposalId)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Adds `delta` to an agent's lifetime_accepted (never below zero). */
export async function countAccepted(trx: Kysely<Database>, agentId: string, delta: number): Promise<void> {
  if (delta === 0) return;
  await trx
    .updateTable('agents')
    .set((eb) => ({
      lifetime_accepted: eb.fn('max', [eb('lifetime_accepted', '+', delta), eb.lit(0)]),
    }))
    .where('agent_id', '=', agentId)
    .execute();
}
