import { z } from 'zod';
import { brandIdSchema, instagramHandleSchema } from './brands';
import { platforms } from './jobs';

/**
 * What the platforms report back about published posts and brands (analytics.*), and what the
 * trend scout watches (scout.*). Shapes are chart-ready: time series are arrays of flat points
 * with one key per platform, oldest first.
 */

const platformSchema = z.enum(platforms);

export const metricStamps = ['1h', '6h', '24h', '48h', '7d'] as const;
export const metricStampSchema = z.enum(metricStamps);
export type MetricStampName = (typeof metricStamps)[number];

export const analyticsViewLimits = { defaultDays: 30, maxDays: 365, topPosts: 5 } as const;

export const analyticsBrandInputSchema = z
  .object({
    brandId: brandIdSchema,
    /** Snapshots and posts of the last this many days. */
    days: z.number().int().min(1).max(analyticsViewLimits.maxDays).default(analyticsViewLimits.defaultDays),
  })
  .strict();

/** One post as the learning loop measured it, with who made it (stored ids, never parsed). */
export const analyticsPostSchema = z.object({
  platform: platformSchema,
  mediaId: z.string(),
  scheduleId: z.string().nullable(),
  proposalId: z.string().nullable(),
  title: z.string().nullable(),
  /** reel or post (carousel), as the proposal was written. */
  contentType: z.string(),
  topicBucket: z.string().nullable(),
  publishedAt: z.string().nullable(),
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  strategy: z.string().nullable(),
  examinerScore: z.number().nullable(),
  views: z.number(),
  reach: z.number(),
  likes: z.number(),
  comments: z.number(),
  saves: z.number(),
  shares: z.number(),
  /** Percent, 2 decimals: (likes + comments + saves + shares) / reach (views where no reach is reported). */
  engagementRate: z.number(),
  /** The reference's absolute score, 0–100 (5k views, 10 % engagement, 100 saves, 50 shares = full marks). */
  performanceScore: z.number(),
  /** Against the brand's own recent posts at the same age: 50 = their median, 75 ≈ twice it. */
  relativeScore: z.number().nullable(),
  /** Among the brand's posts on the platform, by relative score: 0–100. */
  percentileRank: z.number().nullable(),
  /** The latest metrics stamp taken (1h … 7d), null before the first. */
  lastStamp: metricStampSchema.nullable(),
  metricsFetchedAt: z.string().nullable(),
});
export type AnalyticsPost = z.infer<typeof analyticsPostSchema>;

/** A day's value per platform; null where no snapshot was taken that day. */
const platformPointSchema = z.object({
  /** YYYY-MM-DD in the creator's time zone. */
  day: z.string(),
  instagram: z.number().nullable(),
  facebook: z.number().nullable(),
  youtube: z.number().nullable(),
});

export const analyticsBrandSchema = z.object({
  brandId: z.string(),
  days: z.number().int(),
  /** Start of the window (UTC ISO). */
  since: z.string(),
  /** Days and hours below are in this zone. */
  timeZone: z.string(),
  /** The latest snapshot per platform. */
  current: z.array(
    z.object({
      platform: platformSchema,
      followers: z.number(),
      viewsLast7Days: z.number(),
      reachLast7Days: z.number(),
      likesLast7Days: z.number(),
      fetchedAt: z.string(),
      /** Instagram: account insights; Facebook and YouTube: the brand's own posts of the last 7 days. */
      basis: z.enum(['account_insights', 'own_recent_posts']),
    }),
  ),
  followers: z.array(platformPointSchema),
  viewsLast7Days: z.array(platformPointSchema),
  reachLast7Days: z.array(platformPointSchema),
  /** Posts by the day they were published: averages of their latest measurements. */
  engagement: z.array(
    z.object({
      day: z.string(),
      posts: z.number().int(),
      views: z.number(),
      avgEngagementRate: z.number(),
      avgPerformanceScore: z.number(),
      avgRelativeScore: z.number().nullable(),
    }),
  ),
  /** Local publishing hours with at least one measured post, 0–23 ascending. */
  bestHours: z.array(
    z.object({
      hour: z.number().int(),
      posts: z.number().int(),
      avgViews: z.number(),
      avgRelativeScore: z.number().nullable(),
    }),
  ),
  /** Posts at least a day old (the 24 h stamp or later), best and worst by relative score. */
  topPosts: z.array(analyticsPostSchema),
  bottomPosts: z.array(analyticsPostSchema),
  totals: z.object({
    posts: z.number().int(),
    views: z.number(),
    likes: z.number(),
    comments: z.number(),
    saves: z.number(),
    shares: z.number(),
    avgEngagementRate: z.number().nullable(),
    avgRelativeScore: z.number().nullable(),
  }),
});
export type AnalyticsBrand = z.infer<typeof analyticsBrandSchema>;

export const analyticsPostInputSchema = z
  .object({
    platform: platformSchema,
    mediaId: z
      .string()
      .max(80)
      .regex(/^[A-Za-z0-9_-]{1,80}$/, 'Use the platform’s id of the post'),
  })
  .strict();

export const analyticsPostDetailSchema = z.object({
  post: analyticsPostSchema,
  /** One point per stamp taken, oldest first (cumulative counts at that age). */
  snapshots: z.array(
    z.object({
      stamp: metricStampSchema,
      fetchedAt: z.string(),
      views: z.number(),
      reach: z.number(),
      likes: z.number(),
      comments: z.number(),
      saves: z.number(),
      shares: z.number(),
      totalInteractions: z.number(),
    }),
  ),
});
export type AnalyticsPostDetail = z.infer<typeof analyticsPostDetailSchema>;

