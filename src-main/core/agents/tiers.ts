export type Tier = 'thriving' | 'surviving' | 'struggling';

/**
 * Tier by rank among n agents sorted by survival (best first): the top 40 % thrive, up to 80 %
 * survive, the rest struggle; at least one thrives and one survives.
 * n=2 → 1/1/0, n=3 → 1/1/1, n=5 → 2/2/1, n=10 → 4/4/2.
 */
export function tierForRank(rank: number, n: number): Tier {
  const top = Math.max(1, Math.floor(0.4 * n));
  const mid = Math.max(top + 1, Math.floor(0.8 * n));
  return rank < top ? 'thriving' : rank < mid ? 'surviving' : 'struggling';
}
