import { normaliseWeights, round, type AgentDna } from '../agents/dna';
import type { Random } from '../ports/random';
import { learningDefaults } from './defaults';

export const selectionDefaults = {
  /** Reference 4.3. */
  deathThreshold: 30,
  minSnapshots: 4,
  recentSnapshots: 8,
  minRecentSnapshots: 4,
  minActiveAgents: 2,
  inheritChance: 0.8,
  parentCandidates: 5,
  archiveAbove: 50,
  /** Child DNA jitter (reference 4.3). */
  temperatureJitter: 0.05,
  weightJitter: 0.03,
  minChildWeight: 0.05,
  /**
   * The gene pool is pruned (the original never did): an entry older than `maxAgeDays` goes
   * unless it is among the `keepBest` by survival, and the pool never holds more than `maxSize`
   * (the lowest-scored go first, the oldest among equals).
   */
  pool: { maxAgeDays: 90, keepBest: 20, maxSize: 100 },
} as const;

/**
 * Whether a struggling agent has been weak for long enough to retire (reference 4.3): at least
 * 4 snapshots in all, its current score under 30, and its last 8 snapshots (at least 4 of them)
 * all under 30. `recent` is newest first.
 */
export function deathEligibility(input: {
  currentSurvival: number;
  totalSnapshots: number;
  recent: readonly number[];
}): { eligible: boolean; reason: string } {
  const { deathThreshold, minSnapshots, recentSnapshots, minRecentSnapshots } = selectionDefaults;
  if (input.totalSnapshots < minSnapshots)
    return { eligible: false, reason: `only ${input.totalSnapshots} of ${minSnapshots} snapshots` };
  if (input.currentSurvival >= deathThreshold)
    return { eligible: false, reason: `survival ${input.currentSurvival} is not under ${deathThreshold}` };
  const window = input.recent.slice(0, recentSnapshots);
  if (window.length < minRecentSnapshots)
    return { eligible: false, reason: `only ${window.length} recent snapshots` };
  const high = window.find((s) => s >= deathThreshold);
  if (high !== undefined) return { eligible: false, reason: `a recent snapshot scored ${high}` };
  return { eligible: true, reason: `last ${window.length} snapshots all under ${deathThreshold}` };
}

export interface PoolEntry {
  id: number;
  sourceAgentId: string;
  survivalScore: number;
  createdAt: string;
}

/**
 * The parent of a replacement: among the 5 best-scored pool entries not from the agent that
 * died, one drawn with probability proportional to its score (a score of 0 counts as 1).
 */
export function pickParent<T extends PoolEntry>(
  pool: readonly T[],
  diedAgentId: string,
  random: Random,
): T | null {
  const candidates = pool
    .filter((e) => e.sourceAgentId !== diedAgentId)
    .sort((a, b) => b.survivalScore - a.survivalScore || a.id - b.id)
    .slice(0, selectionDefaults.parentCandidates);
  if (candidates.length === 0) return null;
  const weights = candidates.map((c) => (c.survivalScore > 0 ? c.survivalScore : 1));
  let draw = random.next() * weights.reduce((a, b) => a + b, 0);
  for (const [i, c] of candidates.entries()) {
    draw -= weights[i]!;
    if (draw < 0) return c;
  }
  return candidates[candidates.length - 1]!;
}

/**
 * The lineage of a replacement (reference 4.3): with probability 0.8 a parent from the gene pool
 * (see pickParent), otherwise — or when no entry qualifies — none, and the child gets random DNA.
 * One draw decides, before any parent is drawn.
 */
export function chooseParent<T extends PoolEntry>(
  pool: readonly T[],
  diedAgentId: string,
  random: Random,
): T | null {
  if (random.next() >= selectionDefaults.inheritChance) return null;
  return pickParent(pool, diedAgentId, random);
}

/**
 * A child's DNA from its parent (reference 4.3): temperature ± up to 0.05 (2 dp, within the
 * learning bounds), variant, risk and strategies copied, each weight ± up to 0.03 (at least 0.05),
 * renormalised.
 */
export function inheritDna(parent: AgentDna, random: Random, personality: string): AgentDna {
  const [lo, hi] = learningDefaults.temperature.bounds;
  const jitter = (range: number, decimals: number) => round((random.next() * 2 - 1) * range, decimals);
  const temperature = Math.min(
    hi,
    Math.max(lo, round(parent.temperature + jitter(selectionDefaults.temperatureJitter, 2), 2)),
  );
  const raw: Record<string, number> = {};
  for (const name of parent.strategyNames) {
    raw[name] = Math.max(
      selectionDefaults.minChildWeight,
      round((parent.strategyWeights[name] ?? 0) + jitter(selectionDefaults.weightJitter, 3), 3),
    );
  }
  return {
    ...parent,
    personality,
    temperature,
    strategyNames: [...parent.strategyNames],
    strategyWeights: normaliseWeights(parent.strategyNames, raw),
  };
}

/** Which gene-pool entries to delete (see selectionDefaults.pool). Pure; ids returned. */
export function prunePool(entries: readonly PoolEntry[], now: Date): number[] {
  const { maxAgeDays, keepBest, maxSize } = selectionDefaults.pool;
  const byScore = [...entries].sort(
    (a, b) => b.survivalScore - a.survivalScore || b.createdAt.localeCompare(a.createdAt) || b.id - a.id,
  );
  const protectedIds = new Set(byScore.slice(0, keepBest).map((e) => e.id));
  const cutoff = now.getTime() - maxAgeDays * 86_400_000;
  const doomed = new Set(
    entries.filter((e) => !protectedIds.has(e.id) && Date.parse(e.createdAt) < cutoff).map((e) => e.id),
  );
  const survivors = byScore.filter((e) => !doomed.has(e.id));
  for (const extra of survivors.slice(maxSize)) doomed.add(extra.id);
  return [...doomed].sort((a, b) => a - b);
}
