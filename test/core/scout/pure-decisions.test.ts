import { describe, expect, it } from 'vitest';
import {
  afterSearch,
  hashtagBudget,
  planHashtagSearches,
  type HashtagSearchRecord,
} from '../../../src-main/core/scout/hashtag-budget';
import { bootstrapMaturity } from '../../../src-main/core/scout/maturity';
import {
  captionHashtags,
  nicheHashtags,
  normalizeHashtag,
} from '../../../src-main/core/scout/niche-hashtags';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const now = new Date('2026-11-25T12:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const rule = { limit: 30, windowMs: 7 * DAY };
const record = (hashtag: string, firstAgo: number, lastAgo = firstAgo): HashtagSearchRecord => ({
  hashtag,
  firstSearchedAt: ago(firstAgo),
  lastSearchedAt: ago(lastAgo),
});

describe('30 unique hashtags per account per rolling 7 days', () => {
  it('counts the hashtags first searched in the last 7 days; a slot frees 7 days after the oldest', () => {
    const records = [
      ...Array.from({ length: 29 }, (_, i) => record(`tag${i}`, (i + 1) * HOUR)),
      record('oldest', 6 * DAY),
      record('gone', 7 * DAY), // exactly 7 days: out of the window
    ];
    const budget = hashtagBudget(records, now, rule);
    expect(budget.used).toBe(30);
    expect(budget.remaining).toBe(0);
    expect(budget.counted.has('gone')).toBe(false);
    expect(budget.nextFreedAt).toEqual(new Date(now.getTime() + DAY));
    expect(hashtagBudget([], now, rule)).toMatchObject({ used: 0, remaining: 30, nextFreedAt: null });
  });

  it('plans counted hashtags for free and new ones only while slots remain', () => {
    // 28 counted: 2 slots. Candidates: a counted one, then three new ones.
    const records = [
      ...Array.from({ length: 27 }, (_, i) => record(`x${i}`, 2 * DAY)),
      record('sleep', 3 * DAY),
    ];
    const plan = planHashtagSearches(['sleep', 'guthealth', 'longevity', 'hormones'], records, now, {
      ...rule,
      perRun: 5,
      minGapMs: DAY,
    });
    expect(plan).toEqual(['guthealth', 'longevity', 'sleep']);
  });

  it('with the budget spent, only counted hashtags are searched', () => {
    const records = [
      ...Array.from({ length: 29 }, (_, i) => record(`x${i}`, 2 * DAY)),
      record('sleep', 2 * DAY),
    ];
    expect(
      planHashtagSearches(['new1', 'sleep', 'new2'], records, now, { ...rule, perRun: 3, minGapMs: DAY }),
    ).toEqual(['sleep']);
  });

  it('skips hashtags searched within the gap and searches the longest-unsearched first', () => {
    const records = [
      record('a', 3 * DAY, 2 * HOUR),
      record('b', 3 * DAY, 30 * HOUR),
      record('c', 3 * DAY, 50 * HOUR),
    ];
    expect(
      planHashtagSearches(['a', 'b', 'c', 'd'], records, now, { ...rule, perRun: 3, minGapMs: DAY }),
    ).toEqual(['d', 'c', 'b']);
    expect(planHashtagSearches(['a', 'b'], records, now, { ...rule, perRun: 3, minGapMs: 6 * HOUR })).toEqual(
      ['b'],
    );
  });

  it('searching a counted hashtag keeps its start; after the window a search counts anew', () => {
    const counted = record('sleep', 3 * DAY);
    expect(afterSearch(counted, 'sleep', now, rule.windowMs)).toEqual({
      hashtag: 'sleep',
      firstSearchedAt: counted.firstSearchedAt,
      lastSearchedAt: now.toISOString(),
    });
    expect(afterSearch(record('sleep', 8 * DAY), 'sleep', now, rule.windowMs)).toEqual({
      hashtag: 'sleep',
      firstSearchedAt: now.toISOString(),
      lastSearchedAt: now.toISOString(),
    });
    expect(afterSearch(undefined, 'new', now, rule.windowMs).firstSearchedAt).toBe(now.toISOString());
  });
});

describe('hashtags from a niche', () => {
  it('the niche run together, its content words, those run together', () => {
    expect(nicheHashtags('health & wellness')).toEqual([
      'healthandwellness',
      'health',
      'wellness',
      'healthwellness',
    ]);
    expect(nicheHashtags('Fitness')).toEqual(['fitness']);
    expect(nicheHashtags('plant-based cooking for busy parents')).toHaveLength(5);
  });

  it('normalises what the creator types, and reads a caption’s hashtags', () => {
    expect(normalizeHashtag('#GutHealth')).toBe('guthealth');
    expect(normalizeHashtag('gut health')).toBeNull();
    expect(normalizeHashtag('🌱')).toBeNull();
    expect(captionHashtags('Fibre first #GutHealth #fibre #guthealth', 30)).toEqual(['guthealth', 'fibre']);
    expect(captionHashtags(null, 30)).toEqual([]);
  });
});

describe('bootstrap maturity (reference §9.3, fixed)', () => {
  const started = new Date(now.getTime() - 3 * DAY);
  const counts = { own: 0, competitor: 0, hashtag: 0, measuredPosts: 0 };

  it('mature with 50 own items and 150 in all', () => {
    expect(bootstrapMaturity({ ...counts, own: 50, competitor: 60, hashtag: 40 }, started, now).mature).toBe(
      true,
    );
    expect(bootstrapMaturity({ ...counts, own: 49, competitor: 200, hashtag: 40 }, started, now).mature).toBe(
      false,
    );
    expect(bootstrapMaturity({ ...counts, own: 50, competitor: 60, hashtag: 39 }, started, now).mature).toBe(
      false,
    );
  });

  it('mature with 100 measured posts of its own', () => {
    expect(bootstrapMaturity({ ...counts, measuredPosts: 100 }, started, now)).toMatchObject({
      mature: true,
    });
    expect(bootstrapMaturity({ ...counts, measuredPosts: 99 }, started, now).mature).toBe(false);
  });

  it('mature 14 days after it started; a bootstrap that never started never ages out', () => {
    expect(bootstrapMaturity(counts, new Date(now.getTime() - 14 * DAY), now).mature).toBe(true);
    expect(bootstrapMaturity(counts, new Date(now.getTime() - 14 * DAY + 1), now).mature).toBe(false);
    expect(bootstrapMaturity(counts, null, now).mature).toBe(false);
  });

  it('says what is missing', () => {
    expect(bootstrapMaturity({ ...counts, own: 20, competitor: 30 }, started, now).reason).toBe(
      'Needs 30 more own item(s) and 100 more in all, or 100 more measured post(s).',
    );
  });
});
