import { familyOf } from '../agents/strategies';
import type { Random } from '../ports/random';

export interface IntelAvailability {
  hasTopPerformers: boolean;
  hasUnderperformers: boolean;
  hasTrending: boolean;
}

/** Python's round(): halves go to the even neighbour, so 2.5 → 2 and 3.5 → 4. */
export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (Math.abs(diff - 0.5) < 1e-9) return floor % 2 === 0 ? floor : floor + 1;
  return Math.round(value);
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

/**
 * How many of `count` proposals each strategy writes from fixed weights (the reference's plan),
 * after the unavailable strategies' weight has moved (see redirectUnavailable).
 */
export function planStrategies(
  count: number,
  strategyNames: readonly string[],
  weights: Readonly<Record<string, number>>,
  intel: IntelAvailability,
): Record<string, number> {
  if (count <= 0) return {};
  const w = redirectUnavailable(strategyNames, weights, intel);
  const exploreKey = strategyNames[0] ?? 'explore';
  const total = Object.values(w).reduce((a, b) => a + b, 0);
  const shares = total > 0 ? w : { [exploreKey]: 1 };
  const sum = total > 0 ? total : 1;
  const plan: Record<string, number> = {};
  for (const [name, weight] of Object.entries(shares)) plan[name] = roundHalfEven((count * weight) / sum);
  let assigned = Object.values(plan).reduce((a, b) => a + b, 0);
  if (assigned < count) plan[exploreKey] = (plan[exploreKey] ?? 0) + (count - assigned);
  // A surplus is taken in ONE pass from the smallest counts up, one from each positive strategy,
  // as the reference does. Re-picking the smallest each time would take the whole surplus from
  // one strategy (6 over four quarters: 2,2,2,2 → 0,2,2,2 instead of 1,1,2,2). One pass always
  // suffices: only strategies that rounded up (each by at most a half) make the surplus.
  const position = (name: string) => {
    const i = strategyNames.indexOf(name);
    return i < 0 ? strategyNames.length : i;
  };
  const smallestFirst = Object.keys(plan).sort((a, b) => plan[a]! - plan[b]! || position(a) - position(b));
  for (const name of smallestFirst) {
    if (assigned <= count) break;
    if (plan[name]! <= 0) continue;
    plan[name]!--;
    assigned--;
  }
  for (const [name, n] of Object.entries(plan)) if (n <= 0) delete plan[name];
  return plan;
}
