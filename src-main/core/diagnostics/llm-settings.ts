import type { LlmUsage } from '../contract/llm';
import type { SettingsValues } from '../contract/settings';
import type { LlmSettingsFacts } from './checks/check';

/** What api_connectivity reads of the LLM's settings: where, which model, the key's length, the budget. */
export async function llmSettingsFacts(sources: {
  settings: { values(): Promise<{ values: SettingsValues }> };
  secrets: { reveal(key: 'llm.apiKey'): Promise<string | undefined> };
  llm: { usageSummary(): Promise<Pick<LlmUsage, 'blocked' | 'blockedReason'>> };
}): Promise<LlmSettingsFacts> {
  const [{ values }, key, usage] = await Promise.all([
    sources.settings.values(),
    sources.secrets.reveal('llm.apiKey'),
    sources.llm.usageSummary(),
  ]);
  return {
    baseUrl: values.llmBaseUrl,
    model: values.llmModel,
    keyLength: key?.trim().length ?? 0,
    budgetBlocked: usage.blocked ? (usage.blockedReason ?? 'a budget is used up') : null,
  };
}
