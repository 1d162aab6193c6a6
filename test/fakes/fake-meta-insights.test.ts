import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeAudience } from './fake-audience';
import { fakeJpegBytes, fakeMp4Bytes, manualClock, type ManualClock } from './fake-http';
import { startFakeMediaHost, type FakeMediaHost } from './fake-media-host';
import { RETIRED_MEDIA_METRICS } from './fake-meta-insights';
import { startFakeMeta, type FakeMeta, type FakeMetaOptions } from './fake-meta-server';

const USER_TOKEN = 'fake-user-token';
const PAGE_TOKEN = 'fake-page-token';
const PAGE = '3000000000000001';
const IG = '17841400000000001';
const HOUR = 3600_000;
const CURRENT = 'views,reach,saved,shares,likes,comments,total_interactions';

/** Hours since publishing × fixed rates, nothing in the first hour; followers 500 + 10 per hour since 2026-03-10. */
const audience: FakeAudience = {
  post(post, at) {
    const hours = Math.floor((at.getTime() - post.publishedAt.getTime()) / HOUR);
    if (hours < 1) return null;
    return {
      views: 100 * hours,
      reach: 80 * hours,
      likes: 10 * hours,
      comments: 2 * hours,
      saves: 3 * hours,
      shares: hours,
    };
  },
  account(_account, at) {
    return { followers: 500 + 10 * Math.floor((at.getTime() - Date.parse('2026-03-10T00:00:00Z')) / HOUR) };
  },
};

/** A long-lived user token, so hours can pass. */
const users = [
  { id: '2000000000000001', name: 'Fake Owner', token: USER_TOKEN, tokenLifetime: 'long' as const },
];

let meta: FakeMeta;
let host: FakeMediaHost;
let clock: ManualClock;

async function start(options: FakeMetaOptions = {}) {
  await meta?.close();
  meta = await startFakeMeta({ now: clock.now, audience, users, ...options });
}

beforeEach(async () => {
  clock = manualClock('2026-03-10T12:00:00Z');
  host = await startFakeMediaHost();
  meta = await startFakeMeta({ now: clock.now, audience, users });
});

afterEach(async () => {
  await meta.close();
  await host.close();
});

async function graph(
  path: string,
  params: Record<string, string | number> = {},
  method: 'GET' | 'POST' = 'GET',
) {
  const search = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const response =
    method === 'GET'
      ? await fetch(`${meta.baseUrl}${path}?${search}`)
      : await fetch(`${meta.baseUrl}${path}`, {
          method,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: search.toString(),
        });
  return { status: response.status, body: (await response.json()) as any };
}

async function finish(containerId: string) {
  for (let i = 0; i < 5; i++) {
    const { body } = await graph(`/v25.0/${containerId}`, {
      fields: 'status_code',
      access_token: USER_TOKEN,
    });
    if (body.status_code !== 'IN_PROGRESS') return;
  }
}

async function publishReel(caption = 'A reel #health'): Promise<string> {
  const created = await graph(
    `/v25.0/${IG}/media`,
    { media_type: 'REELS', upload_type: 'resumable', caption, access_token: USER_TOKEN },
    'POST',
  );
  const video = fakeMp4Bytes({ size: 5000 });
  await fetch(created.body.uri, {
    method: 'POST',
    headers: { authorization: `OAuth ${USER_TOKEN}`, offset: '0', file_size: String(video.length) },
    body: new Uint8Array(video),
  });
  await finish(created.body.id);
  const published = await graph(
    `/v25.0/${IG}/media_publish`,
    { creation_id: created.body.id, access_token: USER_TOKEN },
    'POST',
  );
  return published.body.id;
}

async function publishAlbum(): Promise<{ albumId: string; childIds: string[] }> {
  const children: string[] = [];
  for (const n of [1, 2]) {
    const url = host.put(`/slide-${n}.jpg`, fakeJpegBytes(1000 + n), 'image/jpeg');
    const child = await graph(
      `/v25.0/${IG}/media`,
      { image_url: url, is_carousel_item: 'true', access_token: USER_TOKEN },
      'POST',
    );
    await finish(child.body.id);
    children.push(child.body.id);
  }
  const parent = await graph(
    `/v25.0/${IG}/media`,
    { media_type: 'CAROUSEL', children: children.join(','), caption: 'Slides', access_token: USER_TOKEN },
    'POST',
  );
  await finish(parent.body.id);
  const published = await graph(
    `/v25.0/${IG}/media_publish`,
    { creation_id: parent.body.id, access_token: USER_TOKEN },
    'POST',
  );
  const album = meta.publishedInstagram(IG).find((m) => m.id === published.body.id)!;
  return { albumId: album.id, childIds: album.children.map((c) => c.id) };
}

