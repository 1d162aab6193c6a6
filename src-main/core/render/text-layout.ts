import type { Measure } from './fonts';

/**
 * Greedy word wrap at `maxWidth`. A word wider than the line on its own is broken between
 * characters, so wrapping always succeeds and nothing is ever drawn past the margin.
 */
export function wrapWords(text: string, size: number, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (measure(candidate, size) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = '';
    if (measure(word, size) <= maxWidth) {
      current = word;
      continue;
    }
    for (const piece of breakWord(word, size, maxWidth, measure)) {
      if (current) lines.push(current);
      current = piece;
    }
  }
  if (current) lines.push(current);
  return lines;
}

function breakWord(word: string, size: number, maxWidth: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece && measure(piece + char, size) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

export interface FitRequest {
  text: string;
  maxWidth: number;
  maxLines: number;
  startSize: number;
  minSize: number;
  step: number;
  measure: Measure;
}

export interface FittedText {
  size: number;
  lines: string[];
  /** False when even the smallest size needed more lines than allowed. */
  fits: boolean;
}

/**
 * The largest size (from `startSize` down by `step`) at which the text fits. Line breaks the
 * writer typed are kept and the text shrinks until each of those lines fits; only if one is
 * still too wide at the smallest size is it wrapped (the original failed the render there).
 */
export function fitText(request: FitRequest): FittedText {
  const { text, maxWidth, maxLines, startSize, minSize, step, measure } = request;
  const manual = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const hasManualBreaks = manual.length > 1;
  for (let size = startSize; size >= minSize; size -= step) {
    if (hasManualBreaks) {
      if (manual.every((line) => measure(line, size) <= maxWidth)) {
        return { size, lines: manual, fits: true };
      }
      continue;
    }
    const lines = wrapWords(text, size, maxWidth, measure);
    if (lines.length <= maxLines) return { size, lines, fits: true };
  }
  const lines = manual.flatMap((line) => wrapWords(line, minSize, maxWidth, measure));
  return { size: minSize, lines, fits: hasManualBreaks ? true : lines.length <= maxLines };
}

/**
 * Splits a title into `lineCount` lines balanced by character count (the post cover's look):
 * of all the ways to break between words, the one whose longest line is shortest.
 */
export function balanceLines(text: string, lineCount: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  if (lineCount <= 1 || words.length <= 1) return [words.join(' ')];
  const count = Math.min(lineCount, words.length);
  let best: string[] = [words.join(' ')];
  let bestScore = Infinity;
  const search = (start: number, remaining: number, acc: string[]) => {
    if (remaining === 1) {
      const lines = [...acc, words.slice(start).join(' ')];
      const score = Math.max(...lines.map((l) => l.length));
      if (score < bestScore) {
        bestScore = score;
        best = lines;
      }
      return;
    }
    for (let end = start + 1; end <= words.length - remaining + 1; end++) {
      search(end, remaining - 1, [...acc, words.slice(start, end).join(' ')]);
    }
  };
  search(0, count, []);
  return best;
}
