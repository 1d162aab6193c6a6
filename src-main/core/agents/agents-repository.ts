import type { Kysely, Selectable } from 'kysely';
import type { AgentsTable, Database } from '../store/database';
import { dnaDefaults, type AgentDna, type ContentType } from './dna';
import { isStrategyName, type StrategyName } from './strategies';

export type AgentRow = Selectable<AgentsTable>;

function parseJson<T>(text: string, fallback: T, valid: (v: unknown) => boolean): T {
  try {
    const value: unknown = JSON.parse(text);
    return valid(value) ? (value as T) : fallback;
  } catch {
    return fallback;
  }
}

/** DNA read fresh from the row on every run; damaged JSON falls back to the defaults. */
export function dnaFromRow(row: AgentRow): AgentDna {
  const names = parseJson<StrategyName[]>(
    row.strategy_names,
    [...dnaDefaults.strategyNames],
    (v) => Array.isArray(v) && v.length > 0 && v.every((n) => typeof n === 'string' && isStrategyName(n)),
  );
  const weights = parseJson<Record<string, number>>(
    row.strategy_weights,
    { ...dnaDefaults.strategyWeights },
    (v) =>
      !!v &&
      typeof v === 'object' &&
      Object.values(v).every((w) => typeof w === 'number' && Number.isFinite(w)),
  );
  const contentTypes = parseJson<ContentType[]>(
    row.content_types,
    [...dnaDefaults.contentTypes],
    (v) => Array.isArray(v) && v.every((t) => t === 'reel' || t === 'post'),
  );
  return {
    personality: row.personality || dnaDefaults.genericPersonality,
    temperature: row.temperature,
    variant: row.variant,
    strategyNames: names,
    strategyWeights: weights,
    riskTolerance: row.risk_tolerance,
    proposalsPerBrand: row.proposals_per_brand,
    contentTypes,
  };
}

export function dnaColumns(dna: AgentDna) {
  return {
    personality: dna.personality,
    temperature: dna.temperature,
    variant: dna.variant,
    strategy_names: JSON.stringify(dna.strategyNames),
    strategy_weights: JSON.stringify(dna.strategyWeights),
    risk_tolerance: dna.riskTolerance,
    proposals_per_brand: dna.proposalsPerBrand,
    content_types: JSON.stringify(dna.contentTypes),
  };
}

export function findAgentRow(db: Kysely<Database>, agentId: string): Promise<AgentRow | undefined> {
  return db.selectFrom('agents').selectAll().where('agent_id', '=', agentId).executeTakeFirst();
}

/** Active agents in creation order: the order bursts deal work in. */
export function activeAgentRows(db: Kysely<Database>): Promise<AgentRow[]> {
  return db.selectFrom('agents').selectAll().where('active', '=', 1).orderBy('id').execute();
}
