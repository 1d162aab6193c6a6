import { familyOf } from '../agents/strategies';
import type { Random } from '../ports/random';

export interface IntelAvailability {
  hasTopPerformers: boolean;
  hasUnderperformers: boolean;
  hasTrending: boolean;
}

/**
 * Weights with the strategies that need data the agent does not have moved elsewhere:
 * double_down, refine and compound without top performers hand theirs to exploration (60 %) and
 * trending (40 %); iterate without underperformers to exploration; a trending strategy without
 * trending items to exploration. (Exploration is the agent's first strategy, trending its last.)
 */
export function redirectUnavailable(
  strategyNames: readonly string[],
  weights: Readonly<Record<string, number>>,
  intel: IntelAvailability,
): Record<string, number> {
  const w: Record<string, number> = {};
  for (const name of strategyNames) w[name] = Math.max(0, weights[name] ?? 0);
  const exploreKey = strategyNames[0] ?? 'explore';
  const trendingKey = strategyNames.length > 1 ? strategyNames[strategyNames.length - 1]! : exploreKey;
  const moveTo = (from: string, shares: Array<[string, number]>) => {
    const amount = w[from] ?? 0;
    delete w[from];
    for (const [to, share] of shares) w[to] = (w[to] ?? 0) + amount * share;
  };
  if (!intel.hasTopPerformers) {
    for (const name of Object.keys(w)) {
      if (name === 'double_down' || name === 'refine' || name === 'compound') {
        moveTo(name, [
          [exploreKey, 0.6],
          [trendingKey, 0.4],
        ]);
      }
    }
  }
  if (!intel.hasUnderperformers && 'iterate' in w) moveTo('iterate', [[exploreKey, 1]]);
  // A trending strategy without trending items has nothing to adapt.
  for (const name of Object.keys(w)) {
    if (familyOf(name) === 'trending' && !intel.hasTrending && name !== exploreKey)
      moveTo(name, [[exploreKey, 1]]);
  }
  return w;
}

/**
 * One strategy drawn with probability equal to its share (Thompson-style probability matching
 * when the shares are each strategy's chance of being best); the agent's first strategy when all
 * shares are 0.
 */
export function drawStrategy(
  strategyNames: readonly string[],
  shares: Readonly<Record<string, number>>,
  random: Random,
): string {
  const names = strategyNames.filter((n) => (shares[n] ?? 0) > 0);
  const total = names.reduce((sum, n) => sum + shares[n]!, 0);
  if (total <= 0) return strategyNames[0] ?? 'explore';
  let draw = random.next() * total;
  for (const name of names) {
    draw -= shares[name]!;
    if (draw < 0) return name;
  }
  return names[names.length - 1]!;
}
