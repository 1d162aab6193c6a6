import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Card } from '../../ui/card';
import { ErrorMessage } from '../../ui/error-message';
import { PageHeader } from '../../ui/page-header';
import { AgentCard } from './agent-card';
import { AgentDetailView } from './agent-detail';
import { AgentLearnings } from './agent-learnings';
import { EvolutionEvents, LearningActions } from './evolution-events';
import { GenePool } from './gene-pool';
import { NewAgentForm } from './new-agent-form';
import { useAgents } from './use-agents';
import './agents.css';

type Mode = 'list' | 'create' | 'detail';

/** /agents lists, /agents/new creates, /agents/:agentId shows one agent in full. */
export function AgentsPage({ mode }: { mode: Mode }) {
  const { agentId } = useParams();
  if (mode === 'detail' && agentId) return <AgentDetailView key={agentId} agentId={agentId} />;
  return <AgentList creating={mode === 'create'} />;
}

function AgentList({ creating }: { creating: boolean }) {
  const navigate = useNavigate();
  const [showRetired, setShowRetired] = useState(false);
  const agents = useAgents(showRetired);

  return (
    <>
      <PageHeader
        title="Agents"
        description="The AI writers behind every proposal. They compete on survival score; the weakest are retired and the best are copied."
        actions={
          !creating && (
            <button type="button" className="button button-primary" onClick={() => navigate('/agents/new')}>
              New agent
            </button>
          )
        }
      />
      {creating && (
        <Card title="New agent">
          <NewAgentForm
            onCreated={(agent) => navigate(`/agents/${encodeURIComponent(agent.agentId)}`)}
            onCancel={() => navigate('/agents')}
          />
        </Card>
      )}
      <div className="list-options">
        <label>
          <input
            type="checkbox"
            className="checkbox"
            checked={showRetired}
            onChange={(event) => setShowRetired(event.target.checked)}
          />{' '}
          Show retired agents
        </label>
        {agents.data && (
          <span className="muted">
            {agents.data.filter((a) => a.active).length} active
            {showRetired && `, ${agents.data.filter((a) => !a.active).length} retired`}
          </span>
        )}
      </div>
      {agents.isPending && <p className="muted">Loading agents…</p>}
      {agents.isError && <ErrorMessage error={agents.error} title="Could not load agents." />}
      {agents.data?.length === 0 && <p className="empty-state">No agents.</p>}
      {agents.data && agents.data.length > 0 && (
        <div className="agent-grid">
          {agents.data.map((agent) => (
            <AgentCard key={agent.agentId} agent={agent} />
          ))}
        </div>
      )}
      <div className="learning-loop">
        <Card title="Evolution" actions={<LearningActions />}>
          <EvolutionEvents />
        </Card>
        <Card title="Gene pool">
          <GenePool />
        </Card>
      </div>
      <Card title="Latest learnings">
        <AgentLearnings />
      </Card>
    </>
  );
}
