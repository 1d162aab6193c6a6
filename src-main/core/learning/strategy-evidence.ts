import { learningDefaults } from './defaults';

/** One published post as evidence: its strategy, its score against the brand's median, its age. */
export interface ScoredPost {
  strategy: string;
  /** Relative score: 50 is the brand's own recent median. */
  score: number;
  ageDays: number;
}

/** What the evidence says about one strategy: a normal belief about its mean relative score. */
export interface StrategyBelief {
  strategy: string;
  mean: number;
  sd: number;
  /** Posts behind it, and their total recency weight. */
  posts: number;
  weight: number;
}

export interface EvidenceOptions {
  priorMean: number;
  priorSd: number;
  defaultNoiseSd: number;
  minPostsForNoise: number;
  halfLifeDays: number;
  maxAgeDays: number;
}

/** Half weight every `halfLifeDays`: a drifting audience is followed, not averaged away. */
export function recencyWeight(ageDays: number, halfLifeDays: number): number {
  return 0.5 ** (Math.max(0, ageDays) / halfLifeDays);
}

/**
 * The spread of a post's score around its strategy's mean, pooled over strategies (each post's
 * deviation from its own strategy's plain mean); the default until there are enough posts, and
 * never below 5 so a lucky run cannot make the model certain.
 */
export function noiseSd(
  posts: readonly ScoredPost[],
  options: EvidenceOptions = learningDefaults.evidence,
): number {
  if (posts.length < options.minPostsForNoise) return options.defaultNoiseSd;
  const groups = new Map<string, number[]>();
  for (const p of posts) groups.set(p.strategy, [...(groups.get(p.strategy) ?? []), p.score]);
  let squares = 0;
  let freedom = 0;
  for (const scores of groups.values()) {
    if (scores.length < 2) continue;
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    squares += scores.reduce((sum, s) => sum + (s - mean) ** 2, 0);
    freedom += scores.length - 1;
  }
  if (freedom < options.minPostsForNoise / 2) return options.defaultNoiseSd;
  return Math.max(5, Math.sqrt(squares / freedom));
}

/**
 * Normal–normal updating per strategy: prior N(priorMean, priorSd²), each post a noisy look at
 * the strategy's mean weighted by its recency. With no posts a strategy keeps the prior, so an
 * untried strategy stays plausible instead of being written off.
 */
export function strategyBeliefs(
  posts: readonly ScoredPost[],
  strategies: readonly string[],
  options: EvidenceOptions = learningDefaults.evidence,
): StrategyBelief[] {
  const recent = posts.filter((p) => p.ageDays <= options.maxAgeDays);
  const sigma = noiseSd(recent, options);
  const priorPrecision = 1 / options.priorSd ** 2;
  return strategies.map((strategy) => {
    let weight = 0;
    let weighted = 0;
    let count = 0;
    for (const p of recent) {
      if (p.strategy !== strategy) continue;
      const w = recencyWeight(p.ageDays, options.halfLifeDays);
      weight += w;
      weighted += w * p.score;
      count++;
    }
    const precision = priorPrecision + weight / sigma ** 2;
    const mean = (options.priorMean * priorPrecision + weighted / sigma ** 2) / precision;
    return { strategy, mean, sd: Math.sqrt(1 / precision), posts: count, weight };
  });
}

/** Standard normal density and distribution function (Abramowitz–Stegun 7.1.26 for erf). */
function pdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/**
 * P(strategy s has the highest true mean | evidence): ∫ φ_s(x) Π_{t≠s} Φ_t(x) dx, integrated on a
 * fixed grid. Deterministic (no sampling), so the same evidence always gives the same plan —
 * the quantity Thompson sampling draws from, without its noise.
 */
export function probabilityOfBest(beliefs: readonly StrategyBelief[], steps = 800): Record<string, number> {
  const out: Record<string, number> = {};
  if (beliefs.length === 0) return out;
  if (beliefs.length === 1) return { [beliefs[0]!.strategy]: 1 };
  const lo = Math.min(...beliefs.map((b) => b.mean - 7 * b.sd));
  const hi = Math.max(...beliefs.map((b) => b.mean + 7 * b.sd));
  const dx = (hi - lo) / steps;
  let total = 0;
  for (const s of beliefs) {
    let area = 0;
    for (let i = 0; i <= steps; i++) {
      const x = lo + i * dx;
      let density = pdf((x - s.mean) / s.sd) / s.sd;
      for (const t of beliefs) if (t !== s) density *= normalCdf((x - t.mean) / t.sd);
      area += (i === 0 || i === steps ? 0.5 : 1) * density * dx;
    }
    out[s.strategy] = area;
    total += area;
  }
  for (const key of Object.keys(out)) out[key] = total > 0 ? out[key]! / total : 1 / beliefs.length;
  return out;
}

/**
 * Plan shares from the evidence: each strategy's chance of being the best, sharpened (squared
 * and renormalised, so two strategies at 0.6 and 0.4 get 0.69 and 0.31), with a floor every
 * strategy keeps so exploration never stops: share = floor + (1 − k·floor) × P(best)² / ΣP².
 * Plain probability matching (Thompson sampling) keeps splitting posts between two close
 * strategies for weeks; the floor already guarantees exploration, so the rest can lean on the
 * likely best. Rounded to 3 dp, adding up to 1.
 */
export function evidenceWeights(
  beliefs: readonly StrategyBelief[],
  floor: number,
  sharpness: number = learningDefaults.sharpness,
): Record<string, number> {
  const k = beliefs.length;
  if (k === 0) return {};
  const best = probabilityOfBest(beliefs);
  const powered = beliefs.map((b) => (best[b.strategy] ?? 0) ** sharpness);
  const total = powered.reduce((a, b) => a + b, 0);
  const spread = Math.max(0, 1 - k * floor);
  const shares: Record<string, number> = {};
  beliefs.forEach((b, i) => {
    const p = total > 0 ? powered[i]! / total : 1 / k;
    shares[b.strategy] = k * floor >= 1 ? 1 / k : floor + spread * p;
  });
  return roundShares(shares);
}

/** Rounds shares to 3 dp and gives the rounding remainder to the largest, so they add up to 1. */
export function roundShares(shares: Record<string, number>): Record<string, number> {
  const keys = Object.keys(shares);
  const rounded: Record<string, number> = {};
  for (const key of keys) rounded[key] = Math.round(shares[key]! * 1000) / 1000;
  const remainder = Math.round((1 - keys.reduce((s, key) => s + rounded[key]!, 0)) * 1000) / 1000;
  if (keys.length && remainder !== 0) {
    const largest = keys.reduce((a, b) => (rounded[b]! > rounded[a]! ? b : a));
    rounded[largest] = Math.round((rounded[largest]! + remainder) * 1000) / 1000;
  }
  return rounded;
}
