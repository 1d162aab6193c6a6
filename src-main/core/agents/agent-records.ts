import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import type { ActivityEntry } from '../contract/activity';
import { isoNow, type Clock } from '../ports/clock';
import type { Random } from '../ports/random';
import type { Database } from '../store/database';
import { pickAgentIdentity } from './agent-names';
import { dnaColumns, type AgentRow } from './agents-repository';
import type { AgentDna } from './dna';

/**
 * The rows an agent's life writes, each inside the caller's transaction so a birth, a death or a
 * mutation commits together with what caused it (the weekly evolution commits once for all).
 */

export interface LearningEntry {
  agentId: string;
  type: string;
  description: string;
  oldValue: unknown;
  newValue: unknown;
  trigger: string;
  confidence?: number | null;
  survival: number;
}

export async function recordLearning(
  trx: Kysely<Database>,
  clock: Clock,
  entry: LearningEntry,
): Promise<void> {
  await trx
    .insertInto('agent_learning')
    .values({
      agent_id: entry.agentId,
      mutation_type: entry.type,
      description: entry.description,
      old_value: entry.oldValue === null ? null : JSON.stringify(entry.oldValue),
      new_value: entry.newValue === null ? null : JSON.stringify(entry.newValue),
      trigger: entry.trigger,
      confidence: entry.confidence === undefined ? 1 : entry.confidence,
      survival_score_at: entry.survival,
      created_at: isoNow(clock),
    })
    .execute();
}

export interface BirthInput {
  dna: AgentDna;
  createdForBrand: string | null;
  parentAgentId: string | null;
  learning: { type: string; description: string; trigger: string };
}

/**
 * Inserts a new agent under a fresh identity (never a name an active agent wears, never an id
 * ever used) and logs its birth. Returns the activity entry to announce after the commit.
 */
export async function insertAgent(
  trx: Kysely<Database>,
  deps: { clock: Clock; random: Random; activity: ActivityLog },
  input: BirthInput,
): Promise<{ agentId: string; displayName: string; entry: ActivityEntry }> {
  const rows = await trx.selectFrom('agents').select(['agent_id', 'display_name', 'active']).execute();
  const identity = pickAgentIdentity(
    deps.random,
    new Set(rows.filter((r) => r.active).map((r) => r.display_name)),
    new Set(rows.map((r) => r.agent_id)),
  );
  const now = isoNow(deps.clock);
  await trx
    .insertInto('agents')
    .values({
      agent_id: identity.agentId,
      display_name: identity.displayName,
      proposal_prefix: identity.prefix,
      ...dnaColumns(input.dna),
      created_for_brand: input.createdForBrand,
      parent_agent_id: input.parentAgentId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await recordLearning(trx, deps.clock, {
    agentId: identity.agentId,
    type: input.learning.type,
    description: input.learning.description,
    oldValue: null,
    newValue: input.dna,
    trigger: input.learning.trigger,
    survival: 0,
  });
  const entry = await deps.activity.insert(trx, {
    agent: identity.agentId,
    action: 'Agent created',
    detail: `${identity.displayName}: ${input.learning.description}`,
    level: 'action',
    emoji: '🐣',
  });
  return { agentId: identity.agentId, displayName: identity.displayName, entry };
}

export type GenePoolReason = 'retirement' | 'top_performer' | 'manual';

/** Archives an agent's DNA in the gene pool, as it is now. */
export async function archiveDna(
  trx: Kysely<Database>,
  clock: Clock,
  row: AgentRow,
  reason: GenePoolReason,
): Promise<void> {
  await trx
    .insertInto('gene_pool')
    .values({
      source_agent_id: row.agent_id,
      source_agent_name: row.display_name,
      personality: row.personality,
      temperature: row.temperature,
      variant: row.variant,
      strategy_names: row.strategy_names,
      strategy_weights: row.strategy_weights,
      risk_tolerance: row.risk_tolerance,
      survival_score: row.survival_score,
      lifetime_views: row.lifetime_views,
      generation: row.generation,
      reason,
      created_at: isoNow(clock),
    })
    .execute();
}

/**
 * Deactivates an agent if it is still active: a conditional update, so two retirements of the
 * same agent (a click and the weekly evolution) archive and log once.
 */
export async function deactivateAgent(
  trx: Kysely<Database>,
  clock: Clock,
  agentId: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('agents')
    .set({ active: 0, updated_at: isoNow(clock) })
    .where('agent_id', '=', agentId)
    .where('active', '=', 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