function expectCode(answer: { status: number; body: any }, code: number) {
  expect(answer.status).toBe(400);
  expect(answer.body.error).toMatchObject({ code, fbtrace_id: expect.any(String) });
}

describe('fake Meta: Instagram media insights', () => {
  it('reports the current metrics from the audience, and the media fields agree', async () => {
    const id = await publishReel();
    clock.advance(3 * HOUR);
    const insights = await graph(`/v25.0/${id}/insights`, { metric: CURRENT, access_token: USER_TOKEN });
    expect(insights.status).toBe(200);
    const values = Object.fromEntries(insights.body.data.map((d: any) => [d.name, d.values[0].value]));
    expect(values).toEqual({
      views: 300,
      reach: 240,
      saved: 9,
      shares: 3,
      likes: 30,
      comments: 6,
      total_interactions: 30 + 6 + 3 + 9,
    });
    expect(insights.body.data[0]).toMatchObject({
      name: 'views',
      period: 'lifetime',
      id: `${id}/insights/views/lifetime`,
    });
    const fields = await graph(`/v25.0/${id}`, {
      fields: 'like_count,comments_count,media_product_type',
      access_token: USER_TOKEN,
    });
    expect(fields.body).toEqual({ like_count: 30, comments_count: 6, media_product_type: 'REELS' });
  });

  it.each(RETIRED_MEDIA_METRICS.filter((m) => ['plays', 'impressions', 'video_views'].includes(m)))(
    'refuses the WHOLE request with code 100 when it names the retired "%s"',
    async (retired) => {
      const id = await publishReel();
      clock.advance(3 * HOUR);
      const answer = await graph(`/v25.0/${id}/insights`, {
        metric: `views,reach,${retired},likes`,
        access_token: USER_TOKEN,
      });
      expectCode(answer, 100);
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.error.message).toMatch(/metric\[2\] must be one of the following values/);
    },
  );

  it('refuses a metric the media type does not offer, and an empty metric list', async () => {
    const id = await publishReel();
    expectCode(
      await graph(`/v25.0/${id}/insights`, { metric: 'views,profile_visits', access_token: USER_TOKEN }),
      100,
    );
    expectCode(await graph(`/v25.0/${id}/insights`, { access_token: USER_TOKEN }), 100);
  });

  it('answers {"data":[]} while the audience has no data yet', async () => {
    const id = await publishReel();
    const answer = await graph(`/v25.0/${id}/insights`, { metric: CURRENT, access_token: USER_TOKEN });
    expect(answer).toEqual({ status: 200, body: { data: [] } });
  });

  it('has insights for an album, none for the media inside it', async () => {
    const { albumId, childIds } = await publishAlbum();
    clock.advance(2 * HOUR);
    const album = await graph(`/v25.0/${albumId}/insights`, { metric: CURRENT, access_token: USER_TOKEN });
    expect(album.body.data).toHaveLength(7);
    const child = await graph(`/v25.0/${childIds[0]}/insights`, {
      metric: 'reach',
      access_token: USER_TOKEN,
    });
    expectCode(child, 100);
    expect(child.body.error.message).toContain('carousel album');
  });

  it('needs the insights permission', async () => {
    await start({
      users: [
        {
          id: '2000000000000001',
          name: 'No insights',
          token: USER_TOKEN,
          scopes: ['instagram_basic', 'instagram_content_publish', 'pages_show_list'],
        },
      ],
    });
    const id = await publishReel();
    expectCode(await graph(`/v25.0/${id}/insights`, { metric: 'views', access_token: USER_TOKEN }), 10);
  });
});

describe('fake Meta: account insights and followers', () => {
  it('totals the account posts’ growth over [since, until] and reports followers from the audience', async () => {
    const first = await publishReel('one');
    clock.advance(HOUR);
    await publishReel('two');
    clock.advance(4 * HOUR); // first is 5 h old, second 4 h
    const until = Math.floor(clock.now().getTime() / 1000);
    const answer = await graph(`/v25.0/${IG}/insights`, {
      metric: 'reach,views,likes',
      period: 'day',
      metric_type: 'total_value',
      since: until - 7 * 86400,
      until,
      access_token: USER_TOKEN,
    });
    expect(answer.status).toBe(200);
    const totals = Object.fromEntries(answer.body.data.map((d: any) => [d.name, d.total_value.value]));
    expect(totals).toEqual({ reach: 80 * 9, views: 100 * 9, likes: 10 * 9 });
    expect(first).toBeTruthy();
    const account = await graph(`/v25.0/${IG}`, {
      fields: 'followers_count,media_count',
      access_token: USER_TOKEN,
    });
    expect(account.body).toEqual({ followers_count: 500 + 10 * 17, media_count: 2 });
    const page = await graph(`/v25.0/${PAGE}`, {
      fields: 'followers_count,fan_count',
      access_token: PAGE_TOKEN,
    });
    expect(page.body).toEqual({ followers_count: 670, fan_count: 670 });
  });

  it('refuses retired account metrics, views without total_value, and windows over 30 days', async () => {
    const base = { period: 'day', metric_type: 'total_value', access_token: USER_TOKEN };
    expectCode(await graph(`/v25.0/${IG}/insights`, { ...base, metric: 'impressions,reach' }), 100);
    expectCode(
      await graph(`/v25.0/${IG}/insights`, { metric: 'views', period: 'day', access_token: USER_TOKEN }),
      100,
    );
    const until = Math.floor(clock.now().getTime() / 1000);
    expectCode(
      await graph(`/v25.0/${IG}/insights`, { ...base, metric: 'reach', since: until - 31 * 86400, until }),
      100,
    );
  });
});

