import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Agent, AgentUpdateInput } from '@contract';
import { useApi } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';

export function useAgents(includeInactive: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.agents.list(includeInactive),
    queryFn: () => api['agents.list']({ includeInactive }),
  });
}

export function useAgentDetail(agentId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.agents.detail(agentId),
    queryFn: () => api['agents.get']({ agentId }),
  });
}

function useInvalidateAgents() {
  const queryClient = useQueryClient();
  // The data.changed event does this too; here as well so the view is right if it is lost.
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.agents.all });
}

export function useCreateAgent() {
  const api = useApi();
  const invalidate = useInvalidateAgents();
  return useMutation({
    mutationFn: (input: { brandId: string | null; personality?: string }) => api['agents.create'](input),
    onSuccess: invalidate,
  });
}

export function useUpdateAgent() {
  const api = useApi();
  const invalidate = useInvalidateAgents();
  return useMutation({
    mutationFn: (input: AgentUpdateInput) => api['agents.update'](input),
    onSuccess: invalidate,
  });
}

export type AgentAction = 'mutate' | 'clone' | 'retire';

/** Mutate, clone and retire all answer with an agent: the changed one, or the new copy. */
export function useAgentAction() {
  const api = useApi();
  const invalidate = useInvalidateAgents();
  return useMutation({
    mutationFn: ({ action, agent }: { action: AgentAction; agent: Agent }): Promise<Agent> =>
      api[`agents.${action}`]({ agentId: agent.agentId }),
    onSuccess: invalidate,
  });
}
