import type { Agent } from '@contract';
import { Badge } from '../../ui/badge';
import { tierTones } from './agent-presentation';

export function AgentBadges({ agent }: { agent: Agent }) {
  return (
    <span className="agent-badges">
      {agent.tier && <Badge tone={tierTones[agent.tier]}>{agent.tier}</Badge>}
      {!agent.active && <Badge tone="bad">retired</Badge>}
      {agent.isBuiltin && <Badge>built-in</Badge>}
      {agent.createdForBrand && <Badge tone="info">for {agent.createdForBrand}</Badge>}
    </span>
  );
}
