import { describe, expect, it } from 'vitest';
import { describeChange, evidenceOf } from '../../../src-renderer/features/agents/learning-changes';

describe('a learning’s change in words', () => {
  it('lists each field that changed, with before and after', () => {
    expect(describeChange({ temperature: 0.9 }, { temperature: 0.87 })).toEqual(['temperature: 0.9 → 0.87']);
    expect(
      describeChange({ riskTolerance: 'low', variant: 'dark' }, { riskTolerance: 'high', variant: 'dark' }),
    ).toEqual(['risk tolerance: low → high']);
    expect(describeChange(null, { active: false })).toEqual(['active: false']);
    expect(describeChange(0.9, 0.87)).toEqual(['0.9 → 0.87']);
    expect(describeChange({ a: 1 }, null)).toEqual([]);
  });

  it('shows strategy weights as the shares that moved, in percent', () => {
    expect(
      describeChange(
        { strategyWeights: { explore: 0.3, iterate: 0.2, double_down: 0.3, trending: 0.2 } },
        { strategyWeights: { explore: 0.054, iterate: 0.447, double_down: 0.405, trending: 0.094 } },
      ),
    ).toEqual([
      'strategy weights: explore 30% → 5%, iterate 20% → 45%, double down 30% → 41%, trending 20% → 9%',
    ]);
    // A strategy swapped out goes to 0 %, a new one comes from 0 %; unmoved shares are left out.
    expect(
      describeChange(
        { strategyWeights: { analyze: 0.1, refine: 0.5 } },
        { strategyWeights: { double_down: 0.5, refine: 0.5 } },
      ),
    ).toEqual(['strategy weights: double down 0% → 50%, analyze 10% → 0%']);
  });

  it('lists names as a list, and leaves the evidence to its own table', () => {
    expect(
      describeChange(
        { strategyNames: ['analyze', 'refine'] },
        {
          strategyNames: ['double_down', 'refine'],
          evidence: [{ strategy: 'refine', mean: 50, sd: 15, posts: 0 }],
        },
      ),
    ).toEqual(['strategy names: analyze, refine → double_down, refine']);
  });
});

describe('the evidence behind a weight shift', () => {
  it('reads the strategies’ standing, best mean first', () => {
    expect(
      evidenceOf({
        strategyWeights: {},
        evidence: [
          { strategy: 'explore', mean: 22.3, sd: 4.9, posts: 10 },
          { strategy: 'double_down', mean: 76.9, sd: 4.1, posts: 14 },
          { strategy: 'iterate', mean: 50, sd: 15, posts: 0 },
        ],
      }),
    ).toEqual([
      { strategy: 'double_down', mean: 76.9, sd: 4.1, posts: 14 },
      { strategy: 'iterate', mean: 50, sd: 15, posts: 0 },
      { strategy: 'explore', mean: 22.3, sd: 4.9, posts: 10 },
    ]);
  });

  it('is absent when there is none or it cannot be read', () => {
    expect(evidenceOf({ temperature: 0.9 })).toBeNull();
    expect(evidenceOf({ evidence: [{ strategy: 'x' }] })).toBeNull();
    expect(evidenceOf('text')).toBeNull();
  });
});
