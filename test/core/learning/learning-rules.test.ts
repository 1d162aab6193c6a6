import { describe, expect, it } from 'vitest';
import type { AgentDna } from '../../../src-main/core/agents/dna';
import { originalWeightShift } from '../../../src-main/core/learning/original-rule';
import {
  deathEligibility,
  inheritDna,
  chooseParent,
  pickParent,
  prunePool,
} from '../../../src-main/core/learning/selection-rules';
import {
  evidenceWeights,
  normalCdf,
  probabilityOfBest,
  recencyWeight,
  strategyBeliefs,
} from '../../../src-main/core/learning/strategy-evidence';
import {
  consistency,
  engagementRate,
  nextTemperature,
  survivalScore,
} from '../../../src-main/core/learning/survival-score';
import { seededRandom, type Random } from '../../../src-main/core/ports/random';

/** A random source that answers the given numbers in order. */
function scripted(...values: number[]): Random {
  let i = 0;
  return { next: () => values[i++ % values.length]! };
}

describe('survival score (reference 4.1)', () => {
  it('weighs views 40 %, engagement 30 %, consistency 20 %, examiner 10 %', () => {
    // 50 k average views → 50 × 0.4 = 20; (200 + 60 + 40) / 10 000 = 3 % → 30 × 0.3 = 9;
    // equal views → consistency 100 × 0.2 = 20; examiner (8 + 6) / 2 = 7 → 70 × 0.1 = 7. Total 56.
    expect(
      survivalScore({
        views: [50_000, 50_000],
        likes: 200,
        comments: 60,
        saves: 40,
        reach: 10_000,
        examinerScores: [8, 6],
      }),
    ).toBe(56);
  });

  it('caps views and engagement at full marks, and is neutral on the examiner when nothing was examined', () => {
    // views 100 × 0.4 = 40; 25 % engagement → capped 100 × 0.3 = 30; one post → consistency 50 × 0.2
    // = 10; examiner 5/10 → 50 × 0.1 = 5. Total 85.
    expect(
      survivalScore({
        views: [400_000],
        likes: 2_500,
        comments: 0,
        saves: 0,
        reach: 10_000,
        examinerScores: [],
      }),
    ).toBe(85);
  });

  it('measures consistency with the sample standard deviation', () => {
    // views 100 and 300: mean 200, sample sd √((100² + 100²) / 1) = 141.42 → (1 − 0.7071) × 100.
    expect(consistency([100, 300])).toBeCloseTo(29.29, 2);
    expect(consistency([])).toBe(0);
    expect(consistency([0, 0])).toBe(0);
    expect(consistency([5, 500, 5000])).toBe(0);
    expect(engagementRate({ likes: 1, comments: 1, saves: 1, reach: 0 })).toBe(0);
  });
});

describe('temperature (reference 4.2)', () => {
  it('exploits above 60, explores below 30, stays within 0.60–0.98', () => {
    expect(nextTemperature(0.85, 61)).toBe(0.82);
    expect(nextTemperature(0.85, 29.9)).toBe(0.88);
    expect(nextTemperature(0.85, 45)).toBe(0.85);
    expect(nextTemperature(0.97, 10)).toBe(0.98);
    expect(nextTemperature(0.61, 90)).toBe(0.6);
  });
});

describe('the original rule (reference 4.2), the simulation’s baseline', () => {
  const weights = { explore: 0.3, iterate: 0.2, double_down: 0.3, trending: 0.2 };

  it('moves 0.05 from the worst to the best only when the best averages ≥ 2.4 × the worst', () => {
    // ratio 1000 / 400 = 2.5 → confidence (2.5 − 1) / 2 = 0.75 ≥ 0.7: iterate 0.20 → 0.15, explore 0.30 → 0.35.
    const shifted = originalWeightShift(weights, [
      { strategy: 'explore', avgViews: 1000 },
      { strategy: 'iterate', avgViews: 400 },
    ]);
    expect(shifted).toMatchObject({
      applied: true,
      best: 'explore',
      worst: 'iterate',
      ratio: 2.5,
      confidence: 0.75,
    });
    expect(shifted.weights).toEqual({ explore: 0.35, iterate: 0.15, double_down: 0.3, trending: 0.2 });
    // ratio 2.3 → confidence 0.65: unchanged.
    const held = originalWeightShift(weights, [
      { strategy: 'explore', avgViews: 230 },
      { strategy: 'iterate', avgViews: 100 },
    ]);
    expect(held).toMatchObject({ applied: false, weights });
  });

  it('treats a worst strategy with no views as an infinite ratio (the original crashed there)', () => {
    const shifted = originalWeightShift(weights, [
      { strategy: 'trending', avgViews: 10 },
      { strategy: 'iterate', avgViews: 0 },
    ]);
    expect(shifted).toMatchObject({ applied: true, ratio: Number.POSITIVE_INFINITY, confidence: 0.9 });
    expect(shifted.weights).toMatchObject({ trending: 0.25, iterate: 0.15 });
  });

  it('never takes the worst below 0.05', () => {
    const shifted = originalWeightShift({ explore: 0.93, iterate: 0.07 }, [
      { strategy: 'explore', avgViews: 900 },
      { strategy: 'iterate', avgViews: 10 },
    ]);
    expect(shifted.weights).toEqual({ explore: 0.95, iterate: 0.05 });
  });
});

