import { describe, expect, it } from 'vitest';
import { drawJobId, uniqueJobId } from '../../../src-main/core/jobs/job-ids';
import { drawRenderPlan } from '../../../src-main/core/jobs/render-job-writer';
import { nextStep, progressPercent, reelSteps } from '../../../src-main/core/jobs/job-steps';
import { chooseMusic } from '../../../src-main/core/render/music';
import { reelContentLines } from '../../../src-main/core/render/reel-content';
import type { Random } from '../../../src-main/core/ports/random';

/** Returns the given numbers in order. */
function sequence(...values: number[]): Random {
  let i = 0;
  return { next: () => values[i++ % values.length]! };
}

describe('job ids', () => {
  it('are GEN- and six digits from the random', () => {
    expect(drawJobId(sequence(0.1, 0.25, 0.99, 0, 0.5, 0.75))).toBe('GEN-129057');
  });
  it('are redrawn on a clash, and grow a digit after twenty clashes', async () => {
    const taken = new Set(['GEN-000000']);
    expect(
      await uniqueJobId(sequence(0, 0, 0, 0, 0, 0, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1), async (id) =>
        taken.has(id),
      ),
    ).toBe('GEN-111111');
    expect(await uniqueJobId(sequence(0), async (id) => id.length === 10)).toBe('GEN-0000000');
  });
});

describe('progress', () => {
  it('adds the weights of finished steps and the running one’s share', () => {
    // Weights 8, 8, 6, 68, 5, 5 (total 100).
    expect(progressPercent(reelSteps, [])).toBe(0);
    expect(progressPercent(reelSteps, ['background', 'reel-image'])).toBe(16);
    expect(
      progressPercent(reelSteps, ['background', 'reel-image', 'thumbnail'], { name: 'video', fraction: 0.5 }),
    ).toBe(56);
    expect(
      progressPercent(
        reelSteps,
        reelSteps.map((s) => s.name).filter((n) => n !== 'captions'),
      ),
    ).toBe(95);
    expect(
      progressPercent(
        reelSteps,
        reelSteps.map((s) => s.name),
      ),
    ).toBe(100);
    expect(nextStep(reelSteps, ['background'])?.name).toBe('reel-image');
  });
});

describe('render plan and music', () => {
  it('draws the duration, the music and the CTA once', () => {
    // seed, duration pick (0.6 → second choice: 8 s), music pick, music start, CTA pick (0.4 → second variant)
    expect(drawRenderPlan('dark', 'follow_tips', sequence(0.5, 0.6, 0.9, 0.25, 0.4))).toEqual({
      seed: 2 ** 30,
      durationSeconds: 8,
      musicPick: 0.9,
      musicStart: 0.25,
      ctaLine: 'Follow to learn more about what your body needs.',
      motion: 'still',
    });
    expect(drawRenderPlan('post', 'follow_tips', sequence(0.5))).toEqual({ seed: 2 ** 30 });
  });
  it('starts the music where the whole reel still has music', () => {
    // Track 2 of 3 (pick 0.5), 24 s long, 8 s reel: room 16 s, start 0.25 → 4 s.
    expect(chooseMusic([20, 24, 30], 8, 0.5, 0.25)).toEqual({ trackIndex: 1, offsetSeconds: 4 });
    expect(chooseMusic([5], 8, 0.99, 0.99)).toEqual({ trackIndex: 0, offsetSeconds: 0 });
  });
});

describe('reel content lines', () => {
  it('drops AI calls to action, strips numbers and markup, appends ours and renumbers', () => {
    expect(
      reelContentLines(
        [
          '1. Drink **water** first',
          '2) Walk after meals',
          'Follow us for more tips!',
          'Comment "PLAN" below',
        ],
        'Save this.',
      ),
    ).toEqual(['1. Drink water first', '2. Walk after meals', '3. Save this.']);
    expect(reelContentLines(['Just one line'], null)).toEqual(['Just one line']);
  });
});
