import { z } from 'zod';

/**
 * A list the LLM may also answer as one string, split at `separator`. Models asked for an
 * array of lines sometimes write the lines as one newline-joined string; dropping such a
 * proposal wastes a good answer. Entries are trimmed and blank ones dropped in either form,
 * and the list's length limits apply to what is left.
 */
function listOrText(separator: RegExp, entry: z.ZodString, min: number, max: number) {
  return z.preprocess((value) => {
    const entries = typeof value === 'string' ? value.split(separator) : value;
    if (!Array.isArray(entries)) return entries;
    return entries
      .map((e: unknown) => (typeof e === 'string' ? e.trim() : e))
      .filter((e: unknown) => e !== '');
  }, z.array(entry).min(min).max(max));
}

/** Reel lines are single lines. */
const lineBreak = /\r?\n/;
/** Slides are paragraphs: a blank line (possibly holding spaces) ends one. */
const blankLine = /\r?\n[ \t]*\r?\n/;

/** What the LLM must answer for a reel: validated before anything is stored. */
export const reelOutputSchema = z.object({
  title: z.string().trim().min(3).max(200),
  content_lines: listOrText(lineBreak, z.string().max(400), 3, 12),
  image_prompt: z.string().trim().max(2000).default(''),
  caption: z.string().trim().max(5000).default(''),
  reasoning: z.string().trim().max(3000).default('No reasoning provided'),
});

/** What the LLM must answer for a carousel post. */
export const postOutputSchema = z.object({
  title: z.string().trim().min(3).max(200),
  slide_texts: listOrText(blankLine, z.string().max(1500), 2, 8),
  image_prompt: z.string().trim().max(2000).default(''),
  caption: z.string().trim().max(5000).default(''),
  reasoning: z.string().trim().max(3000).default('No reasoning provided'),
});

export type ReelOutput = z.infer<typeof reelOutputSchema>;
export type PostOutput = z.infer<typeof postOutputSchema>;
