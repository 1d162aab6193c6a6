import type { GraphClient } from './graph-client';
import { PlatformError } from './platform-error';

/**
 * The Graph API reads of the learning loop (platform APIs §3): what a published post did, what a
 * brand's accounts look like, and what other accounts post. Each function is one call through
 * the GraphClient (classified errors, api_usage) and turns the answer into plain numbers; the
 * metric names and fields are the caller's, so a retired name can never slip in here.
 */

/** Counts a read returned; null where the platform does not report that number. */
export interface ReadCounts {
  views: number | null;
  reach: number | null;
  likes: number | null;
  comments: number | null;
  saves: number | null;
  shares: number | null;
  totalInteractions: number | null;
}

const noCounts: ReadCounts = {
  views: null,
  reach: null,
  likes: null,
  comments: null,
  saves: null,
  shares: null,
  totalInteractions: null,
};

interface InsightsAnswer {
  data?: Array<{
    name?: string;
    values?: Array<{ value?: unknown }>;
    total_value?: { value?: unknown };
  }>;
}

function count(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.round(n)) : null;
}

/** name → value of an insights answer (lifetime `values[0]`, or `total_value`); empty when no data. */
export function insightValues(answer: InsightsAnswer): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const entry of answer.data ?? []) {
    if (!entry.name) continue;
    values.set(entry.name, entry.total_value?.value ?? entry.values?.[entry.values.length - 1]?.value);
  }
  return values;
}

/** Sums the numbers of an object value such as {"SHARE": 3, "COMMENT": 5} whose key matches. */
function sumMatching(value: unknown, pattern: RegExp): number | null {
  if (!value || typeof value !== 'object') return count(value);
  let sum = 0;
  let found = false;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (pattern.test(key) && count(inner) !== null) {
      sum += count(inner)!;
      found = true;
    }
  }
  return found ? sum : 0;
}

export interface InstagramMediaInfo {
  likeCount: number | null;
  commentsCount: number | null;
  timestamp: string | null;
  mediaType: string | null;
  mediaProductType: string | null;
}

export async function readInstagramMedia(
  graph: GraphClient,
  token: string,
  mediaId: string,
  fields: string,
): Promise<InstagramMediaInfo> {
  const answer = await graph.get<Record<string, unknown>>(
    'instagram',
    'analytics.media',
    `/${mediaId}`,
    token,
    {
      fields,
    },
  );
  return {
    likeCount: count(answer.like_count),
    commentsCount: count(answer.comments_count),
    timestamp: typeof answer.timestamp === 'string' ? answer.timestamp : null,
    mediaType: typeof answer.media_type === 'string' ? answer.media_type : null,
    mediaProductType: typeof answer.media_product_type === 'string' ? answer.media_product_type : null,
  };
}

/** Media insights; null when Instagram has no data yet (`{"data":[]}`). */
export async function readInstagramInsights(
  graph: GraphClient,
  token: string,
  mediaId: string,
  metrics: readonly string[],
): Promise<ReadCounts | null> {
  const answer = await graph.get<InsightsAnswer>(
    'instagram',
    'analytics.insights',
    `/${mediaId}/insights`,
    token,
    {
      metric: metrics.join(','),
    },
  );
  const values = insightValues(answer);
  if (values.size === 0) return null;
  return {
    views: count(values.get('views')),
    reach: count(values.get('reach')),
    likes: count(values.get('likes')),
    comments: count(values.get('comments')),
    saves: count(values.get('saved')),
    shares: count(values.get('shares')),
    totalInteractions: count(values.get('total_interactions')),
  };
}

/** A Facebook reel's insights [U metric names]; null when there is no data yet. */
export async function readFacebookReelInsights(
  graph: GraphClient,
  pageToken: string,
  videoId: string,
  metrics: readonly string[],
): Promise<ReadCounts | null> {
  const answer = await graph.get<InsightsAnswer>(
    'facebook',
    'analytics.reel_insights',
    `/${videoId}/video_insights`,
    pageToken,
    { metric: metrics.join(',') },
  );
  const values = insightValues(answer);
  if (values.size === 0) return null;
  const social = values.get('post_video_social_actions');
  return {
    ...noCounts,
    views: count(values.get('blue_reels_play_count')),
    reach: count(values.get('post_impressions_unique')),
    likes: sumMatching(values.get('post_video_likes_by_reaction_type'), /./),
    comments: sumMatching(social, /comment/i),
    shares: sumMatching(social, /share/i),
  };
}

/** A Facebook feed post's public counters (a carousel): likes, comments, shares. */
export async function readFacebookPostCounts(
  graph: GraphClient,
  pageToken: string,
  postId: string,
  fields: string,
): Promise<ReadCounts> {
  const answer = await graph.get<{
    likes?: { summary?: { total_count?: unknown } };
    comments?: { summary?: { total_count?: unknown } };
    shares?: { count?: unknown };
  }>('facebook', 'analytics.post_counts', `/${postId}`, pageToken, { fields });
  return {
    ...noCounts,
    likes: count(answer.likes?.summary?.total_count) ?? 0,
    comments: count(answer.comments?.summary?.total_count) ?? 0,
    // Graph leaves `shares` out when nobody shared.
    shares: count(answer.shares?.count) ?? 0,
  };
}

