import { z } from 'zod';
import { llmUsageSchema } from './llm';
import { cycleStatusSchema, maestroOverviewSchema } from './maestro';
import { platformSchema, postStatuses, targetStatuses } from './publishing';

/** How many upcoming posts the dashboard lists, and how many of today's published ones. */
export const dashboardLimits = { nextPosts: 5, publishedToday: 10 } as const;

/** A calendar item as the dashboard lists it: enough to recognise it and open it on the Calendar. */
export const dashboardPostSchema = z.object({
  scheduleId: z.string(),
  brandId: z.string(),
  brandName: z.string(),
  brandColor: z.string(),
  contentType: z.enum(['reel', 'carousel']),
  title: z.string(),
  scheduledTime: z.string(),
  status: z.enum(postStatuses),
  publishedAt: z.string().nullable(),
  targets: z.array(
    z.object({ platform: platformSchema, status: z.enum(targetStatuses), permalink: z.string().nullable() }),
  ),
});
export type DashboardPost = z.infer<typeof dashboardPostSchema>;

export const platformQuotaMeasures = [
  'instagram_posts_24h',
  'facebook_reels_24h',
  'youtube_units_day',
] as const;

/**
 * One platform's limit and how much of it is used, counted from what this app did (its own
 * api_usage rows and published posts): another app on the same account is not seen.
 */
export const platformQuotaSchema = z.object({
  platform: platformSchema,
  /**
   * instagram_posts_24h: posts published in the last 24 h on the busiest account (50 each);
   * facebook_reels_24h: reels published in the last 24 h on the busiest Page (30 each);
   * youtube_units_day: API units spent since midnight Pacific (one quota for every brand).
   */
  measure: z.enum(platformQuotaMeasures),
  used: z.number().min(0),
  limit: z.number().positive(),
  /** The brand whose account is closest to its limit; null for YouTube's shared quota or when none is used. */
  brandId: z.string().nullable(),
  brandName: z.string().nullable(),
  /** When use next goes down: the busiest account's oldest post leaves the 24 h window; YouTube at midnight Pacific. Null when nothing is used in a rolling window. */
  resetsAt: z.string().nullable(),
  /** The numbers in words: "12 of 50 posts in 24 h on The Healthy College". */
  detail: z.string(),
});
export type PlatformQuota = z.infer<typeof platformQuotaSchema>;

/** Everything the dashboard shows except diagnostics and the activity feed (their own operations). */
export const maestroDashboardSchema = z.object({
  /** Today's burst: the schedule, per-brand quotas against targets, the latest burst. */
  burst: maestroOverviewSchema,
  /** Every cycle with its next run; null nextRunAt while paused for the cycles that wait for Resume. */
  cycles: z.array(cycleStatusSchema),
  /** Proposals waiting for the creator's decision. */
  proposals: z.object({ pending: z.number().int().min(0), needsReview: z.number().int().min(0) }),
  posts: z.object({
    /** The creator's zone and where today began in it. */
    timeZone: z.string(),
    dayStartsAt: z.string(),
    /** Scheduled posts in time order, the overdue ones (being published now) first. */
    nextDue: z.array(dashboardPostSchema).max(dashboardLimits.nextPosts),
    publishedTodayCount: z.number().int().min(0),
    /** The latest of today's published posts, newest first. */
    publishedToday: z.array(dashboardPostSchema).max(dashboardLimits.publishedToday),
  }),
  /** LLM spend today and this hour against the budgets (as `llm.usage`). */
  llm: llmUsageSchema,
  /** Instagram, Facebook and YouTube, always in that order. */
  platforms: z.array(platformQuotaSchema),
  checkedAt: z.string(),
});
export type MaestroDashboard = z.infer<typeof maestroDashboardSchema>;
