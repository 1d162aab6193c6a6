import { z } from 'zod';

/**
 * What Maestro tells the creator about without being asked, one Settings switch per kind:
 * a burst ended (with any shortfall), a post failed on a platform, a platform login is about to
 * expire or has expired, a render failed for good, the diagnostics turned critical.
 */
export const notificationKinds = [
  'burst_finished',
  'publish_failed',
  'token_expiry',
  'render_failed',
  'diagnostics_critical',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationSchema = z.object({
  id: z.number(),
  kind: z.enum(notificationKinds),
  /** error: something failed or needs the creator; info: news. */
  severity: z.enum(['info', 'error']),
  title: z.string(),
  body: z.string(),
  /** The page that shows what it is about, as a renderer path (`/calendar?item=…`). */
  route: z.string(),
  brandId: z.string().nullable(),
  createdAt: z.string(),
  /** When it was delivered (null: not yet); `shown` false when its kind was off in Settings. */
  deliveredAt: z.string().nullable(),
  shown: z.boolean(),
  readAt: z.string().nullable(),
});
export type AppNotification = z.infer<typeof notificationSchema>;

export const notificationListInputSchema = z
  .object({
    limit: z.number().int().min(1).max(200).optional(),
    /** Page backwards: notifications with an id lower than this. */
    beforeId: z.number().int().positive().optional(),
    unreadOnly: z.boolean().optional(),
  })
  .strict();

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  /** Unread notifications in all (the bell's count). */
  unread: z.number().int(),
});

export const notificationMarkReadSchema = z
  .object({
    /** These notifications; without ids, every unread one. */
    ids: z.array(z.number().int().positive()).min(1).max(500).optional(),
  })
  .strict();

export const notificationMarkReadResultSchema = z.object({
  marked: z.number().int(),
  unread: z.number().int(),
});
