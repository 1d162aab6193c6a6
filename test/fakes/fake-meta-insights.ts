/**
 * What Meta reports back (reference §3, §7 items 6–7): Instagram media insights with the metric
 * set each media type offers, where one unknown or retired name (`plays`, `impressions`,
 * `video_views`…) fails the whole request with code 100; no insights for media inside an album;
 * `{"data":[]}` when there is no data; account insights; hashtag search with 30 unique hashtags
 * per account per rolling 7 days (the 31st is refused, re-querying a counted one is free and
 * does not restart its timer); top and recent media of a hashtag; business discovery (served by
 * the IG user node's `business_discovery` field, see fake-meta-instagram.ts); Facebook reel
 * insights. Every number comes from the world's audience (fake-audience.ts).
 */
import { metricsBetween, wholeMetrics, type AudienceMetrics, type AudiencePost } from './fake-audience';
import { authorize } from './fake-meta-instagram';
import type { MetaCall, MetaRoute, MetaWorld } from './fake-meta-server';
import {
  graphTime,
  MetaError,
  pageOf,
  parseFields,
  project,
  type FbPostRecord,
  type FbVideoRecord,
  type FieldNode,
  type IgMediaRecord,
  type PageRecord,
} from './fake-meta-model';

const DAY_MS = 24 * 3600_000;

// ---------------------------------------------------------------------------------------------
// Seeds and state

/** A media of another account, as hashtag search and business discovery return it. */
export interface FakeForeignMediaSeed {
  id: string;
  caption?: string;
  mediaType: 'IMAGE' | 'VIDEO' | 'CAROUSEL_ALBUM';
  likeCount: number;
  commentsCount: number;
  timestamp: Date | string;
  permalink?: string;
}

export interface FakeHashtagSeed {
  /** Without '#', any case (hashtags are matched lower-case). */
  name: string;
  topMedia: FakeForeignMediaSeed[];
  /** Media of the last 24 hours [U window]. Default none. */
  recentMedia?: FakeForeignMediaSeed[];
}

/** A professional account business discovery finds by username. */
export interface FakeBusinessAccountSeed {
  username: string;
  id?: string;
  name?: string;
  followersCount: number;
  media: FakeForeignMediaSeed[];
}

export interface DiscoveryState {
  hashtags: Map<string, FakeHashtagSeed>;
  /** name → hashtag id, stable once handed out. */
  hashtagIds: Map<string, string>;
  /** IG user id → hashtag → when it was counted (its first search in the current window). */
  searches: Map<string, Map<string, Date>>;
  /** username (lower-case) → account. */
  accounts: Map<string, FakeBusinessAccountSeed>;
}

export function seedHashtag(world: MetaWorld, seed: FakeHashtagSeed): void {
  world.discovery.hashtags.set(seed.name.toLowerCase(), seed);
}

export function seedBusinessAccount(world: MetaWorld, seed: FakeBusinessAccountSeed): void {
  world.discovery.accounts.set(seed.username.toLowerCase().replace(/^@/, ''), seed);
}

// ---------------------------------------------------------------------------------------------
// The audience's view of the fake's records

export function igAudiencePost(media: IgMediaRecord): AudiencePost {
  return {
    platform: 'instagram',
    id: media.id,
    account: media.igUserId,
    kind:
      media.mediaProductType === 'REELS'
        ? 'reel'
        : media.mediaType === 'CAROUSEL_ALBUM'
          ? 'carousel'
          : 'image',
    caption: media.caption ?? '',
    title: null,
    publishedAt: media.timestamp,
  };
}

export function fbVideoAudiencePost(video: FbVideoRecord): AudiencePost {
  return {
    platform: 'facebook',
    id: video.id,
    account: video.pageId,
    kind: 'facebook_reel',
    caption: video.description ?? '',
    title: video.title ?? null,
    publishedAt: video.finishedAt ?? video.createdAt,
  };
}

export function fbPostAudiencePost(post: FbPostRecord): AudiencePost {
  return {
    platform: 'facebook',
    id: post.id,
    account: post.pageId,
    kind: 'facebook_post',
    caption: post.message ?? '',
    title: null,
    publishedAt: post.createdAt,
  };
}

/** The audience's numbers now, whole; null when it has none yet. */
export function metricsNow(world: MetaWorld, post: AudiencePost): Required<AudienceMetrics> | null {
  return wholeMetrics(world.audience.post(post, world.now()));
}