describe('the evidence model behind the app’s adaptation', () => {
  it('updates a normal belief per strategy from recency-weighted posts', () => {
    // Prior N(50, 15²); four fresh posts at 70 with noise sd 20:
    // precision 1/225 + 4/400 = 0.014444; mean (50/225 + 280/400) / 0.014444 = 63.85; sd 8.32.
    const [tried, untried] = strategyBeliefs(
      Array.from({ length: 4 }, () => ({ strategy: 'explore', score: 70, ageDays: 0 })),
      ['explore', 'iterate'],
    );
    expect(tried!.mean).toBeCloseTo(63.85, 2);
    expect(tried!.sd).toBeCloseTo(8.32, 2);
    expect(untried).toMatchObject({ mean: 50, sd: 15, posts: 0 });
    expect(recencyWeight(21, 21)).toBe(0.5);
    expect(recencyWeight(42, 21)).toBe(0.25);
  });

  it('gives each strategy its chance of being the best', () => {
    const same = probabilityOfBest([
      { strategy: 'a', mean: 50, sd: 5, posts: 3, weight: 3 },
      { strategy: 'b', mean: 50, sd: 5, posts: 3, weight: 3 },
    ]);
    expect(same.a).toBeCloseTo(0.5, 3);
    // P(A > B) = Φ((60 − 50) / √(25 + 25)) = Φ(1.4142) = 0.9214.
    const apart = probabilityOfBest([
      { strategy: 'a', mean: 60, sd: 5, posts: 9, weight: 9 },
      { strategy: 'b', mean: 50, sd: 5, posts: 9, weight: 9 },
    ]);
    expect(apart.a).toBeCloseTo(normalCdf(Math.SQRT2), 3);
    expect(normalCdf(Math.SQRT2)).toBeCloseTo(0.9214, 4);
  });

  it('keeps a minimum share for every strategy, however strong the evidence', () => {
    // Floor 0.08, two strategies, P(best) 0.9214 and 0.0786 (a 10-point gap over √50 ≈ 7.07:
    // Φ(1.414)). Sharpened: 0.8489 and 0.0062, renormalised 0.9928 and 0.0072.
    // 0.08 + 0.84 × 0.9928 = 0.914, and 0.086.
    const weights = evidenceWeights(
      [
        { strategy: 'a', mean: 60, sd: 5, posts: 9, weight: 9 },
        { strategy: 'b', mean: 50, sd: 5, posts: 9, weight: 9 },
      ],
      0.08,
    );
    expect(weights).toEqual({ a: 0.914, b: 0.086 });
    const certain = evidenceWeights(
      [
        { strategy: 'a', mean: 90, sd: 1, posts: 99, weight: 99 },
        { strategy: 'b', mean: 10, sd: 1, posts: 99, weight: 99 },
        { strategy: 'c', mean: 10, sd: 1, posts: 99, weight: 99 },
      ],
      0.08,
    );
    expect(certain).toEqual({ a: 0.84, b: 0.08, c: 0.08 });
    // Without sharpening it is plain probability matching: 0.08 + 0.84 × 0.9214 = 0.854.
    expect(
      evidenceWeights(
        [
          { strategy: 'a', mean: 60, sd: 5, posts: 9, weight: 9 },
          { strategy: 'b', mean: 50, sd: 5, posts: 9, weight: 9 },
        ],
        0.08,
        1,
      ),
    ).toEqual({ a: 0.854, b: 0.146 });
  });
});

