import { z } from 'zod';
import { brandIdSchema } from './brands';

const httpUrlSchema = z
  .string()
  .max(2000)
  .url()
  .refine((value) => /^https?:\/\//i.test(value), 'Use an http:// or https:// address');

/** 0 (keep everything) or at least `minimum` days, at most ten years. */
function keepDaysSchema(minimum: number) {
  return z
    .number()
    .int()
    .min(0)
    .max(3650)
    .refine(
      (days) => days === 0 || days >= minimum,
      `Keep at least ${minimum} days, or 0 to keep everything`,
    );
}

/** Every user-editable setting with its validation; defaults live in core/settings/defaults.ts. */
export const settingsValuesSchema = z.object({
  llmBaseUrl: httpUrlSchema,
  llmModel: z.string().trim().min(1).max(200),
  /** Per request; local models on a laptop can take minutes for a long answer. */
  llmTimeoutMs: z.number().int().min(1_000).max(600_000),
  /** LLM requests allowed in flight at once; the rest wait their turn. */
  llmMaxConcurrency: z.number().int().min(1).max(32),
  /** Estimated spend per UTC day / UTC clock hour in US dollars; 0 means no limit. */
  llmDailyBudgetUsd: z.number().min(0).max(100_000),
  llmHourlyBudgetUsd: z.number().min(0).max(100_000),
  /** Render jobs encoding at once; each FFmpeg uses one core, so about the number of cores. */
  renderConcurrency: z.number().int().min(1).max(8),
  /** Local time of the daily burst, HH:MM, in burstTimeZone. */
  burstTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time such as 12:00'),
  /** IANA zone that defines "today" and the burst time (one zone for every rule). */
  burstTimeZone: z
    .string()
    .min(1)
    .max(64)
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'Use a time zone such as Europe/Lisbon'),
  /** What each active brand gets per day. */
  reelsPerBrand: z.number().int().min(0).max(24),
  postsPerBrand: z.number().int().min(0).max(24),
  /** Population guard: give every active brand an agent created for it (never removes any). */
  spawnAgentPerBrand: z.boolean(),
  /** OpenAI-compatible images API for reel backgrounds; empty = brand-colour gradients. */
  imagesBaseUrl: z.union([z.literal(''), httpUrlSchema]),
  imagesModel: z.string().trim().min(1).max(200),

  /** The creator's own Meta app (Facebook Login for Business); its secret is stored as a secret. */
  metaAppId: z.union([z.literal(''), z.string().regex(/^\d{5,30}$/, 'Use the numeric App ID from Meta')]),
  metaGraphVersion: z.string().regex(/^v\d{2}\.0$/, 'Use a Graph API version such as v25.0'),
  /** The creator's own Google OAuth client of type "Desktop app"; its secret is stored as a secret. */
  googleClientId: z.union([z.literal(''), z.string().trim().min(10).max(200)]),
  /** Where each platform API lives; tests, sandboxes and proxies point these elsewhere. */
  graphBaseUrl: httpUrlSchema,
  ruploadBaseUrl: httpUrlSchema,
  facebookDialogUrl: httpUrlSchema,
  googleAuthUrl: httpUrlSchema,
  googleTokenUrl: httpUrlSchema,
  googleRevokeUrl: httpUrlSchema,
  youtubeApiBaseUrl: httpUrlSchema,
  youtubeUploadBaseUrl: httpUrlSchema,
  /**
   * An S3-compatible bucket (AWS S3, Cloudflare R2, MinIO) that holds carousel images and reel
   * covers for the few minutes Instagram needs to fetch them; empty endpoint = no media host.
   */
  mediaHostEndpoint: z.union([z.literal(''), httpUrlSchema]),
  mediaHostBucket: z.union([
    z.literal(''),
    z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'Use a bucket name such as maestro-media'),
  ]),
  mediaHostRegion: z.string().trim().min(1).max(40),
  mediaHostAccessKeyId: z.union([z.literal(''), z.string().trim().min(3).max(128)]),
  /**
   * How agents adapt their strategy shares: `evidence` (each strategy's chance of being the best
   * for the brand, from every measured post) or `original` (the reference's 5 % shift when the
   * best strategy averages 2.4 × the worst), kept to compare against.
   */
  adaptationRule: z.enum(['evidence', 'original']),
  /** A published post is attributed to its agent once, when its metrics are this old (hours). */
  feedbackMinAgeHours: z.number().int().min(1).max(168),
  /** …and at most this old in the normal course (a later one is still attributed, once). */
  feedbackMaxAgeHours: z.number().int().min(1).max(336),
  /**
   * Lets the creator's own AI assistant drive Maestro over MCP (every operation of this
   * contract). Off until the creator turns it on: an assistant can change and publish anything.
   */
  mcpEnabled: z.boolean(),

  /**
   * Days of detail kept before the retention pruner removes it (daily totals stay); 0 keeps
   * everything. Usage stays at least a week (the LLM budget and YouTube's quota read today's
   * rows); metric snapshots at least 45 days (a post's relative score compares it with the
   * brand's posts of the 30 days before, at stamps up to 7 days old).
   */
  retentionActivityDays: keepDaysSchema(7),
  retentionUsageDays: keepDaysSchema(7),
  retentionMetricSnapshotsDays: keepDaysSchema(45),
  /**
   * At most this many activity entries are kept (the oldest go first, their daily totals stay),
   * whatever their age; 0 keeps any number.
   */
  retentionActivityMaxRows: z
    .number()
    .int()
    .min(0)
    .max(10_000_000)
    .refine((rows) => rows === 0 || rows >= 1_000, 'Keep at least 1,000 entries, or 0 for no limit'),
  /** Where backups go; empty = the `backups` folder inside the data folder. */
  backupFolder: z.union([
    z.literal(''),
    z
      .string()
      .trim()
      .max(1000)
      .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'Use a full folder path, such as /home/me/Backups'),
  ]),
  /** One automatic backup a day (7 daily and 4 weekly kept). */
  backupDaily: z.boolean(),
  /** Backups also copy the rendered media (reels, slides, thumbnails): larger, but complete. */
  backupIncludeMedia: z.boolean(),

  /**
   * Notifications, one switch per kind: on, it is shown (natively on the desktop, as a toast in a
   * browser tab); off, it is still listed under the bell, quietly.
   */
  notifyBurstFinished: z.boolean(),
  notifyPublishFailed: z.boolean(),
  notifyTokenExpiry: z.boolean(),
  notifyRenderFailed: z.boolean(),
  notifyDiagnosticsCritical: z.boolean(),
});
export type SettingsValues = z.infer<typeof settingsValuesSchema>;
export type SettingKey = keyof SettingsValues;

