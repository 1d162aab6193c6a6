import { useAgents } from '../agents/use-agents';
import { useBrands } from '../brands/use-brands';
import { activityKinds, systemActors, type ActivityFilter } from './activity-filter';

/** Words, an agent (or Maestro, the healer, an assistant), a brand and a kind of entry. */
export function ActivityFilters({
  filter,
  onChange,
}: {
  filter: ActivityFilter;
  onChange(next: ActivityFilter): void;
}) {
  const agents = useAgents(true);
  const brands = useBrands();
  return (
    <div className="activity-filters">
      <input
        type="search"
        className="activity-search"
        aria-label="Search activity"
        placeholder="Search activity…"
        value={filter.search}
        onChange={(event) => onChange({ ...filter, search: event.target.value })}
      />
      <select
        aria-label="Activity of"
        value={filter.agent}
        onChange={(event) => onChange({ ...filter, agent: event.target.value })}
      >
        <option value="">Everyone</option>
        {systemActors.map((actor) => (
          <option key={actor.id} value={actor.id}>
            {actor.label}
          </option>
        ))}
        {(agents.data ?? []).map((agent) => (
          <option key={agent.agentId} value={agent.agentId}>
            {agent.displayName}
          </option>
        ))}
      </select>
      <select
        aria-label="Activity about brand"
        value={filter.brandId}
        onChange={(event) => onChange({ ...filter, brandId: event.target.value })}
      >
        <option value="">All brands</option>
        {(brands.data ?? []).map((brand) => (
          <option key={brand.id} value={brand.id}>
            {brand.displayName}
          </option>
        ))}
      </select>
      <select
        aria-label="Kind of activity"
        value={filter.level}
        onChange={(event) => onChange({ ...filter, level: event.target.value as ActivityFilter['level'] })}
      >
        <option value="">All kinds</option>
        {activityKinds.map((kind) => (
          <option key={kind.level} value={kind.level}>
            {kind.label}
          </option>
        ))}
      </select>
    </div>
  );
}
