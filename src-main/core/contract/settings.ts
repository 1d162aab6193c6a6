import { z } from 'zod';
import { brandIdSchema } from './brands';

const httpUrlSchema = z
  .string()
  .max(2000)
  .url()
  .refine((value) => /^https?:\/\//i.test(value), 'Use an http:// or https:// address');

/** Every user-editable setting with its validation; defaults live in core/settings/defaults.ts. */
export const settingsValuesSchema = z.object({
  llmBaseUrl: httpUrlSchema,
  llmModel: z.string().trim().min(1).max(200),
});
export type SettingsValues = z.infer<typeof settingsValuesSchema>;
export type SettingKey = keyof SettingsValues;

export const settingsSetSchema = z
  .object({ values: settingsValuesSchema.partial().strict() })
  .strict()
  .refine((input) => Object.keys(input.values).length > 0, 'Nothing to change');

export const settingsViewSchema = z.object({
  values: settingsValuesSchema,
  /** Where each value comes from: the built-in default or the user's saved choice. */
  sources: z.record(z.string(), z.enum(['default', 'saved'])),
  secrets: z.object({ llmApiKey: z.boolean() }),
  /** How secrets are protected at rest, e.g. "OS keychain". */
  secretProtection: z.string(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

/** Secret names: the app's LLM key, or one platform credential of one brand. */
export const secretKeySchema = z.union([
  z.literal('llm.apiKey'),
  z
    .string()
    .max(80)
    .regex(/^brand:[a-z][a-z0-9_-]*[a-z0-9]:(metaAccessToken|youtubeRefreshToken)$/, 'Unknown secret name')
    .refine((key) => brandIdSchema.safeParse(key.split(':')[1]).success, 'Unknown secret name'),
]);
export type SecretKey = z.infer<typeof secretKeySchema>;

export const secretSetSchema = z
  .object({ key: secretKeySchema, value: z.string().min(1).max(8192) })
  .strict();
export const secretClearSchema = z.object({ key: secretKeySchema }).strict();
export const secretStatusSchema = z.object({ key: z.string(), isSet: z.boolean() });