// ---------------------------------------------------------------------------------------------
// Metric sets (reference §3.1). [V] for the headline names; the extras are [U] names.

/** What every reel, feed post and album offers; reels and feed posts add their own. */
const POST_METRICS = ['views', 'reach', 'likes', 'comments', 'shares', 'saved', 'total_interactions'];

const MEDIA_METRICS: Record<'reel' | 'feed' | 'album' | 'story', readonly string[]> = {
  reel: [...POST_METRICS, 'ig_reels_avg_watch_time', 'ig_reels_video_view_total_time'],
  feed: [...POST_METRICS, 'follows', 'profile_visits', 'profile_activity'],
  album: POST_METRICS,
  story: [
    'views',
    'reach',
    'replies',
    'navigation',
    'shares',
    'follows',
    'profile_visits',
    'total_interactions',
  ],
};

/** Retired names (v21/v22, all versions from 2025): refused like any unknown name. [V] */
export const RETIRED_MEDIA_METRICS = [
  'plays',
  'impressions',
  'video_views',
  'clips_replays_count',
  'ig_reels_aggregated_all_plays_count',
  'engagement',
  'carousel_album_impressions',
  'carousel_album_reach',
  'carousel_album_engagement',
  'carousel_album_saved',
  'carousel_album_video_views',
] as const;

/** Account metrics after the v22 changes. [U] for the exact list (reference §3.2). */
const ACCOUNT_METRICS = [
  'reach',
  'views',
  'accounts_engaged',
  'total_interactions',
  'likes',
  'comments',
  'shares',
  'saves',
  'replies',
  'follows_and_unfollows',
  'profile_links_taps',
  'follower_count',
] as const;
/**
 * Account metrics only offered as a total over the window (metric_type=total_value): all but
 * reach and follower_count. [U]
 */
const TOTAL_VALUE_ONLY = new Set<string>(
  ACCOUNT_METRICS.filter((name) => name !== 'reach' && name !== 'follower_count'),
);

/** Facebook reel (video) insights. [U] names, from the Reels publishing guide's insights section. */
const FACEBOOK_REEL_METRICS = [
  'blue_reels_play_count',
  'fb_reels_total_plays',
  'fb_reels_replay_count',
  'post_impressions_unique',
  'post_video_avg_time_watched',
  'post_video_view_time',
  'post_video_followers',
  'post_video_likes_by_reaction_type',
  'post_video_social_actions',
] as const;

const TITLES: Record<string, string> = {
  views: 'Views',
  reach: 'Accounts reached',
  likes: 'Likes',
  comments: 'Comments',
  shares: 'Shares',
  saved: 'Saved',
  saves: 'Saves',
  total_interactions: 'Interactions',
};

/** The requested metric list; an empty or missing one is refused (Graph wants at least one). */
function requestedMetrics(call: MetaCall, allowed: readonly string[]): string[] {
  const text = call.params.metric;
  if (!text?.trim()) {
    throw call.world.fail('invalidParameter', {
      message: '(#100) The parameter metric is required.',
    });
  }
  const names = text.split(',').map((m) => m.trim());
  names.forEach((name, index) => {
    if (!allowed.includes(name)) {
      throw call.world.fail('metricInvalid', {
        message: `(#100) metric[${index}] must be one of the following values: ${allowed.join(', ')}`,
      });
    }
  });
  return names;
}

