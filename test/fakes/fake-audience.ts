/**
 * The audience behind the fake platforms: what the people who see a post do with it. The fake Meta
 * and Google servers ask it for every number they report (media fields, insights, account
 * insights, YouTube statistics), so a test or the simulated world decides what the app measures.
 *
 * The hook, passed as `audience` to startFakeMeta and startFakeGoogle:
 *
 *   const audience: FakeAudience = {
 *     // Cumulative (lifetime) counts of one post at instant `at`. Called on every read, so it
 *     // must be a pure function of (post, at): the same question gets the same answer.
 *     // Return null for "no data yet" (Instagram then answers {"data":[]}, YouTube zeros).
 *     post: (post, at) => ({ views: 1200, reach: 900, likes: 60, comments: 4, saves: 9, shares: 3 }),
 *     // Followers of an account at `at` (Instagram user, Facebook Page or YouTube channel).
 *     account: (account, at) => ({ followers: 5000 }),
 *   };
 *
 * `post.publishedAt` is when the fake published it (the fake's clock), so an audience can make the
 * numbers grow with age; `post.caption` / `post.title` / `post.id` let a simulation find which
 * strategy, topic and brand the post came from (through the app's own database if it likes).
 * Counts the fake records itself (comments the app posted) are added on top of `comments`.
 * Unset fields count as 0. Account-level windows (Instagram's 7-day reach and views) are the
 * growth of the account's posts inside the window, so they always agree with the post numbers.
 */

export type AudiencePlatform = 'instagram' | 'facebook' | 'youtube';

/** What a published post is, as the fake knows it. */
export interface AudiencePost {
  platform: AudiencePlatform;
  /** The platform's id: IG media id, Facebook video or post id, YouTube video id. */
  id: string;
  /** Instagram user id, Facebook Page id or YouTube channel id. */
  account: string;
  /**
   * reel: an Instagram reel; image / carousel: Instagram feed posts; facebook_reel; facebook_post
   * (a feed post with photos); youtube_video.
   */
  kind: 'reel' | 'image' | 'carousel' | 'facebook_reel' | 'facebook_post' | 'youtube_video';
  /** Instagram caption, Facebook description or message, YouTube description. */
  caption: string;
  /** Facebook reel title or YouTube title, when there is one. */
  title: string | null;
  publishedAt: Date;
}

export interface AudienceMetrics {
  views?: number;
  /** Unique accounts reached (Instagram and Facebook; YouTube does not report it). */
  reach?: number;
  likes?: number;
  comments?: number;
  saves?: number;
  shares?: number;
}

export interface AudienceAccount {
  platform: AudiencePlatform;
  id: string;
}

export interface FakeAudience {
  post(post: AudiencePost, at: Date): AudienceMetrics | null;
  account(account: AudienceAccount, at: Date): { followers: number };
}

/** Whole numbers ≥ 0 for every metric (an audience may return fractions or leave fields out). */
export function wholeMetrics(metrics: AudienceMetrics | null): Required<AudienceMetrics> | null {
  if (!metrics) return null;
  const n = (value: number | undefined) => Math.max(0, Math.round(value ?? 0));
  return {
    views: n(metrics.views),
    reach: n(metrics.reach),
    likes: n(metrics.likes),
    comments: n(metrics.comments),
    saves: n(metrics.saves),
    shares: n(metrics.shares),
  };
}

/** FNV-1a (32-bit) of a string: a stable number per key, for fakes and simulated worlds. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** FNV-1a of a string, as a number in [0, 1): a stable "random" per post id. */
function unitHash(text: string): number {
  return fnv1a(text) / 0x1_0000_0000;
}

const HOUR_MS = 3600_000;

/**
 * Plausible deterministic numbers when a test does not care: each post has its own size (from its
 * id, 0.5×–1.5× a typical small-account reel) and grows like 1 − e^(−age/18 h), so it has ~5 % of
 * its final views after one hour, ~28 % after 6 h, ~74 % after a day and all of it after a week.
 * Followers grow by one a day from 1,000.
 */
export const defaultAudience: FakeAudience = {
  post(post, at) {
    const ageHours = (at.getTime() - post.publishedAt.getTime()) / HOUR_MS;
    if (ageHours < 0) return null;
    const size = 0.5 + unitHash(`${post.platform}:${post.id}`);
    const grown = 1 - Math.exp(-ageHours / 18);
    const views = 4000 * size * grown;
    return {
      views,
      reach: post.platform === 'youtube' ? 0 : views * 0.7,
      likes: views * 0.05,
      comments: views * 0.004,
      saves: views * 0.008,
      shares: views * 0.005,
    };
  },
  account(account, at) {
    const days = Math.max(0, (at.getTime() - Date.parse('2026-01-01T00:00:00Z')) / (24 * HOUR_MS));
    return { followers: 1000 + Math.floor(days) };
  },
};

/** The growth of a post's metrics between two instants (never negative). */
export function metricsBetween(
  audience: FakeAudience,
  post: AudiencePost,
  from: Date,
  to: Date,
): Required<AudienceMetrics> {
  const zero = { views: 0, reach: 0, likes: 0, comments: 0, saves: 0, shares: 0 };
  const end = wholeMetrics(audience.post(post, to)) ?? zero;
  const start =
    from.getTime() <= post.publishedAt.getTime() ? zero : (wholeMetrics(audience.post(post, from)) ?? zero);
  const delta = { ...zero };
  for (const key of Object.keys(zero) as Array<keyof AudienceMetrics>) {
    delta[key] = Math.max(0, end[key] - start[key]);
  }
  return delta;
}
