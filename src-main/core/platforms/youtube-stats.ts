import { PlatformError } from './platform-error';
import type { YouTubeClient } from './youtube-client';

/** YouTube Data API reads of the learning loop (platform APIs §5.5): 1 quota unit per call. */

export const youtubeStatsMaxIds = 50;

export interface VideoStatistics {
  views: number;
  likes: number;
  comments: number;
}

/** Counts come as strings; a hidden one is missing. */
function count(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.round(n)) : 0;
}

/** `videos.list?part=statistics` for up to 50 ids in one call; videos YouTube no longer shows are absent. */
export async function readVideoStatistics(
  youtube: YouTubeClient,
  accessToken: string,
  ids: readonly string[],
): Promise<Map<string, VideoStatistics>> {
  if (ids.length === 0) return new Map();
  if (ids.length > youtubeStatsMaxIds) {
    throw new PlatformError({
      platform: 'youtube',
      kind: 'permanent',
      message: `videos.list takes at most ${youtubeStatsMaxIds} ids per call.`,
    });
  }
  const answer = await youtube.request({
    operation: 'analytics.videos.list',
    method: 'GET',
    url: `/videos?part=statistics&id=${ids.map(encodeURIComponent).join(',')}`,
    accessToken,
  });
  const items =
    (answer.json as { items?: Array<{ id?: string; statistics?: Record<string, unknown> }> })?.items ?? [];
  const stats = new Map<string, VideoStatistics>();
  for (const item of items) {
    if (!item.id) continue;
    stats.set(item.id, {
      views: count(item.statistics?.viewCount),
      likes: count(item.statistics?.likeCount),
      comments: count(item.statistics?.commentCount),
    });
  }
  return stats;
}

/** The token's channel: subscribers, lifetime views and videos (`channels.list?part=statistics&mine=true`). */
export async function readChannelStatistics(
  youtube: YouTubeClient,
  accessToken: string,
): Promise<{ subscribers: number; views: number; videos: number } | null> {
  const answer = await youtube.request({
    operation: 'analytics.channels.list',
    method: 'GET',
    url: '/channels?part=statistics&mine=true',
    accessToken,
  });
  const item = (answer.json as { items?: Array<{ statistics?: Record<string, unknown> }> })?.items?.[0];
  if (!item) return null;
  return {
    subscribers: count(item.statistics?.subscriberCount),
    views: count(item.statistics?.viewCount),
    videos: count(item.statistics?.videoCount),
  };
}
