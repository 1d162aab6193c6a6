import type { DomainHandlers } from '../dispatcher';
import type { ProposalsService } from './proposals-service';

export function proposalsHandlers(proposals: ProposalsService): DomainHandlers<'proposals'> {
  return {
    'proposals.list': (input) => proposals.list(input),
    'proposals.counts': (input) => proposals.counts(input),
    'proposals.get': (input) => proposals.get(input.proposalId),
    'proposals.accept': (input) => proposals.review(input.proposalId, 'accept', input.note),
    'proposals.reject': (input) => proposals.review(input.proposalId, 'reject', input.note),
    'proposals.bulkReview': (input) => proposals.bulkReview(input.proposalIds, input.decision, input.note),
  };
}
