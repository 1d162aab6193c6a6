import type { SettingsValues } from '../contract/settings';

/** Built-in values; a saved row in app_settings overrides each one. */
export const settingsDefaults: SettingsValues = {
  llmBaseUrl: 'https://api.deepseek.com/v1',
  llmModel: 'deepseek-chat',
};