export async function readInstagramAccount(
  graph: GraphClient,
  token: string,
  igUserId: string,
): Promise<{ followers: number; mediaCount: number | null; username: string | null }> {
  const answer = await graph.get<Record<string, unknown>>(
    'instagram',
    'analytics.account',
    `/${igUserId}`,
    token,
    {
      fields: 'followers_count,media_count,username',
    },
  );
  return {
    followers: count(answer.followers_count) ?? 0,
    mediaCount: count(answer.media_count),
    username: typeof answer.username === 'string' ? answer.username : null,
  };
}

/** Totals over [since, until] of account metrics (`metric_type=total_value`, period=day). [U] */
export async function readInstagramAccountInsights(
  graph: GraphClient,
  token: string,
  igUserId: string,
  metrics: readonly string[],
  window: { since: Date; until: Date },
): Promise<Map<string, number>> {
  const answer = await graph.get<InsightsAnswer>(
    'instagram',
    'analytics.account_insights',
    `/${igUserId}/insights`,
    token,
    {
      metric: metrics.join(','),
      period: 'day',
      metric_type: 'total_value',
      since: Math.floor(window.since.getTime() / 1000),
      until: Math.floor(window.until.getTime() / 1000),
    },
  );
  const totals = new Map<string, number>();
  for (const [name, value] of insightValues(answer)) totals.set(name, count(value) ?? 0);
  return totals;
}

export async function readFacebookPage(
  graph: GraphClient,
  pageToken: string,
  pageId: string,
): Promise<{ followers: number; name: string | null }> {
  const answer = await graph.get<Record<string, unknown>>(
    'facebook',
    'analytics.page',
    `/${pageId}`,
    pageToken,
    {
      fields: 'followers_count,fan_count,name',
    },
  );
  return {
    followers: count(answer.followers_count) ?? count(answer.fan_count) ?? 0,
    name: typeof answer.name === 'string' ? answer.name : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Discovery (the trend scout)

/** Another account's media as hashtag search, business discovery or a media list return it. */
export interface DiscoveredMedia {
  id: string;
  caption: string | null;
  mediaType: string | null;
  likeCount: number;
  commentsCount: number;
  timestamp: string | null;
  permalink: string | null;
}

export const discoveredMediaFields = 'id,caption,media_type,like_count,comments_count,timestamp,permalink';

function discoveredMedia(items: unknown): DiscoveredMedia[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item: Record<string, unknown>) =>
    typeof item?.id === 'string'
      ? [
          {
            id: item.id,
            caption: typeof item.caption === 'string' ? item.caption : null,
            mediaType: typeof item.media_type === 'string' ? item.media_type : null,
            likeCount: count(item.like_count) ?? 0,
            commentsCount: count(item.comments_count) ?? 0,
            timestamp: typeof item.timestamp === 'string' ? item.timestamp : null,
            permalink: typeof item.permalink === 'string' ? item.permalink : null,
          },
        ]
      : [],
  );
}

/** The hashtag's id. Counts against the account's 30 unique hashtags per rolling 7 days. */
export async function searchHashtag(
  graph: GraphClient,
  token: string,
  igUserId: string,
  hashtag: string,
): Promise<string | null> {
  const answer = await graph.get<{ data?: Array<{ id?: string }> }>(
    'instagram',
    'scout.hashtag_search',
    '/ig_hashtag_search',
    token,
    { user_id: igUserId, q: hashtag },
  );
  return answer.data?.[0]?.id ?? null;
}

export async function hashtagTopMedia(
  graph: GraphClient,
  token: string,
  igUserId: string,
  hashtagId: string,
  limit: number,
): Promise<DiscoveredMedia[]> {
  const answer = await graph.get<{ data?: unknown }>(
    'instagram',
    'scout.top_media',
    `/${hashtagId}/top_media`,
    token,
    {
      user_id: igUserId,
      fields: discoveredMediaFields,
      limit,
    },
  );
  return discoveredMedia(answer.data);
}

/** `business_discovery.username(<name>)` [U syntax]: another professional account's recent media. */
export async function businessDiscovery(
  graph: GraphClient,
  token: string,
  igUserId: string,
  username: string,
  limit: number,
): Promise<{ followers: number | null; media: DiscoveredMedia[] }> {
  if (!/^[A-Za-z0-9._]{1,30}$/.test(username)) {
    throw new PlatformError({
      platform: 'instagram',
      kind: 'permanent',
      message: `"${username}" is not an Instagram username.`,
    });
  }
  const answer = await graph.get<{
    business_discovery?: { followers_count?: unknown; media?: { data?: unknown } };
  }>('instagram', 'scout.business_discovery', `/${igUserId}`, token, {
    fields: `business_discovery.username(${username}){followers_count,media_count,media.limit(${limit}){${discoveredMediaFields}}}`,
  });
  return {
    followers: count(answer.business_discovery?.followers_count),
    media: discoveredMedia(answer.business_discovery?.media?.data),
  };
}

/** The brand's own recent media, newest first. */
export async function ownMedia(
  graph: GraphClient,
  token: string,
  igUserId: string,
  limit: number,
): Promise<DiscoveredMedia[]> {
  const answer = await graph.get<{ data?: unknown }>(
    'instagram',
    'scout.own_media',
    `/${igUserId}/media`,
    token,
    {
      fields: discoveredMediaFields,
      limit,
    },
  );
  return discoveredMedia(answer.data);
}
