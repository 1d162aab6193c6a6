import { diagnosticsDefaults } from '../defaults';
import { plural } from '../../wording';
import { type SystemCheck, type Verdict } from './check';

export interface PopulationFacts {
  /** Every active agent's survival score, and whether it was ever measured (feedback scored it). */
  agents: ReadonlyArray<{ survival: number; measured: boolean }>;
}

/**
 * Reference §5.2 #2, with one fix: an agent no post was ever attributed to has survival 0 by
 * default, which says nothing about it, so only measured agents can make the population "weak"
 * (the original warned on every fresh install).
 */
export function judgePopulation({ agents }: PopulationFacts): Verdict {
  const { minActiveAgents, weakSurvivalBelow } = diagnosticsDefaults.population;
  if (agents.length === 0)
    return {
      status: 'fail',
      detail:
        'No active agent: nothing can write proposals. Create one in Agents (or add a brand: each gets its own).',
    };
  const measured = agents.filter((a) => a.measured);
  const average = measured.length
    ? Math.round((measured.reduce((s, a) => s + a.survival, 0) / measured.length) * 10) / 10
    : null;
  const summary =
    `${plural(agents.length, 'active agent')}, ${measured.length} measured` +
    (average === null ? '' : `, average survival ${average}`);
  if (agents.length < minActiveAgents)
    return {
      status: 'warn',
      detail: `${summary}: the weekly evolution needs at least ${minActiveAgents} to select from.`,
    };
  if (measured.length > 0 && measured.every((a) => a.survival < weakSurvivalBelow))
    return {
      status: 'warn',
      detail: `${summary}: every measured agent is below ${weakSurvivalBelow}, so their posts underperform the brands' own.`,
    };
  return { status: 'pass', detail: `${summary}.` };
}

export const agentPopulationCheck: SystemCheck = {
  name: 'agent_population',
  async run({ db }) {
    const agents = await db
      .selectFrom('agents as a')
      .select((eb) => [
        'a.survival_score',
        eb
          .exists(
            eb.selectFrom('agent_performance as p').select('p.id').whereRef('p.agent_id', '=', 'a.agent_id'),
          )
          .as('measured'),
      ])
      .where('a.active', '=', 1)
      .execute();
    return judgePopulation({
      agents: agents.map((a) => ({ survival: a.survival_score, measured: Boolean(a.measured) })),
    });
  },
};
