import { sql, type Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import type { EventHub } from '../events/event-hub';
import type { SettingsService } from '../settings/settings-service';
import type { Agent, AgentDetail, AgentUpdateInput } from '../contract/agents';
import { AppError } from '../contract/errors';
import { type Clock, DAY_MS, isoNow } from '../ports/clock';
import type { Random } from '../ports/random';
import type { Database } from '../store/database';
import { archetypes } from './agent-names';
import { archiveDna, deactivateAgent, insertAgent, recordLearning, type BirthInput } from './agent-records';
import { activeAgentRows, dnaColumns, dnaFromRow, findAgentRow, type AgentRow } from './agents-repository';
import { builtinAgents } from './builtin-agents';
import { normaliseWeights, pick, randomDna, type AgentDna } from './dna';
import { tierForRank } from './tiers';

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  random: Random;
  activity: ActivityLog;
  events: EventHub;
  settings: SettingsService;
}

/** The agent population: seeding, creation, cloning, mutation, retirement, the population guard. */
export class AgentsService {
  constructor(private readonly deps: Deps) {}

  /** Seeds the built-in agents once; a later deletion or edit by the creator is respected. */
  async seedBuiltins(): Promise<void> {
    const { db, clock } = this.deps;
    const now = isoNow(clock);
    for (const builtin of builtinAgents) {
      const inserted = await db
        .insertInto('agents')
        .values({
          agent_id: builtin.agentId,
          display_name: builtin.displayName,
          proposal_prefix: builtin.prefix,
          ...dnaColumns(builtin),
          is_builtin: 1,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('agent_id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) {
        await this.deps.activity.record({
          agent: builtin.agentId,
          action: 'Agent seeded',
          detail: builtin.displayName,
          level: 'data',
          emoji: '🌱',
        });
      }
    }
  }

  async list(includeInactive = false): Promise<Agent[]> {
    const { db } = this.deps;
    let query = db.selectFrom('agents').selectAll();
    if (!includeInactive) query = query.where('active', '=', 1);
    const rows = await query.orderBy('survival_score', 'desc').orderBy('id').execute();
    const active = rows.filter((r) => r.active === 1);
    const stats = await this.stats7d();
    return rows.map((row) => {
      const rank = active.indexOf(row);
      return toAgent(row, rank >= 0 ? tierForRank(rank, active.length) : null, stats.get(row.agent_id));
    });
  }

  async detail(agentId: string): Promise<AgentDetail> {
    const { db } = this.deps;
    const agents = await this.list(true);
    const agent = agents.find((a) => a.agentId === agentId);
    if (!agent) throw new AppError('not_found', `No agent "${agentId}".`, { agentId });
    const learnings = await db
      .selectFrom('agent_learning')
      .selectAll()
      .where('agent_id', '=', agentId)
      .orderBy('id', 'desc')
      .limit(50)
      .execute();
    const performance = await db
      .selectFrom('agent_performance')
      .select(['created_at', 'survival_score', 'avg_views', 'published_count'])
      .where('agent_id', '=', agentId)
      .orderBy('id', 'desc')
      .limit(60)
      .execute();
    return {
      agent,
      learnings: learnings.map((l) => ({
        id: l.id,
        mutationType: l.mutation_type,
        description: l.description,
        oldValue: l.old_value ? JSON.parse(l.old_value) : null,
        newValue: l.new_value ? JSON.parse(l.new_value) : null,
        trigger: l.trigger,
        confidence: l.confidence,
        createdAt: l.created_at,
      })),
      performance: performance.reverse().map((p) => ({
        createdAt: p.created_at,
        survivalScore: p.survival_score,
        avgViews: p.avg_views,
        publishedCount: p.published_count,
      })),
    };
  }

  /** A new agent with random DNA and a fresh, unique identity. */
  async create(input: { brandId?: string | null; personality?: string; trigger?: string }): Promise<Agent> {
    const { random } = this.deps;
    const archetype = pick(random, archetypes);
    const personality =
      input.personality ?? (input.brandId ? `${archetype} Specialised for ${input.brandId}.` : archetype);
    const dna = randomDna(random, personality);
    const agentId = await this.insertAgent(dna, {
      createdForBrand: input.brandId ?? null,
      parentAgentId: null,
      learning: {
        type: 'spawn',
        description: `Created with random DNA (${input.trigger ?? 'manual'})`,
        trigger: input.trigger ?? 'manual',
      },
    });
    return this.get(agentId);
  }

  /** An exact DNA copy under a new name (risk reset to medium, as in the original). */
  async clone(sourceId: string): Promise<Agent> {
    const source = await this.requireAgent(sourceId);
    const dna = { ...dnaFromRow(source), riskTolerance: 'medium' as const };
    const agentId = await this.insertAgent(dna, {
      createdForBrand: source.created_for_brand,
      parentAgentId: source.agent_id,
      learning: { type: 'spawn', description: `Exact DNA copy of ${source.display_name}`, trigger: 'manual' },
    });
    return this.get(agentId);
  }

  /** Full random re-roll of the style (personality kept), one generation up. */
  async mutate(agentId: string): Promise<Agent> {
    const { db, clock, random } = this.deps;
    const row = await this.requireAgent(agentId);
    const before = dnaFromRow(row);
    const dna = randomDna(random, before.personality);
    await db.transaction().execute(async (trx) => {
      const now = isoNow(clock);
      await trx
        .updateTable('agents')
        .set({
          ...dnaColumns({
            ...dna,
            proposalsPerBrand: before.proposalsPerBrand,
            contentTypes: before.contentTypes,
          }),
          generation: row.generation + 1,
          mutation_count: row.mutation_count + 1,
          last_mutation_at: now,
          updated_at: now,
        })
        .where('agent_id', '=', agentId)
        .execute();
      await recordLearning(trx, clock, {
        agentId,
        type: 'manual_mutation',
        description: 'DNA re-rolled by hand',
        oldValue: before,
        newValue: dna,
        trigger: 'manual',
        survival: row.survival_score,
      });
    });
    return this.announce(agentId, 'Agent mutated', row.display_name, '🧬');
  }

  async update({ agentId, patch }: AgentUpdateInput): Promise<Agent> {
    const { db, clock } = this.deps;
    const row = await this.requireAgent(agentId);
    const before = dnaFromRow(row);
    const after: AgentDna = { ...before };
    if (patch.personality !== undefined) after.personality = patch.personality;
    if (patch.temperature !== undefined) after.temperature = patch.temperature;
    if (patch.variant !== undefined) after.variant = patch.variant;
    if (patch.riskTolerance !== undefined) after.riskTolerance = patch.riskTolerance;
    if (patch.proposalsPerBrand !== undefined) after.proposalsPerBrand = patch.proposalsPerBrand;
    if (patch.contentTypes !== undefined) after.contentTypes = [...new Set(patch.contentTypes)];
    if (patch.strategyWeights !== undefined) {
      const names = Object.keys(patch.strategyWeights) as AgentDna['strategyNames'];
      after.strategyNames = names;
      after.strategyWeights = normaliseWeights(names, patch.strategyWeights);
    }
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('agents')
        .set({ ...dnaColumns(after), updated_at: isoNow(clock) })
        .where('agent_id', '=', agentId)
        .execute();
      await recordLearning(trx, clock, {
        agentId,
        type: 'manual_edit',
        description: `Edited: ${Object.keys(patch).join(', ')}`,
        oldValue: before,
        newValue: after,
        trigger: 'manual',
        survival: row.survival_score,
      });
    });
    this.deps.events.emit('data.changed', { entity: 'agents', id: agentId });
    return this.get(agentId);
  }

