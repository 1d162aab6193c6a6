import { describe, expect, it } from 'vitest';
import type { AgentDna } from '../../../src-main/core/agents/dna';
import { adaptationStep } from '../../../src-main/core/learning/adaptation-step';
import { repertoireSwap } from '../../../src-main/core/learning/repertoire';
import { summariseAgentPosts } from '../../../src-main/core/learning/agent-summary';
import { evolutionWeek } from '../../../src-main/core/learning/evolution-week';
import { discoverPatterns, patternDecay, structuresOf } from '../../../src-main/core/learning/title-patterns';

const dna: AgentDna = {
  personality: 'p',
  temperature: 0.85,
  variant: 'dark',
  strategyNames: ['explore', 'iterate', 'double_down', 'trending'],
  strategyWeights: { explore: 0.3, iterate: 0.2, double_down: 0.3, trending: 0.2 },
  riskTolerance: 'medium',
  proposalsPerBrand: 3,
  contentTypes: ['reel', 'post'],
};

const beliefs = [
  { strategy: 'explore', mean: 48, sd: 4, posts: 10, weight: 9 },
  { strategy: 'iterate', mean: 45, sd: 5, posts: 6, weight: 5 },
  { strategy: 'double_down', mean: 66, sd: 3, posts: 14, weight: 12 },
  { strategy: 'trending', mean: 50, sd: 15, posts: 0, weight: 0 },
];

describe('the adaptation step', () => {
  it('changes nothing under 3 attributed posts (reference 4.2)', () => {
    const step = adaptationStep({
      rule: 'original',
      dna,
      survival: 10,
      posts: 2,
      strategyViews: [
        { strategy: 'explore', avgViews: 10_000 },
        { strategy: 'iterate', avgViews: 100 },
      ],
      evidence: null,
    });
    expect(step.mutations).toEqual([]);
    expect(step.strategyWeights).toEqual(dna.strategyWeights);
    expect(step.temperature).toBe(0.85);
    expect(step.skipped).toBe('2 of 3 posts needed');
  });

  it('with the original rule moves 0.05 from worst to best at 2.4× and logs before, after and the evidence', () => {
    // explore 3 000 vs iterate 1 000: ratio 3, confidence 1 → iterate 0.20 → 0.15, explore 0.30 → 0.35.
    // Survival 65 > 60: temperature 0.85 → 0.82 (exploit).
    const step = adaptationStep({
      rule: 'original',
      dna,
      survival: 65,
      posts: 4,
      strategyViews: [
        { strategy: 'explore', avgViews: 3000 },
        { strategy: 'iterate', avgViews: 1000 },
      ],
      evidence: null,
    });
    expect(step.strategyWeights).toEqual({ explore: 0.35, iterate: 0.15, double_down: 0.3, trending: 0.2 });
    expect(step.temperature).toBe(0.82);
    expect(step.mutations.map((m) => m.type)).toEqual(['weight_shift', 'temperature']);
    expect(step.mutations[0]!.before).toEqual({ strategyWeights: dna.strategyWeights });
    expect(step.mutations[0]!.after).toMatchObject({ strategyWeights: step.strategyWeights });
    expect(step.mutations[0]!.description).toContain('explore averaged 3000 views against 1000');
    expect(step.mutations[0]!.confidence).toBe(1);
  });

  it('with the original rule leaves weights alone at 2× (confidence 0.5 < 0.7)', () => {
    const step = adaptationStep({
      rule: 'original',
      dna,
      survival: 45,
      posts: 5,
      strategyViews: [
        { strategy: 'explore', avgViews: 2000 },
        { strategy: 'iterate', avgViews: 1000 },
      ],
      evidence: null,
    });
    expect(step.mutations).toEqual([]);
  });

  it('with the evidence rule takes the evidence shares, keeps the floor, and explores when survival is low', () => {
    const target = { explore: 0.1, iterate: 0.08, double_down: 0.72, trending: 0.1 };
    const step = adaptationStep({
      rule: 'evidence',
      dna,
      survival: 20,
      posts: 30,
      strategyViews: [],
      evidence: { weights: target, beliefs },
    });
    expect(step.strategyWeights).toEqual(target);
    expect(Math.min(...Object.values(step.strategyWeights))).toBeGreaterThanOrEqual(0.08);
    expect(step.temperature).toBe(0.88);
    const shift = step.mutations[0]!;
    expect(shift.type).toBe('weight_shift');
    expect(shift.description).toContain('double_down 30 % → 72 %');
    expect(shift.description).toContain('double_down leads with a mean score of 66.0 ± 3.0 over 14 posts');
    expect((shift.after as { evidence: unknown[] }).evidence).toHaveLength(4);
  });

  it('with the evidence rule ignores moves under 0.02 so noise does not rewrite the DNA', () => {
    const step = adaptationStep({
      rule: 'evidence',
      dna,
      survival: 45,
      posts: 30,
      strategyViews: [],
      evidence: { weights: { explore: 0.31, iterate: 0.19, double_down: 0.3, trending: 0.2 }, beliefs },
    });
    expect(step.mutations).toEqual([]);
    expect(step.strategyWeights).toBe(dna.strategyWeights);
  });

  it('keeps temperature within 0.60–0.98', () => {
    const hot = adaptationStep({
      rule: 'evidence',
      dna: { ...dna, temperature: 0.97 },
      survival: 5,
      posts: 3,
      strategyViews: [],
      evidence: null,
    });
    expect(hot.temperature).toBe(0.98);
    const cold = adaptationStep({
      rule: 'evidence',
      dna: { ...dna, temperature: 0.61 },
      survival: 90,
      posts: 3,
      strategyViews: [],
      evidence: null,
    });
    expect(cold.temperature).toBe(0.6);
  });
});

