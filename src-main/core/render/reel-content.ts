/**
 * Lines an LLM tends to tack on as a call to action ("Follow us for more…", "Comment PLAN…").
 * The reel gets exactly one CTA line of our own, so these are removed first (behaviour 6.5).
 */
const aiCtaPatterns: readonly RegExp[] = [
  /\bfollow\b.*\b(page|us|our|for more|for part)\b/i,
  /\bcomment\s+["“'].+["”']/i,
  /\bcomment\b.*\b(lean|plan)\b/i,
  /\bif you want to\b.*\b(follow|improve|learn)\b/i,
  /\bstay tuned\b.*\bfollow\b/i,
];

export function stripAiCtaLines(lines: readonly string[]): string[] {
  return lines.map((l) => l.trim()).filter((l) => l && !aiCtaPatterns.some((p) => p.test(l)));
}

/** "3. Text", "3) Text", "- Text", "• Text" → "Text". */
export function stripNumbering(line: string): string {
  return line.replace(/^\s*(?:\d+\s*[.)]|[-•*])\s*/, '').trim();
}

/** `**bold**` markup is not drawn differently; the markers must not show either. */
export function stripMarkup(line: string): string {
  return line.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\*\*/g, '');
}

/**
 * The reel's content lines: AI CTAs removed, our CTA appended, and every line numbered
 * "1. ", "2. ", … when there is more than one (existing numbers are replaced, not doubled).
 */
export function reelContentLines(lines: readonly string[], ctaLine: string | null): string[] {
  const body = stripAiCtaLines(lines)
    .map((l) => stripNumbering(stripMarkup(l)))
    .filter(Boolean);
  const all = ctaLine ? [...body, ctaLine] : body;
  return all.length > 1 ? all.map((l, i) => `${i + 1}. ${l}`) : all;
}
