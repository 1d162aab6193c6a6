import type { AgentDna } from '../agents/dna';
import { learningDefaults } from './defaults';
import { originalWeightShift, type StrategyViews } from './original-rule';
import type { RepertoireSwap } from './repertoire';
import type { StrategyBelief } from './strategy-evidence';
import { nextTemperature } from './survival-score';

export type AdaptationRule = 'evidence' | 'original';

export interface AdaptationInput {
  rule: AdaptationRule;
  dna: AgentDna;
  survival: number;
  /** The agent's attributed posts in the survival window. */
  posts: number;
  /** Average views per strategy over those posts (the original rule's evidence). */
  strategyViews: readonly StrategyViews[];
  /** What the shared evidence says (evidence rule); null when there is too little. */
  evidence: {
    /** The repertoire after any swap (the DNA's strategyNames when none). */
    strategyNames?: readonly string[];
    weights: Record<string, number>;
    beliefs: readonly StrategyBelief[];
    swap?: RepertoireSwap | null;
  } | null;
}

/** One logged change: what moved, from what to what, and why. */
export interface Mutation {
  type: 'weight_shift' | 'temperature' | 'strategy_swap';
  description: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  confidence: number;
}

export interface AdaptationStep {
  strategyNames: readonly string[];
  strategyWeights: Record<string, number>;
  temperature: number;
  mutations: Mutation[];
  /** Why nothing changed, when nothing did. */
  skipped: string | null;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/**
 * One feedback cycle's change to an agent's DNA. Nothing changes under 3 attributed posts
 * (reference 4.2). Weights: with the `evidence` rule they move to the shares the shared evidence
 * gives (each strategy's chance of being best, floored), but only when some share moves by at
 * least `minWeightChange`, so noise does not rewrite the DNA every six hours; with the `original`
 * rule, the reference's 5 % shift. Temperature follows the reference in both (bounded 0.60–0.98).
 */
export function adaptationStep(input: AdaptationInput): AdaptationStep {
  const { dna } = input;
  const unchanged: AdaptationStep = {
    strategyNames: dna.strategyNames,
    strategyWeights: dna.strategyWeights,
    temperature: dna.temperature,
    mutations: [],
    skipped: null,
  };
  if (input.posts < learningDefaults.minPostsForAdaptation)
    return {
      ...unchanged,
      skipped: `${input.posts} of ${learningDefaults.minPostsForAdaptation} posts needed`,
    };
  const mutations: Mutation[] = [];
  let weights = dna.strategyWeights;
  let names: readonly string[] = dna.strategyNames;

  if (input.rule === 'original') {
    const shift = originalWeightShift(dna.strategyWeights, input.strategyViews);
    if (shift.applied) {
      weights = shift.weights;
      const views = (name: string | null) =>
        Math.round(input.strategyViews.find((s) => s.strategy === name)?.avgViews ?? 0);
      mutations.push({
        type: 'weight_shift',
        description:
          `${shift.worst} ${pct(dna.strategyWeights[shift.worst!] ?? 0)} → ${pct(weights[shift.worst!] ?? 0)}, ` +
          `${shift.best} ${pct(dna.strategyWeights[shift.best!] ?? 0)} → ${pct(weights[shift.best!] ?? 0)}: ` +
          `${shift.best} averaged ${views(shift.best)} views against ${views(shift.worst)} ` +
          `(confidence ${pct(shift.confidence)}, original rule)`,
        before: { strategyWeights: dna.strategyWeights },
        after: { strategyWeights: weights, evidence: input.strategyViews },
        confidence: Math.round(shift.confidence * 100) / 100,
      });
    }
  } else if (input.evidence) {
    const swap = input.evidence.swap ?? null;
    if (swap && input.evidence.strategyNames) {
      names = input.evidence.strategyNames;
      mutations.push({
        type: 'strategy_swap',
        description:
          `Adopted ${swap.adopt} in place of ${swap.drop}: for ${swap.brandId}, ${swap.adopt} has a ` +
          `${pct(swap.probability)} chance of beating every strategy this agent had`,
        before: { strategyNames: dna.strategyNames },
        after: {
          strategyNames: names,
          brandId: swap.brandId,
          probability: Math.round(swap.probability * 100) / 100,
        },
        confidence: Math.round(swap.probability * 100) / 100,
      });
    }
    const target = input.evidence.weights;
    const moved = [...new Set([...names, ...dna.strategyNames])].filter(
      (n) => Math.abs((target[n] ?? 0) - (dna.strategyWeights[n] ?? 0)) >= learningDefaults.minWeightChange,
    );
    if (moved.length > 0 || names !== dna.strategyNames) {
      weights = target;
      const best = [...input.evidence.beliefs].sort((a, b) => b.mean - a.mean)[0]!;
      mutations.push({
        type: 'weight_shift',
        description:
          moved.map((n) => `${n} ${pct(dna.strategyWeights[n] ?? 0)} → ${pct(target[n] ?? 0)}`).join(', ') +
          `: ${best.strategy} leads with a mean score of ${best.mean.toFixed(1)} ± ${best.sd.toFixed(1)} ` +
          `over ${best.posts} posts (50 = the brand's median)`,
        before: { strategyWeights: dna.strategyWeights },
        after: {
          strategyWeights: target,
          evidence: input.evidence.beliefs.map((b) => ({
            strategy: b.strategy,
            mean: Math.round(b.mean * 10) / 10,
            sd: Math.round(b.sd * 10) / 10,
            posts: b.posts,
          })),
        },
        confidence: Math.round(Math.max(...Object.values(target)) * 100) / 100,
      });
    }
  }

  const temperature = nextTemperature(dna.temperature, input.survival);
  if (temperature !== dna.temperature) {
    const exploit = temperature < dna.temperature;
    mutations.push({
      type: 'temperature',
      description: `Temperature ${dna.temperature.toFixed(2)} → ${temperature.toFixed(2)}: survival ${input.survival} ${
        exploit ? 'is high, exploit' : 'is low, explore'
      }`,
      before: { temperature: dna.temperature },
      after: { temperature },
      confidence: 0.8,
    });
  }
  return { strategyNames: names, strategyWeights: weights, temperature, mutations, skipped: null };
}
