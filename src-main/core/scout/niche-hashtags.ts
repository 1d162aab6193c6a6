import { scoutDefaults } from './defaults';

const HASHTAG = /^[\p{L}\p{N}_]{1,100}$/u;
const fillerWords = new Set(['and', 'the', 'for', 'of', 'with', 'a', 'an', 'to', 'in', 'on', 'your', 'our']);

/** "#GutHealth" → "guthealth"; null when it is not a hashtag Instagram would search. */
export function normalizeHashtag(text: string): string | null {
  const tag = text.trim().replace(/^#/, '').toLowerCase();
  return HASHTAG.test(tag) ? tag : null;
}

/**
 * Hashtags to search when the creator has not listed any, from the brand's niche: the whole niche
 * run together ("health & wellness" → healthandwellness), then its content words (health,
 * wellness), then those run together (healthwellness). At most five, no duplicates.
 */
export function nicheHashtags(niche: string): string[] {
  const words = niche
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}_]+/u)
    .filter(Boolean);
  const content = words.filter((w) => w.length > 2 && !fillerWords.has(w));
  const candidates = [words.join(''), ...content, content.join('')];
  const tags: string[] = [];
  for (const candidate of candidates) {
    const tag = normalizeHashtag(candidate);
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return tags.slice(0, scoutDefaults.maxNicheHashtags);
}

/** `#words` of a caption, lower-case, unique, at most `max` (reference §9.2: what trending rows keep). */
export function captionHashtags(caption: string | null, max: number): string[] {
  const found = (caption ?? '').match(/#[\p{L}\p{N}_]+/gu) ?? [];
  return [...new Set(found.map((tag) => tag.slice(1).toLowerCase()))].slice(0, max);
}