describe('fake Meta: hashtag search', () => {
  const search = (q: string) =>
    graph('/v25.0/ig_hashtag_search', { user_id: IG, q, access_token: USER_TOKEN });

  it('allows 30 unique hashtags per account per rolling 7 days; the 31st is refused; counted ones stay free', async () => {
    await start({ ruleErrors: { hashtagLimitReached: { code: 24, subcode: 2207099 } } });
    for (let n = 1; n <= 30; n++) {
      expect((await search(`tag${n}`)).status).toBe(200);
      clock.advance(HOUR);
    }
    const refused = await search('tag31');
    expectCode(refused, 24);
    expect(refused.body.error.error_subcode).toBe(2207099);
    // Re-querying a counted tag is free, in any case, and does not restart its timer.
    expect((await search('TAG1')).status).toBe(200);
    expect(meta.hashtagSearches(IG)).toHaveLength(30);
    // 7 days after tag1's first search it leaves the window: one slot frees.
    clock.set(new Date(Date.parse('2026-03-17T12:00:00Z')));
    expect((await search('tag31')).status).toBe(200);
    expectCode(await search('tag32'), 24);
  });

  it('returns a stable id, and the top media seeded for it without their owner', async () => {
    meta.seedHashtag({
      name: 'GutHealth',
      topMedia: [
        {
          id: '18000000000000001',
          caption: 'Fibre first #guthealth',
          mediaType: 'VIDEO',
          likeCount: 900,
          commentsCount: 40,
          timestamp: '2026-03-09T08:00:00Z',
        },
        {
          id: '18000000000000002',
          caption: 'Kefir',
          mediaType: 'IMAGE',
          likeCount: 300,
          commentsCount: 5,
          timestamp: '2026-03-08T08:00:00Z',
        },
      ],
    });
    const found = await search('guthealth');
    const id = found.body.data[0].id;
    expect((await search('guthealth')).body.data[0].id).toBe(id);
    const top = await graph(`/v25.0/${id}/top_media`, {
      user_id: IG,
      fields: 'id,caption,media_type,like_count,comments_count,timestamp',
      limit: 1,
      access_token: USER_TOKEN,
    });
    expect(top.body.data).toEqual([
      {
        id: '18000000000000001',
        caption: 'Fibre first #guthealth',
        media_type: 'VIDEO',
        like_count: 900,
        comments_count: 40,
        timestamp: '2026-03-09T08:00:00+0000',
      },
    ]);
    expect(top.body.paging.next).toContain('after=');
    expectCode(await graph(`/v25.0/${id}/top_media`, { fields: 'id', access_token: USER_TOKEN }), 100);
    expectCode(
      await graph(`/v25.0/${id}/top_media`, { user_id: IG, fields: 'id,username', access_token: USER_TOKEN }),
      100,
    );
    const named = await graph(`/v25.0/${id}`, { fields: 'id,name', access_token: USER_TOKEN });
    expect(named.body).toEqual({ id, name: 'guthealth' });
  });

  it('refuses emoji, spaces and a missing user_id', async () => {
    expectCode(await search('gut health'), 100);
    expectCode(await search('🌱'), 100);
    expectCode(await graph('/v25.0/ig_hashtag_search', { q: 'health', access_token: USER_TOKEN }), 100);
  });
});

