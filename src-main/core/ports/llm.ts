import type { z } from 'zod';

/** One JSON-returning chat completion, as the agents and the examiner need it. */
export interface LlmJsonRequest<T> {
  /** What the call is for, recorded in api_usage: 'proposal.generate', 'examiner.examine', ... */
  operation: string;
  /** The agent on whose behalf the call is made, if any (api_usage.agent_id). */
  agentId?: string | null;
  system: string;
  user: string;
  temperature: number;
  maxTokens: number;
  /** The answer must parse as JSON and validate against this schema. */
  schema: z.ZodType<T>;
}

/**
 * The LLM as the core sees it: any OpenAI-compatible endpoint (DeepSeek, Ollama, LM Studio).
 * Fails with AppError: 'llm_failed' (after retries, bad JSON that could not be repaired,
 * timeout), 'budget_exhausted' (the configured spend limit is reached), 'unavailable' (no API
 * key where one is needed).
 */
export interface LlmClient {
  completeJson<T>(request: LlmJsonRequest<T>): Promise<T>;
}
