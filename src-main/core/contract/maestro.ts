import { z } from 'zod';

export const burstKinds = ['daily', 'smart', 'optimize'] as const;
export type BurstKind = (typeof burstKinds)[number];

/**
 * Maestro's controls as the tray and the page show them: paused or running, and whether a burst
 * holds the runner (Burst now is refused meanwhile). One state, sent whole by `maestro.state`
 * at every change, so every view shows the same thing.
 */
export const maestroStatusSchema = z.object({
  paused: z.boolean(),
  /** When pause/resume last changed; null on a fresh install (which starts paused). */
  changedAt: z.string().nullable(),
  /** A burst of any kind is running in this app (Burst now and Draft ideas wait for its end). */
  burstRunning: z.boolean(),
  burstKind: z.enum(burstKinds).nullable(),
});
export type MaestroStatus = z.infer<typeof maestroStatusSchema>;

export const burstSummarySchema = z.object({
  id: z.number(),
  day: z.string(),
  /** daily: the scheduled burst; smart: "Burst now"; optimize: brand-less ideas, not examined. */
  kind: z.enum(burstKinds),
  status: z.enum(['running', 'completed', 'failed']),
  planned: z.number(),
  created: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  needsReview: z.number(),
  failedCalls: z.number(),
  /** Items of the plan still missing when the burst ended (the next catch-up retries them). */
  shortfall: z.number(),
  /** Brand id → why that brand's share failed while the others carried on. */
  brandErrors: z.record(z.string(), z.string()),
  /** How it went, in one sentence: "6 of 16 written; 10 failed calls; the next catch-up retries them." */
  summary: z.string(),
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

export const cycleStatusSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** "every 10 min", "Sundays 02:00 (Europe/Lisbon)". */
  schedule: z.string(),
  runsWhenPaused: z.boolean(),
  running: z.boolean(),
  /** When it runs next; null while paused for a cycle that waits for Resume. */
  nextRunAt: z.string().nullable(),
  lastStartedAt: z.string().nullable(),
  lastFinishedAt: z.string().nullable(),
  lastOutcome: z.enum(['ok', 'failed', 'skipped']).nullable(),
  lastError: z.string().nullable(),
  lastDetail: z.string().nullable(),
  runs: z.number(),
  failures: z.number(),
});
export type CycleStatus = z.infer<typeof cycleStatusSchema>;

export const cycleIdSchema = z.enum([
  'check',
  'burst',
  'publish',
  'observe',
  'scout',
  'feedback',
  'healing',
  'evolution',
  'diagnostics',
  'bootstrap',
  'learning',
  'consolidation',
  'backup',
  'retention',
]);
export const cycleRunInputSchema = z.object({ id: cycleIdSchema }).strict();
