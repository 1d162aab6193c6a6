import { z } from 'zod';
import { brandIdSchema } from './brands';

export const agentIdSchema = z
  .string()
  .min(1)
  .max(50)
  .regex(/^[a-z0-9][a-z0-9_]*$/, 'Unknown agent id');

/** The eight strategies an agent can weight, with what each means (the one list for core and UI). */
export const strategyLabels = {
  explore: 'New topic or unexpected angle',
  analyze: 'Pattern-matched from top performers',
  iterate: 'Better version of an underperformer',
  refine: 'A/B-improve one variable',
  double_down: 'Variation of our own winner',
  systematic: 'Structured content experiment',
  compound: 'Extend a winning series',
  trending: 'Adapt external viral content',
} as const;
export type StrategyName = keyof typeof strategyLabels;
const strategyNameSchema = z.enum(Object.keys(strategyLabels) as [StrategyName, ...StrategyName[]]);

export const agentSchema = z.object({
  agentId: z.string(),
  displayName: z.string(),
  personality: z.string(),
  temperature: z.number(),
  variant: z.enum(['dark', 'light']),
  proposalPrefix: z.string(),
  strategyNames: z.array(z.string()),
  strategyWeights: z.record(z.string(), z.number()),
  riskTolerance: z.enum(['low', 'medium', 'high']),
  proposalsPerBrand: z.number(),
  contentTypes: z.array(z.enum(['reel', 'post'])),
  active: z.boolean(),
  isBuiltin: z.boolean(),
  createdForBrand: z.string().nullable(),
  survivalScore: z.number(),
  lifetimeViews: z.number(),
  lifetimeProposals: z.number(),
  lifetimeAccepted: z.number(),
  generation: z.number(),
  mutationCount: z.number(),
  lastMutationAt: z.string().nullable(),
  parentAgentId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Rank among active agents by survival score; null for retired agents. */
  tier: z.enum(['thriving', 'surviving', 'struggling']).nullable(),
  stats7d: z.object({
    proposals: z.number(),
    accepted: z.number(),
    rejected: z.number(),
    acceptanceRate: z.number().nullable(),
    avgViews: z.number().nullable(),
    engagementRate: z.number().nullable(),
    bestStrategy: z.string().nullable(),
  }),
});
export type Agent = z.infer<typeof agentSchema>;

export const agentLearningSchema = z.object({
  id: z.number(),
  mutationType: z.string(),
  description: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  trigger: z.string(),
  confidence: z.number().nullable(),
  createdAt: z.string(),
});

export const agentDetailSchema = z.object({
  agent: agentSchema,
  learnings: z.array(agentLearningSchema),
  performance: z.array(
    z.object({
      createdAt: z.string(),
      survivalScore: z.number(),
      avgViews: z.number(),
      publishedCount: z.number(),
    }),
  ),
});
export type AgentDetail = z.infer<typeof agentDetailSchema>;

export const agentIdInputSchema = z.object({ agentId: agentIdSchema }).strict();
export const agentListInputSchema = z.object({ includeInactive: z.boolean().optional() }).strict();

export const agentCreateSchema = z
  .object({
    /** The brand the agent is created for (population guard and lineage). */
    brandId: brandIdSchema.nullable().optional(),
    personality: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();

export const agentUpdateSchema = z
  .object({
    agentId: agentIdSchema,
    patch: z
      .object({
        personality: z.string().trim().min(1).max(2000).optional(),
        temperature: z.number().min(0.6).max(0.98).optional(),
        variant: z.enum(['dark', 'light']).optional(),
        strategyWeights: z
          .partialRecord(strategyNameSchema, z.number().min(0).max(1))
          .refine((w) => Object.keys(w).length > 0, 'At least one strategy')
          .refine(
            (w) => Math.abs(Object.values(w).reduce((a: number, b) => a + (b ?? 0), 0) - 1) < 0.011,
            'Weights must add up to 1',
          )
          .optional(),
        riskTolerance: z.enum(['low', 'medium', 'high']).optional(),
        proposalsPerBrand: z.number().int().min(1).max(20).optional(),
        contentTypes: z
          .array(z.enum(['reel', 'post']))
          .min(1)
          .max(2)
          .optional(),
      })
      .strict()
      .refine((p) => Object.keys(p).length > 0, 'Nothing to change'),
  })
  .strict();
export type AgentUpdateInput = z.infer<typeof agentUpdateSchema>;
