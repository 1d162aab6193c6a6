import { z } from 'zod';
import { brandIdSchema } from './brands';
import { searchHighlightSchema, searchTextSchema } from './search';

export const activityLevels = ['action', 'detail', 'api', 'data', 'error'] as const;

export const activityEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  agent: z.string().nullable(),
  action: z.string(),
  detail: z.string(),
  level: z.enum(activityLevels),
  emoji: z.string().nullable(),
  /** The brand the entry concerns; null when none (or written before entries had one). */
  brandId: z.string().nullable(),
  /** Present on search results: the action with the matches marked and a snippet of the detail. */
  highlight: searchHighlightSchema.optional(),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

export const activityListSchema = z
  .object({
    limit: z.number().int().min(1).max(500).optional(),
    /** Page backwards: entries with an id lower than this. */
    beforeId: z.number().int().positive().optional(),
    /** Only entries whose action, detail or agent has these words (each a prefix). */
    search: searchTextSchema.optional(),
    /** Only one agent's entries ('maestro', 'healer', an agent id…). */
    agent: z.string().trim().min(1).max(100).optional(),
    /** Only entries about one brand. */
    brandId: brandIdSchema.optional(),
    /** Only one kind of entry. */
    level: z.enum(activityLevels).optional(),
  })
  .strict();
