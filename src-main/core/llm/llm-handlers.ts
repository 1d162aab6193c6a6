import type { DomainHandlers } from '../dispatcher';
import type { OpenAiLlmClient } from './openai-llm-client';

export function llmHandlers(llm: OpenAiLlmClient): DomainHandlers<'llm'> {
  return { 'llm.usage': () => llm.usageSummary() };
}
