import { z } from 'zod';
import { agentIdSchema } from './agents';
import { brandIdSchema } from './brands';
import { proposalStatuses } from './proposals';

/** The examiner views' window and list sizes (the original's: 7 days, 50 rejects). */
export const examinerViewLimits = {
  defaultDays: 7,
  maxDays: 365,
  defaultRejected: 50,
  maxRejected: 200,
  topRedFlags: 10,
} as const;

const daysSchema = z.number().int().min(1).max(examinerViewLimits.maxDays);

export const examinerStatsInputSchema = z
  .object({
    /** Proposals created in the last this many days. */
    days: daysSchema.default(examinerViewLimits.defaultDays),
    brandId: brandIdSchema.optional(),
    agentId: agentIdSchema.optional(),
  })
  .strict();

/**
 * How the examiner judged a set of proposals. The verdict is the examiner's own (`passed` in its
 * breakdown), not the proposal's status: a creator may have decided otherwise, before or after.
 */
export const examinerTallySchema = z.object({
  /** Proposals the examiner graded: accepted + rejected. */
  examined: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  /** The examiner was asked but could not answer; these wait for the creator. */
  needsReview: z.number().int(),
  /** Percent of the examined that passed, 1 decimal; null when none was examined. */
  passRate: z.number().nullable(),
  /** Mean composite score of the examined, 2 decimals; null when none was examined. */
  avgComposite: z.number().nullable(),
});
export type ExaminerTally = z.infer<typeof examinerTallySchema>;

/** Mean scores (0–10, 2 decimals) of one group; null when the group is empty. */
export const examinerAveragesSchema = z.object({
  composite: z.number().nullable(),
  avatarFit: z.number().nullable(),
  engagementPotential: z.number().nullable(),
  contentQuality: z.number().nullable(),
});
export type ExaminerAverages = z.infer<typeof examinerAveragesSchema>;

export const examinerStatsSchema = z.object({
  days: z.number().int(),
  /** Start of the window (UTC ISO); proposals created at or after it count. */
  since: z.string(),
  totals: examinerTallySchema,
  averages: z.object({
    accepted: examinerAveragesSchema,
    rejected: examinerAveragesSchema,
    all: examinerAveragesSchema,
  }),
  /** Red flags over the examined, grouped ignoring case; how many proposals raised each, most first. */
  topRedFlags: z.array(z.object({ flag: z.string(), count: z.number().int() })),
  byBrand: z.array(
    examinerTallySchema.extend({ brandId: z.string().nullable(), brandName: z.string().nullable() }),
  ),
  byAgent: z.array(examinerTallySchema.extend({ agentId: z.string(), agentName: z.string() })),
});
export type ExaminerStats = z.infer<typeof examinerStatsSchema>;

export const examinerRejectedInputSchema = z
  .object({
    limit: z
      .number()
      .int()
      .min(1)
      .max(examinerViewLimits.maxRejected)
      .default(examinerViewLimits.defaultRejected),
    brandId: brandIdSchema.optional(),
    agentId: agentIdSchema.optional(),
    contentType: z.enum(['reel', 'post']).optional(),
    /** Only proposals created in the last this many days; all of them when absent. */
    days: daysSchema.optional(),
  })
  .strict();

export const examinerRejectSchema = z.object({
  proposalId: z.string(),
  brandId: z.string().nullable(),
  brandName: z.string().nullable(),
  agentId: z.string(),
  agentName: z.string(),
  contentType: z.enum(['reel', 'post']),
  title: z.string(),
  /** The proposal's status now: the creator may have accepted it anyway. */
  status: z.enum(proposalStatuses),
  composite: z.number(),
  threshold: z.number(),
  reason: z.string(),
  redFlags: z.array(z.string()),
  createdAt: z.string(),
});
export type ExaminerReject = z.infer<typeof examinerRejectSchema>;

export const examinerRejectedSchema = z.object({
  /** Newest first, like the review queue. */
  items: z.array(examinerRejectSchema),
  /** Every examiner reject under the filter, beyond the limit too. */
  total: z.number().int(),
});
export type ExaminerRejected = z.infer<typeof examinerRejectedSchema>;
