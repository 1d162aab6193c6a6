import { useId } from 'react';
import { Link } from 'react-router';
import type { Agent } from '@contract';
import { Badge } from '../../ui/badge';
import { formatRate, riskTones } from './agent-presentation';
import { AgentBadges } from './agent-badges';
import { StrategyWeights } from './strategy-weights';
import { SurvivalScore } from './survival-score';

/** One agent at a glance: standing, last week's record, and the DNA that drives it. */
export function AgentCard({ agent }: { agent: Agent }) {
  const headingId = useId();
  const { stats7d } = agent;
  return (
    <article className={`card agent-card${agent.active ? '' : ' is-retired'}`} aria-labelledby={headingId}>
      <header className="agent-card-header">
        <h2 id={headingId}>
          <Link to={`/agents/${encodeURIComponent(agent.agentId)}`}>{agent.displayName}</Link>
        </h2>
        <AgentBadges agent={agent} />
      </header>
      <SurvivalScore score={agent.survivalScore} />
      <p className="agent-stats-caption">Last 7 days</p>
      <dl className="agent-stats" aria-label="Last 7 days">
        <div>
          <dt>Proposals</dt>
          <dd>{stats7d.proposals}</dd>
        </div>
        <div>
          <dt>Accepted</dt>
          <dd>{stats7d.accepted}</dd>
        </div>
        <div>
          <dt>Rejected</dt>
          <dd>{stats7d.rejected}</dd>
        </div>
        <div>
          <dt>Acceptance</dt>
          <dd>{formatRate(stats7d.acceptanceRate)}</dd>
        </div>
      </dl>
      <p className="agent-dna-line">
        <span>
          Temperature <strong>{agent.temperature.toFixed(2)}</strong>
        </span>
        <span>
          Variant <strong>{agent.variant}</strong>
        </span>
        <span>
          Risk <Badge tone={riskTones[agent.riskTolerance]}>{agent.riskTolerance}</Badge>
        </span>
        <span className="muted">gen {agent.generation}</span>
      </p>
      <StrategyWeights weights={agent.strategyWeights} />
    </article>
  );
}