describe('an agent summary (reference 4.1)', () => {
  it('sums platforms into posts, averages views per strategy, and scores survival from real metrics', () => {
    const summary = summariseAgentPosts([
      {
        strategy: 'explore',
        views: 20_000,
        likes: 300,
        comments: 50,
        saves: 150,
        reach: 10_000,
        examinerScore: 8,
      },
      {
        strategy: 'explore',
        views: 10_000,
        likes: 100,
        comments: 20,
        saves: 80,
        reach: 5_000,
        examinerScore: 6,
      },
      {
        strategy: 'trending',
        views: 30_000,
        likes: 200,
        comments: 30,
        saves: 120,
        reach: 15_000,
        examinerScore: null,
      },
    ]);
    expect(summary.publishedCount).toBe(3);
    expect(summary.totalViews).toBe(60_000);
    expect(summary.avgViews).toBe(20_000);
    // (600 + 100 + 350) / 30 000 = 3.5 %
    expect(summary.engagementRate).toBe(0.035);
    expect(summary.breakdown).toEqual({
      explore: { count: 2, avgViews: 15_000, totalViews: 30_000 },
      trending: { count: 1, avgViews: 30_000, totalViews: 30_000 },
    });
    expect(summary.bestStrategy).toBe('trending');
    expect(summary.worstStrategy).toBe('explore');
    expect(summary.avgExaminerScore).toBe(7);
    // views 20 × 0.4 = 8; engagement 35 × 0.3 = 10.5; consistency (1 − 10 000 / 20 000) × 100 = 50 × 0.2
    // = 10; examiner 7 → 70 × 0.1 = 7. Total 35.5.
    expect(summary.survival).toBe(35.5);
  });
});

describe('the evolution week', () => {
  it('is the local date of the latest Sunday 02:00 in the creator’s zone', () => {
    // 2026-11-29 is a Sunday. Lisbon is UTC+0 in winter.
    expect(evolutionWeek(new Date('2026-11-29T02:00:00Z'), 'Europe/Lisbon')).toBe('2026-11-29');
    expect(evolutionWeek(new Date('2026-11-29T01:59:00Z'), 'Europe/Lisbon')).toBe('2026-11-22');
    expect(evolutionWeek(new Date('2026-12-01T09:00:00Z'), 'Europe/Lisbon')).toBe('2026-11-29');
    // Sunday 02:00 in Tokyo is Saturday 17:00 UTC.
    expect(evolutionWeek(new Date('2026-11-28T17:00:00Z'), 'Asia/Tokyo')).toBe('2026-11-29');
    expect(evolutionWeek(new Date('2026-11-28T16:59:00Z'), 'Asia/Tokyo')).toBe('2026-11-22');
  });
});

