import type { Kysely } from 'kysely';
import type { AgentHistory, GenePoolEntry, TimelineEntry } from '../contract/learning';
import type { Database } from '../store/database';

/** What the Agents page shows of the learning loop: timelines, histories, the gene pool. */

function parse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function learningTimeline(
  db: Kysely<Database>,
  input: { agentId?: string; types?: readonly string[]; beforeId?: number; limit: number },
): Promise<TimelineEntry[]> {
  let query = db
    .selectFrom('agent_learning as l')
    .innerJoin('agents as a', 'a.agent_id', 'l.agent_id')
    .select([
      'l.id',
      'l.agent_id',
      'a.display_name',
      'l.mutation_type',
      'l.description',
      'l.old_value',
      'l.new_value',
      'l.trigger',
      'l.confidence',
      'l.created_at',
    ]);
  if (input.agentId) query = query.where('l.agent_id', '=', input.agentId);
  if (input.types?.length) query = query.where('l.mutation_type', 'in', [...input.types]);
  if (input.beforeId) query = query.where('l.id', '<', input.beforeId);
  const rows = await query.orderBy('l.id', 'desc').limit(input.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    agentId: r.agent_id,
    agentName: r.display_name,
    mutationType: r.mutation_type,
    description: r.description,
    oldValue: parse(r.old_value),
    newValue: parse(r.new_value),
    trigger: r.trigger,
    confidence: r.confidence,
    createdAt: r.created_at,
  }));
}

function weightsIn(value: unknown): Record<string, number> | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const weights = (v.strategyWeights ?? null) as Record<string, unknown> | null;
  if (!weights || typeof weights !== 'object') return null;
  const out: Record<string, number> = {};
  for (const [k, w] of Object.entries(weights)) if (typeof w === 'number') out[k] = w;
  return out;
}

/**
 * Survival per feedback snapshot and the strategy weights after each change, oldest first. The
 * weights series starts with the weights the agent was born with: its spawn log, or for an agent
 * that has none (the built-in agents) the weights its first change started from, at its creation.
 */
export async function agentHistory(db: Kysely<Database>, agentId: string): Promise<AgentHistory> {
  const snapshots = await db
    .selectFrom('agent_performance')
    .select(['created_at', 'survival_score', 'avg_views', 'published_count'])
    .where('agent_id', '=', agentId)
    .where('period', '=', 'feedback')
    .orderBy('id')
    .execute();
  const changes = await db
    .selectFrom('agent_learning')
    .select(['created_at', 'mutation_type', 'old_value', 'new_value'])
    .where('agent_id', '=', agentId)
    .where('mutation_type', 'in', ['spawn', 'weight_shift', 'manual_edit', 'manual_mutation'])
    .orderBy('id')
    .execute();
  const weights = changes.flatMap((c) => {
    const after = weightsIn(parse(c.new_value));
    return after ? [{ at: c.created_at, weights: after, type: c.mutation_type, before: c.old_value }] : [];
  });
  const first = weights[0];
  const born = first && first.type !== 'spawn' ? weightsIn(parse(first.before)) : null;
  const agent = born
    ? await db.selectFrom('agents').select('created_at').where('agent_id', '=', agentId).executeTakeFirst()
    : undefined;
  return {
    agentId,
    survival: snapshots.map((s) => ({
      at: s.created_at,
      survivalScore: s.survival_score,
      avgViews: s.avg_views,
      posts: s.published_count,
    })),
    weights: [
      ...(born && agent ? [{ at: agent.created_at, weights: born }] : []),
      ...weights.map(({ at, weights }) => ({ at, weights })),
    ],
  };
}

export async function genePool(db: Kysely<Database>): Promise<GenePoolEntry[]> {
  const rows = await db
    .selectFrom('gene_pool')
    .selectAll()
    .orderBy('survival_score', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sourceAgentId: r.source_agent_id,
    sourceAgentName: r.source_agent_name,
    personality: r.personality,
    temperature: r.temperature,
    variant: r.variant,
    strategyWeights: (weightsIn({ strategyWeights: parse(r.strategy_weights) }) ?? {}) as Record<
      string,
      number
    >,
    riskTolerance: r.risk_tolerance,
    survivalScore: r.survival_score,
    lifetimeViews: r.lifetime_views,
    generation: r.generation,
    reason: r.reason as GenePoolEntry['reason'],
    timesInherited: r.times_inherited,
    createdAt: r.created_at,
  }));
}
