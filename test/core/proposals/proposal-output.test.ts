import { describe, expect, it } from 'vitest';
import { postOutputSchema, reelOutputSchema } from '../../../src-main/core/proposals/proposal-output';

const reel = { title: 'WHY MAGNESIUM CHANGES YOUR SLEEP', image_prompt: '', caption: '', reasoning: 'r' };
const post = {
  title: 'WHAT YOUR GUT DOES WHILE YOU SLEEP EVERY NIGHT',
  image_prompt: '',
  caption: '',
  reasoning: 'r',
};

describe('reel content_lines', () => {
  it('splits one newline-joined string into its lines, trimmed, blank lines dropped', () => {
    const parsed = reelOutputSchema.parse({
      ...reel,
      content_lines:
        '  Morning light - sets your clock \n\nMagnesium - calms nerves\r\nWalking - steadies sugar\n',
    });
    expect(parsed.content_lines).toEqual([
      'Morning light - sets your clock',
      'Magnesium - calms nerves',
      'Walking - steadies sugar',
    ]);
  });

  it('keeps a list as it is, minus blank entries', () => {
    const parsed = reelOutputSchema.parse({
      ...reel,
      content_lines: [' One - a ', '', 'Two - b', '  ', 'Three - c'],
    });
    expect(parsed.content_lines).toEqual(['One - a', 'Two - b', 'Three - c']);
  });

  it('still needs 3 to 12 lines after splitting', () => {
    expect(reelOutputSchema.safeParse({ ...reel, content_lines: 'One - a\n\nTwo - b\n' }).success).toBe(
      false,
    );
    const thirteen = Array.from({ length: 13 }, (_, i) => `Line ${i + 1} - fact`).join('\n');
    expect(reelOutputSchema.safeParse({ ...reel, content_lines: thirteen }).success).toBe(false);
    const twelve = Array.from({ length: 12 }, (_, i) => `Line ${i + 1} - fact`).join('\n');
    expect(reelOutputSchema.parse({ ...reel, content_lines: twelve }).content_lines).toHaveLength(12);
  });
});

describe('post slide_texts', () => {
  it('splits one string into its paragraphs at blank lines, keeping the line breaks inside a paragraph', () => {
    const parsed = postOutputSchema.parse({
      ...post,
      slide_texts:
        'Your gut works the night shift.\nIt repairs its lining.\n\n  Fibre feeds it.  \n \n\nSleep on time.',
    });
    expect(parsed.slide_texts).toEqual([
      'Your gut works the night shift.\nIt repairs its lining.',
      'Fibre feeds it.',
      'Sleep on time.',
    ]);
  });

  it('still needs 2 to 8 slides after splitting', () => {
    // Single line breaks do not make slides: this is one paragraph.
    expect(postOutputSchema.safeParse({ ...post, slide_texts: 'One.\nTwo.\nThree.' }).success).toBe(false);
    const nine = Array.from({ length: 9 }, (_, i) => `Slide ${i + 1}.`).join('\n\n');
    expect(postOutputSchema.safeParse({ ...post, slide_texts: nine }).success).toBe(false);
    expect(postOutputSchema.parse({ ...post, slide_texts: ['A.', '', 'B.'] }).slide_texts).toEqual([
      'A.',
      'B.',
    ]);
  });
});
