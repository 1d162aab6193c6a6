/** Tuning of the LLM client that is not a user setting (those live in settings/defaults.ts). */
export const llmDefaults = {
  /** Requests per call, the first included; 429, 5xx, timeouts and connection errors are retried. */
  maxAttempts: 4,
  /** Exponential backoff: base × 2^(retry − 1), capped, with jitter on the upper half. */
  backoffBaseMs: 1_000,
  backoffMaxMs: 30_000,
  /** A Retry-After longer than this fails the call rather than parking it for ages. */
  maxRetryAfterMs: 120_000,
  /** Stored error text is cut here; api_usage is a ledger, not a log. */
  maxErrorTextLength: 500,
  /** Sent with every call whose prompts never say "JSON": OpenAI's and DeepSeek's JSON mode require it. */
  jsonInstruction: 'Answer with one JSON object and nothing else.',
} as const;

/** US dollars per million tokens. */
export interface ModelPrice {
  inputPerMTok: number;
  /** Prompt tokens served from the provider's context cache. */
  cachedInputPerMTok: number;
  outputPerMTok: number;
}

/**
 * Estimates only, for the budget: DeepSeek's published list price for deepseek-chat and
 * deepseek-reasoner (DeepSeek-V3.2, the same for both endpoints). Prices change; check the
 * provider's pricing page. Models not listed (local ones included) are counted as free.
 */
export const modelPrices: Readonly<Record<string, ModelPrice>> = {
  'deepseek-chat': { inputPerMTok: 0.28, cachedInputPerMTok: 0.028, outputPerMTok: 0.42 },
  'deepseek-reasoner': { inputPerMTok: 0.28, cachedInputPerMTok: 0.028, outputPerMTok: 0.42 },
};
