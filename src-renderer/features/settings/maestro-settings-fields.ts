import type { SettingField } from './settings-fields-form';

/** Every IANA zone the browser knows, offered while typing the burst time zone. */
const timeZones: readonly string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export const llmEndpointFields: readonly SettingField[] = [
  { key: 'llmBaseUrl', label: 'LLM base URL', kind: 'url', hint: 'An OpenAI-compatible API address.' },
  { key: 'llmModel', label: 'LLM model', kind: 'text' },
];

export const burstSettingFields: readonly SettingField[] = [
  { key: 'burstTime', label: 'Daily burst time', kind: 'time', hint: 'Local time in the zone below.' },
  {
    key: 'burstTimeZone',
    label: 'Time zone',
    kind: 'text',
    suggestions: timeZones,
    hint: 'Defines “today”, the burst time and the publishing slots, e.g. Europe/Lisbon.',
  },
  { key: 'reelsPerBrand', label: 'Reels per brand per day', kind: 'number', hint: '0–24.' },
  { key: 'postsPerBrand', label: 'Carousel posts per brand per day', kind: 'number', hint: '0–24.' },
  {
    key: 'spawnAgentPerBrand',
    label: 'Give every brand its own agent',
    kind: 'checkbox',
    hint: 'Creates one for a brand that has none; never removes agents.',
  },
];

export const llmLimitFields: readonly SettingField[] = [
  {
    key: 'llmDailyBudgetUsd',
    label: 'Daily budget (US$)',
    kind: 'number',
    step: 0.01,
    hint: 'Per UTC day; 0 means no limit.',
  },
  {
    key: 'llmHourlyBudgetUsd',
    label: 'Hourly budget (US$)',
    kind: 'number',
    step: 0.01,
    hint: 'Per UTC clock hour; 0 means no limit.',
  },
  {
    key: 'llmTimeoutMs',
    label: 'Request timeout (ms)',
    kind: 'number',
    step: 1000,
    hint: '1 000–600 000; local models can need minutes.',
  },
  { key: 'llmMaxConcurrency', label: 'Requests at once', kind: 'number', hint: '1–32; the rest wait.' },
];

export const imageSettingFields: readonly SettingField[] = [
  {
    key: 'imagesBaseUrl',
    label: 'Images API base URL',
    kind: 'text',
    hint: 'An OpenAI-compatible images API, e.g. https://api.openai.com/v1. Empty: brand-colour gradients.',
  },
  { key: 'imagesModel', label: 'Images model', kind: 'text', hint: 'e.g. gpt-image-1.' },
];

export const metaAppFields: readonly SettingField[] = [
  {
    key: 'metaAppId',
    label: 'App ID',
    kind: 'text',
    hint: 'The numeric App ID of your own Meta app (developers.facebook.com → My Apps). List https://www.facebook.com/connect/login_success.html in its Valid OAuth Redirect URIs.',
  },
  { key: 'metaGraphVersion', label: 'Graph API version', kind: 'text', hint: 'e.g. v25.0.' },
];

export const googleClientFields: readonly SettingField[] = [
  {
    key: 'googleClientId',
    label: 'Client ID',
    kind: 'text',
    hint: 'An OAuth client of type “Desktop app” in your Google Cloud project, with the YouTube Data API v3 enabled.',
  },
];

export const mediaHostFields: readonly SettingField[] = [
  {
    key: 'mediaHostEndpoint',
    label: 'Endpoint',
    kind: 'text',
    hint: 'An S3-compatible address: AWS S3, Cloudflare R2 or MinIO. Empty: no media host (carousels wait for you).',
  },
  { key: 'mediaHostBucket', label: 'Bucket', kind: 'text', hint: 'e.g. maestro-media.' },
  { key: 'mediaHostRegion', label: 'Region', kind: 'text', hint: '“auto” for Cloudflare R2.' },
  { key: 'mediaHostAccessKeyId', label: 'Access key ID', kind: 'text' },
];

