import { z } from 'zod';

/** Colours are stored as lower-case #rrggbb so the renderer and FFmpeg read them the same way. */
export const hexColorSchema = z
  .string()
  .max(9)
  .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'Use a hex colour such as #1a2b3c')
  .transform((value) => {
    const hex = value.slice(1).toLowerCase();
    return hex.length === 3 ? `#${[...hex].map((c) => c + c).join('')}` : `#${hex}`;
  });

export const brandIdSchema = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z][a-z0-9_-]*[a-z0-9]$/, 'Use lower-case letters, digits, "-" or "_", starting with a letter');

/**
 * Instagram usernames: letters, digits, "." and "_", at most 30, no leading/trailing or doubled
 * dots. Stored lower-case with a leading "@".
 */
export const instagramHandleSchema = z
  .string()
  .max(31)
  .regex(/^@?(?!\.)(?!.*\.\.)[A-Za-z0-9._]{1,30}(?<!\.)$/, 'Use an Instagram handle such as @my.brand')
  .transform((value) => `@${value.replace(/^@/, '').toLowerCase()}`);

const numericIdSchema = z
  .string()
  .max(32)
  .regex(/^\d{5,30}$/, 'Use the numeric id shown by Meta');
const youtubeChannelIdSchema = z
  .string()
  .max(24)
  .regex(/^UC[A-Za-z0-9_-]{22}$/, 'Use a YouTube channel id such as UCxxxxxxxxxxxxxxxxxxxxxx');

export const brandColorsSchema = z
  .object({
    primary: hexColorSchema,
    accent: hexColorSchema,
    /** Title bar and text on light and dark reels; derived from primary/accent when absent. */
    lightTitleBar: hexColorSchema.optional(),
    lightTitleText: hexColorSchema.optional(),
    darkTitleBar: hexColorSchema.optional(),
    darkTitleText: hexColorSchema.optional(),
  })
  .strict();

/** How the examiner scores this brand's proposals; weights are shares that add up to 1. */
export const examinerConfigSchema = z
  .object({
    threshold: z.number().min(0).max(10),
    weights: z
      .object({
        avatarFit: z.number().min(0).max(1),
        engagementPotential: z.number().min(0).max(1),
        contentQuality: z.number().min(0).max(1),
      })
      .strict()
      .refine(
        (w) => Math.abs(w.avatarFit + w.engagementPotential + w.contentQuality - 1) < 0.001,
        'Weights must add up to 1',
      ),
  })
  .strict();
export type ExaminerConfig = z.infer<typeof examinerConfigSchema>;

/** What the brand is about and whom it speaks to: injected into agent and examiner prompts. */
export const contentProfileSchema = z
  .object({
    niche: z.string().trim().min(1).max(120),
    audience: z.string().trim().min(1).max(600),
  })
  .strict();
export type ContentProfile = z.infer<typeof contentProfileSchema>;

/** Where and how a brand's posts go out; null fields mean the app's defaults. */
export const publishingProfileSchema = z
  .object({
    /** Platforms this brand publishes to (a post only goes where its brand and its render agree). */
    platforms: z.array(z.enum(['instagram', 'facebook', 'youtube'])).max(3),
    youtubePrivacy: z.enum(['public', 'unlisted', 'private']),
    youtubeNotifySubscribers: z.boolean(),
    /** Add "#Shorts" to the YouTube description (YouTube classifies Shorts by shape, not by tag). */
    youtubeShortsTag: z.boolean(),
    /** Posted as the first comment under every post, e.g. the hashtags or a link; null = none. */
    firstComment: z.string().trim().min(1).max(2200).nullable(),
  })
  .strict();
export type PublishingProfile = z.infer<typeof publishingProfileSchema>;

const brandFields = {
  displayName: z.string().trim().min(1).max(80),
  shortName: z.string().trim().min(1).max(12),
  instagramHandle: instagramHandleSchema.nullable(),
  instagramAccountId: numericIdSchema.nullable(),
  facebookPageId: numericIdSchema.nullable(),
  youtubeChannelId: youtubeChannelIdSchema.nullable(),
  scheduleOffset: z.number().int().min(0).max(23),
  postsPerDay: z.number().int().min(1).max(24),
  colors: brandColorsSchema,
  active: z.boolean(),
  /** null = the app-wide defaults. */
  examiner: examinerConfigSchema.nullable(),
  contentProfile: contentProfileSchema.nullable(),
  publishing: publishingProfileSchema.nullable(),
};

export const brandCreateSchema = z
  .object({
    id: brandIdSchema,
    displayName: brandFields.displayName,
    shortName: brandFields.shortName.optional(),
    instagramHandle: brandFields.instagramHandle.optional(),
    instagramAccountId: brandFields.instagramAccountId.optional(),
    facebookPageId: brandFields.facebookPageId.optional(),
    youtubeChannelId: brandFields.youtubeChannelId.optional(),
    /** Omitted: the next free offset, so a new brand does not publish at the same hours. */
    scheduleOffset: brandFields.scheduleOffset.optional(),
    postsPerDay: brandFields.postsPerDay.optional(),
    colors: brandFields.colors,
    active: brandFields.active.optional(),
    examiner: brandFields.examiner.optional(),
    contentProfile: brandFields.contentProfile.optional(),
    publishing: brandFields.publishing.optional(),
  })
  .strict();
export type BrandCreateInput = z.infer<typeof brandCreateSchema>;

export const brandPatchSchema = z
  .object({
    displayName: brandFields.displayName.optional(),
    shortName: brandFields.shortName.optional(),
    instagramHandle: brandFields.instagramHandle.optional(),
    instagramAccountId: brandFields.instagramAccountId.optional(),
    facebookPageId: brandFields.facebookPageId.optional(),
    youtubeChannelId: brandFields.youtubeChannelId.optional(),
    scheduleOffset: brandFields.scheduleOffset.optional(),
    postsPerDay: brandFields.postsPerDay.optional(),
    colors: brandFields.colors.optional(),
    active: brandFields.active.optional(),
    examiner: brandFields.examiner.optional(),
    contentProfile: brandFields.contentProfile.optional(),
    publishing: brandFields.publishing.optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'Nothing to change');

export const brandUpdateSchema = z.object({ id: brandIdSchema, patch: brandPatchSchema }).strict();
export type BrandUpdateInput = z.infer<typeof brandUpdateSchema>;

export const brandSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  shortName: z.string(),
  instagramHandle: z.string().nullable(),
  instagramAccountId: z.string().nullable(),
  facebookPageId: z.string().nullable(),
  youtubeChannelId: z.string().nullable(),
  scheduleOffset: z.number(),
  postsPerDay: z.number(),
  colors: z.object({
    primary: z.string(),
    accent: z.string(),
    lightTitleBar: z.string(),
    lightTitleText: z.string(),
    darkTitleBar: z.string(),
    darkTitleText: z.string(),
  }),
  active: z.boolean(),
  /** Effective examiner settings (the brand's own, else the defaults) and whether they are custom. */
  examiner: examinerConfigSchema.extend({ custom: z.boolean() }),
  contentProfile: contentProfileSchema.extend({ custom: z.boolean() }),
  publishing: publishingProfileSchema.extend({ custom: z.boolean() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Which platform secrets are stored; the secrets themselves never leave the main process. */
  credentials: z.object({ metaAccessToken: z.boolean(), youtubeRefreshToken: z.boolean() }),
});
export type Brand = z.infer<typeof brandSchema>;

export const brandIdInputSchema = z.object({ id: brandIdSchema }).strict();
export const brandListInputSchema = z.object({ includeInactive: z.boolean().optional() }).strict();
