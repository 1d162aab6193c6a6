import { learningDefaults } from './defaults';
import { probabilityOfBest, type StrategyBelief } from './strategy-evidence';

/** A change of an agent's repertoire (its DNA strategyNames): one strategy in, one out. */
export interface RepertoireSwap {
  adopt: string;
  drop: string;
  /** The brand whose evidence asked for it. */
  brandId: string;
  /** The chance the adopted strategy beats every strategy the agent has, for that brand. */
  probability: number;
}

/**
 * Whether an agent should adopt a strategy it lacks (its DNA fixes which strategies it can use;
 * the original never changed them, so an agent without its brand's best strategy could only wait
 * to die). For each brand the agent writes for, the strongest strategy outside its repertoire is
 * adopted when the evidence gives it at least `adoptAt` (0.8) chance of beating all of the
 * agent's own; it replaces the strategy that is least likely to be best for any of those brands,
 * never one that is the agent's best somewhere. One swap per cycle, the most certain first.
 * `beliefs` holds, per brand, a belief for every strategy of the catalogue.
 */
export function repertoireSwap(
  names: readonly string[],
  beliefs: ReadonlyMap<string, readonly StrategyBelief[]>,
): RepertoireSwap | null {
  if (names.length === 0) return null;
  const own = new Set(names);
  let best: { adopt: string; brandId: string; probability: number } | null = null;
  const usefulness = new Map<string, number>(names.map((n) => [n, 0]));
  const needed = new Set<string>();
  for (const [brandId, all] of [...beliefs.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const mine = all.filter((b) => own.has(b.strategy));
    if (mine.length === 0) continue;
    const pMine = probabilityOfBest(mine);
    for (const [name, p] of Object.entries(pMine)) usefulness.set(name, Math.max(usefulness.get(name)!, p));
    needed.add(mine.reduce((a, b) => (b.mean > a.mean ? b : a)).strategy);
    const outside = all.filter((b) => !own.has(b.strategy));
    if (outside.length === 0) continue;
    const candidate = outside.reduce((a, b) => (b.mean > a.mean ? b : a));
    const probability = probabilityOfBest([candidate, ...mine])[candidate.strategy] ?? 0;
    if (probability >= learningDefaults.adoptAt && (!best || probability > best.probability))
      best = { adopt: candidate.strategy, brandId, probability };
  }
  if (!best) return null;
  const droppable = names.filter((n) => !needed.has(n));
  if (droppable.length === 0) return null;
  const drop = droppable.reduce((a, b) => (usefulness.get(b)! < usefulness.get(a)! ? b : a));
  return { ...best, drop };
}
