import { describe, expect, it } from 'vitest';
import { keywordHash, titleKeywords } from '../../../src-main/core/proposals/keyword-hash';
import { checkPostQuality } from '../../../src-main/core/proposals/quality';
import { planStrategies, roundHalfEven } from '../../../src-main/core/proposals/strategy-plan';
import { classifyTopic } from '../../../src-main/core/proposals/topics';

const none = { hasTopPerformers: false, hasUnderperformers: false, hasTrending: false };
const all = { hasTopPerformers: true, hasUnderperformers: true, hasTrending: true };
const toby = {
  names: ['explore', 'iterate', 'double_down', 'trending'],
  weights: { explore: 0.3, iterate: 0.2, double_down: 0.3, trending: 0.2 },
};
const lexi = {
  names: ['analyze', 'refine', 'systematic', 'compound'],
  weights: { analyze: 0.3, refine: 0.4, systematic: 0.15, compound: 0.15 },
};

describe('strategy allocation', () => {
  it('rounds halves to even like Python', () => {
    expect([0.5, 1.5, 2.5, 3.5, 2.4, 2.6].map(roundHalfEven)).toEqual([0, 2, 2, 4, 2, 3]);
  });

  it('with no data at all, Toby explores only', () => {
    expect(planStrategies(1, toby.names, toby.weights, none)).toEqual({ explore: 1 });
    expect(planStrategies(3, toby.names, toby.weights, none)).toEqual({ explore: 3 });
  });

  it('with every kind of data, Toby follows his weights: 10 → 3/2/3/2', () => {
    expect(planStrategies(10, toby.names, toby.weights, all)).toEqual({
      explore: 3,
      iterate: 2,
      double_down: 3,
      trending: 2,
    });
  });

  it('with no data, Lexi keeps about 12 % compound, re-created as her last ("trending") key', () => {
    // refine .40 goes: analyze +.24 (.54), compound +.16 (.31). Then compound .31 goes:
    // analyze +.186 (.726), compound re-created with .124. Shares .726/.15/.124 → ×10 →
    // 7.26, 1.5, 1.24 → 7, 2 (half to even), 1.
    expect(planStrategies(10, lexi.names, lexi.weights, none)).toEqual({
      analyze: 7,
      systematic: 2,
      compound: 1,
    });
  });

  it('balances rounding: a surplus is taken from the smallest shares first, a deficit goes to exploration', () => {
    // 3 × (.3,.2,.3,.2) = .9,.6,.9,.6 → 1,1,1,1 = 4 > 3: the first of the smallest loses one.
    expect(planStrategies(3, toby.names, toby.weights, all)).toEqual({
      iterate: 1,
      double_down: 1,
      trending: 1,
    });
    // 2 × → .6,.4,.6,.4 → 1,0,1,0 = 2: exact.
    expect(planStrategies(2, toby.names, toby.weights, all)).toEqual({ explore: 1, double_down: 1 });
  });

  it('removes a surplus in one pass from the smallest counts up, so no strategy is emptied twice', () => {
    const quarters = { explore: 0.25, iterate: 0.25, double_down: 0.25, trending: 0.25 };
    // 6 × .25 = 1.5 each → 2 each (half to even) = 8, two too many. One pass over the four ties in
    // strategy order: explore 2→1, iterate 2→1, balanced. Re-picking the smallest would take
    // both from explore and leave it with none.
    expect(planStrategies(6, toby.names, quarters, all)).toEqual({
      explore: 1,
      iterate: 1,
      double_down: 2,
      trending: 2,
    });
    // Weights 3.5/1.5/5.5/1.5 of 12 (total 12, so each count is the weight itself) → 4,2,6,2 = 14,
    // two too many. Ascending by count: iterate 2, trending 2, explore 4, double_down 6; the first
    // two give one each → 4,1,6,1.
    const uneven = { explore: 3.5, iterate: 1.5, double_down: 5.5, trending: 1.5 };
    expect(planStrategies(12, toby.names, uneven, all)).toEqual({
      explore: 4,
      iterate: 1,
      double_down: 6,
      trending: 1,
    });
  });
});

describe('keyword hash', () => {
  it('treats the same content words in any order as the same idea', () => {
    expect(keywordHash('Why Magnesium Improves Your Sleep')).toBe(
      keywordHash('SLEEP improves with magnesium... why?'),
    );
    expect(keywordHash('Why Magnesium Improves Your Sleep')).not.toBe(
      keywordHash('Why Zinc Improves Your Sleep'),
    );
    expect(titleKeywords('The 3 BEST teas for a calm mind!')).toEqual(['best', 'calm', 'mind', 'teas']);
    expect(keywordHash('x')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('classifies a title into the topic with most keyword hits, else general', () => {
    expect(classifyTopic('Magnesium and zinc supplements for better sleep at night')).toBe('supplements');
    expect(classifyTopic('Your gut microbiome loves fibre')).toBe('gut_health');
    expect(classifyTopic('Ten things about nothing')).toBe('general');
  });
});

describe('structural quality', () => {
  it('scores a title and caption by the documented penalties', () => {
    expect(checkPostQuality('WHY MAGNESIUM CHANGES YOUR SLEEP FOREVER')).toEqual({
      score: 100,
      passed: true,
      issues: [],
    });
    expect(checkPostQuality('5 TEAS.').score).toBe(100 - 50 - 5 - 15 - 5);
    expect(checkPostQuality('THE TRUTH — ABOUT SLEEP AND MAGNESIUM', 'short').score).toBe(
      100 - 5 - 10 - 10 - 5,
    );
    expect(checkPostQuality('Tiny').passed).toBe(false);
  });
});
