import { z } from 'zod';
import { activityEntrySchema } from './activity';
import { burstSummarySchema, maestroStatusSchema } from './maestro';
import { notificationSchema } from './notifications';

/** Push streams from the core to every open view, over IPC or server-sent events. */
export const eventStreams = {
  /** A new activity-log entry. */
  activity: activityEntrySchema,
  /** Pause/resume changed (from the tray, the UI or another tab). */
  'maestro.state': maestroStatusSchema,
  /** Progress of the running burst (counts so far). */
  'burst.progress': burstSummarySchema,
  /** Progress of a render job. */
  'job.progress': z.object({
    jobId: z.string(),
    status: z.enum(['pending', 'generating', 'completed', 'failed', 'cancelled']),
    step: z.string().nullable(),
    percent: z.number().min(0).max(100),
  }),
  /** A post's progress on one platform (upload percent while bytes go up). */
  'publish.progress': z.object({
    scheduleId: z.string(),
    platform: z.enum(['instagram', 'facebook', 'youtube']),
    status: z.enum(['scheduled', 'uploading', 'processing', 'published', 'failed', 'waiting', 'cancelled']),
    step: z.string().nullable(),
    percent: z.number().min(0).max(100).nullable(),
  }),
  /**
   * A notification was delivered (once each): the bell lists it, and a browser tab shows it as a
   * toast when `shown` (the desktop shows it natively instead).
   */
  notification: notificationSchema,
  /** Something changed that open views may be showing; they refetch that entity. */
  'data.changed': z.object({
    entity: z.enum([
      'brands',
      'settings',
      'secrets',
      'agents',
      'proposals',
      'bursts',
      'jobs',
      'calendar',
      'connections',
      /** New measurements of posts or accounts (the metrics collector took some). */
      'analytics',
      'backups',
      /** A Maestro cycle ran (the dashboard's next-run times move). */
      'cycles',
      /** A diagnostics run was stored (the Diagnostics page and the dashboard's tile). */
      'diagnostics',
      /** Notifications were marked read (the bell's count moves). */
      'notifications',
    ]),
    id: z.string().optional(),
  }),
} as const;

export type EventStreams = typeof eventStreams;
export type EventName = keyof EventStreams;
export type EventPayload<K extends EventName> = z.output<EventStreams[K]>;
export type ContractEvent = { [K in EventName]: { stream: K; payload: EventPayload<K> } }[EventName];

export const eventNames = Object.keys(eventStreams) as EventName[];
