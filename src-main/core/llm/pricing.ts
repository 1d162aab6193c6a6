import { modelPrices } from './defaults';

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  /** Part of promptTokens served from the provider's cache (cheaper), when it says so. */
  cachedPromptTokens: number;
}

export const noTokens: TokenUsage = { promptTokens: 0, completionTokens: 0, cachedPromptTokens: 0 };

/** Estimated US dollars for one request; 0 for models without a known price (local models). */
export function estimateCostUsd(model: string, usage: TokenUsage): number {
  const price = modelPrices[model.trim().toLowerCase()];
  if (!price) return 0;
  const cached = Math.min(usage.cachedPromptTokens, usage.promptTokens);
  const uncached = usage.promptTokens - cached;
  return (
    (uncached * price.inputPerMTok +
      cached * price.cachedInputPerMTok +
      usage.completionTokens * price.outputPerMTok) /
    1_000_000
  );
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/**
 * Reads the `usage` object of a chat completion. Cached prompt tokens are reported as
 * `prompt_cache_hit_tokens` by DeepSeek and `prompt_tokens_details.cached_tokens` by OpenAI;
 * servers that report nothing (some local ones) count as zero.
 */
export function readTokenUsage(usage: unknown): TokenUsage {
  if (!usage || typeof usage !== 'object') return noTokens;
  const u = usage as Record<string, unknown>;
  const details = u['prompt_tokens_details'] as Record<string, unknown> | null | undefined;
  return {
    promptTokens: count(u['prompt_tokens']),
    completionTokens: count(u['completion_tokens']),
    cachedPromptTokens: count(u['prompt_cache_hit_tokens']) || count(details?.['cached_tokens']),
  };
}
