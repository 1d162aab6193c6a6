import { z } from 'zod';
import { agentIdSchema, agentLearningSchema } from './agents';
import { brandIdSchema } from './brands';

/**
 * The learning loop's own operations (learning.*): feedback (each published post attributed to
 * its agent once), adaptation (logged on the agents' timelines), the weekly evolution, the gene
 * pool and the patterns the agents share.
 */

export const feedbackReportSchema = z.object({
  ranAt: z.string(),
  /** Platform posts attributed in this run (each post is attributed once, ever). */
  attributedPosts: z.number(),
  agents: z.array(
    z.object({
      agentId: z.string(),
      /** The agent's attributed posts in its survival window. */
      posts: z.number(),
      survivalScore: z.number(),
      changes: z.array(z.string()),
      /** Why the DNA was left alone, when it was. */
      skipped: z.string().nullable(),
    }),
  ),
});
export type FeedbackReport = z.infer<typeof feedbackReportSchema>;

const rankedAgentSchema = z.object({ agentId: z.string(), survivalScore: z.number() });

export const evolutionReportSchema = z.object({
  /** The week this run stands for (the local date of its Sunday). */
  week: z.string(),
  ranAt: z.string(),
  /** False when this week's evolution had already run (it runs once per week). */
  ran: z.boolean(),
  totalAgents: z.number(),
  thriving: z.array(rankedAgentSchema),
  surviving: z.array(rankedAgentSchema),
  struggling: z.array(
    rankedAgentSchema.extend({
      eligibleForDeath: z.boolean(),
      died: z.boolean(),
      protectedBy: z.enum(['builtin', 'min_agents']).nullable(),
      reason: z.string(),
    }),
  ),
  archived: z.array(z.string()),
  deaths: z.array(z.object({ agentId: z.string(), survivalScore: z.number(), generation: z.number() })),
  births: z.array(
    z.object({
      agentId: z.string(),
      displayName: z.string(),
      replaced: z.string(),
      inheritedFrom: z.string().nullable(),
      brandId: z.string().nullable(),
    }),
  ),
  prunedFromPool: z.number(),
  genePoolSize: z.number(),
});
export type EvolutionReport = z.infer<typeof evolutionReportSchema>;

export const genePoolEntrySchema = z.object({
  id: z.number(),
  sourceAgentId: z.string(),
  sourceAgentName: z.string(),
  personality: z.string(),
  temperature: z.number(),
  variant: z.string(),
  strategyWeights: z.record(z.string(), z.number()),
  riskTolerance: z.string(),
  survivalScore: z.number(),
  lifetimeViews: z.number(),
  generation: z.number(),
  reason: z.enum(['retirement', 'top_performer', 'manual']),
  timesInherited: z.number(),
  createdAt: z.string(),
});
export type GenePoolEntry = z.infer<typeof genePoolEntrySchema>;

export const timelineInputSchema = z
  .object({
    agentId: agentIdSchema.optional(),
    /** Only these kinds (weight_shift, temperature, spawn, death, top_performer, …). */
    types: z.array(z.string().min(1).max(40)).max(20).optional(),
    beforeId: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export const timelineEntrySchema = agentLearningSchema.extend({
  agentId: z.string(),
  agentName: z.string(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const agentHistorySchema = z.object({
  agentId: z.string(),
  /** One point per feedback snapshot, oldest first. */
  survival: z.array(
    z.object({ at: z.string(), survivalScore: z.number(), avgViews: z.number(), posts: z.number() }),
  ),
  /** The strategy weights after each change (and as created), oldest first. */
  weights: z.array(z.object({ at: z.string(), weights: z.record(z.string(), z.number()) })),
});
export type AgentHistory = z.infer<typeof agentHistorySchema>;

export const learnedPatternSchema = z.object({
  id: z.number(),
  type: z.string(),
  key: z.string(),
  brandId: z.string().nullable(),
  description: z.string(),
  confidence: z.number(),
  decayWeight: z.number(),
  effect: z.number(),
  sampleSize: z.number(),
  lastValidatedAt: z.string(),
});
export type LearnedPattern = z.infer<typeof learnedPatternSchema>;

export const patternsInputSchema = z.object({ brandId: brandIdSchema.nullable().optional() }).strict();
export const patternsAnalysisSchema = z.object({ brands: z.number(), found: z.number() });
