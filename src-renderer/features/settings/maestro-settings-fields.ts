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
    hint: 'Defines “today” for quotas and the burst, e.g. Europe/Lisbon.',
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
