import { z } from 'zod';

const line = z.string().trim().min(1).max(400);

/** What the LLM must answer for a reel: validated before anything is stored. */
export const reelOutputSchema = z.object({
  title: z.string().trim().min(3).max(200),
  content_lines: z.array(line).min(3).max(12),
  image_prompt: z.string().trim().max(2000).default(''),
  caption: z.string().trim().max(5000).default(''),
  reasoning: z.string().trim().max(3000).default('No reasoning provided'),
});

/** What the LLM must answer for a carousel post. */
export const postOutputSchema = z.object({
  title: z.string().trim().min(3).max(200),
  slide_texts: z.array(z.string().trim().min(1).max(1500)).min(2).max(8),
  image_prompt: z.string().trim().max(2000).default(''),
  caption: z.string().trim().max(5000).default(''),
  reasoning: z.string().trim().max(3000).default('No reasoning provided'),
});

export type ReelOutput = z.infer<typeof reelOutputSchema>;
export type PostOutput = z.infer<typeof postOutputSchema>;
