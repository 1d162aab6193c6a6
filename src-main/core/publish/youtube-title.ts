import { z } from 'zod';
import type { LlmClient } from '../ports/llm';
import type { ScheduledPostRow } from '../schedule/calendar-repository';
import { publishDefaults } from './defaults';

const titleSchema = z.object({ title: z.string().trim().min(1).max(200) });

/**
 * Whether an LLM-written YouTube title can be used as is: 40–70 characters (room for YouTube's
 * display), not all capitals, no < or > (YouTube refuses them), no hashtags. Pure.
 */
export function acceptableYoutubeTitle(title: string): boolean {
  const { min, max } = publishDefaults.youtubeTitleChars;
  const length = [...title].length;
  return length >= min && length <= max && !/[<>#]/.test(title) && title !== title.toUpperCase();
}

/**
 * Asks the LLM once for a searchable YouTube title for the reel (reference 6.12); returns null
 * when it cannot give an acceptable one, and the fallback (Title Case, ≤ 100) stays.
 */
export async function writeYoutubeTitle(llm: LlmClient, post: ScheduledPostRow): Promise<string | null> {
  const { min, max } = publishDefaults.youtubeTitleChars;
  try {
    const answer = await llm.completeJson({
      operation: 'youtube.title',
      system: 'You write YouTube Shorts titles. Answer with JSON only: {"title": "..."}.',
      user: [
        `Write one YouTube title of ${min}-${max} characters for this short video.`,
        'Title Case, one or two searchable keywords, curiosity without numbers, not all capitals, not clickbait, no hashtags, no quotes.',
        `Video title on screen: ${post.title}`,
        `Caption: ${post.caption.slice(0, 600)}`,
      ].join('\n'),
      temperature: 0.8,
      maxTokens: 100,
      schema: titleSchema,
    });
    const title = answer.title.replace(/^["'“”]+|["'“”]+$/g, '').trim();
    return acceptableYoutubeTitle(title) ? title : null;
  } catch {
    // No LLM, a budget stop or a bad answer: the fallback title is a good title too.
    return null;
  }
}
