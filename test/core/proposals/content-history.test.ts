import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentHistory } from '../../../src-main/core/proposals/content-history';
import { keywordHash } from '../../../src-main/core/proposals/keyword-hash';
import { openTempCore, type TempCore } from '../../helpers/temp-core';

const MINUTE = 60_000;
const DAY = 86_400_000;
const T0 = '2026-11-25T10:00:00.000Z';

/**
 * An LLM stand-in that keeps coming back to the same idea: the same three content words
 * (magnesium, improves, sleep) in a different order and dress each time.
 */
function repeatingTitles() {
  const titles = [
    'WHY MAGNESIUM IMPROVES YOUR SLEEP',
    'YOUR SLEEP IMPROVES WITH MAGNESIUM',
    'MAGNESIUM: WHY IT IMPROVES SLEEP',
  ];
  let n = 0;
  return { next: () => titles[n++ % titles.length]! };
}

let t: TempCore;
let history: ContentHistory;
let titles: ReturnType<typeof repeatingTitles>;

beforeEach(async () => {
  t = await openTempCore({ start: T0 });
  for (const id of ['brand-1', 'brand-2']) {
    await t.call('brands.create', {
      id,
      displayName: id,
      instagramHandle: `@${id.replace('-', '')}`,
      colors: { primary: '#224466', accent: '#88aacc' },
    });
  }
  history = new ContentHistory(t.core.store.db, t.clock);
  titles = repeatingTitles();
});
afterEach(async () => {
  await t?.close();
});

let proposals = 0;
function record(title: string, brandId: string | null, contentType: 'reel' | 'post' = 'reel') {
  return history.record({
    contentType,
    title,
    topicBucket: 'sleep',
    brandId,
    qualityScore: 100,
    imagePrompt: null,
    caption: null,
    proposalId: `TEST-${++proposals}`,
  });
}

/** Moves the clock to `ms` after T0. */
function at(ms: number) {
  t.clock.set(new Date(new Date(T0).getTime() + ms));
}

describe('ContentHistory.duplicateOf', () => {
  it('the repeating fake really repeats one idea: every title has the same keyword hash', () => {
    const [a, b, c] = [titles.next(), titles.next(), titles.next()];
    expect(new Set([a, b, c]).size).toBe(3);
    expect(new Set([a, b, c].map(keywordHash)).size).toBe(1);
  });

  it('blocks the same idea for the same brand for 60 days, in any word order, then lets it back', async () => {
    await record(titles.next(), 'brand-1');
    at(60 * DAY - MINUTE);
    expect(await history.duplicateOf(titles.next(), 'brand-1')).toBe(
      'already used for this brand: "WHY MAGNESIUM IMPROVES YOUR SLEEP"',
    );
    at(60 * DAY + MINUTE);
    expect(await history.duplicateOf(titles.next(), 'brand-1')).toBeNull();
  });

  it('blocks the same idea for another brand for 7 days, then lets it through', async () => {
    await record(titles.next(), 'brand-1');
    at(7 * DAY - MINUTE);
    expect(await history.duplicateOf(titles.next(), 'brand-2')).toBe(
      'used by brand-1 this week: "WHY MAGNESIUM IMPROVES YOUR SLEEP"',
    );
    at(7 * DAY + MINUTE);
    expect(await history.duplicateOf(titles.next(), 'brand-2')).toBeNull();
  });

  it('counts a brand-less title for the cross-brand rule, for brands and brand-less ideas alike', async () => {
    await record(titles.next(), null);
    at(7 * DAY - MINUTE);
    const reason = 'used by a brand-less idea this week: "WHY MAGNESIUM IMPROVES YOUR SLEEP"';
    expect(await history.duplicateOf(titles.next(), 'brand-1')).toBe(reason);
    expect(await history.duplicateOf(titles.next(), null)).toBe(reason);
    // A brand-less idea is no brand's own, so the 60-day rule never applies to it.
    at(7 * DAY + MINUTE);
    expect(await history.duplicateOf(titles.next(), 'brand-1')).toBeNull();
  });

  it('lets a brand repeat a proven winner (real performance score ≥ 85), and only that brand', async () => {
    await record(titles.next(), 'brand-1');
    const performance = (mediaId: string, brandId: string, score: number) =>
      t.core.store.db
        .insertInto('post_performance')
        .values({
          platform: 'instagram',
          media_id: mediaId,
          brand_id: brandId,
          content_type: 'reel',
          title: 'WHY MAGNESIUM IMPROVES YOUR SLEEP',
          keyword_hash: keywordHash('WHY MAGNESIUM IMPROVES YOUR SLEEP'),
          views: 1000,
          likes: 100,
          comments: 0,
          saves: 0,
          shares: 0,
          reach: 900,
          engagement_rate: 0.1,
          performance_score: score,
        })
        .execute();
    at(30 * DAY);
    await performance('m-1', 'brand-1', 84.9);
    // Another brand's winner proves nothing about this brand's audience.
    await performance('m-2', 'brand-2', 99);
    expect(await history.duplicateOf(titles.next(), 'brand-1')).toBe(
      'already used for this brand: "WHY MAGNESIUM IMPROVES YOUR SLEEP"',
    );
    await performance('m-3', 'brand-1', 85);
    expect(await history.duplicateOf(titles.next(), 'brand-1')).toBeNull();
  });
});

describe('ContentHistory.avoidancePrompt', () => {
  it("lists this brand's titles, then other brands' titles of the week, brand-less ones included, of the asked type only", async () => {
    await record('OWN REEL ABOUT GINGER AND DIGESTION', 'brand-1');
    await record('OWN POST ABOUT OATS AND ENERGY', 'brand-1', 'post');
    at(1 * DAY);
    await record('OTHER BRAND REEL ABOUT WALKING', 'brand-2');
    await record('BRANDLESS REEL ABOUT SAUNA NIGHTS', null);
    await record('OTHER BRAND POST ABOUT KEFIR', 'brand-2', 'post');
    at(2 * DAY);
    expect(await history.avoidancePrompt('brand-1', 'reel')).toBe(
      [
        'Titles already used for this brand (last 60 days; do not repeat or closely rephrase):',
        '- OWN REEL ABOUT GINGER AND DIGESTION',
        '',
        'Titles used by other brands this week (also avoid):',
        '- BRANDLESS REEL ABOUT SAUNA NIGHTS',
        '- OTHER BRAND REEL ABOUT WALKING',
      ].join('\n'),
    );
    expect(await history.avoidancePrompt('brand-1', 'post')).toBe(
      [
        'Titles already used for this brand (last 60 days; do not repeat or closely rephrase):',
        '- OWN POST ABOUT OATS AND ENERGY',
        '',
        'Titles used by other brands this week (also avoid):',
        '- OTHER BRAND POST ABOUT KEFIR',
      ].join('\n'),
    );
    // A week after they were written, the other brands' titles leave the list.
    at(8 * DAY + MINUTE);
    expect(await history.avoidancePrompt('brand-1', 'reel')).toBe(
      [
        'Titles already used for this brand (last 60 days; do not repeat or closely rephrase):',
        '- OWN REEL ABOUT GINGER AND DIGESTION',
      ].join('\n'),
    );
  });
});
