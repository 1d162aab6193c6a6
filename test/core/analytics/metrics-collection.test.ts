import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsDefaults } from '../../../src-main/core/analytics/defaults';
import { performanceScore, relativeScore } from '../../../src-main/core/analytics/performance-score';
import type { CalendarItem } from '../../../src-main/core/contract/publishing';
import type { FakeAudience } from '../../fakes/fake-audience';
import { googleFailure } from '../../fakes/fake-google-server';
import { metaFailure } from '../../fakes/fake-meta-server';
import {
  BRAND,
  IG_ID,
  openPublishingHarness,
  type PublishingHarness,
} from '../../helpers/publishing-harness';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * Whole hours since publishing × fixed rates (× 2 when the caption or title says TWICE), nothing
 * in the first hour; YouTube reports no reach. 1,234 followers everywhere.
 */
const audience: FakeAudience = {
  post(post, at) {
    const hours = Math.floor((at.getTime() - post.publishedAt.getTime()) / HOUR);
    if (hours < 1) return null;
    const k = /TWICE/i.test(`${post.caption} ${post.title ?? ''}`) ? 2 : 1;
    return {
      views: 100 * hours * k,
      reach: post.platform === 'youtube' ? 0 : 80 * hours * k,
      likes: 10 * hours * k,
      comments: 2 * hours * k,
      saves: post.platform === 'instagram' ? 3 * hours * k : 0,
      shares: hours * k,
    };
  },
  account: () => ({ followers: 1234 }),
};

async function publish(
  h: PublishingHarness,
  variant: 'dark' | 'light' | 'post',
  title: string,
): Promise<CalendarItem> {
  const item = await h.render({ variant, title });
  await h.t.call('calendar.publishNow', { scheduleId: item.scheduleId });
  return h.publishUntilSettled(item.scheduleId);
}

/** The newest publish time among the harness's published targets. */
function lastPublishedAt(h: PublishingHarness): number {
  const [row] = h.query<{ at: string }>(
    "SELECT max(published_at) AS at FROM publish_targets WHERE status = 'published'",
  );
  return Date.parse(row!.at);
}

function collect(h: PublishingHarness) {
  return h.t.core.learning.metrics.collectDue(h.clock.now());
}

/** Reads of single posts (not the brand snapshots' account reads). */
const postReads = (h: PublishingHarness) =>
  h.meta.requests.filter((r) =>
    ['ig.media.get', 'ig.media.insights', 'fb.video.insights', 'fb.post.get'].includes(r.endpoint ?? ''),
  ).length;

