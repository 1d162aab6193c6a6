import { DAY_MS, HOUR_MS } from '../ports/clock';
/** The metrics collector's constants (reference §9.1, platform APIs §3 and §5), each with its why. */

export const analyticsDefaults = {
  /**
   * When each stamp is taken, as an age after publishing. A stamp may be taken until the next one
   * is due, so a late run takes the one stamp whose window it falls in, never several; the last
   * stamp's window closes after `lastStampWindowMs`.
   */
  stampOffsetsMs: { '1h': HOUR_MS, '6h': 6 * HOUR_MS, '24h': DAY_MS, '48h': 2 * DAY_MS, '7d': 7 * DAY_MS },
  lastStampWindowMs: 7 * DAY_MS,

  /**
   * Instagram media insights: the current names, valid for reels, feed posts and albums alike
   * (platform APIs §3.1). `plays`, `impressions` and `video_views` are retired, and asking for one
   * fails the whole request, so they are never sent.
   */
  instagramMediaFields: 'like_count,comments_count,timestamp,media_type,media_product_type',
  instagramMediaMetrics: ['views', 'reach', 'saved', 'shares', 'likes', 'comments', 'total_interactions'],
  /**
   * Facebook reel insights on /{video-id}/video_insights. [U] names, from the Reels publishing
   * guide's insights section: plays, unique reach, reactions by type, and comments + shares.
   */
  facebookReelMetrics: [
    'blue_reels_play_count',
    'post_impressions_unique',
    'post_video_likes_by_reaction_type',
    'post_video_social_actions',
  ],
  /** A Facebook feed post (a carousel): its public counters [U shapes: summary.total_count, shares.count]. */
  facebookPostFields: 'likes.summary(true),comments.summary(true),shares',
  /** Instagram account insights for the 7-day snapshot. [U] names after the v22 changes. */
  instagramAccountMetrics: ['reach', 'views', 'likes'],

  /** YouTube videos.list takes at most 50 ids per call (1 unit each call). */
  youtubeBatchSize: 50,
  /**
   * Units per Pacific-time day the collector may spend on YouTube reads: a tenth of the default
   * 10,000, so uploads (1,600 each) and thumbnails (50) keep the rest.
   */
  youtubeUnitsPerDay: 1_000,
  /**
   * Meta calls per brand in one run. The original budgeted ~150 Meta calls an hour for everything
   * (reference §1.11); a run stays well under it, and what is left waits for the next run.
   */
  metaCallsPerBrandPerRun: 100,

  /** A brand snapshot (followers, 7-day reach and views) at most this often per platform. */
  brandSnapshotEveryMs: 6 * HOUR_MS,
  brandWindowMs: 7 * DAY_MS,

  /** "The brand's own recent median": its posts of this long before the measured one. */
  relativeWindowMs: 30 * DAY_MS,
} as const;

/**
 * The reference's performance score (§9.1): each part is capped at full marks, then weighted.
 * 5,000 views, 10 % engagement, 100 saves and 50 shares are full marks.
 */
export const performanceScoreWeights = {
  views: { weight: 0.3, fullMarks: 5_000 },
  engagement: { weight: 0.3, fullMarks: 0.1 },
  saves: { weight: 0.2, fullMarks: 100 },
  shares: { weight: 0.2, fullMarks: 50 },
} as const;

/**
 * The relative score: the same four parts, each compared with the brand's own median on a log
 * scale (the median = 50 points, twice it = 75, four times = 100, half = 25). `smoothing` is
 * added to both sides so zeros compare sanely: a post with 0 saves against a median of 1 is half
 * of it, not nothing; a brand whose posts all have 0 shares gives every post 50 on shares.
 */
export const relativeScoreParts = {
  views: { weight: 0.3, smoothing: 10 },
  engagement: { weight: 0.3, smoothing: 0.005 },
  saves: { weight: 0.2, smoothing: 1 },
  shares: { weight: 0.2, smoothing: 1 },
} as const;
export const relativePointsPerDoubling = 25;