describe('fake Meta: business discovery', () => {
  it('finds a seeded professional account and the fake’s own, and refuses anyone else', async () => {
    meta.seedBusinessAccount({
      username: 'naturalhealinglab',
      followersCount: 120_000,
      media: [
        {
          id: '18100000000000001',
          caption: 'Sleep stack',
          mediaType: 'VIDEO',
          likeCount: 5000,
          commentsCount: 120,
          timestamp: '2026-03-09T10:00:00Z',
        },
        {
          id: '18100000000000002',
          caption: 'Magnesium',
          mediaType: 'CAROUSEL_ALBUM',
          likeCount: 2000,
          commentsCount: 30,
          timestamp: '2026-03-08T10:00:00Z',
        },
      ],
    });
    const fields = (username: string) =>
      `business_discovery.username(${username}){followers_count,media_count,media.limit(1){id,caption,like_count,comments_count,timestamp,media_type}}`;
    const seeded = await graph(`/v25.0/${IG}`, {
      fields: fields('naturalhealinglab'),
      access_token: USER_TOKEN,
    });
    expect(seeded.body.business_discovery).toEqual({
      followers_count: 120_000,
      media_count: 2,
      media: {
        data: [
          {
            id: '18100000000000001',
            caption: 'Sleep stack',
            like_count: 5000,
            comments_count: 120,
            timestamp: '2026-03-09T10:00:00+0000',
            media_type: 'VIDEO',
          },
        ],
      },
    });
    const reel = await publishReel('Own reel');
    clock.advance(2 * HOUR);
    const own = await graph(`/v25.0/${IG}`, { fields: fields('fake_brand'), access_token: USER_TOKEN });
    expect(own.body.business_discovery.media.data).toEqual([
      expect.objectContaining({
        id: reel,
        caption: 'Own reel',
        like_count: 20,
        comments_count: 4,
        media_type: 'VIDEO',
      }),
    ]);
    const unknown = await graph(`/v25.0/${IG}`, {
      fields: fields('someone_private'),
      access_token: USER_TOKEN,
    });
    expectCode(unknown, 110);
    expect(unknown.body.error.error_subcode).toBe(2207013);
  });
});

describe('fake Meta: Facebook reels and posts', () => {
  async function publishFacebookReel(): Promise<string> {
    const started = await graph(
      `/v25.0/${PAGE}/video_reels`,
      { upload_phase: 'start', access_token: PAGE_TOKEN },
      'POST',
    );
    const video = fakeMp4Bytes({ size: 4000 });
    await fetch(started.body.upload_url, {
      method: 'POST',
      headers: { authorization: `OAuth ${PAGE_TOKEN}`, offset: '0', file_size: String(video.length) },
      body: new Uint8Array(video),
    });
    for (let i = 0; i < 3; i++)
      await graph(`/v25.0/${started.body.video_id}`, { fields: 'status', access_token: PAGE_TOKEN });
    await graph(
      `/v25.0/${PAGE}/video_reels`,
      {
        upload_phase: 'finish',
        video_id: started.body.video_id,
        video_state: 'PUBLISHED',
        description: 'FB reel',
        access_token: PAGE_TOKEN,
      },
      'POST',
    );
    return started.body.video_id;
  }

  it('reports reel insights from the audience and refuses unknown metric names', async () => {
    const id = await publishFacebookReel();
    const early = await graph(`/v25.0/${id}/video_insights`, {
      metric: 'blue_reels_play_count',
      access_token: PAGE_TOKEN,
    });
    expect(early.body).toEqual({ data: [] });
    clock.advance(2 * HOUR);
    const answer = await graph(`/v25.0/${id}/video_insights`, {
      metric:
        'blue_reels_play_count,post_impressions_unique,post_video_likes_by_reaction_type,post_video_social_actions',
      access_token: PAGE_TOKEN,
    });
    expect(answer.body.data.map((d: any) => [d.name, d.values[0].value])).toEqual([
      ['blue_reels_play_count', 200],
      ['post_impressions_unique', 160],
      ['post_video_likes_by_reaction_type', { REACTION_LIKE: 20 }],
      ['post_video_social_actions', { SHARE: 2, COMMENT: 4 }],
    ]);
    expectCode(
      await graph(`/v25.0/${id}/video_insights`, {
        metric: 'total_video_impressions_fake',
        access_token: PAGE_TOKEN,
      }),
      100,
    );
  });

  it('counts a feed post’s likes, comments and shares', async () => {
    const post = await graph(`/v25.0/${PAGE}/feed`, { message: 'Slides', access_token: PAGE_TOKEN }, 'POST');
    clock.advance(3 * HOUR);
    const counts = await graph(`/v25.0/${post.body.id}`, {
      fields: 'likes.summary(true),comments.summary(true),shares',
      access_token: PAGE_TOKEN,
    });
    expect(counts.body).toEqual({
      likes: { data: [], summary: { total_count: 30 } },
      comments: { data: [], summary: { total_count: 6, order: 'ranked', can_comment: true } },
      shares: { count: 3 },
    });
  });
});
