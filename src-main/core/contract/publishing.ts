import { z } from 'zod';
import { brandIdSchema } from './brands';
import { jobIdSchema, platforms } from './jobs';

export const platformSchema = z.enum(platforms);
export type Platform = z.infer<typeof platformSchema>;

/** Each platform as the creator reads its name, in the app and in its messages. */
export const platformNames: Record<Platform, string> = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  youtube: 'YouTube',
};

export const scheduleIdSchema = z
  .string()
  .max(24)
  .regex(/^SCH-[a-z0-9]{8,16}$/, 'Use a schedule id such as SCH-1a2b3c4d');

const isoInstantSchema = z.iso.datetime({
  offset: true,
  message: 'Use an ISO date-time such as 2026-12-03T09:00:00Z',
});

export const postStatuses = [
  'scheduled',
  'publishing',
  'published',
  'partial',
  'failed',
  'waiting',
  'cancelled',
] as const;
export const targetStatuses = [
  'scheduled',
  'uploading',
  'processing',
  'published',
  'failed',
  'waiting',
  'cancelled',
] as const;

/** One platform's progress for one post: the persisted publishing state machine as the UI sees it. */
export const publishTargetSchema = z.object({
  platform: platformSchema,
  status: z.enum(targetStatuses),
  /** The step under way or next ("upload", "processing", "publish"…). */
  step: z.string().nullable(),
  externalId: z.string().nullable(),
  permalink: z.string().nullable(),
  attempts: z.number(),
  /** When it will try again (rate limit, offline, quota) and why it waits. */
  nextAttemptAt: z.string().nullable(),
  waitReason: z.string().nullable(),
  error: z
    .object({ message: z.string(), code: z.string().nullable(), suggestedFix: z.string().nullable() })
    .nullable(),
  publishedAt: z.string().nullable(),
});
export type PublishTarget = z.infer<typeof publishTargetSchema>;

export const calendarItemSchema = z.object({
  scheduleId: z.string(),
  jobId: z.string(),
  proposalId: z.string().nullable(),
  brandId: z.string(),
  brandName: z.string(),
  brandColor: z.string(),
  contentType: z.enum(['reel', 'carousel']),
  variant: z.enum(['light', 'dark', 'post']),
  title: z.string(),
  caption: z.string(),
  facebookCaption: z.string(),
  youtubeTitle: z.string().nullable(),
  youtubeTitleSource: z.enum(['llm', 'fallback', 'creator']).nullable(),
  firstComment: z.string().nullable(),
  scheduledTime: z.string(),
  slotSource: z.enum(['auto', 'manual']),
  /** Said when the slot rule had to bend (a reel in the other variant's slot, a wait for Instagram's limit). */
  slotNote: z.string().nullable(),
  status: z.enum(postStatuses),
  platforms: z.array(platformSchema),
  targets: z.array(publishTargetSchema),
  /** The render's files, relative to the media folder (served at /media/… or maestro-media://). */
  media: z.object({
    video: z.string().nullable(),
    thumbnail: z.string().nullable(),
    youtubeThumbnail: z.string().nullable(),
    slides: z.array(z.string()),
  }),
  /** Captions and time can still change: no platform has started. */
  editable: z.boolean(),
  publishedAt: z.string().nullable(),
  publishError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CalendarItem = z.infer<typeof calendarItemSchema>;

export const calendarListInputSchema = z
  .object({
    /** Items scheduled in [from, to). */
    from: isoInstantSchema,
    to: isoInstantSchema,
    brandId: brandIdSchema.optional(),
    statuses: z.array(z.enum(postStatuses)).max(postStatuses.length).optional(),
    limit: z.number().int().min(1).max(2000).optional(),
    /** The next page: posts after this one in time order (the previous page's last). */
    afterScheduleId: scheduleIdSchema.optional(),
  })
  .strict()
  .refine((input) => Date.parse(input.from) < Date.parse(input.to), 'from must be before to');

export const calendarListSchema = z.object({
  items: z.array(calendarItemSchema),
  /** The creator's zone: slots and "today" are computed in it. */
  timeZone: z.string(),
  hasMore: z.boolean(),
});

export const scheduleIdInputSchema = z.object({ scheduleId: scheduleIdSchema }).strict();

export const calendarRescheduleSchema = z
  .object({ scheduleId: scheduleIdSchema, at: isoInstantSchema })
  .strict();

export const calendarSlotCheckSchema = z.object({ ok: z.boolean(), reason: z.string().nullable() });

export const calendarUpdateSchema = z
  .object({
    scheduleId: scheduleIdSchema,
    patch: z
      .object({
        caption: z.string().trim().min(1).max(2200).optional(),
        facebookCaption: z.string().trim().min(1).max(63_206).optional(),
        youtubeTitle: z
          .string()
          .trim()
          .min(1)
          .max(100)
          .refine((t) => !/[<>]/.test(t), 'YouTube refuses < and > in titles')
          .optional(),
        firstComment: z.string().trim().min(1).max(2200).nullable().optional(),
        platforms: z.array(platformSchema).min(1).max(3).optional(),
      })
      .strict()
      .refine((patch) => Object.keys(patch).length > 0, 'Nothing to change'),
  })
  .strict();

export const calendarRetrySchema = z
  .object({ scheduleId: scheduleIdSchema, platform: platformSchema.optional() })
  .strict();

export const calendarExportSchema = z.object({
  /** Absolute folder the slides (or the video) and the captions were copied to. */
  folder: z.string(),
  files: z.array(z.string()),
});

export const connectionStatuses = ['not_connected', 'connected', 'expired', 'error'] as const;

export const connectionSchema = z.object({
  brandId: z.string(),
  platform: platformSchema,
  status: z.enum(connectionStatuses),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  /** When the stored token stops working; null when it does not expire. */
  expiresAt: z.string().nullable(),
  lastError: z.string().nullable(),
  connectedAt: z.string().nullable(),
  checkedAt: z.string().nullable(),
});
export type Connection = z.infer<typeof connectionSchema>;

export const connectionsListInputSchema = z.object({ brandId: brandIdSchema.optional() }).strict();

const userTokenSchema = z
  .string()
  .trim()
  .min(20, 'Paste the whole access token')
  .max(1024)
  .regex(/^[A-Za-z0-9._|-]+$/, 'An access token has only letters, digits and . _ | -');

export const metaPagesInputSchema = z.object({ brandId: brandIdSchema, userToken: userTokenSchema }).strict();
export const metaPagesSchema = z.object({
  pages: z.array(
    z.object({
      pageId: z.string(),
      pageName: z.string(),
      instagramAccountId: z.string().nullable(),
      instagramUsername: z.string().nullable(),
    }),
  ),
});

export const metaConnectInputSchema = z
  .object({
    brandId: brandIdSchema,
    userToken: userTokenSchema,
    pageId: z
      .string()
      .regex(/^\d{1,30}$/)
      .optional(),
  })
  .strict();

export const metaLoginUrlSchema = z.object({
  /** Open in a window; the token comes back in the redirect's fragment. */
  url: z.string(),
  redirectUri: z.string(),
});

export const youtubeBeginSchema = z.object({
  /** Open in the system browser; the app listens on the loopback redirect. */
  authUrl: z.string(),
  redirectUri: z.string(),
});

export const connectionPlatformInputSchema = z
  .object({ brandId: brandIdSchema, platform: platformSchema })
  .strict();

export const connectionTestSchema = z.object({ ok: z.boolean(), detail: z.string() });

export const jobScheduleInputSchema = z.object({ jobId: jobIdSchema }).strict();