describe('learned patterns (reference 9.4, on relative scores)', () => {
  it('labels title structures', () => {
    expect(structuresOf('7 Signs Your Gut Needs Help')).toEqual(['N_SIGNS']);
    expect(structuresOf('How to sleep better')).toEqual(['HOW_TO']);
    expect(structuresOf('Stop drinking coffee at 4pm')).toEqual(['STOP_DOING']);
  });

  it('finds shapes, keywords and hours that beat the brand, and nothing under 5 posts', () => {
    const posts = [
      { title: '5 signs of low magnesium', score: 80, hour: 9 },
      { title: '3 signs your sleep is off', score: 76, hour: 9 },
      { title: '4 signs of magnesium need', score: 72, hour: 9 },
      { title: 'Why tea matters', score: 30, hour: 18 },
      { title: 'Morning light routine', score: 35, hour: 18 },
      { title: 'Magnesium at night', score: 60, hour: 18 },
      { title: 'Cold showers explained', score: 27, hour: 12 },
    ];
    const found = discoverPatterns(posts);
    const keys = found.map((f) => `${f.type}:${f.key}`);
    // Baseline (80+76+72+30+35+60+27)/7 = 54.3. N_SIGNS: 3 posts averaging 76 → effect 21.7.
    expect(keys).toContain('title_structure:N_SIGNS');
    expect(found.find((f) => f.key === 'N_SIGNS')!.effect).toBe(21.7);
    // "magnesium": 3 posts (80, 72, 60) averaging 70.7.
    expect(keys).toContain('keyword:magnesium');
    // 09:00: three posts averaging 76 > 54.3 + 5; 18:00 averages 41.7.
    expect(keys).toContain('posting_time:09');
    expect(keys).not.toContain('posting_time:18');
    expect(keys).not.toContain('title_structure:WHY_VERB');
    expect(discoverPatterns(posts.slice(0, 4))).toEqual([]);
  });

  it('decays by e^(−days/30)', () => {
    expect(patternDecay(0)).toBe(1);
    expect(patternDecay(30)).toBe(0.3679);
    expect(patternDecay(69.08)).toBe(0.1);
  });
});

describe('repertoire swap (an agent adopts a strategy it lacks)', () => {
  const belief = (strategy: string, mean: number, sd: number) => ({
    strategy,
    mean,
    sd,
    posts: 10,
    weight: 10,
  });
  const names = ['explore', 'iterate', 'double_down', 'trending'];

  it('adopts a clearly better outside strategy for a brand, dropping the one least likely to be best anywhere', () => {
    const beliefs = new Map([
      [
        'vital-roots',
        [
          belief('explore', 50, 3),
          belief('iterate', 58, 3),
          belief('double_down', 52, 3),
          belief('trending', 40, 3),
          belief('refine', 68, 3),
          belief('analyze', 49, 3),
        ],
      ],
      [
        'healthy-college',
        [
          belief('explore', 48, 3),
          belief('iterate', 45, 3),
          belief('double_down', 66, 3),
          belief('trending', 41, 3),
        ],
      ],
    ]);
    // refine (68 ± 3) against iterate (58 ± 3), the agent's best for Vital Roots: a 10-point gap
    // over a spread of √18 ≈ 4.2 is ≈ 2.4 sd, so P(refine is best) ≈ 0.99 ≥ 0.8. trending is best
    // nowhere (P ≈ 0 for both brands) and goes; iterate and double_down are each a brand's best.
    const swap = repertoireSwap(names, beliefs)!;
    expect(swap.adopt).toBe('refine');
    expect(swap.drop).toBe('trending');
    expect(swap.brandId).toBe('vital-roots');
    expect(swap.probability).toBeGreaterThan(0.98);
  });

  it('keeps the repertoire when the outside strategy is not clearly better, or every strategy is needed', () => {
    const unsure = new Map([
      ['vital-roots', [belief('explore', 50, 3), belief('iterate', 58, 6), belief('refine', 60, 6)]],
    ]);
    expect(repertoireSwap(['explore', 'iterate'], unsure)).toBeNull();
    const needed = new Map([
      ['a', [belief('explore', 60, 2), belief('iterate', 40, 2), belief('refine', 80, 2)]],
      ['b', [belief('explore', 40, 2), belief('iterate', 60, 2), belief('refine', 30, 2)]],
    ]);
    // explore is a's best, iterate is b's: nothing can go even though refine is far better for a.
    expect(repertoireSwap(['explore', 'iterate'], needed)).toBeNull();
  });

  it('logs a swap with before and after, and the new repertoire carries the evidence shares', () => {
    const target = { explore: 0.1, iterate: 0.1, double_down: 0.1, refine: 0.7 };
    const step = adaptationStep({
      rule: 'evidence',
      dna,
      survival: 45,
      posts: 10,
      strategyViews: [],
      evidence: {
        strategyNames: ['explore', 'iterate', 'double_down', 'refine'],
        weights: target,
        beliefs,
        swap: { adopt: 'refine', drop: 'trending', brandId: 'vital-roots', probability: 0.93 },
      },
    });
    expect(step.strategyNames).toEqual(['explore', 'iterate', 'double_down', 'refine']);
    expect(step.strategyWeights).toEqual(target);
    const swap = step.mutations.find((m) => m.type === 'strategy_swap')!;
    expect(swap.description).toBe(
      'Adopted refine in place of trending: for vital-roots, refine has a 93 % chance of beating every strategy this agent had',
    );
    expect(swap.before).toEqual({ strategyNames: dna.strategyNames });
  });
});