describe('metrics through the fake Graph and YouTube servers', () => {
  let h: PublishingHarness;
  let reel: CalendarItem;
  let carousel: CalendarItem;
  let published: number;

  beforeAll(async () => {
    h = await openPublishingHarness({
      meta: { audience },
      google: { audience },
      mediaHost: true,
      platforms: ['instagram', 'facebook', 'youtube'],
    });
    reel = await publish(h, 'dark', 'WHY MAGNESIUM CHANGES YOUR SLEEP');
    carousel = await publish(h, 'post', 'THE EVENING HABITS THAT PROTECT YOUR SLEEP');
    // The reel came from a proposal of Toby's: the job points at it, as the acceptance flow writes.
    const now = h.clock.now().toISOString();
    await h.t.core.store.db
      .insertInto('proposals')
      .values({
        proposal_id: 'TOBY-000101',
        agent_id: 'toby',
        brand_id: BRAND,
        content_type: 'reel',
        status: 'accepted',
        variant: 'dark',
        strategy: 'double_down',
        reasoning: 'Magnesium did well last week.',
        title: reel.title,
        topic_bucket: 'sleep',
        examiner_score: 7.4,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await h.t.core.store.db
      .updateTable('generation_jobs')
      .set({ proposal_id: 'TOBY-000101' })
      .where('job_id', '=', reel.jobId)
      .execute();
    published = lastPublishedAt(h);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('published: a reel on all three platforms, a carousel on Instagram and Facebook', () => {
    expect(reel.targets.map((t) => [t.platform, t.status])).toEqual([
      ['instagram', 'published'],
      ['facebook', 'published'],
      ['youtube', 'published'],
    ]);
    expect(carousel.targets.map((t) => [t.platform, t.status])).toEqual([
      ['instagram', 'published'],
      ['facebook', 'published'],
    ]);
  });

  it('takes nothing in the first hour, then the 1 h stamp of each post on each platform, once', async () => {
    const early = await collect(h);
    expect(early).toMatchObject({ snapshotsTaken: 0, stopped: [], errors: [] });
    expect(early.brandSnapshots).toBe(3);

    h.clock.set(new Date(published + HOUR));
    const first = await collect(h);
    expect(first).toMatchObject({ snapshotsTaken: 5, noDataYet: 0, stopped: [], errors: [] });
    const again = await collect(h);
    expect(again.snapshotsTaken).toBe(0);
    expect(h.query('SELECT * FROM metric_snapshots')).toHaveLength(5);

    const rows = h.query<Record<string, unknown>>(
      'SELECT * FROM post_performance ORDER BY platform, content_type DESC',
    );
    const byKey = Object.fromEntries(rows.map((r) => [`${r.platform} ${r.content_type}`, r]));
    const igReel = byKey['instagram reel']!;
    expect(igReel).toMatchObject({
      media_id: reel.targets[0]!.externalId,
      schedule_id: reel.scheduleId,
      brand_id: BRAND,
      proposal_id: 'TOBY-000101',
      agent_id: 'toby',
      strategy: 'double_down',
      examiner_score: 7.4,
      topic_bucket: 'sleep',
      title: reel.title,
      caption: reel.caption,
      views: 100,
      reach: 80,
      likes: 10,
      comments: 2,
      saves: 3,
      shares: 1,
      total_interactions: 16,
      engagement_rate: 20,
      performance_score: 31.6,
      relative_score: 50,
      percentile_rank: 50,
      metrics_1h_at: new Date(published + HOUR).toISOString(),
      metrics_6h_at: null,
    });
    expect(byKey['facebook reel']).toMatchObject({
      views: 100,
      reach: 80,
      likes: 10,
      comments: 2,
      shares: 1,
      saves: 0,
    });
    expect(byKey['youtube reel']).toMatchObject({
      media_id: reel.targets[2]!.externalId,
      views: 100,
      reach: 0,
      likes: 10,
      comments: 2,
      agent_id: 'toby',
      // Engagement against views where YouTube reports no reach: 12/100.
      engagement_rate: 12,
      performance_score: performanceScore({
        views: 100,
        reach: 0,
        likes: 10,
        comments: 2,
        saves: 0,
        shares: 0,
      }),
    });
    expect(byKey['instagram post']).toMatchObject({ content_type: 'post', views: 100, agent_id: null });
    // A Facebook feed post has counters, not insights.
    expect(byKey['facebook post']).toMatchObject({ views: 0, likes: 10, comments: 2, shares: 1 });
  });

  it('asks Instagram only for current metric names, never plays, impressions or video_views', () => {
    const insights = h.meta.requests.filter((r) => r.endpoint === 'ig.media.insights');
    expect(insights.length).toBeGreaterThanOrEqual(2);
    for (const request of insights) {
      expect(request.query.metric!.split(',')).toEqual(analyticsDefaults.instagramMediaMetrics);
      expect(request.outcome).toBe(200);
    }
    const everything = h.meta.requests.map((r) => `${r.path}?${r.rawQuery}`).join('\n');
    expect(everything).not.toMatch(/[=,](plays|impressions|video_views)(,|&|$)/m);
  });

  it('records every read in api_usage', () => {
    const usage = h.query<{ service: string; operation: string; n: number }>(
      "SELECT service, operation, count(*) AS n FROM api_usage WHERE operation LIKE 'analytics.%' GROUP BY service, operation ORDER BY service, operation",
    );
    expect(usage.map((u) => `${u.service} ${u.operation}`)).toEqual([
      'facebook analytics.page',
      'facebook analytics.post_counts',
      'facebook analytics.reel_insights',
      'instagram analytics.account',
      'instagram analytics.account_insights',
      'instagram analytics.insights',
      'instagram analytics.media',
      'youtube analytics.channels.list',
      'youtube analytics.videos.list',
    ]);
    // One videos.list for the one video, however many stamps were asked of it so far.
    expect(usage.find((u) => u.operation === 'analytics.videos.list')!.n).toBe(1);
  });

  it('a late run takes the stamp its window holds, once, and the missed ones stay missing', async () => {
    h.clock.set(new Date(published + 50 * HOUR));
    expect((await collect(h)).snapshotsTaken).toBe(5);
    expect((await collect(h)).snapshotsTaken).toBe(0);
    const stamps = h.query<{ stamp: string }>(
      'SELECT stamp FROM metric_snapshots WHERE media_id = ? ORDER BY id',
      reel.targets[0]!.externalId,
    );
    expect(stamps.map((s) => s.stamp)).toEqual(['1h', '48h']);
    const [row] = h.query<Record<string, unknown>>(
      "SELECT * FROM post_performance WHERE platform = 'instagram' AND content_type = 'reel'",
    );
    expect(row).toMatchObject({ metrics_6h_at: null, metrics_24h_at: null, views: 5000, likes: 500 });
    expect(row!.metrics_48h_at).toBe(new Date(published + 50 * HOUR).toISOString());

    h.clock.set(new Date(published + 7 * DAY + HOUR));
    expect((await collect(h)).snapshotsTaken).toBe(5);
    // A fortnight on, every window has closed: no stamp is due and no post is read.
    h.clock.set(new Date(published + 15 * DAY));
    const before = postReads(h);
    const done = await collect(h);
    expect(done.snapshotsTaken).toBe(0);
    expect(postReads(h)).toBe(before);
    expect(
      h.query<{ stamp: string }>(
        'SELECT stamp FROM metric_snapshots WHERE media_id = ? ORDER BY id',
        reel.targets[2]!.externalId,
      ),
    ).toEqual([{ stamp: '1h' }, { stamp: '48h' }, { stamp: '7d' }]);
  });

  it('keeps brand snapshots and shows them, with the posts and who made them, in analytics.brand', async () => {
    const brands = h.query<{ platform: string; followers_count: number; extra_metrics: string }>(
      'SELECT platform, followers_count, extra_metrics FROM brand_analytics ORDER BY platform',
    );
    expect(brands.map((b) => [b.platform, b.followers_count])).toEqual([
      ['facebook', 1234],
      ['instagram', 1234],
      ['youtube', 1234],
    ]);
    expect(JSON.parse(brands[1]!.extra_metrics)).toMatchObject({
      basis: 'account_insights',
      username: 'thehealthycollege',
    });
    const view = await h.t.call('analytics.brand', { brandId: BRAND, days: 30 });
    expect(view.current.map((c) => [c.platform, c.followers, c.basis])).toEqual([
      ['facebook', 1234, 'own_recent_posts'],
      ['instagram', 1234, 'account_insights'],
      ['youtube', 1234, 'own_recent_posts'],
    ]);
    expect(view.followers.length).toBeGreaterThanOrEqual(3);
    expect(view.followers[0]).toEqual({
      day: expect.any(String),
      instagram: 1234,
      facebook: 1234,
      youtube: 1234,
    });
    const igNow = view.current.find((c) => c.platform === 'instagram')!;
    // The last 7 days of two Instagram posts growing 100 views and 80 reach an hour: 2 × 168 h.
    expect(igNow).toMatchObject({ viewsLast7Days: 2 * 100 * 168, reachLast7Days: 2 * 80 * 168 });
    expect(view.totals.posts).toBe(5);
    expect(view.topPosts.length + view.bottomPosts.length).toBe(5);
    const tobys = [...view.topPosts, ...view.bottomPosts].filter((p) => p.agentId === 'toby');
    expect(tobys).toHaveLength(3);
    expect(tobys[0]).toMatchObject({
      agentName: 'Toby',
      strategy: 'double_down',
      examinerScore: 7.4,
      lastStamp: '7d',
    });
    expect(view.bestHours.reduce((n, b) => n + b.posts, 0)).toBe(5);
    expect(view.engagement.reduce((n, d) => n + d.posts, 0)).toBe(5);

    const detail = await h.t.call('analytics.post', {
      platform: 'instagram',
      mediaId: reel.targets[0]!.externalId!,
    });
    expect(detail.snapshots.map((s) => [s.stamp, s.views])).toEqual([
      ['1h', 100],
      ['48h', 5000],
      ['7d', 16900],
    ]);
    expect((await h.t.invoke('analytics.brand', { brandId: 'no-such-brand' })).ok).toBe(false);
  });
});

describe('limits and refusals while collecting', () => {
  let h: PublishingHarness;
  let reels: CalendarItem[];

  beforeAll(async () => {
    h = await openPublishingHarness({ meta: { audience }, platforms: ['instagram'] });
    reels = [];
    for (const title of [
      'ONE HABIT FOR BETTER SLEEP',
      'TWICE THE SLEEP IN HALF THE TIME',
      'THREE FOODS FOR SLEEP',
    ]) {
      reels.push(await publish(h, 'dark', title));
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a rate limit mid-run stops Instagram for this run, makes no further call there, and the next run takes the rest', async () => {
    h.clock.set(new Date(Date.parse(reels[2]!.targets[0]!.publishedAt!) + HOUR));
    let insightsCalls = 0;
    h.meta.failNext(
      (r) => r.endpoint === 'ig.media.insights' && ++insightsCalls === 2,
      1,
      metaFailure.instagramBucRateLimit(IG_ID),
    );
    const before = h.meta.requests.length;
    const first = await collect(h);
    expect(first.snapshotsTaken).toBe(1);
    expect(first.stopped).toEqual([
      expect.objectContaining({
        brandId: BRAND,
        platform: 'instagram',
        reason: 'rate_limit',
        leftForLater: 2,
      }),
    ]);
    // The refused call was the last to Instagram: no further read there, no Instagram snapshot.
    const sent = h.meta.requests.slice(before).filter((r) => r.endpoint?.startsWith('ig.'));
    expect(sent.at(-1)!.endpoint).toBe('ig.media.insights');
    expect(sent.at(-1)!.outcome).toBe(400);
    expect(first.brandSnapshots).toBe(1); // Facebook's, whose connection came with Instagram's
    const paused = await h.t.call('activity.list', { limit: 5 });
    expect(
      paused.some((e) => e.action === 'Metrics paused' && e.detail.includes('2 measurement(s) wait')),
    ).toBe(true);

    const second = await collect(h);
    expect(second).toMatchObject({ snapshotsTaken: 2, stopped: [] });
    expect((await collect(h)).snapshotsTaken).toBe(0);
    const stamps = h.query<{ media_id: string; stamp: string }>(
      'SELECT media_id, stamp FROM metric_snapshots',
    );
    expect(stamps).toHaveLength(3);
    expect(new Set(stamps.map((s) => s.media_id)).size).toBe(3);
  });

  it('scores each post against the brand’s earlier posts at the same stamp', () => {
    const rows = h.query<{
      media_id: string;
      views: number;
      relative_score: number;
      percentile_rank: number;
    }>(
      "SELECT media_id, views, relative_score, percentile_rank FROM post_performance WHERE platform = 'instagram' ORDER BY published_at",
    );
    const once = { views: 100, reach: 80, likes: 10, comments: 2, saves: 3, shares: 1 };
    const twice = { views: 200, reach: 160, likes: 20, comments: 4, saves: 6, shares: 2 };
    expect(rows.map((r) => r.views)).toEqual([100, 200, 100]);
    expect(rows.map((r) => r.relative_score)).toEqual([
      50,
      relativeScore(twice, [once]),
      relativeScore(once, [once, twice]),
    ]);
    expect(rows[1]!.relative_score).toBeGreaterThan(60);
    expect(rows[2]!.relative_score).toBeLessThan(50);
    expect(rows.map((r) => r.percentile_rank)).toEqual([50, 83.3, 16.7]);
  });

  it('a refused token expires the connection; an expired connection is skipped without a call', async () => {
    h.clock.set(new Date(Date.parse(reels[2]!.targets[0]!.publishedAt!) + 6 * HOUR));
    const token = h.meta.requests.filter((r) => r.endpoint === 'ig.media.insights').at(-1)!.query
      .access_token!;
    h.meta.revokeToken(token);
    const refused = await collect(h);
    expect(refused.stopped).toEqual([
      expect.objectContaining({ platform: 'instagram', reason: 'connection_expired', leftForLater: 3 }),
    ]);
    const connection = (await h.t.call('connections.list', { brandId: BRAND })).find(
      (c) => c.platform === 'instagram',
    );
    expect(connection?.status).toBe('expired');

    const before = h.meta.requests.length;
    const skipped = await collect(h);
    expect(skipped.stopped).toEqual([
      expect.objectContaining({ platform: 'instagram', reason: 'connection_expired', leftForLater: 3 }),
    ]);
    expect(skipped.snapshotsTaken).toBe(0);
    expect(h.meta.requests.length).toBe(before);
  });
});

describe('YouTube quota while collecting', () => {
  let h: PublishingHarness;
  let reel: CalendarItem;

  beforeAll(async () => {
    h = await openPublishingHarness({ meta: { audience }, google: { audience }, platforms: ['youtube'] });
    reel = await publish(h, 'light', 'HOW WALKING AFTER MEALS CHANGES YOUR ENERGY');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps to its share of the day’s quota, then reads again after midnight Pacific', async () => {
    const publishedAt = Date.parse(reel.targets[0]!.publishedAt!);
    h.clock.set(new Date(publishedAt + HOUR));
    // As if the collector had already spent today's share.
    const spentAt = h.clock.now().toISOString();
    await h.t.core.store.db
      .insertInto('api_usage')
      .values(
        Array.from({ length: analyticsDefaults.youtubeUnitsPerDay }, () => ({
          service: 'youtube',
          operation: 'analytics.videos.list',
          model: null,
          agent_id: null,
          outcome: 'ok',
          error: null,
          created_at: spentAt,
        })),
      )
      .execute();
    const lists = () => h.google!.requests.filter((r) => r.endpoint === 'youtube.videos.list').length;
    const before = lists();
    const held = await collect(h);
    expect(held.stopped).toEqual([
      expect.objectContaining({ platform: 'youtube', reason: 'quota', leftForLater: 1 }),
    ]);
    expect(lists()).toBe(before);

    // The share resets at midnight Pacific (08:00Z); by then the 1 h window has closed, so the
    // next day's run takes the 24 h stamp.
    h.clock.set(new Date(publishedAt + 25 * HOUR));
    const next = await collect(h);
    expect(next).toMatchObject({ snapshotsTaken: 1, stopped: [] });
    expect(h.query<{ stamp: string }>('SELECT stamp FROM metric_snapshots')).toEqual([{ stamp: '24h' }]);
  });

  it('YouTube’s own quotaExceeded stops YouTube for the run', async () => {
    h.clock.set(new Date(Date.parse(reel.targets[0]!.publishedAt!) + 49 * HOUR));
    h.google!.failNext('youtube.videos.list', 1, googleFailure.quotaExceeded());
    const stopped = await collect(h);
    expect(stopped.stopped).toEqual([
      expect.objectContaining({ platform: 'youtube', reason: 'quota', leftForLater: 1 }),
    ]);
    expect((await collect(h)).snapshotsTaken).toBe(1);
  });
});
