import { z } from 'zod';
import { agentIdSchema } from './agents';
import { brandIdSchema } from './brands';
import { searchHighlightSchema, searchTextSchema } from './search';

export const proposalStatuses = ['pending', 'needs_review', 'accepted', 'rejected', 'expired'] as const;

export const proposalIdSchema = z
  .string()
  .min(3)
  .max(40)
  .regex(/^[A-Z0-9]{1,12}-\d{3,}$/, 'Unknown proposal id');

export const examinerResultSchema = z.object({
  composite: z.number(),
  passed: z.boolean(),
  avatarFit: z.number(),
  engagementPotential: z.number(),
  contentQuality: z.number(),
  threshold: z.number(),
  weights: z.object({ avatarFit: z.number(), engagementPotential: z.number(), contentQuality: z.number() }),
  reason: z.string(),
  redFlags: z.array(z.string()),
  /** Set when the examiner could not answer and the proposal waits for the human. */
  error: z.string().optional(),
});
export type ExaminerResult = z.infer<typeof examinerResultSchema>;

export const proposalSchema = z.object({
  proposalId: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  brandId: z.string().nullable(),
  contentType: z.enum(['reel', 'post']),
  status: z.enum(proposalStatuses),
  variant: z.string(),
  strategy: z.string(),
  reasoning: z.string(),
  title: z.string(),
  contentLines: z.array(z.string()),
  slideTexts: z.array(z.string()),
  imagePrompt: z.string().nullable(),
  caption: z.string().nullable(),
  topicBucket: z.string().nullable(),
  sourceType: z.string().nullable(),
  qualityScore: z.number().nullable(),
  examiner: examinerResultSchema.nullable(),
  reviewerNotes: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  acceptedJobId: z.string().nullable(),
  /** Why an accepted proposal has no render (e.g. no active brand for a brand-less idea). */
  renderIssue: z.string().nullable(),
  /** The one regeneration an examiner reject earns: due, attempted, or no longer wanted. */
  regeneration: z.enum(['due', 'attempted', 'expired']).nullable(),
  burstDay: z.string().nullable(),
  attempt: z.number(),
  replacesProposalId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const proposalListInputSchema = z
  .object({
    statuses: z.array(z.enum(proposalStatuses)).max(5).optional(),
    brandId: brandIdSchema.optional(),
    agentId: agentIdSchema.optional(),
    contentType: z.enum(['reel', 'post']).optional(),
    limit: z.number().int().min(1).max(500).optional(),
    /** Page backwards from this proposal (exclusive). */
    beforeProposalId: proposalIdSchema.optional(),
    /** Only proposals whose title or text has these words (each a prefix), newest first. */
    search: searchTextSchema.optional(),
    /** false: leave out `counts` (a page that shows them asks `proposals.counts`). */
    withCounts: z.boolean().optional(),
  })
  .strict();

/** The filter the status tabs count under: brand, agent, type and search, not the status. */
export const proposalCountsInputSchema = proposalListInputSchema
  .pick({ brandId: true, agentId: true, contentType: true, search: true })
  .strict();

/** Proposals per status. */
export const proposalCountsSchema = z.record(z.string(), z.number());

export const proposalListSchema = z.object({
  items: z.array(proposalSchema),
  /** Counts per status under the same brand/agent/type filter and search, unless `withCounts: false`. */
  counts: proposalCountsSchema.optional(),
  hasMore: z.boolean(),
  /** With `search`: per proposal id, its title with the matches marked and a snippet of its text. */
  highlights: z.record(z.string(), searchHighlightSchema).optional(),
});

export const proposalIdInputSchema = z.object({ proposalId: proposalIdSchema }).strict();

const noteSchema = z.string().trim().max(2000);

export const proposalReviewSchema = z
  .object({ proposalId: proposalIdSchema, note: noteSchema.optional() })
  .strict();

export const proposalBulkReviewSchema = z
  .object({
    proposalIds: z.array(proposalIdSchema).min(1).max(500),
    decision: z.enum(['accept', 'reject']),
    note: noteSchema.optional(),
  })
  .strict();

export const proposalBulkResultSchema = z.object({
  updated: z.array(z.string()),
  skipped: z.array(z.object({ proposalId: z.string(), reason: z.string() })),
});
