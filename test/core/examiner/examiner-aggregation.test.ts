import { describe, expect, it } from 'vitest';
import {
  meanOf,
  parseFlags,
  percentOf,
  roundTo,
  summarizeExaminer,
  topRedFlags,
  windowStart,
  type VerdictGroup,
} from '../../../src-main/core/examiner/examiner-stats';

const alpha = { brandId: 'alpha', brandName: 'Alpha', agentId: 'toby', agentName: 'Toby' };
const beta = { brandId: 'beta', brandName: 'Beta', agentId: 'lexi', agentName: 'Lexi' };

/** Alpha/Toby: two passes (7.83, 7.82) and a reject (3.35); Beta/Lexi: a reject (4.12) and one unanswered. */
const groups: VerdictGroup[] = [
  {
    ...alpha,
    verdict: 'passed',
    count: 2,
    compositeSum: 15.65,
    avatarFitSum: 16,
    engagementPotentialSum: 15,
    contentQualitySum: 16,
  },
  {
    ...alpha,
    verdict: 'failed',
    count: 1,
    compositeSum: 3.35,
    avatarFitSum: 3,
    engagementPotentialSum: 4,
    contentQualitySum: 3,
  },
  {
    ...beta,
    verdict: 'failed',
    count: 1,
    compositeSum: 4.12,
    avatarFitSum: 4,
    engagementPotentialSum: 4.5,
    contentQualitySum: 3.8,
  },
  {
    ...beta,
    verdict: 'unanswered',
    count: 1,
    compositeSum: 0,
    avatarFitSum: 0,
    engagementPotentialSum: 0,
    contentQualitySum: 0,
  },
];

