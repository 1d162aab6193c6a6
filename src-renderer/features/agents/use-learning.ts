import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';
import { nextTimelineCursor, typesOf, type TimelineKind } from './learning-history';

/**
 * The learning loop's reads and its two manual runs. Feedback and evolution announce
 * `data.changed` for agents, and every key here lives under agents, so live-updates.ts keeps
 * them current.
 */

/** Entries per page of an agent's learnings. */
export const TIMELINE_PAGE = 20;

export function useAgentHistory(agentId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.agents.history(agentId),
    queryFn: () => api['learning.agentHistory']({ agentId }),
  });
}

/** Newest first; "Show older" asks for the entries below the oldest one shown. */
/** One agent's timeline, or every agent's when `agentId` is undefined. */
export function useAgentTimeline(agentId: string | undefined, kind: TimelineKind) {
  const api = useApi();
  const types = typesOf(kind);
  return useInfiniteQuery({
    queryKey: queryKeys.agents.timeline(agentId ?? null, kind),
    queryFn: ({ pageParam }) =>
      api['learning.timeline']({
        ...(agentId === undefined ? {} : { agentId }),
        limit: TIMELINE_PAGE,
        ...(types.length > 0 ? { types } : {}),
        ...(pageParam === undefined ? {} : { beforeId: pageParam }),
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => nextTimelineCursor(page, TIMELINE_PAGE),
  });
}

export function useGenePool() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.agents.genePool, queryFn: () => api['learning.genePool']() });
}

export function useEvolutionHistory() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.agents.evolution,
    queryFn: () => api['learning.evolutionHistory'](),
  });
}

function useInvalidateAgents() {
  const queryClient = useQueryClient();
  // The data.changed event does this too; here as well so the view is right if it is lost.
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.agents.all });
}

export function useRunEvolution() {
  const api = useApi();
  const invalidate = useInvalidateAgents();
  return useMutation({ mutationFn: () => api['learning.runEvolution'](), onSuccess: invalidate });
}

export function useRunFeedback() {
  const api = useApi();
  const invalidate = useInvalidateAgents();
  return useMutation({ mutationFn: () => api['learning.runFeedback'](), onSuccess: invalidate });
}
