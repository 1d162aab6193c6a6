import { learningDefaults } from './defaults';
import { roundShares } from './strategy-evidence';

/** One strategy's results in a feedback window (reference 4.1: average views per strategy). */
export interface StrategyViews {
  strategy: string;
  avgViews: number;
}

export interface OriginalShift {
  weights: Record<string, number>;
  applied: boolean;
  best: string | null;
  worst: string | null;
  ratio: number;
  confidence: number;
}

/**
 * The original system's adaptation (reference 4.2), kept as the baseline the simulation measures
 * the app against, with its crash fixed: best and worst strategy by average views (first wins a
 * tie); ratio = best / worst (infinite when the worst has none and the best some); confidence =
 * min(1, (ratio − 1) / 2), or 0.9 for an infinite ratio; when confidence ≥ 0.7 and ratio ≥ 1.5 —
 * in effect best ≥ 2.4 × worst — up to 0.05 of weight moves from worst to best (the worst keeps
 * at least 0.05), then all are renormalised.
 */
export function originalWeightShift(
  weights: Readonly<Record<string, number>>,
  results: readonly StrategyViews[],
): OriginalShift {
  const { weightShiftCap, minWeight, confidenceThreshold, dominanceRatio } = learningDefaults.original;
  const unchanged = { weights: { ...weights }, applied: false, ratio: 1, confidence: 0 };
  if (results.length < 2)
    return { ...unchanged, best: results[0]?.strategy ?? null, worst: results[0]?.strategy ?? null };
  let best = results[0]!;
  let worst = results[0]!;
  for (const r of results) {
    if (r.avgViews > best.avgViews) best = r;
    if (r.avgViews < worst.avgViews) worst = r;
  }
  if (best.strategy === worst.strategy) return { ...unchanged, best: best.strategy, worst: worst.strategy };
  let ratio: number;
  let confidence: number;
  if (worst.avgViews > 0) {
    ratio = best.avgViews / worst.avgViews;
    confidence = Math.min(1, (ratio - 1) / 2);
  } else {
    ratio = best.avgViews > 0 ? Number.POSITIVE_INFINITY : 1;
    confidence = best.avgViews > 0 ? 0.9 : 0;
  }
  const base = { best: best.strategy, worst: worst.strategy, ratio, confidence };
  if (confidence < confidenceThreshold || ratio < dominanceRatio) return { ...unchanged, ...base };
  const next = { ...weights };
  const from = next[worst.strategy] ?? 0;
  const shift = Math.max(0, Math.min(weightShiftCap, from - minWeight));
  next[worst.strategy] = Math.round((from - shift) * 1000) / 1000;
  next[best.strategy] = Math.round(((next[best.strategy] ?? 0) + shift) * 1000) / 1000;
  const total = Object.values(next).reduce((a, b) => a + b, 0);
  const renormalised: Record<string, number> = {};
  for (const [key, value] of Object.entries(next)) renormalised[key] = total > 0 ? value / total : 0;
  return { ...base, weights: roundShares(renormalised), applied: shift > 0 };
}