function insightEntry(objectId: string, name: string, period: string, value: unknown) {
  return {
    name,
    period,
    values: [{ value }],
    title: TITLES[name] ?? name,
    description: `${TITLES[name] ?? name} (fake).`,
    id: `${objectId}/insights/${name}/${period}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Routing

export function routeInsights(world: MetaWorld, method: string, segments: string[]): MetaRoute | undefined {
  if (method !== 'GET') return undefined;
  const [id, edge, ...rest] = segments;
  if (id === undefined || rest.length > 0) return undefined;
  const route = (endpoint: string, instagram: boolean, handle: MetaRoute['handle']): MetaRoute => ({
    endpoint,
    instagram,
    handle,
  });
  if (id === 'ig_hashtag_search' && edge === undefined) {
    return route('ig.hashtag_search', true, (call) => searchHashtag(call));
  }
  const hashtag = [...world.discovery.hashtagIds].find(([, hashtagId]) => hashtagId === id)?.[0];
  if (hashtag !== undefined) {
    if (edge === undefined) {
      return route('ig.hashtag.get', true, (call) => {
        call.token();
        return project('IGHashtag', parseFields(call.params.fields) ?? [{ name: 'id' }], {
          id: () => id,
          name: () => hashtag,
        });
      });
    }
    if (edge === 'top_media' || edge === 'recent_media') {
      return route(`ig.hashtag.${edge}`, true, (call) => hashtagMedia(call, hashtag, id, edge));
    }
    return undefined;
  }
  if (edge === 'insights') {
    const media = world.igMedia.get(id);
    if (media) return route('ig.media.insights', true, (call) => mediaInsights(call, media));
    if (albumOf(world, id)) {
      return route('ig.media.insights', true, (call) => {
        call.token();
        throw call.world.fail('albumChildInsights');
      });
    }
    const page = world.igUsers.get(id);
    if (page) return route('ig.user.insights', true, (call) => accountInsights(call, page));
    return undefined;
  }
  if (edge === 'recently_searched_hashtags') {
    const page = world.igUsers.get(id);
    if (page)
      return route('ig.user.recently_searched_hashtags', true, (call) => recentlySearched(call, page));
    return undefined;
  }
  if (edge === 'video_insights') {
    const video = world.videos.get(id);
    if (video) return route('fb.video.insights', false, (call) => videoInsights(call, video));
  }
  return undefined;
}

function albumOf(world: MetaWorld, childId: string): IgMediaRecord | undefined {
  return [...world.igMedia.values()].find((m) => m.children.some((child) => child.id === childId));
}

// ---------------------------------------------------------------------------------------------
// Instagram media insights

function mediaInsights(call: MetaCall, media: IgMediaRecord): unknown {
  const { world, params } = call;
  const owner = world.igUsers.get(media.igUserId)!;
  const token = authorize(call, owner);
  world.requireScopes(token, 'instagram_basic', 'instagram_manage_insights');
  const kind =
    media.mediaProductType === 'STORY'
      ? 'story'
      : media.mediaProductType === 'REELS'
        ? 'reel'
        : media.mediaType === 'CAROUSEL_ALBUM'
          ? 'album'
          : 'feed';
  const names = requestedMetrics(call, MEDIA_METRICS[kind]);
  if (params.period !== undefined && params.period !== 'lifetime') {
    throw world.fail('invalidParameter', { message: '(#100) period must be lifetime for media insights.' });
  }
  const metrics = metricsNow(world, igAudiencePost(media));
  if (!metrics) return { data: [] };
  const recorded = world.comments.filter((c) => c.objectId === media.id).length;
  const comments = metrics.comments + recorded;
  const values: Record<string, number> = {
    views: metrics.views,
    reach: metrics.reach,
    likes: metrics.likes,
    comments,
    shares: metrics.shares,
    saved: metrics.saves,
    total_interactions: metrics.likes + comments + metrics.shares + metrics.saves,
    ig_reels_avg_watch_time: metrics.views > 0 ? 4200 : 0,
    ig_reels_video_view_total_time: metrics.views * 4200,
  };
  return { data: names.map((name) => insightEntry(media.id, name, 'lifetime', values[name] ?? 0)) };
}

// ---------------------------------------------------------------------------------------------
// Instagram account insights

function unixSeconds(call: MetaCall, name: 'since' | 'until'): number | undefined {
  const text = call.params[name];
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) {
    throw call.world.fail('invalidParameter', { message: `(#100) ${name} must be a Unix timestamp.` });
  }
  return Number(text);
}

function accountInsights(call: MetaCall, page: PageRecord): unknown {
  const { world, params } = call;
  const token = authorize(call, page);
  world.requireScopes(token, 'instagram_basic', 'instagram_manage_insights');
  const names = requestedMetrics(call, ACCOUNT_METRICS);
  if (params.period !== 'day') {
    throw world.fail('invalidParameter', {
      message: '(#100) period must be one of the following values: day',
    });
  }
  const metricType = params.metric_type ?? 'time_series';
  if (metricType !== 'time_series' && metricType !== 'total_value') {
    throw world.fail('invalidParameter', {
      message: '(#100) metric_type must be time_series or total_value',
    });
  }
  for (const name of names) {
    if (metricType === 'time_series' && TOTAL_VALUE_ONLY.has(name)) {
      throw world.fail('invalidParameter', {
        message: `(#100) The following metrics (${name}) should be specified with parameter metric_type=total_value`,
      });
    }
    if (metricType === 'total_value' && name === 'follower_count') {
      throw world.fail('invalidParameter', {
        message: '(#100) follower_count is only offered as a time series.',
      });
    }
  }
  const nowS = Math.floor(world.now().getTime() / 1000);
  const until = unixSeconds(call, 'until') ?? nowS;
  const since = unixSeconds(call, 'since') ?? until - 86400;
  if (since >= until || until - since > 30 * 86400) {
    throw world.fail('invalidParameter', {
      message: '(#100) There cannot be more than 30 days (2592000 s) between since and until.',
    });
  }
  const igUserId = page.instagram!.id;
  const posts = [...world.igMedia.values()].filter((m) => m.igUserId === igUserId).map(igAudiencePost);
  const window = (from: number, to: number): Record<string, number> => {
    const sum = { views: 0, reach: 0, likes: 0, comments: 0, saves: 0, shares: 0 };
    for (const post of posts) {
      const delta = metricsBetween(world.audience, post, new Date(from * 1000), new Date(to * 1000));
      for (const key of Object.keys(sum) as Array<keyof typeof sum>) sum[key] += delta[key];
    }
    const followers = (at: number) =>
      world.audience.account({ platform: 'instagram', id: igUserId }, new Date(at * 1000)).followers;
    const interactions = sum.likes + sum.comments + sum.shares + sum.saves;
    return {
      ...sum,
      accounts_engaged: Math.round(interactions * 0.8),
      total_interactions: interactions,
      replies: 0,
      follows_and_unfollows: Math.round(followers(to) - followers(from)),
      profile_links_taps: 0,
      follower_count: Math.round(followers(to) - followers(from)),
    };
  };
  // Each window is summed once for all the requested metrics.
  const total = metricType === 'total_value' ? window(since, until) : null;
  const days: Array<{ end: number; totals: Record<string, number> }> = [];
  if (!total) {
    for (let start = since; start < until; start += 86400) {
      const end = Math.min(until, start + 86400);
      days.push({ end, totals: window(start, end) });
    }
  }
  const data = names.map((name) => {
    const base = { name, period: 'day', title: TITLES[name] ?? name, description: `${name} (fake).` };
    const id = `${igUserId}/insights/${name}/day`;
    if (total) return { ...base, total_value: { value: total[name] ?? 0 }, id };
    const values = days.map(({ end, totals }) => ({
      value: totals[name] ?? 0,
      end_time: graphTime(new Date(end * 1000)),
    }));
    return { ...base, values, id };
  });
  return { data };
}

// ---------------------------------------------------------------------------------------------
// Hashtag search

const HASHTAG = /^[\p{L}\p{N}_]{1,100}$/u;

function searchingUser(call: MetaCall): PageRecord {
  const { world, params } = call;
  if (!params.user_id) {
    throw world.fail('invalidParameter', { message: '(#100) The parameter user_id is required.' });
  }
  const page = world.igUsers.get(params.user_id);
  if (!page) throw world.fail('objectNotFound');
  const token = authorize(call, page);
  world.requireScopes(token, 'instagram_basic');
  return page;
}

function searchHashtag(call: MetaCall): unknown {
  const { world, params } = call;
  const page = searchingUser(call);
  const query = params.q ?? '';
  if (!HASHTAG.test(query)) {
    throw world.fail('invalidParameter', {
      message: '(#100) q must be a hashtag name without "#", spaces or emoji.',
    });
  }
  const name = query.toLowerCase();
  const igUserId = page.instagram!.id;
  const searches = world.discovery.searches.get(igUserId) ?? new Map<string, Date>();
  world.discovery.searches.set(igUserId, searches);
  const now = world.now();
  const { unique, windowMs } = world.options.hashtagSearchLimit;
  const live = (at: Date) => now.getTime() - at.getTime() < windowMs;
  const counted = searches.get(name);
  if (!counted || !live(counted)) {
    const inWindow = [...searches.values()].filter(live).length;
    if (inWindow >= unique) throw world.fail('hashtagLimitReached');
    searches.set(name, now);
  }
  let id = world.discovery.hashtagIds.get(name);
  if (!id) {
    id = `1784${String(world.discovery.hashtagIds.size + 1).padStart(13, '0')}`;
    world.discovery.hashtagIds.set(name, id);
  }
  return { data: [{ id }] };
}

function recentlySearched(call: MetaCall, page: PageRecord): unknown {
  const { world } = call;
  authorize(call, page);
  const searches = world.discovery.searches.get(page.instagram!.id) ?? new Map<string, Date>();
  const windowMs = world.options.hashtagSearchLimit.windowMs;
  const items = [...searches]
    .filter(([, at]) => world.now().getTime() - at.getTime() < windowMs)
    .map(([name]) => ({ id: world.discovery.hashtagIds.get(name)!, name }));
  return pageOf(items, call.params, `${world.baseUrl}/${page.instagram!.id}/recently_searched_hashtags`);
}

export function foreignMediaNode(media: FakeForeignMediaSeed, fields: FieldNode[]): Record<string, unknown> {
  return project('IGMedia', fields, {
    id: () => media.id,
    caption: () => media.caption,
    media_type: () => media.mediaType,
    like_count: () => media.likeCount,
    comments_count: () => media.commentsCount,
    timestamp: () => graphTime(new Date(media.timestamp)),
    permalink: () => media.permalink ?? `https://www.instagram.com/p/${media.id}/`,
    media_url: () => `https://scontent.example/${media.id}.jpg`,
    children: () => (media.mediaType === 'CAROUSEL_ALBUM' ? { data: [] } : undefined),
  });
}

function hashtagMedia(call: MetaCall, name: string, hashtagId: string, edge: 'top_media' | 'recent_media') {
  const { world } = call;
  searchingUser(call);
  const seed = world.discovery.hashtags.get(name);
  const fields = parseFields(call.params.fields) ?? [{ name: 'id' }];
  const cutoff = world.now().getTime() - DAY_MS;
  const media =
    edge === 'top_media'
      ? (seed?.topMedia ?? [])
      : (seed?.recentMedia ?? []).filter((m) => new Date(m.timestamp).getTime() > cutoff);
  // Hashtag media never says whose it is. [U]
  for (const field of fields) {
    if (field.name === 'username' || field.name === 'owner') {
      throw new MetaError({
        code: 100,
        message: `(#100) Tried accessing nonexisting field (${field.name}) on node type (IGMedia)`,
      });
    }
  }
  return pageOf(
    media.map((m) => foreignMediaNode(m, fields)),
    call.params,
    `${world.baseUrl}/${call.version ?? world.newestVersion}/${hashtagId}/${edge}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Facebook reel insights

function videoInsights(call: MetaCall, video: FbVideoRecord): unknown {
  const { world } = call;
  const page = world.pages.get(video.pageId)!;
  const token = call.token();
  if (!world.canManagePage(token, page)) throw world.fail('permissionDenied');
  world.requireScopes(token, 'pages_read_engagement');
  const names = call.params.metric?.trim()
    ? requestedMetrics(call, FACEBOOK_REEL_METRICS)
    : [...FACEBOOK_REEL_METRICS];
  const published = video.videoState === 'PUBLISHED' && video.processingStarted && video.pollsLeft === 0;
  const metrics = published ? metricsNow(world, fbVideoAudiencePost(video)) : null;
  if (!metrics) return { data: [] };
  const comments = metrics.comments + world.comments.filter((c) => c.objectId === video.id).length;
  const values: Record<string, unknown> = {
    blue_reels_play_count: metrics.views,
    fb_reels_total_plays: metrics.views,
    fb_reels_replay_count: 0,
    post_impressions_unique: metrics.reach,
    post_video_avg_time_watched: metrics.views > 0 ? 4200 : 0,
    post_video_view_time: metrics.views * 4200,
    post_video_followers: 0,
    post_video_likes_by_reaction_type: { REACTION_LIKE: metrics.likes },
    post_video_social_actions: { SHARE: metrics.shares, COMMENT: comments },
  };
  return {
    data: names.map((name) => ({
      ...insightEntry(video.id, name, 'lifetime', values[name]),
      id: `${video.id}/video_insights/${name}/lifetime`,
    })),
  };
}
