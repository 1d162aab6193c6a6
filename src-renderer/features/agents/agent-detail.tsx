import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Agent } from '@contract';
import { Badge } from '../../ui/badge';
import { Card } from '../../ui/card';
import { confirm, type ConfirmRequest } from '../../ui/confirm-store';
import { ErrorMessage } from '../../ui/error-message';
import { describeError } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { toast } from '../../ui/toast-store';
import { formatRate, riskTones } from './agent-presentation';
import { AgentBadges } from './agent-badges';
import { AgentDnaForm } from './agent-dna-form';
import { AgentLearnings } from './agent-learnings';
import { LearningCharts } from './learning-over-time';
import { PerformanceHistory } from './performance-history';
import { StrategyWeights } from './strategy-weights';
import { SurvivalScore } from './survival-score';
import { useAgentAction, useAgentDetail, type AgentAction } from './use-agents';

function confirmation(action: AgentAction, agent: Agent): ConfirmRequest {
  switch (action) {
    case 'mutate':
      return {
        title: `Mutate ${agent.displayName}?`,
        message:
          'Temperature, variant, risk and strategies are drawn at random again; the personality stays. The change is recorded in the learnings.',
        confirmLabel: 'Mutate',
      };
    case 'clone':
      return {
        title: `Clone ${agent.displayName}?`,
        message: 'A new agent with the same DNA (risk reset to medium) and a name of its own.',
        confirmLabel: 'Clone',
      };
    case 'retire':
      return {
        title: `Retire ${agent.displayName}?`,
        message: `${agent.displayName} stops writing proposals. Its DNA is kept in the gene pool for future agents.`,
        confirmLabel: 'Retire agent',
        tone: 'danger',
      };
  }
}

const done: Record<AgentAction, (name: string) => string> = {
  mutate: (name) => `Mutated ${name}.`,
  clone: (name) => `Cloned as ${name}.`,
  retire: (name) => `Retired ${name}.`,
};

function retireBlocker(agent: Agent): string | null {
  if (agent.isBuiltin) return 'Built-in agents cannot be retired.';
  if (!agent.active) return 'Already retired.';
  return null;
}

function DnaView({ agent }: { agent: Agent }) {
  return (
    <dl className="details">
      <dt>Personality</dt>
      <dd>{agent.personality}</dd>
      <dt>Temperature</dt>
      <dd>{agent.temperature.toFixed(2)}</dd>
      <dt>Variant</dt>
      <dd>{agent.variant}</dd>
      <dt>Risk tolerance</dt>
      <dd>
        <Badge tone={riskTones[agent.riskTolerance]}>{agent.riskTolerance}</Badge>
      </dd>
      <dt>Content types</dt>
      <dd>{agent.contentTypes.join(', ')}</dd>
      <dt>Proposals per brand</dt>
      <dd>{agent.proposalsPerBrand}</dd>
      <dt>Strategies</dt>
      <dd>
        <StrategyWeights weights={agent.strategyWeights} />
      </dd>
    </dl>
  );
}

function Standing({ agent }: { agent: Agent }) {
  return (
    <>
      <SurvivalScore score={agent.survivalScore} />
      <dl className="details standing">
        <dt>Last 7 days</dt>
        <dd>
          {agent.stats7d.proposals} proposals, {agent.stats7d.accepted} accepted, {agent.stats7d.rejected}{' '}
          rejected ({formatRate(agent.stats7d.acceptanceRate)} acceptance)
        </dd>
        <dt>Lifetime</dt>
        <dd>
          {agent.lifetimeProposals} proposals, {agent.lifetimeAccepted} accepted,{' '}
          {agent.lifetimeViews.toLocaleString()} views
        </dd>
        <dt>Generation</dt>
        <dd>
          {agent.generation} ({agent.mutationCount} {agent.mutationCount === 1 ? 'mutation' : 'mutations'}
          {agent.lastMutationAt ? `, last ${formatDateTime(agent.lastMutationAt)}` : ''})
        </dd>
        {agent.parentAgentId && (
          <>
            <dt>Parent</dt>
            <dd>
              <Link to={`/agents/${encodeURIComponent(agent.parentAgentId)}`}>{agent.parentAgentId}</Link>
            </dd>
          </>
        )}
        <dt>Created</dt>
        <dd>{formatDateTime(agent.createdAt)}</dd>
      </dl>
    </>
  );
}

export function AgentDetailView({ agentId }: { agentId: string }) {
  const detail = useAgentDetail(agentId);
  const action = useAgentAction();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const retireReasonId = useId();

  if (detail.isPending) return <p className="muted">Loading agent…</p>;
  if (detail.isError) {
    return (
      <>
        <PageHeader title="Agent" />
        <ErrorMessage error={detail.error} title="Could not load this agent." />
        <p>
          <Link to="/agents">Back to agents</Link>
        </p>
      </>
    );
  }
  const { agent, performance } = detail.data;
  const blocked = retireBlocker(agent);

  const run = async (kind: AgentAction) => {
    if (!(await confirm(confirmation(kind, agent)))) return;
    try {
      const result = await action.mutateAsync({ action: kind, agent });
      toast.success(done[kind](result.displayName));
      if (kind === 'clone') navigate(`/agents/${encodeURIComponent(result.agentId)}`);
    } catch (error) {
      toast.error(`Could not ${kind} ${agent.displayName}: ${describeError(error)}`);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/agents">← All agents</Link>
      </p>
      <PageHeader
        title={agent.displayName}
        description={<AgentBadges agent={agent} />}
        actions={
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={action.isPending}
              onClick={() => void run('mutate')}
            >
              Mutate
            </button>
            <button
              type="button"
              className="button"
              disabled={action.isPending}
              onClick={() => void run('clone')}
            >
              Clone
            </button>
            <button
              type="button"
              className="button button-danger-quiet"
              disabled={action.isPending || blocked !== null}
              aria-describedby={blocked ? retireReasonId : undefined}
              onClick={() => void run('retire')}
            >
              Retire
            </button>
            {blocked && (
              <p id={retireReasonId} className="field-hint action-reason">
                {blocked}
              </p>
            )}
          </div>
        }
      />
      <div className="agent-detail-grid">
        <Card
          title="DNA"
          actions={
            !editing && (
              <button type="button" className="button button-small" onClick={() => setEditing(true)}>
                Edit DNA
              </button>
            )
          }
        >
          {editing ? (
            <AgentDnaForm key={agent.updatedAt} agent={agent} onDone={() => setEditing(false)} />
          ) : (
            <DnaView agent={agent} />
          )}
        </Card>
        <div className="stack">
          <Card title="Standing">
            <Standing agent={agent} />
          </Card>
          <Card title="Performance history">
            <PerformanceHistory performance={performance} />
          </Card>
        </div>
      </div>
      <Card title="Learning over time">
        <LearningCharts agent={agent} />
      </Card>
      <Card title="Learnings">
        <AgentLearnings agentId={agent.agentId} />
      </Card>
    </>
  );
}
