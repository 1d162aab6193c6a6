import { createHash } from 'node:crypto';

const stopWords = new Set(
  (
    'the a an and or but if then so of to in on at by for with from about into over under after before ' +
    'is are was were be been being am do does did doing have has had having will would shall should can could may might must ' +
    'i me my we our you your he him his she her it its they them their this that these those ' +
    'what which who whom whose when where why how not no yes just very too also than more most less'
  ).split(' '),
);

/** Lower-case content words of a title: punctuation dropped, stop words and words ≤ 2 letters removed. */
export function titleKeywords(title: string): string[] {
  const words = title
    .toLowerCase()
    .replace(/[^a-z0-9\s]/g, '')
    .split(/\s+/)
    .filter((w) => w.length > 2 && !stopWords.has(w));
  return [...new Set(words)].sort();
}

/**
 * Two titles with the same set of content words, in any order, are the same idea:
 * SHA-256 of the sorted keywords, first 16 hex characters.
 */
export function keywordHash(title: string): string {
  return createHash('sha256').update(titleKeywords(title).join(' ')).digest('hex').slice(0, 16);
}
