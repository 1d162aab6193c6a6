import type { Random } from '../ports/random';
import {
  captionLimits,
  ctaCaptionTemplates,
  ctaLineVariants,
  defaultHashtags,
  followCtaWords,
  handlePlaceholder,
  titleCaseSmallWords,
  type CtaType,
} from './defaults';

export interface CaptionInput {
  /** The proposal's caption, used as written; null only for manual jobs without one. */
  caption: string | null;
  title: string;
  contentLines: readonly string[];
  hashtags: readonly string[];
  ctaType: CtaType;
  brand: { displayName: string; instagramHandle: string | null };
}

export interface Captions {
  instagram: string;
  facebook: string;
  youtubeTitle: string;
  youtubeDescription: string;
  hashtags: string[];
}

const hashtagPattern = /#[\p{L}\p{N}_]+/gu;

/** Length as a person (and Instagram) counts it: code points, so an emoji is one. */
export function charCount(text: string): number {
  return [...text].length;
}

/**
 * Cuts `text` to at most `max` characters at a word boundary, ending with "…" when it cut.
 * A text that fits is returned unchanged.
 */
export function truncateAtWord(text: string, max: number, ellipsis = '…'): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const room = Math.max(0, max - charCount(ellipsis));
  const head = chars.slice(0, room).join('');
  const lastSpace = head.search(/\s\S*$/);
  const cut = lastSpace > room / 2 ? head.slice(0, lastSpace) : head;
  return cut.trimEnd() + ellipsis;
}

/** Splits a caption into its prose and the hashtags of a trailing hashtag-only paragraph. */
export function splitTrailingHashtags(caption: string): { body: string; tags: string[] } {
  const paragraphs = caption.trim().split(/\n\s*\n/);
  const last = paragraphs[paragraphs.length - 1] ?? '';
  if (paragraphs.length > 0 && last.trim() && last.replace(hashtagPattern, '').trim() === '') {
    return { body: paragraphs.slice(0, -1).join('\n\n').trim(), tags: last.match(hashtagPattern) ?? [] };
  }
  return { body: caption.trim(), tags: [] };
}

