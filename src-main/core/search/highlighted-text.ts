import type { TextSegment } from '../contract/search';

/** What the search index puts around a matched word in a snippet (never in stored text). */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/**
 * Splits a marked snippet into plain and matched pieces, so a view can emphasise matches
 * without ever treating stored text as markup. Adjacent pieces of the same kind are merged.
 */
export function segmentsOf(marked: string): TextSegment[] {
  const segments: TextSegment[] = [];
  const push = (text: string, match: boolean) => {
    if (text === '') return;
    const last = segments.at(-1);
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
  };
  let match = false;
  let piece = '';
  for (const char of marked) {
    if (char === MATCH_START || char === MATCH_END) {
      push(piece, match);
      piece = '';
      match = char === MATCH_START;
    } else {
      piece += char;
    }
  }
  push(piece, match);
  return segments;
}
