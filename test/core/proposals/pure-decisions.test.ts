import { describe, expect, it } from 'vitest';
import { keywordHash, titleKeywords } from '../../../src-main/core/proposals/keyword-hash';
import { checkPostQuality } from '../../../src-main/core/proposals/quality';
import { drawStrategy, redirectUnavailable } from '../../../src-main/core/proposals/strategy-plan';
import { seededRandom } from '../../../src-main/core/ports/random';
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

/** A random source that answers the given numbers in order. */
const scripted = (...values: number[]) => {
  let i = 0;
  return { next: () => values[i++ % values.length]! };
};

describe('strategy choice', () => {
  it('with every kind of data, keeps the weights as they are', () => {
    expect(redirectUnavailable(toby.names, toby.weights, all)).toEqual(toby.weights);
  });

  it('with no data at all, Toby explores only', () => {
    expect(redirectUnavailable(toby.names, toby.weights, none)).toEqual({ explore: 1 });
    expect(drawStrategy(toby.names, { explore: 1 }, scripted(0.99))).toBe('explore');
  });

  it('with no data, Lexi keeps about 12 % compound, re-created as her last ("trending") key', () => {
    // refine .40 goes: analyze +.24 (.54), compound +.16 (.31). Then compound .31 goes:
    // analyze +.186 (.726), compound re-created with .124.
    const shares = redirectUnavailable(lexi.names, lexi.weights, none);
    expect(Object.keys(shares).sort()).toEqual(['analyze', 'compound', 'systematic']);
    expect(shares.analyze).toBeCloseTo(0.726, 9);
    expect(shares.systematic).toBeCloseTo(0.15, 9);
    expect(shares.compound).toBeCloseTo(0.124, 9);
  });

  it('draws each proposal by the shares, so an agent writing one proposal still follows its weights', () => {
    // Toby's shares in order: explore .3, iterate .2, double_down .3, trending .2.
    expect(drawStrategy(toby.names, toby.weights, scripted(0.1))).toBe('explore');
    expect(drawStrategy(toby.names, toby.weights, scripted(0.35))).toBe('iterate');
    expect(drawStrategy(toby.names, toby.weights, scripted(0.79))).toBe('double_down');
    expect(drawStrategy(toby.names, toby.weights, scripted(0.81))).toBe('trending');
    // The reference rounded 1 × each share (all under .5) and gave the proposal to explore every
    // time; here, over many single proposals, each strategy gets its share.
    const counts: Record<string, number> = {};
    const random = seededRandom(3);
    for (let i = 0; i < 2000; i++) {
      const s = drawStrategy(toby.names, toby.weights, random);
      counts[s] = (counts[s] ?? 0) + 1;
    }
    expect(counts.double_down! / 2000).toBeGreaterThan(0.27);
    expect(counts.double_down! / 2000).toBeLessThan(0.33);
    expect(counts.trending! / 2000).toBeGreaterThan(0.17);
  });

  it('falls back to the first strategy when no share is positive', () => {
    expect(drawStrategy(toby.names, { explore: 0, iterate: 0 }, scripted(0.5))).toBe('explore');
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
