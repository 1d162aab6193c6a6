import type { AgentDna } from './dna';

export interface BuiltinAgent extends AgentDna {
  agentId: string;
  displayName: string;
  prefix: string;
}

/**
 * The two agents every install starts with; protected from retirement and deletion. This file
 * is the only place their names appear.
 */
export const builtinAgents: readonly BuiltinAgent[] = [
  {
    agentId: 'toby',
    displayName: 'Toby',
    prefix: 'TOBY',
    personality:
      'A creative risk-taker: bold exploration, viral swings, surprising angles and unexpected facts. Fortune favours the bold.',
    temperature: 0.9,
    variant: 'dark',
    strategyNames: ['explore', 'iterate', 'double_down', 'trending'],
    strategyWeights: { explore: 0.3, iterate: 0.2, double_down: 0.3, trending: 0.2 },
    riskTolerance: 'high',
    proposalsPerBrand: 3,
    contentTypes: ['reel', 'post'],
  },
  {
    agentId: 'lexi',
    displayName: 'Lexi',
    prefix: 'LEXI',
    personality:
      'A precision optimiser: compounds small wins, data-backed, about 80% proven patterns, consistency over moonshots.',
    temperature: 0.75,
    variant: 'light',
    strategyNames: ['analyze', 'refine', 'systematic', 'compound'],
    strategyWeights: { analyze: 0.3, refine: 0.4, systematic: 0.15, compound: 0.15 },
    riskTolerance: 'low',
    proposalsPerBrand: 3,
    contentTypes: ['reel', 'post'],
  },
];
