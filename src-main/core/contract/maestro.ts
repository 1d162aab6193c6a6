import { z } from 'zod';

export const maestroStatusSchema = z.object({
  paused: z.boolean(),
  /** When pause/resume last changed; null on a fresh install (which starts paused). */
  changedAt: z.string().nullable(),
});
export type MaestroStatus = z.infer<typeof maestroStatusSchema>;

export const burstSummarySchema = z.object({
  id: z.number(),
  day: z.string(),
  kind: z.enum(['daily', 'smart']),
  status: z.enum(['running', 'completed', 'failed']),
  planned: z.number(),
  created: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  needsReview: z.number(),
  failedCalls: z.number(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type BurstSummary = z.infer<typeof burstSummarySchema>;

export const maestroOverviewSchema = z.object({
  paused: z.boolean(),
  today: z.string(),
  timeZone: z.string(),
  burstTime: z.string(),
  lastDailyRunDay: z.string().nullable(),
  nextDailyBurstAt: z.string().nullable(),
  burstRunning: z.boolean(),
  latestBurst: burstSummarySchema.nullable(),
  /** Today's originals per brand against the targets. */
  quota: z.array(
    z.object({
      brandId: z.string(),
      displayName: z.string(),
      reels: z.number(),
      posts: z.number(),
      targetReels: z.number(),
      targetPosts: z.number(),
    }),
  ),
});
export type MaestroOverview = z.infer<typeof maestroOverviewSchema>;

export const optimizeNowResultSchema = z.object({
  agents: z.number(),
  created: z.number(),
  failedCalls: z.number(),
});
