import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatherIntelligence } from '../../../src-main/core/proposals/intelligence';
import type { FakeAudience } from '../../fakes/fake-audience';
import type { FakeForeignMediaSeed } from '../../fakes/fake-meta-server';
import {
  BRAND,
  IG_ID,
  openPublishingHarness,
  type PublishingHarness,
} from '../../helpers/publishing-harness';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** The brand's own reel gets 60 likes an hour. */
const audience: FakeAudience = {
  post: (post, at) => {
    const hours = Math.max(0, Math.floor((at.getTime() - post.publishedAt.getTime()) / HOUR));
    return { views: 1000 * hours, reach: 800 * hours, likes: 60 * hours, comments: 5 * hours };
  },
  account: () => ({ followers: 900 }),
};

function media(
  id: string,
  likes: number,
  type: FakeForeignMediaSeed['mediaType'] = 'VIDEO',
): FakeForeignMediaSeed {
  return {
    id,
    caption: `Post ${id} #GutHealth #sleep`,
    mediaType: type,
    likeCount: likes,
    commentsCount: Math.round(likes / 20),
    timestamp: '2026-11-20T09:00:00Z',
  };
}

let h: PublishingHarness;

beforeAll(async () => {
  h = await openPublishingHarness({
    platforms: ['instagram'],
    meta: {
      audience,
      discovery: {
        hashtags: [
          {
            name: 'guthealth',
            topMedia: [media('18000000000000001', 900), media('18000000000000002', 400, 'IMAGE')],
          },
          { name: 'sleep', topMedia: [media('18000000000000003', 700), media('18000000000000001', 900)] },
          { name: 'healthandwellness', topMedia: [media('18000000000000004', 250)] },
        ],
        accounts: [
          {
            username: 'naturalhealinglab',
            followersCount: 120_000,
            media: [media('18100000000000001', 5000), media('18100000000000002', 150, 'CAROUSEL_ALBUM')],
          },
        ],
      },
    },
  });
});
afterAll(async () => {
  await h?.close();
});

const trendingRows = () =>
  h.query<Record<string, unknown>>('SELECT * FROM trending_content ORDER BY ig_media_id');

