import type { AgentsService } from '../agents/agents-service';
import type { DomainHandlers } from '../dispatcher';
import type { BrandsService } from './brands-service';

export function brandsHandlers(deps: {
  brands: BrandsService;
  agents: AgentsService;
}): DomainHandlers<'brands'> {
  const { brands, agents } = deps;
  return {
    'brands.list': (input) => brands.list(input.includeInactive ?? false),
    'brands.get': (input) => brands.get(input.id),
    'brands.create': async (input) => {
      const brand = await brands.create(input);
      // A new brand gets an agent of its own (unless Settings turned that off).
      await agents.ensurePopulation();
      return brand;
    },
    'brands.update': (input) => brands.update(input),
    'brands.delete': (input) => brands.delete(input.id),
    'brands.restore': (input) => brands.restore(input.id),
  };
}
