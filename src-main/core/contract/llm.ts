import { z } from 'zod';

/** How one LLM request attempt ended, as written to api_usage.outcome. */
export const llmOutcomes = [
  'ok',
  'repaired',
  'bad_json',
  'rate_limited',
  'server_error',
  'timeout',
  'error',
  'budget_exhausted',
] as const;
export type LlmOutcome = (typeof llmOutcomes)[number];

export const llmBudgetWindowSchema = z.object({
  /** Estimated spend inside the window, in US dollars. */
  spentUsd: z.number(),
  /** The configured limit; null when the setting is 0 (no limit). */
  budgetUsd: z.number().nullable(),
  /** UTC ISO timestamps: the window is [startsAt, resetsAt). */
  startsAt: z.string(),
  resetsAt: z.string(),
  exhausted: z.boolean(),
});
export type LlmBudgetWindow = z.infer<typeof llmBudgetWindowSchema>;

export const llmUsageSchema = z.object({
  /** The current UTC day and UTC clock hour. */
  day: llmBudgetWindowSchema,
  hour: llmBudgetWindowSchema,
  /** Request attempts recorded today (UTC), by outcome; every outcome is present. */
  callsByOutcome: z.record(z.enum(llmOutcomes), z.number().int().min(0)),
  tokensToday: z.object({ in: z.number().int().min(0), out: z.number().int().min(0) }),
  /** True while a budget is used up: new LLM calls are refused until it resets. */
  blocked: z.boolean(),
  blockedReason: z.string().nullable(),
  checkedAt: z.string(),
});
export type LlmUsage = z.infer<typeof llmUsageSchema>;