describe('examiner aggregation (pure)', () => {
  it('rounds a half up even when binary makes it x.xx4999…', () => {
    // 7.825 * 100 is 782.4999999999999 in binary; a plain Math.round would give 7.82.
    expect(roundTo(7.825, 2)).toBe(7.83);
    expect(roundTo(3.735, 2)).toBe(3.74);
    expect(roundTo(6.3366666, 2)).toBe(6.34);
  });

  it('pass rate: percent with one decimal, exact halves round up, nothing examined is null', () => {
    // 201 / 400 = 50.25 %; (201 / 400) * 1000 is 502.4999… and would round to 50.2.
    expect(percentOf(201, 400)).toBe(50.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(3, 4)).toBe(75);
    expect(percentOf(0, 5)).toBe(0);
    expect(percentOf(0, 0)).toBeNull();
  });

  it('means with two decimals; an empty group has none', () => {
    expect(meanOf(15.65, 2)).toBe(7.83);
    expect(meanOf(19, 3)).toBe(6.33);
    expect(meanOf(0, 0)).toBeNull();
  });

  it('red flags: grouped ignoring case and spacing, once per proposal, most frequent first', () => {
    expect(
      topRedFlags([
        ['Clickbait hook with no substance', 'clickbait hook with NO substance'],
        ['  Clickbait   hook with no substance '],
        ['Youth-only aesthetics'],
        ['youth-only aesthetics', 'Crash diets', ''],
        [],
      ]),
    ).toEqual([
      { flag: 'Clickbait hook with no substance', count: 2 },
      { flag: 'Youth-only aesthetics', count: 2 },
      { flag: 'Crash diets', count: 1 },
    ]);
  });

  it('red flags: at most ten, ties in alphabetical order', () => {
    const flags = 'LKJIHGFEDCBA'.split('').map((letter) => [`Flag ${letter}`]);
    const top = topRedFlags([...flags, ['flag l'], ['Flag K']]);
    expect(top).toHaveLength(10);
    expect(top.slice(0, 4)).toEqual([
      { flag: 'Flag K', count: 2 },
      { flag: 'Flag L', count: 2 },
      { flag: 'Flag A', count: 1 },
      { flag: 'Flag B', count: 1 },
    ]);
    expect(top.at(-1)).toEqual({ flag: 'Flag H', count: 1 });
    expect(topRedFlags(flags, 3).map((f) => f.flag)).toEqual(['Flag A', 'Flag B', 'Flag C']);
  });

  it('summarizes totals, averages per verdict, and per brand and agent', () => {
    const window = { days: 7, since: '2026-11-18T12:05:00.000Z' };
    const stats = summarizeExaminer(groups, [['Clickbait hook'], ['clickbait hook', 'Crash diets']], window);
    expect(stats.days).toBe(7);
    expect(stats.since).toBe(window.since);
    // 2 passed of 4 graded; (15.65 + 3.35 + 4.12) / 4 = 23.12 / 4 = 5.78.
    expect(stats.totals).toEqual({
      examined: 4,
      accepted: 2,
      rejected: 2,
      needsReview: 1,
      passRate: 50,
      avgComposite: 5.78,
    });
    expect(stats.averages).toEqual({
      // 15.65 / 2 = 7.825 → 7.83; 16 / 2; 15 / 2; 16 / 2.
      accepted: { composite: 7.83, avatarFit: 8, engagementPotential: 7.5, contentQuality: 8 },
      // (3.35 + 4.12) / 2 = 3.735 → 3.74; 7 / 2; 8.5 / 2; 6.8 / 2.
      rejected: { composite: 3.74, avatarFit: 3.5, engagementPotential: 4.25, contentQuality: 3.4 },
      // 23.12 / 4; 23 / 4; 23.5 / 4 = 5.875 → 5.88; 22.8 / 4. The unanswered one has no scores.
      all: { composite: 5.78, avatarFit: 5.75, engagementPotential: 5.88, contentQuality: 5.7 },
    });
    expect(stats.topRedFlags).toEqual([
      { flag: 'Clickbait hook', count: 2 },
      { flag: 'Crash diets', count: 1 },
    ]);
    // Alpha: 2 of 3, (15.65 + 3.35) / 3 = 6.333… → 6.33. Beta: 0 of 1, 4.12, one unanswered.
    const alphaTally = {
      examined: 3,
      accepted: 2,
      rejected: 1,
      needsReview: 0,
      passRate: 66.7,
      avgComposite: 6.33,
    };
    const betaTally = {
      examined: 1,
      accepted: 0,
      rejected: 1,
      needsReview: 1,
      passRate: 0,
      avgComposite: 4.12,
    };
    expect(stats.byBrand).toEqual([
      { brandId: 'alpha', brandName: 'Alpha', ...alphaTally },
      { brandId: 'beta', brandName: 'Beta', ...betaTally },
    ]);
    // By name: Lexi before Toby.
    expect(stats.byAgent).toEqual([
      { agentId: 'lexi', agentName: 'Lexi', ...betaTally },
      { agentId: 'toby', agentName: 'Toby', ...alphaTally },
    ]);
  });

  it('nothing examined: zeros and nulls, no rows', () => {
    const stats = summarizeExaminer([], [], { days: 7, since: 'x' });
    expect(stats.totals).toEqual({
      examined: 0,
      accepted: 0,
      rejected: 0,
      needsReview: 0,
      passRate: null,
      avgComposite: null,
    });
    const none = { composite: null, avatarFit: null, engagementPotential: null, contentQuality: null };
    expect(stats.averages).toEqual({ accepted: none, rejected: none, all: none });
    expect(stats.topRedFlags).toEqual([]);
    expect(stats.byBrand).toEqual([]);
    expect(stats.byAgent).toEqual([]);
  });

  it('window start is days × 24 h before now', () => {
    expect(windowStart(new Date('2026-11-25T12:05:00.000Z'), 7)).toBe('2026-11-18T12:05:00.000Z');
    expect(windowStart(new Date('2026-03-01T00:00:00.000Z'), 1)).toBe('2026-02-28T00:00:00.000Z');
  });

  it('a damaged red-flag list reads as none', () => {
    expect(parseFlags('["a", 2, "b"]')).toEqual(['a', 'b']);
    expect(parseFlags('{"a": 1}')).toEqual([]);
    expect(parseFlags('not json')).toEqual([]);
    expect(parseFlags(null)).toEqual([]);
  });
});
