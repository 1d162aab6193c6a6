import { z } from 'zod';

/** A piece of a search result's text; `match` marks the words the search found. */
export const textSegmentSchema = z.object({ text: z.string(), match: z.boolean() });
export type TextSegment = z.infer<typeof textSegmentSchema>;
export const highlightedTextSchema = z.array(textSegmentSchema);

/** What the creator typed in a search box: every word is a prefix, all must match. */
export const searchTextSchema = z.string().trim().min(1).max(200);

/** A matched row's title with the matches marked, and the best bit of its text. */
export const searchHighlightSchema = z.object({
  title: highlightedTextSchema,
  snippet: highlightedTextSchema,
});
export type SearchHighlight = z.infer<typeof searchHighlightSchema>;
