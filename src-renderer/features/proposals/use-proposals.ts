import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { Proposal, SearchHighlight } from '@contract';
import { useApi } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';
import type { ProposalStatus, ReviewDecision } from './proposal-status';

/** One page of the queue; "Load more" fetches the next, older one. */
const PAGE_SIZE = 50;

export interface ProposalFilter {
  status: ProposalStatus;
  brandId?: string;
  agentId?: string;
  contentType?: 'reel' | 'post';
  /** Words typed in the search box (each a prefix); empty or absent: no search. */
  search?: string;
}

export function useProposalList(filter: ProposalFilter) {
  const api = useApi();
  // Spaces around the words change nothing: the same search is the same query.
  const search = filter.search?.trim() || undefined;
  const query = useInfiniteQuery({
    queryKey: queryKeys.proposals.list({ ...filter, search }),
    queryFn: ({ pageParam }) =>
      api['proposals.list']({
        statuses: [filter.status],
        brandId: filter.brandId,
        agentId: filter.agentId,
        contentType: filter.contentType,
        limit: PAGE_SIZE,
        beforeProposalId: pageParam,
        ...(search ? { search } : {}),
        // The tabs ask for theirs (useProposalCounts): the list does not wait for six counts.
        withCounts: false,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => (page.hasMore ? page.items.at(-1)?.proposalId : undefined),
    // While the next search loads, the last results stay (no flash of an empty list per key).
    placeholderData: keepPreviousData,
  });
  const items: Proposal[] = query.data?.pages.flatMap((page) => page.items) ?? [];
  const highlights: Record<string, SearchHighlight> = Object.assign(
    {},
    ...(query.data?.pages.map((page) => page.highlights ?? {}) ?? []),
  );
  return { ...query, items, highlights };
}

/**
 * Proposals per status under the filter's brand, agent, type and search, for the tabs: one
 * query whatever the tab, so switching tabs during a search counts nothing again.
 */
export function useProposalCounts(filter: ProposalFilter) {
  const api = useApi();
  const search = filter.search?.trim() || undefined;
  const scope = { brandId: filter.brandId, agentId: filter.agentId, contentType: filter.contentType };
  return useQuery({
    queryKey: queryKeys.proposals.counts({ ...scope, search }),
    queryFn: () => api['proposals.counts']({ ...scope, ...(search ? { search } : {}) }),
    // The last counts stay while the next search's load (no flash of empty tabs per key).
    placeholderData: keepPreviousData,
  });
}

/**
 * After a decision, wait for the open lists to show it before resolving, so the caller moves
 * the selection over a list that no longer holds the reviewed item.
 */
function useRefreshAfterReview() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.proposals.all }),
      // Decisions change agents' 7-day stats.
      queryClient.invalidateQueries({ queryKey: queryKeys.agents.all }),
    ]);
}

export function useReviewProposal() {
  const api = useApi();
  const refresh = useRefreshAfterReview();
  return useMutation({
    mutationFn: ({
      proposalId,
      decision,
      note,
    }: {
      proposalId: string;
      decision: ReviewDecision;
      note?: string;
    }) =>
      decision === 'accept'
        ? api['proposals.accept']({ proposalId, note })
        : api['proposals.reject']({ proposalId, note }),
    onSuccess: refresh,
  });
}

export function useBulkReview() {
  const api = useApi();
  const refresh = useRefreshAfterReview();
  return useMutation({
    mutationFn: (input: { proposalIds: string[]; decision: ReviewDecision; note?: string }) =>
      api['proposals.bulkReview'](input),
    onSuccess: refresh,
  });
}