/** "#Sleep", "sleep", "#sleep" → one "#sleep"-style tag, first spelling kept, order kept. */
export function uniqueHashtags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.startsWith('#') ? raw : `#${raw}`;
    if (!/^#[\p{L}\p{N}_]+$/u.test(tag)) continue;
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** How captions name the brand: its Instagram handle, or its name when it has none. */
function brandMention(brand: CaptionInput['brand']): string {
  const handle = brand.instagramHandle?.trim();
  if (!handle) return brand.displayName;
  return handle.startsWith('@') ? handle : `@${handle}`;
}

/** The LLM's caption with every `@brandhandle` placeholder replaced by the brand's mention. */
export function fillHandlePlaceholder(text: string, brand: CaptionInput['brand']): string {
  const mention = brandMention(brand);
  return text.replace(handlePlaceholder, () => mention);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Does the text already ask the reader to follow? The rule is stated at `followCtaWords`. */
export function hasFollowCta(text: string, brand: CaptionInput['brand']): boolean {
  const phrase = (words: string) => words.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  const targets = [
    '@[A-Za-z0-9._]',
    ...[brand.displayName, brand.instagramHandle?.replace(/^@/, '') ?? '', ...followCtaWords]
      .filter((words) => words.trim())
      .map((words) => `${phrase(words)}(?![\\p{L}\\p{N}_])`),
  ];
  return new RegExp(`(?<![\\p{L}\\p{N}_-])follow\\s+(?:${targets.join('|')})`, 'iu').test(text);
}

function ctaText(input: CaptionInput): string | null {
  const template = ctaCaptionTemplates[input.ctaType];
  return template ? template.replace('{handle}', brandMention(input.brand)) : null;
}

/**
 * Joins prose, CTA and hashtags; when over `maxChars` only the prose is shortened, so the CTA
 * and the hashtags always survive.
 */
function compose(body: string, cta: string | null, tags: readonly string[], maxChars: number): string {
  const tail = [cta, tags.length > 0 ? tags.join(' ') : null].filter((p): p is string => !!p);
  const suffix = tail.length > 0 ? `\n\n${tail.join('\n\n')}` : '';
  const room = maxChars - charCount(suffix);
  const prose = room > 0 ? truncateAtWord(body, room) : '';
  return `${prose}${suffix}`.trim();
}

/** "the SECRET of good sleep" → "The Secret of Good Sleep" (small words lower-case, not the first). */
export function titleCase(text: string): string {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((word, i) =>
      i > 0 && titleCaseSmallWords.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join(' ');
}

/** YouTube refuses "<" and ">" in titles and descriptions. */
function youtubeSafe(text: string): string {
  return text.replace(/[<>]/g, '');
}

export function youtubeTitle(title: string): string {
  const cased = titleCase(youtubeSafe(title.replace(hashtagPattern, ' ')));
  return truncateAtWord(cased, captionLimits.youtubeTitleMaxChars, '...');
}

function truncateToBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let chars = [...text];
  while (chars.length > 0 && Buffer.byteLength(chars.join('') + '…') > maxBytes) chars = chars.slice(0, -1);
  return chars.join('').trimEnd() + '…';
}

/**
 * Every platform's caption from the proposal's own caption (not rewritten, except that the
 * `@brandhandle` placeholder becomes the brand's real handle), one follow call to action, and
 * hashtags within each platform's limits. The brand's CTA is added only where the text does not
 * already ask to follow: the LLM is told to write one, and two in a row read as spam.
 */
export function buildCaptions(input: CaptionInput): Captions {
  const written = fillHandlePlaceholder(
    input.caption?.trim()
      ? input.caption
      : [input.title, ...input.contentLines]
          .map((l) => l.trim())
          .filter(Boolean)
          .join('\n'),
    input.brand,
  );
  const { body, tags: trailing } = splitTrailingHashtags(written);
  const inline = body.match(hashtagPattern) ?? [];
  const named = uniqueHashtags([...trailing, ...input.hashtags]);
  const all = named.length > 0 ? named : uniqueHashtags(defaultHashtags);
  const inlineKeys = new Set(inline.map((t) => t.toLowerCase()));
  const extra = all.filter((t) => !inlineKeys.has(t.toLowerCase()));
  const cta = ctaText(input);
  const limit = (max: number) => extra.slice(0, Math.max(0, max - inline.length));
  // Judged on each finished text: a platform limit may cut the written CTA off with the prose.
  const withOneCta = (build: (cta: string | null) => string): string => {
    const asWritten = build(null);
    return cta === null || hasFollowCta(asWritten, input.brand) ? asWritten : build(cta);
  };

  const instagramTags = limit(captionLimits.instagramMaxHashtags);
  return {
    instagram: withOneCta((c) => compose(body, c, instagramTags, captionLimits.instagramMaxChars)),
    facebook: withOneCta((c) =>
      compose(body, c, limit(captionLimits.facebookMaxHashtags), captionLimits.facebookMaxChars),
    ),
    youtubeTitle: youtubeTitle(input.title),
    youtubeDescription: withOneCta((c) =>
      truncateToBytes(
        youtubeSafe(compose(body, c, limit(captionLimits.youtubeMaxHashtags), Number.MAX_SAFE_INTEGER)),
        captionLimits.youtubeDescriptionMaxBytes,
      ),
    ),
    hashtags: instagramTags,
  };
}

/** The CTA line drawn on the reel, picked once per job. */
export function chooseCtaLine(type: CtaType, random: Random): string | null {
  const variants = ctaLineVariants[type];
  if (variants.length === 0) return null;
  return variants[Math.min(variants.length - 1, Math.floor(random.next() * variants.length))]!;
}
