import type { SettingsValues } from '../contract/settings';
import { jobDefaults } from '../jobs/defaults';

/** Built-in values; a saved row in app_settings overrides each one. */
export const settingsDefaults: SettingsValues = {
  llmBaseUrl: 'https://api.deepseek.com/v1',
  llmModel: 'deepseek-chat',
  llmTimeoutMs: 120_000,
  llmMaxConcurrency: 4,
  llmDailyBudgetUsd: 0,
  llmHourlyBudgetUsd: 0,
  /** From the machine's core count and measured: see jobs/defaults.ts. */
  renderConcurrency: jobDefaults.renderConcurrency,
  burstTime: '12:00',
  burstTimeZone: 'Europe/Lisbon',
  reelsPerBrand: 6,
  postsPerBrand: 2,
  spawnAgentPerBrand: true,
  imagesBaseUrl: '',
  imagesModel: 'gpt-image-1',
  metaAppId: '',
  metaGraphVersion: 'v25.0',
  googleClientId: '',
  graphBaseUrl: 'https://graph.facebook.com',
  ruploadBaseUrl: 'https://rupload.facebook.com',
  facebookDialogUrl: 'https://www.facebook.com',
  googleAuthUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
  googleTokenUrl: 'https://oauth2.googleapis.com/token',
  googleRevokeUrl: 'https://oauth2.googleapis.com/revoke',
  youtubeApiBaseUrl: 'https://www.googleapis.com/youtube/v3',
  youtubeUploadBaseUrl: 'https://www.googleapis.com/upload/youtube/v3',
  mediaHostEndpoint: '',
  mediaHostBucket: '',
  mediaHostRegion: 'auto',
  mediaHostAccessKeyId: '',
  adaptationRule: 'evidence',
  feedbackMinAgeHours: 48,
  feedbackMaxAgeHours: 72,
  mcpEnabled: false,
  retentionActivityDays: 90,
  retentionUsageDays: 90,
  retentionMetricSnapshotsDays: 180,
  /** About a year of a busy agency's entries (issue 10's scale), a few tens of MB. */
  retentionActivityMaxRows: 200_000,
  backupFolder: '',
  backupDaily: true,
  backupIncludeMedia: false,
  notifyBurstFinished: true,
  notifyPublishFailed: true,
  notifyTokenExpiry: true,
  notifyRenderFailed: true,
  notifyDiagnosticsCritical: true,
};

/**
 * Environment variables that override a setting (they win over a saved value), so tests, a
 * sandbox or a proxy can stand in for any external service without touching the data file.
 */
export const settingsFromEnvironment: Readonly<Partial<Record<keyof SettingsValues, string>>> = {
  llmBaseUrl: 'MAESTRO_LLM_URL',
  imagesBaseUrl: 'MAESTRO_IMAGES_URL',
  graphBaseUrl: 'MAESTRO_GRAPH_URL',
  ruploadBaseUrl: 'MAESTRO_RUPLOAD_URL',
  facebookDialogUrl: 'MAESTRO_FACEBOOK_DIALOG_URL',
  googleAuthUrl: 'MAESTRO_GOOGLE_AUTH_URL',
  googleTokenUrl: 'MAESTRO_GOOGLE_TOKEN_URL',
  googleRevokeUrl: 'MAESTRO_GOOGLE_REVOKE_URL',
  youtubeApiBaseUrl: 'MAESTRO_YOUTUBE_API_URL',
  youtubeUploadBaseUrl: 'MAESTRO_YOUTUBE_UPLOAD_URL',
  mediaHostEndpoint: 'MAESTRO_MEDIA_HOST_URL',
};