export const settingsSetSchema = z
  .object({ values: settingsValuesSchema.partial().strict() })
  .strict()
  .refine((input) => Object.keys(input.values).length > 0, 'Nothing to change');

export const settingsViewSchema = z.object({
  values: settingsValuesSchema,
  /**
   * Where each value comes from: the built-in default, the user's saved choice, or an
   * environment variable (which wins, so a test or sandbox can stand in for a service).
   */
  sources: z.record(z.string(), z.enum(['default', 'saved', 'environment'])),
  secrets: z.object({
    llmApiKey: z.boolean(),
    imagesApiKey: z.boolean(),
    metaAppSecret: z.boolean(),
    googleClientSecret: z.boolean(),
    mediaHostSecretKey: z.boolean(),
  }),
  /** How secrets are protected at rest, e.g. "OS keychain". */
  secretProtection: z.string(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

/** Secret names: the app's service keys, or one platform credential of one brand. */
export const secretKeySchema = z.union([
  z.literal('llm.apiKey'),
  z.literal('images.apiKey'),
  z.literal('meta.appSecret'),
  z.literal('google.clientSecret'),
  z.literal('mediaHost.secretAccessKey'),
  z
    .string()
    .max(80)
    .regex(
      /^brand:[a-z][a-z0-9_-]*[a-z0-9]:(metaAccessToken|facebookPageToken|youtubeRefreshToken)$/,
      'Unknown secret name',
    )
    .refine((key) => brandIdSchema.safeParse(key.split(':')[1]).success, 'Unknown secret name'),
]);
export type SecretKey = z.infer<typeof secretKeySchema>;

export const secretSetSchema = z
  .object({ key: secretKeySchema, value: z.string().min(1).max(8192) })
  .strict();
export const secretClearSchema = z.object({ key: secretKeySchema }).strict();
export const secretStatusSchema = z.object({ key: z.string(), isSet: z.boolean() });
