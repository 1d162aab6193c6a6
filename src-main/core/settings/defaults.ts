import type { SettingsValues } from '../contract/settings';

/** Built-in values; a saved row in app_settings overrides each one. */
export const settingsDefaults: SettingsValues = {
  llmBaseUrl: 'https://api.deepseek.com/v1',
  llmModel: 'deepseek-chat',
  llmTimeoutMs: 120_000,
  llmMaxConcurrency: 4,
  llmDailyBudgetUsd: 0,
  llmHourlyBudgetUsd: 0,
  renderConcurrency: 2,
  burstTime: '12:00',
  burstTimeZone: 'Europe/Lisbon',
  reelsPerBrand: 6,
  postsPerBrand: 2,
  spawnAgentPerBrand: true,
  imagesBaseUrl: '',
  imagesModel: 'gpt-image-1',
};