/** Where each platform lives; tests, sandboxes and proxies point these elsewhere. */
export const serviceAddressFields: readonly SettingField[] = [
  { key: 'graphBaseUrl', label: 'Graph API', kind: 'url', hint: 'MAESTRO_GRAPH_URL overrides it.' },
  {
    key: 'ruploadBaseUrl',
    label: 'Meta upload host',
    kind: 'url',
    hint: 'MAESTRO_RUPLOAD_URL overrides it.',
  },
  {
    key: 'facebookDialogUrl',
    label: 'Facebook Login dialog',
    kind: 'url',
    hint: 'MAESTRO_FACEBOOK_DIALOG_URL overrides it.',
  },
  {
    key: 'googleAuthUrl',
    label: 'Google sign-in',
    kind: 'url',
    hint: 'MAESTRO_GOOGLE_AUTH_URL overrides it.',
  },
  {
    key: 'googleTokenUrl',
    label: 'Google token endpoint',
    kind: 'url',
    hint: 'MAESTRO_GOOGLE_TOKEN_URL overrides it.',
  },
  {
    key: 'googleRevokeUrl',
    label: 'Google token revocation',
    kind: 'url',
    hint: 'MAESTRO_GOOGLE_REVOKE_URL overrides it.',
  },
  {
    key: 'youtubeApiBaseUrl',
    label: 'YouTube Data API',
    kind: 'url',
    hint: 'MAESTRO_YOUTUBE_API_URL overrides it.',
  },
  {
    key: 'youtubeUploadBaseUrl',
    label: 'YouTube upload API',
    kind: 'url',
    hint: 'MAESTRO_YOUTUBE_UPLOAD_URL overrides it.',
  },
];

export const assistantSettingFields: readonly SettingField[] = [
  {
    key: 'mcpEnabled',
    label: 'Let my AI assistant use Maestro',
    kind: 'checkbox',
    hint: 'Off by default. Turning it off stops every assistant at once.',
  },
];

export const backupSettingFields: readonly SettingField[] = [
  {
    key: 'backupFolder',
    label: 'Backup folder',
    kind: 'text',
    hint: 'A full folder path (another disk is best); empty keeps them in the data folder’s “backups”.',
  },
  {
    key: 'backupDaily',
    label: 'Back up automatically every day',
    kind: 'checkbox',
    hint: 'The newest 7 daily and 4 weekly copies are kept; your own “Back up now” copies stay until you delete them.',
  },
  {
    key: 'backupIncludeMedia',
    label: 'Include rendered media',
    kind: 'checkbox',
    hint: 'Reels, slides and thumbnails too: complete, but as large as your media folder.',
  },
];

export const retentionFields: readonly SettingField[] = [
  {
    key: 'retentionActivityDays',
    label: 'Keep activity entries (days)',
    kind: 'number',
    hint: 'Older entries are removed; a count per day stays. 0 keeps everything; at least 7.',
  },
  {
    key: 'retentionUsageDays',
    label: 'Keep API usage rows (days)',
    kind: 'number',
    hint: 'Older calls become daily totals (calls, tokens, cost). 0 keeps everything; at least 7.',
  },
  {
    key: 'retentionMetricSnapshotsDays',
    label: 'Keep metric snapshots (days)',
    kind: 'number',
    hint: 'Older 1 h … 7 d measurements become daily totals; each post keeps its latest numbers. 0 keeps everything; at least 45.',
  },
  {
    key: 'retentionActivityMaxRows',
    label: 'Keep at most this many activity entries',
    kind: 'number',
    step: 1000,
    hint: 'Beyond it the oldest go, whatever their age (a count per day stays). 0 for no limit; at least 1,000.',
  },
];

export const learningSettingFields: readonly SettingField[] = [
  {
    key: 'adaptationRule',
    label: 'How agents adapt',
    kind: 'select',
    options: [
      { value: 'evidence', label: 'From the evidence (each strategy’s chance of being best)' },
      { value: 'original', label: 'The original rule (5 % shifts at 2.4× the worst)' },
    ],
    hint: 'The original rule is kept to compare; npm run simulate measures both.',
  },
  {
    key: 'feedbackMinAgeHours',
    label: 'Attribute posts from (hours)',
    kind: 'number',
    hint: 'Once their 48-hour numbers are in; 1–168.',
  },
  {
    key: 'feedbackMaxAgeHours',
    label: '…at the latest (hours)',
    kind: 'number',
    hint: 'A post whose numbers never came is attributed then, once; 1–336.',
  },
];
