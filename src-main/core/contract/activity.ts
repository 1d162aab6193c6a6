import { z } from 'zod';

export const activityLevels = ['action', 'detail', 'api', 'data', 'error'] as const;

export const activityEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  agent: z.string().nullable(),
  action: z.string(),
  detail: z.string(),
  level: z.enum(activityLevels),
  emoji: z.string().nullable(),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

export const activityListSchema = z
  .object({
    limit: z.number().int().min(1).max(500).optional(),
    /** Page backwards: entries with an id lower than this. */
    beforeId: z.number().int().positive().optional(),
  })
  .strict();
