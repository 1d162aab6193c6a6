import { z } from 'zod';
import { proposalStatuses } from './proposals';
import { postStatuses } from './publishing';
import { searchHighlightSchema, searchTextSchema } from './search';

export const searchInputSchema = z
  .object({
    text: searchTextSchema,
    /** Per kind; newest first. */
    limit: z.number().int().min(1).max(50).optional(),
  })
  .strict();

export const searchResultsSchema = z.object({
  proposals: z.array(
    z.object({
      proposalId: z.string(),
      brandId: z.string().nullable(),
      status: z.enum(proposalStatuses),
      contentType: z.enum(['reel', 'post']),
      createdAt: z.string(),
      highlight: searchHighlightSchema,
    }),
  ),
  posts: z.array(
    z.object({
      scheduleId: z.string(),
      brandId: z.string(),
      status: z.enum(postStatuses),
      scheduledTime: z.string(),
      highlight: searchHighlightSchema,
    }),
  ),
  activity: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      highlight: searchHighlightSchema,
    }),
  ),
});
export type SearchResults = z.infer<typeof searchResultsSchema>;