  /** Archives the DNA in the gene pool and deactivates the agent; built-ins are protected. */
  async retire(agentId: string): Promise<Agent> {
    const { db, clock } = this.deps;
    const row = await this.requireAgent(agentId);
    if (row.is_builtin)
      throw new AppError('protected', `${row.display_name} is built in and cannot be retired.`, { agentId });
    if (!row.active) throw new AppError('conflict', `${row.display_name} is already retired.`, { agentId });
    const retired = await db.transaction().execute(async (trx) => {
      // Conditional: a retirement racing another (or the weekly evolution) archives and logs once.
      if (!(await deactivateAgent(trx, clock, agentId))) return false;
      await archiveDna(trx, clock, row, 'manual');
      await recordLearning(trx, clock, {
        agentId,
        type: 'death',
        description: 'Manually retired',
        oldValue: { survivalScore: row.survival_score, generation: row.generation },
        newValue: { active: false },
        trigger: 'manual',
        survival: row.survival_score,
      });
      return true;
    });
    if (!retired) throw new AppError('conflict', `${row.display_name} is already retired.`, { agentId });
    return this.announce(agentId, 'Agent retired', row.display_name, '🪦');
  }

  /** After a committed change: tell open views, record it in the feed, return the fresh agent. */
  private async announce(agentId: string, action: string, detail: string, emoji: string): Promise<Agent> {
    this.deps.events.emit('data.changed', { entity: 'agents', id: agentId });
    await this.deps.activity.record({ agent: agentId, action, detail, level: 'action', emoji });
    return this.get(agentId);
  }

