import type { Proposal } from '@contract';
import type { BadgeTone } from '../../ui/badge';

export type ProposalStatus = Proposal['status'];
export type ReviewDecision = 'accept' | 'reject';

/** The review queue's tabs, in the order a creator works through them. */
export const reviewTabs = [
  'pending',
  'needs_review',
  'accepted',
  'rejected',
] as const satisfies readonly ProposalStatus[];

export const statusLabels: Record<ProposalStatus, string> = {
  pending: 'Pending',
  needs_review: 'Needs review',
  accepted: 'Accepted',
  rejected: 'Rejected',
  expired: 'Expired',
};

/** What an empty tab says. */
export const emptyLabels: Record<ProposalStatus, string> = {
  pending: 'Nothing is pending',
  needs_review: 'Nothing needs your review',
  accepted: 'No accepted proposals',
  rejected: 'No rejected proposals',
  expired: 'No expired proposals',
};

export const statusTones: Record<ProposalStatus, BadgeTone> = {
  pending: 'info',
  needs_review: 'warn',
  accepted: 'good',
  rejected: 'bad',
  expired: 'neutral',
};

export function isReviewTab(value: string | null): value is (typeof reviewTabs)[number] {
  return (reviewTabs as readonly string[]).includes(value ?? '');
}

/**
 * Why a decision makes no sense for this proposal as shown, or null. Only to grey out the
 * buttons and shortcuts: the core decides, and its conflict message is shown if it disagrees.
 */
export function decisionBlocker(proposal: Proposal, decision: ReviewDecision): string | null {
  if (proposal.status === 'expired') return 'This proposal has expired.';
  if (decision === 'accept' && proposal.status === 'accepted') return 'Already accepted.';
  if (decision === 'reject' && proposal.status === 'rejected') return 'Already rejected.';
  if (decision === 'reject' && proposal.acceptedJobId) {
    return `Already has a render job (${proposal.acceptedJobId}); cancel the job instead.`;
  }
  return null;
}