export const analyticsCollectInputSchema = z.object({ brandId: brandIdSchema.optional() }).strict();

/** Why a brand's platform was left for the next run. */
const collectionStopSchema = z.object({
  brandId: z.string(),
  platform: platformSchema,
  reason: z.enum([
    'not_connected',
    'connection_expired',
    'rate_limit',
    'quota',
    'call_budget',
    'offline',
    'platform_error',
  ]),
  detail: z.string(),
  /** Stamps still due there, left for the next run. */
  leftForLater: z.number().int(),
});

export const analyticsCollectSummarySchema = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  /** Metric stamps written (each post and stamp once). */
  snapshotsTaken: z.number().int(),
  /** Posts whose stamp was due but whose platform had no data yet (tried again next run). */
  noDataYet: z.number().int(),
  brandSnapshots: z.number().int(),
  stopped: z.array(collectionStopSchema),
  /** Single posts the platform refused (the rest went on). */
  errors: z.array(
    z.object({ brandId: z.string(), platform: platformSchema, mediaId: z.string(), detail: z.string() }),
  ),
});
export type AnalyticsCollectSummary = z.infer<typeof analyticsCollectSummarySchema>;

// ---------------------------------------------------------------------------------------------
// The trend scout

export const hashtagSchema = z
  .string()
  .trim()
  .max(101)
  .transform((tag) => tag.replace(/^#/, '').toLowerCase())
  .pipe(z.string().regex(/^[\p{L}\p{N}_]{1,100}$/u, 'Use a hashtag such as #guthealth (letters, digits, _)'));

export const scoutBrandInputSchema = z.object({ brandId: brandIdSchema }).strict();

export const scoutHashtagsSetSchema = z
  .object({
    brandId: brandIdSchema,
    /** The brand's own list, searched in this order; null goes back to the niche's defaults. */
    hashtags: z.array(hashtagSchema).max(30).nullable(),
  })
  .strict();

export const scoutHashtagsSchema = z.object({
  brandId: z.string(),
  /** The creator's list, or null when the defaults apply. */
  custom: z.array(z.string()).nullable(),
  /** Derived from the brand's niche. */
  defaults: z.array(z.string()),
  /** What the scout searches. */
  effective: z.array(z.string()),
  /** Instagram counts 30 unique hashtags per account per rolling 7 days. */
  budget: z.object({
    instagramAccountId: z.string().nullable(),
    used: z.number().int(),
    limit: z.number().int(),
    windowDays: z.number().int(),
    /** Hashtags counted in the window: searching them again is free. */
    counted: z.array(z.object({ hashtag: z.string(), countedAt: z.string(), freeUntil: z.string() })),
    /** When the next counted hashtag leaves the window (null: none counted). */
    nextFreedAt: z.string().nullable(),
  }),
});
export type ScoutHashtags = z.infer<typeof scoutHashtagsSchema>;

export const competitorInputSchema = z
  .object({ brandId: brandIdSchema, username: instagramHandleSchema })
  .strict();

export const competitorSchema = z.object({
  /** Without the "@". */
  username: z.string(),
  addedAt: z.string(),
  itemsFound: z.number().int(),
  lastFoundAt: z.string().nullable(),
});
export type Competitor = z.infer<typeof competitorSchema>;

export const scoutRunInputSchema = z.object({ brandId: brandIdSchema.optional() }).strict();

export const scoutRunSummarySchema = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  newItems: z.number().int(),
  brands: z.array(
    z.object({
      brandId: z.string(),
      newItems: z.number().int(),
      hashtagItems: z.number().int(),
      competitorItems: z.number().int(),
      ownItems: z.number().int(),
      hashtagsSearched: z.array(z.string()),
      competitorsScanned: z.array(z.string()),
      /** Why the brand was not scanned at all (no Instagram connection…). */
      skipped: z.string().nullable(),
      /** Why the scan stopped early (a rate limit…); the rest waits for the next run. */
      stopped: z.string().nullable(),
      /** Single searches the platform refused (an unknown competitor…). */
      errors: z.array(z.string()),
    }),
  ),
});
export type ScoutRunSummary = z.infer<typeof scoutRunSummarySchema>;

export const trendingInputSchema = z
  .object({
    brandId: brandIdSchema.optional(),
    method: z.enum(['hashtag_search', 'business_discovery', 'own_account']).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export const trendingItemSchema = z.object({
  id: z.number().int(),
  igMediaId: z.string(),
  brandId: z.string().nullable(),
  discoveryMethod: z.string(),
  hashtag: z.string().nullable(),
  account: z.string().nullable(),
  caption: z.string().nullable(),
  mediaType: z.enum(['VIDEO', 'IMAGE', 'CAROUSEL_ALBUM']),
  likes: z.number(),
  comments: z.number(),
  mediaTimestamp: z.string().nullable(),
  discoveredAt: z.string(),
  usedForProposal: z.boolean(),
  proposalId: z.string().nullable(),
});
export type TrendingItemView = z.infer<typeof trendingItemSchema>;

export const bootstrapStatusSchema = z.object({
  complete: z.boolean(),
  startedAt: z.string().nullable(),
  ticks: z.number().int(),
  itemsCollected: z.number().int(),
  lastTickAt: z.string().nullable(),
  maturity: z.object({
    own: z.number().int(),
    competitor: z.number().int(),
    hashtag: z.number().int(),
    total: z.number().int(),
    /** Posts with at least their 24 h metrics. */
    measuredPosts: z.number().int(),
    mature: z.boolean(),
    /** Which rule made it mature (or what is missing). */
    reason: z.string(),
  }),
});
export type BootstrapStatus = z.infer<typeof bootstrapStatusSchema>;
