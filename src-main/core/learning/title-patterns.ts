import { titleKeywords } from '../proposals/keyword-hash';

/**
 * Title structures the reference recognised (§9.4), matched on the upper-cased title. A label is
 * a shape, not a topic: "7 SIGNS YOUR GUT…" and "3 SIGNS OF LOW IRON" are both N_SIGNS.
 */
export const titleStructures: ReadonlyArray<readonly [label: string, pattern: RegExp, says: string]> = [
  ['N_SIGNS', /\b\d+\s+(?:\w+\s+)?SIGNS?\b/, '"N signs …"'],
  ['N_WAYS_TO', /\b\d+\s+(?:\w+\s+)?WAYS?\s+TO\b/, '"N ways to …"'],
  ['N_THINGS', /\b\d+\s+(?:\w+\s+)?THINGS?\b/, '"N things …"'],
  ['WHY_VERB', /^WHY\s+\w+/, '"Why … "'],
  ['IF_YOU_ACTION', /^IF\s+YOU\b/, '"If you …"'],
  ['YOUR_X_IS', /\bYOUR\s+\w+\s+(?:IS|ARE)\b/, '"Your … is …"'],
  ['STOP_DOING', /^STOP\b/, '"Stop …"'],
  ['DONT_DO', /^(?:DON'?T|NEVER)\b/, '"Don\'t …"'],
  ['HOW_TO', /\bHOW\s+TO\b/, '"How to …"'],
  ['YOU_NEED_TO', /\bYOU\s+(?:NEED|HAVE)\s+TO\b/, '"You need to …"'],
  ['NOBODY_TELLS', /\b(?:NOBODY|NO ONE)\s+TELLS?\b/, '"Nobody tells you …"'],
  ['WHAT_HAPPENS', /\bWHAT\s+HAPPENS\b/, '"What happens when …"'],
];

export function structuresOf(title: string): string[] {
  const upper = title.toUpperCase();
  return titleStructures.filter(([, pattern]) => pattern.test(upper)).map(([label]) => label);
}

/** One measured post of a brand: its title, its score against the brand (50 = median), its local hour. */
export interface PatternPost {
  title: string;
  score: number;
  hour: number;
}

export interface PatternFinding {
  type: 'title_structure' | 'posting_time' | 'keyword';
  key: string;
  description: string;
  /** Average score of the posts with the pattern minus the brand's average (score points). */
  effect: number;
  sampleSize: number;
}

export const patternRules = {
  minPosts: 5,
  topCount: 20,
  minStructureSamples: 2,
  minKeywordSamples: 3,
  minHourPosts: 3,
  /** An hour is a pattern when its posts beat the brand's average by this many points. */
  hourMargin: 5,
} as const;

const round1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * What a brand's measured posts say (reference §9.4, on scores relative to the brand rather than
 * raw views, so a small brand's patterns count): title structures seen at least twice in the top
 * 20 whose posts beat the brand's average; keywords seen at least three times in the top 20 that
 * do too; local posting hours with at least three posts beating the average by 5 points.
 */
export function discoverPatterns(posts: readonly PatternPost[]): PatternFinding[] {
  if (posts.length < patternRules.minPosts) return [];
  const baseline = mean(posts.map((p) => p.score));
  const top = [...posts].sort((a, b) => b.score - a.score).slice(0, patternRules.topCount);
  const findings: PatternFinding[] = [];
  const judge = (
    type: PatternFinding['type'],
    key: string,
    matches: (p: PatternPost) => boolean,
    minTop: number,
    say: (avg: number, n: number) => string,
    margin = 0,
  ) => {
    const inTop = top.filter(matches).length;
    const all = posts.filter(matches);
    if (inTop < minTop || all.length === 0) return;
    const avg = mean(all.map((p) => p.score));
    if (avg <= baseline + margin) return;
    findings.push({
      type,
      key,
      description: say(avg, all.length),
      effect: round1(avg - baseline),
      sampleSize: all.length,
    });
  };
  for (const [label, , says] of titleStructures) {
    judge(
      'title_structure',
      label,
      (p) => structuresOf(p.title).includes(label),
      patternRules.minStructureSamples,
      (avg, n) =>
        `Titles shaped ${says} score ${round1(avg)} on average against ${round1(baseline)} (${n} posts)`,
    );
  }
  const keywords = new Set(top.flatMap((p) => titleKeywords(p.title)));
  for (const word of [...keywords].sort()) {
    judge(
      'keyword',
      word,
      (p) => titleKeywords(p.title).includes(word),
      patternRules.minKeywordSamples,
      (avg, n) =>
        `Titles about "${word}" score ${round1(avg)} on average against ${round1(baseline)} (${n} posts)`,
    );
  }
  for (let hour = 0; hour < 24; hour++) {
    const at = posts.filter((p) => p.hour === hour);
    if (at.length < patternRules.minHourPosts) continue;
    judge(
      'posting_time',
      String(hour).padStart(2, '0'),
      (p) => p.hour === hour,
      0,
      (avg, n) =>
        `Posts published at ${String(hour).padStart(2, '0')}:00 score ${round1(avg)} against ${round1(baseline)} (${n} posts)`,
      patternRules.hourMargin,
    );
  }
  return findings;
}

/** Recency decay of a pattern not validated for `days` (reference: e^(−days/30), 4 dp). */
export function patternDecay(days: number): number {
  return Math.round(Math.exp(-Math.max(0, days) / 30) * 10_000) / 10_000;
}