describe('weekly selection (reference 4.3)', () => {
  it('retires only an agent weak in every recent snapshot, with enough of them', () => {
    expect(deathEligibility({ currentSurvival: 20, totalSnapshots: 3, recent: [20, 20, 20] }).eligible).toBe(
      false,
    );
    expect(
      deathEligibility({ currentSurvival: 35, totalSnapshots: 9, recent: [20, 20, 20, 20] }).eligible,
    ).toBe(false);
    expect(
      deathEligibility({ currentSurvival: 20, totalSnapshots: 9, recent: [20, 29, 31, 20] }).eligible,
    ).toBe(false);
    expect(deathEligibility({ currentSurvival: 20, totalSnapshots: 5, recent: [20, 29, 28, 10] })).toEqual({
      eligible: true,
      reason: 'last 4 snapshots all under 30',
    });
    // Only the last 8 count: an old good week is forgiven.
    expect(
      deathEligibility({
        currentSurvival: 10,
        totalSnapshots: 12,
        recent: [10, 10, 10, 10, 10, 10, 10, 10, 90],
      }).eligible,
    ).toBe(true);
  });

  it('draws a parent among the five best by score, never the agent that died', () => {
    const pool = [
      { id: 1, sourceAgentId: 'dead', survivalScore: 99, createdAt: '2026-01-01' },
      { id: 2, sourceAgentId: 'a', survivalScore: 60, createdAt: '2026-01-01' },
      { id: 3, sourceAgentId: 'b', survivalScore: 30, createdAt: '2026-01-01' },
      { id: 4, sourceAgentId: 'c', survivalScore: 0, createdAt: '2026-01-01' },
    ];
    // Weights 60, 30, 1 (a zero counts as 1): total 91. A draw of 0.70 × 91 = 63.7 lands on b.
    expect(pickParent(pool, 'dead', scripted(0.7))!.sourceAgentId).toBe('b');
    expect(pickParent(pool, 'dead', scripted(0.1))!.sourceAgentId).toBe('a');
    expect(pickParent(pool, 'dead', scripted(0.999))!.sourceAgentId).toBe('c');
    expect(pickParent([pool[0]!], 'dead', scripted(0.5))).toBeNull();
  });

  it('inherits 80 % of the time and takes random DNA otherwise (one draw decides)', () => {
    const pool = [
      { id: 2, sourceAgentId: 'a', survivalScore: 60, createdAt: '2026-01-01' },
      { id: 3, sourceAgentId: 'b', survivalScore: 30, createdAt: '2026-01-01' },
    ];
    // 0.79 < 0.8 inherits; the next draw 0.1 × 90 = 9 picks a.
    expect(chooseParent(pool, 'dead', scripted(0.79, 0.1))!.sourceAgentId).toBe('a');
    expect(chooseParent(pool, 'dead', scripted(0.8, 0.1))).toBeNull();
    expect(chooseParent([], 'dead', scripted(0.1))).toBeNull();
    // Over many draws the split is 80/20.
    let inherited = 0;
    const uniform = seededRandom(7);
    for (let i = 0; i < 1000; i++) if (chooseParent(pool, 'dead', uniform)) inherited++;
    expect(inherited).toBeGreaterThan(760);
    expect(inherited).toBeLessThan(840);
  });

  it('inherits DNA with small jitter, within the bounds', () => {
    const parent: AgentDna = {
      personality: 'old',
      temperature: 0.97,
      variant: 'light',
      strategyNames: ['explore', 'iterate'],
      strategyWeights: { explore: 0.7, iterate: 0.3 },
      riskTolerance: 'high',
      proposalsPerBrand: 3,
      contentTypes: ['reel'],
    };
    // Temperature jitter (1.0 × 2 − 1) × 0.05 = +0.05 → 1.02, capped at 0.98. Weights:
    // explore 0.7 + (0 × 2 − 1) × 0.03 = 0.67; iterate 0.3 + (0.5 × 2 − 1) × 0.03 = 0.3 → 0.69 / 0.31.
    const child = inheritDna(parent, scripted(0.99999, 0, 0.5), 'new');
    expect(child).toMatchObject({
      personality: 'new',
      temperature: 0.98,
      variant: 'light',
      riskTolerance: 'high',
      strategyNames: ['explore', 'iterate'],
      strategyWeights: { explore: 0.69, iterate: 0.31 },
    });
  });

  it('prunes the gene pool by age and size, keeping the best', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const entries = [
      { id: 1, sourceAgentId: 'a', survivalScore: 10, createdAt: '2026-08-01T00:00:00Z' },
      { id: 2, sourceAgentId: 'b', survivalScore: 80, createdAt: '2026-08-01T00:00:00Z' },
      { id: 3, sourceAgentId: 'c', survivalScore: 10, createdAt: '2026-11-20T00:00:00Z' },
    ];
    // Entry 1 is older than 90 days; entry 2 is as old but among the best, so it stays.
    expect(prunePool(entries, now)).toEqual([]); // fewer than 20 entries: all are "the best"
    const many = Array.from({ length: 30 }, (_, i) => ({
      id: i + 1,
      sourceAgentId: `x${i}`,
      survivalScore: i,
      createdAt: i < 5 ? '2026-08-01T00:00:00Z' : '2026-11-20T00:00:00Z',
    }));
    // The 20 best are scores 10–29 (ids 11–30); ids 1–5 are old and not among them.
    expect(prunePool(many, now)).toEqual([1, 2, 3, 4, 5]);
  });
});