  /**
   * The population guard: every active brand has at least one active agent created for it.
   * It only ever adds agents; surplus agents are left to the weekly evolution.
   */
  async ensurePopulation(): Promise<Agent[]> {
    const { db } = this.deps;
    if (!(await this.deps.settings.values()).values.spawnAgentPerBrand) return [];
    const uncovered = await db
      .selectFrom('brands')
      .select('id')
      .where('active', '=', 1)
      .where('deleted_at', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('agents')
              .select(sql`1`.as('one'))
              .whereRef('agents.created_for_brand', '=', 'brands.id')
              .where('agents.active', '=', 1),
          ),
        ),
      )
      .orderBy('created_at')
      .execute();
    const spawned: Agent[] = [];
    for (const { id } of uncovered)
      spawned.push(await this.create({ brandId: id, trigger: 'population_guard' }));
    return spawned;
  }

  async get(agentId: string): Promise<Agent> {
    return (await this.detail(agentId)).agent;
  }

  async activeRows(): Promise<AgentRow[]> {
    return activeAgentRows(this.deps.db);
  }

  private async requireAgent(agentId: string): Promise<AgentRow> {
    const row = await findAgentRow(this.deps.db, agentId);
    if (!row) throw new AppError('not_found', `No agent "${agentId}".`, { agentId });
    return row;
  }

  private async insertAgent(dna: AgentDna, meta: Omit<BirthInput, 'dna'>): Promise<string> {
    const { db } = this.deps;
    const born = await db.transaction().execute((trx) => insertAgent(trx, this.deps, { dna, ...meta }));
    this.deps.activity.announce(born.entry);
    this.deps.events.emit('data.changed', { entity: 'agents', id: born.agentId });
    return born.agentId;
  }

  private async stats7d(): Promise<Map<string, Agent['stats7d']>> {
    const { db, clock } = this.deps;
    const since = new Date(clock.now().getTime() - 7 * DAY_MS).toISOString();
    const counts = await db
      .selectFrom('proposals')
      .select(({ fn }) => [
        'agent_id',
        fn.countAll<number>().as('total'),
        fn.sum<number>(sql`CASE WHEN status = 'accepted' THEN 1 ELSE 0 END`).as('accepted'),
        fn.sum<number>(sql`CASE WHEN status = 'rejected' THEN 1 ELSE 0 END`).as('rejected'),
      ])
      .where('created_at', '>=', since)
      .groupBy('agent_id')
      .execute();
    const perf = await db
      .selectFrom('agent_performance')
      .select(['agent_id', 'avg_views', 'avg_engagement_rate', 'best_strategy', 'id'])
      .where('created_at', '>=', since)
      .orderBy('id', 'desc')
      .execute();
    const stats = new Map<string, Agent['stats7d']>();
    for (const c of counts) {
      const decided = Number(c.accepted) + Number(c.rejected);
      stats.set(c.agent_id, {
        ...emptyStats,
        proposals: Number(c.total),
        accepted: Number(c.accepted),
        rejected: Number(c.rejected),
        acceptanceRate: decided > 0 ? Math.round((Number(c.accepted) / decided) * 1000) / 10 : null,
      });
    }
    for (const p of perf) {
      const s = stats.get(p.agent_id) ?? emptyStats;
      if (s.avgViews !== null) continue; // newest snapshot wins
      stats.set(p.agent_id, {
        ...s,
        avgViews: p.avg_views,
        engagementRate: p.avg_engagement_rate,
        bestStrategy: p.best_strategy,
      });
    }
    return stats;
  }
}

const emptyStats: Agent['stats7d'] = {
  proposals: 0,
  accepted: 0,
  rejected: 0,
  acceptanceRate: null,
  avgViews: null,
  engagementRate: null,
  bestStrategy: null,
};

function toAgent(row: AgentRow, tier: Agent['tier'], stats: Agent['stats7d'] | undefined): Agent {
  const dna = dnaFromRow(row);
  return {
    agentId: row.agent_id,
    displayName: row.display_name,
    personality: dna.personality,
    temperature: dna.temperature,
    variant: dna.variant,
    proposalPrefix: row.proposal_prefix,
    strategyNames: dna.strategyNames,
    strategyWeights: dna.strategyWeights,
    riskTolerance: dna.riskTolerance,
    proposalsPerBrand: dna.proposalsPerBrand,
    contentTypes: dna.contentTypes,
    active: row.active === 1,
    isBuiltin: row.is_builtin === 1,
    createdForBrand: row.created_for_brand,
    survivalScore: row.survival_score,
    lifetimeViews: row.lifetime_views,
    lifetimeProposals: row.lifetime_proposals,
    lifetimeAccepted: row.lifetime_accepted,
    generation: row.generation,
    mutationCount: row.mutation_count,
    lastMutationAt: row.last_mutation_at,
    parentAgentId: row.parent_agent_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    tier,
    stats7d: stats ?? emptyStats,
  };
}
