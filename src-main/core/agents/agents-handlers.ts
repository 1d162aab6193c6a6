import type { DomainHandlers } from '../dispatcher';
import type { AgentsService } from './agents-service';

export function agentsHandlers(agents: AgentsService): DomainHandlers<'agents'> {
  return {
    'agents.list': (input) => agents.list(input.includeInactive ?? false),
    'agents.get': (input) => agents.detail(input.agentId),
    'agents.create': (input) =>
      agents.create({
        brandId: input.brandId ?? null,
        ...(input.personality ? { personality: input.personality } : {}),
      }),
    'agents.update': (input) => agents.update(input),
    'agents.clone': (input) => agents.clone(input.agentId),
    'agents.mutate': (input) => agents.mutate(input.agentId),
    'agents.retire': (input) => agents.retire(input.agentId),
  };
}