describe('scout lists through the contract', () => {
  it('derives hashtags from the niche until the creator sets a list, and shows the weekly budget', async () => {
    const initial = await h.t.call('scout.hashtags.list', { brandId: BRAND });
    expect(initial).toMatchObject({
      custom: null,
      defaults: ['healthandwellness', 'health', 'wellness', 'healthwellness'],
      effective: ['healthandwellness', 'health', 'wellness', 'healthwellness'],
      budget: {
        instagramAccountId: IG_ID,
        used: 0,
        limit: 30,
        windowDays: 7,
        counted: [],
        nextFreedAt: null,
      },
    });
    const set = await h.t.call('scout.hashtags.set', {
      brandId: BRAND,
      hashtags: ['#GutHealth', 'sleep', 'guthealth'],
    });
    expect(set.custom).toEqual(['guthealth', 'sleep']);
    expect(set.effective).toEqual(['guthealth', 'sleep']);
    const refused = await h.t.invoke('scout.hashtags.set', { brandId: BRAND, hashtags: ['gut health'] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('adds, lists and removes competitor accounts per brand', async () => {
    await h.t.call('scout.competitors.add', { brandId: BRAND, username: '@NaturalHealingLab' });
    await h.t.call('scout.competitors.add', { brandId: BRAND, username: 'naturalhealinglab' });
    const listed = await h.t.call('scout.competitors.add', { brandId: BRAND, username: 'private.person' });
    expect(listed.map((c) => c.username)).toEqual(['naturalhealinglab', 'private.person']);
    expect(listed[0]).toMatchObject({ itemsFound: 0, lastFoundAt: null });
    await h.t.call('scout.competitors.add', { brandId: BRAND, username: 'someone_else' });
    expect(
      (await h.t.call('scout.competitors.remove', { brandId: BRAND, username: '@someone_else' })).length,
    ).toBe(2);
    expect(
      await h.t.invoke('scout.competitors.remove', { brandId: BRAND, username: 'someone_else' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await h.t.invoke('scout.competitors.list', { brandId: 'no-such-brand' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});

describe('a scout run', () => {
  it('stores hashtag, competitor and own media once each, with the brand and how they were found', async () => {
    const rendered = await h.render({ variant: 'dark', title: 'THE MORNING HABIT THAT FIXES YOUR SLEEP' });
    await h.t.call('calendar.publishNow', { scheduleId: rendered.scheduleId });
    const reel = await h.publishUntilSettled(rendered.scheduleId);
    h.clock.advance(2 * HOUR);

    const summary = await h.t.call('scout.runNow', { brandId: BRAND });
    expect(summary.brands).toEqual([
      expect.objectContaining({
        brandId: BRAND,
        hashtagsSearched: ['guthealth', 'sleep'],
        competitorsScanned: ['naturalhealinglab'],
        hashtagItems: 3, // 18…001 found twice, stored once
        competitorItems: 2,
        ownItems: 1,
        skipped: null,
        stopped: null,
        errors: [expect.stringContaining('@private.person')],
      }),
    ]);
    expect(summary.newItems).toBe(6);
    const rows = trendingRows();
    expect(
      rows.map((r) => [r.ig_media_id, r.discovery_method, r.discovery_hashtag, r.source_account]),
    ).toEqual([
      [reel.targets[0]!.externalId, 'own_account', null, 'thehealthycollege'],
      ['18000000000000001', 'hashtag_search', 'guthealth', null],
      ['18000000000000002', 'hashtag_search', 'guthealth', null],
      ['18000000000000003', 'hashtag_search', 'sleep', null],
      ['18100000000000001', 'business_discovery', null, 'naturalhealinglab'],
      ['18100000000000002', 'business_discovery', null, 'naturalhealinglab'],
    ]);
    expect(rows.every((r) => r.brand_id === BRAND && r.used_for_proposal === 0)).toBe(true);
    expect(rows[1]).toMatchObject({
      media_type: 'VIDEO',
      like_count: 900,
      hashtags: '["guthealth","sleep"]',
    });
    // The own reel, two hours old: 2 × 60 likes from the audience.
    expect(rows[0]).toMatchObject({ media_type: 'VIDEO', like_count: 120 });
    // The two searches count against the account's 30 a week, in the app and at Instagram.
    expect(
      h.meta
        .hashtagSearches(IG_ID)
        .map((s) => s.hashtag)
        .sort(),
    ).toEqual(['guthealth', 'sleep']);
    expect((await h.t.call('scout.hashtags.list', { brandId: BRAND })).budget.used).toBe(2);
    const competitors = await h.t.call('scout.competitors.list', { brandId: BRAND });
    expect(competitors[0]).toMatchObject({ username: 'naturalhealinglab', itemsFound: 2 });
  });

  it('is what the agents read: unused trending videos by likes, and the brand’s own top posts', async () => {
    const intel = await gatherIntelligence(h.t.core.store.db, h.clock, 'toby', 'reel', BRAND);
    // Videos with ≥ 200 likes (the image, the album and the own reel's 120 are not among them).
    expect(intel.trending.map((t) => t.likes)).toEqual([5000, 900, 700]);
    expect(intel.ownTopPosts).toEqual([
      expect.objectContaining({ account: 'thehealthycollege', likes: 120 }),
    ]);
    const listed = await h.t.call('scout.trending', {
      brandId: BRAND,
      method: 'business_discovery',
      limit: 10,
    });
    expect(listed.map((t) => t.igMediaId).sort()).toEqual(['18100000000000001', '18100000000000002']);
  });

  it('a second run soon after adds nothing twice and spends no hashtag search', async () => {
    const before = h.meta.requests.filter((r) => r.endpoint === 'ig.hashtag_search').length;
    h.clock.advance(HOUR);
    const again = await h.t.call('scout.runNow', {});
    // naturalhealinglab had finds an hour ago; the refused account is tried (and refused) again.
    expect(again.brands[0]).toMatchObject({
      hashtagsSearched: [],
      competitorsScanned: [],
      errors: [expect.stringContaining('@private.person')],
    });
    expect(again.newItems).toBe(0);
    expect(trendingRows()).toHaveLength(6);
    expect(h.meta.requests.filter((r) => r.endpoint === 'ig.hashtag_search').length).toBe(before);
  });
});

describe('the 30-hashtag budget end to end', () => {
  it('never asks for a 31st unique hashtag in a week', async () => {
    // 28 more searched today (through the app's own account): 30 in all.
    const token = h.meta.requests.filter((r) => r.endpoint === 'ig.hashtag_search').at(-1)!.query
      .access_token!;
    const now = h.clock.now().toISOString();
    for (let n = 1; n <= 28; n++) {
      const answer = await fetch(
        `${h.meta.baseUrl}/v25.0/ig_hashtag_search?user_id=${IG_ID}&q=filler${n}&access_token=${token}`,
      );
      expect(answer.status).toBe(200);
      await h.t.core.store.db
        .insertInto('hashtag_searches')
        .values({ ig_user_id: IG_ID, hashtag: `filler${n}`, first_searched_at: now, last_searched_at: now })
        .execute();
    }
    await h.t.call('scout.hashtags.set', { brandId: BRAND, hashtags: ['longevity', 'hormones', 'sleep'] });
    h.clock.advance(DAY + HOUR);
    const run = await h.t.call('scout.runNow', { brandId: BRAND });
    // sleep was counted 2 days ago: free; longevity and hormones would be the 31st and 32nd.
    expect(run.brands[0]!.hashtagsSearched).toEqual(['sleep']);
    const refused = h.meta.requests.filter((r) => r.endpoint === 'ig.hashtag_search' && r.outcome !== 200);
    expect(refused).toHaveLength(0);
    expect((await h.t.call('scout.hashtags.list', { brandId: BRAND })).budget).toMatchObject({ used: 30 });
  });

  it('a refusal from Instagram (searches the app did not make) stops the scan; the rest waits', async () => {
    // The app's own records forget the fillers; Instagram has not.
    await h.t.core.store.db.deleteFrom('hashtag_searches').where('hashtag', 'like', 'filler%').execute();
    h.clock.advance(DAY + HOUR);
    const run = await h.t.call('scout.runNow', { brandId: BRAND });
    expect(run.brands[0]!.stopped).toMatch(/^rate limit: .*30 unique hashtags/);
    expect(run.brands[0]!.ownItems).toBe(0);
    const entries = await h.t.call('activity.list', { limit: 3 });
    expect(entries[0]).toMatchObject({
      action: 'Trend scan',
      detail: expect.stringContaining('stopped early'),
    });
  });
});

describe('the cold-start bootstrap', () => {
  it('ticks a few calls at a time, keeps its counters, and ends itself when mature', async () => {
    const bootstrap = h.t.core.learning.bootstrap;
    const status = await h.t.call('scout.bootstrap', {});
    expect(status).toMatchObject({ complete: false, startedAt: null, ticks: 0 });
    expect(status.maturity).toMatchObject({ own: 1, competitor: 2, hashtag: 3, total: 6, mature: false });

    const first = await bootstrap.tick(h.clock.now());
    expect(first).toMatchObject({ ran: true, complete: false });
    const after = await h.t.call('scout.bootstrap', {});
    expect(after).toMatchObject({
      ticks: 1,
      startedAt: h.clock.now().toISOString(),
      lastTickAt: h.clock.now().toISOString(),
    });
    const config = h.query<{ key: string; value: string }>(
      "SELECT key, value FROM maestro_config WHERE key LIKE '%bootstrap%' ORDER BY key",
    );
    expect(config.map((c) => c.key)).toEqual([
      'bootstrap_items_collected',
      'bootstrap_started_at',
      'bootstrap_ticks',
      'last_bootstrap_at',
    ]);

    // Fourteen days on, it ages out: the tick completes it, says so, and later ticks call nobody.
    h.clock.advance(14 * DAY);
    const last = await bootstrap.tick(h.clock.now());
    expect(last).toMatchObject({ ran: false, complete: true, note: expect.stringContaining('14 days') });
    const entries = await h.t.call('activity.list', { limit: 5 });
    expect(entries.some((e) => e.action === 'Bootstrap complete')).toBe(true);
    const before = h.meta.requests.length;
    expect(await bootstrap.tick(h.clock.now())).toMatchObject({ ran: false, complete: true });
    expect(h.meta.requests.length).toBe(before);
    expect((await h.t.call('scout.bootstrap', {})).complete).toBe(true);
  });
});
