import type { Random } from '../ports/random';
import { strategyNames, type StrategyName } from './strategies';

export type Variant = 'dark' | 'light';
export type RiskTolerance = 'low' | 'medium' | 'high';
export type ContentType = 'reel' | 'post';

/** What makes an agent behave the way it does; mutated by learning, inherited by children. */
export interface AgentDna {
  personality: string;
  temperature: number;
  variant: Variant;
  strategyNames: StrategyName[];
  strategyWeights: Record<string, number>;
  riskTolerance: RiskTolerance;
  proposalsPerBrand: number;
  contentTypes: ContentType[];
}

export const dnaDefaults = {
  temperature: 0.85,
  variant: 'dark' as Variant,
  strategyNames: ['explore', 'iterate', 'double_down', 'trending'] as StrategyName[],
  strategyWeights: { explore: 0.3, iterate: 0.2, double_down: 0.3, trending: 0.2 } as Record<string, number>,
  riskTolerance: 'medium' as RiskTolerance,
  proposalsPerBrand: 3,
  contentTypes: ['reel', 'post'] as ContentType[],
  /** Random DNA draws temperature uniformly from this range (2 dp). */
  randomTemperature: [0.7, 0.95] as const,
  /** Learning keeps temperature inside these bounds. */
  temperatureBounds: [0.6, 0.98] as const,
  genericPersonality: 'A balanced, data-driven content strategist.',
} as const;

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/**
 * Scales weights to shares rounded to 2 dp that add up to exactly 1.00: any rounding remainder
 * goes to the first strategy, as the original did.
 */
export function normaliseWeights(
  names: readonly string[],
  raw: Record<string, number>,
): Record<string, number> {
  const total = names.reduce((sum, n) => sum + Math.max(0, raw[n] ?? 0), 0);
  const weights: Record<string, number> = {};
  if (total <= 0) {
    names.forEach((n, i) => (weights[n] = i === 0 ? 1 : 0));
    return weights;
  }
  for (const n of names) weights[n] = round(Math.max(0, raw[n] ?? 0) / total, 2);
  const remainder = round(1 - names.reduce((s, n) => s + weights[n]!, 0), 2);
  weights[names[0]!] = round(weights[names[0]!]! + remainder, 2);
  return weights;
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random.next() * items.length)]!;
}

/** Uniform sample of k distinct items (partial Fisher–Yates). */
export function sample<T>(random: Random, items: readonly T[], k: number): T[] {
  const pool = [...items];
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random.next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, k);
}

/** Random DNA for a new agent: 4–5 distinct strategies with random shares, random style. */
export function randomDna(random: Random, personality: string): AgentDna {
  const [lo, hi] = dnaDefaults.randomTemperature;
  const temperature = round(lo + random.next() * (hi - lo), 2);
  const variant = pick(random, ['dark', 'light'] as const);
  const riskTolerance = pick(random, ['low', 'medium', 'high'] as const);
  const count = random.next() < 0.5 ? 4 : 5;
  const names = sample(random, strategyNames, count);
  const raw: Record<string, number> = {};
  for (const n of names) raw[n] = random.next();
  return {
    personality,
    temperature,
    variant,
    strategyNames: names,
    strategyWeights: normaliseWeights(names, raw),
    riskTolerance,
    proposalsPerBrand: dnaDefaults.proposalsPerBrand,
    contentTypes: [...dnaDefaults.contentTypes],
  };
}

export { pick };
