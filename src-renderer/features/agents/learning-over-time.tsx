import type { Agent } from '@contract';
import { ErrorMessage } from '../../ui/error-message';
import { StrategyWeightsChart, SurvivalChart } from './learning-charts';
import { useAgentHistory } from './use-learning';

/** Survival and the strategy mix over time, side by side, from learning.agentHistory. */
export function LearningCharts({ agent }: { agent: Agent }) {
  const history = useAgentHistory(agent.agentId);
  if (history.isPending) return <p className="muted">Loading history…</p>;
  if (history.isError)
    return <ErrorMessage error={history.error} title="Could not load this agent’s history." />;
  const { survival, weights } = history.data;
  const lastMeasured = survival.at(-1)?.at;
  return (
    <div className="learning-charts">
      <SurvivalChart history={survival} />
      <StrategyWeightsChart
        history={weights}
        current={agent.strategyWeights}
        carryTo={lastMeasured ? Date.parse(lastMeasured) : null}
      />
    </div>
  );
}
