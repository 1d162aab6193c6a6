import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import { archetypes } from '../agents/agent-names';
import { archiveDna, deactivateAgent, insertAgent, recordLearning } from '../agents/agent-records';
import { activeAgentRows, type AgentRow } from '../agents/agents-repository';
import { dnaDefaults, pick, randomDna, type AgentDna } from '../agents/dna';
import { isStrategyName, type StrategyName } from '../agents/strategies';
import { tierForRank } from '../agents/tiers';
import type { ActivityEntry } from '../contract/activity';
import type { EvolutionReport } from '../contract/learning';
import type { EventHub } from '../events/event-hub';
import type { Clock } from '../ports/clock';
import type { Random } from '../ports/random';
import type { SettingsService } from '../settings/settings-service';
import type { Database, GenePoolTable } from '../store/database';
import type { Selectable } from 'kysely';
import { snapshotHistory } from './feedback-repository';
import { evolutionWeek } from './evolution-week';
import { chooseParent, deathEligibility, inheritDna, prunePool, selectionDefaults } from './selection-rules';

type PoolRow = Selectable<GenePoolTable>;

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  random: Random;
  settings: SettingsService;
  activity: ActivityLog;
  events: EventHub;
}

/**
 * The weekly selection (reference 4.3), once per week: rank the active agents into tiers, archive
 * the DNA of thriving agents (once each), retire persistently weak agents that are neither built
 * in nor needed for the minimum population, give each a replacement (inherited from the gene pool
 * 80 % of the time, random otherwise), and prune the gene pool (the original never did). The
 * whole week is one transaction that begins by claiming the week's row, so it runs exactly once.
 */
export class EvolutionService {
  constructor(private readonly deps: Deps) {}

  /** The week due now (see evolutionWeek), and whether its selection already ran. */
  async due(): Promise<{ week: string; ran: boolean }> {
    const week = evolutionWeek(
      this.deps.clock.now(),
      (await this.deps.settings.values()).values.burstTimeZone,
    );
    const row = await this.deps.db
      .selectFrom('evolution_runs')
      .select('week')
      .where('week', '=', week)
      .executeTakeFirst();
    return { week, ran: !!row };
  }

  /** Runs this week's selection unless it already ran; then returns the week's report. */
  async run(trigger: 'schedule' | 'manual'): Promise<EvolutionReport> {
    const { db, clock } = this.deps;
    const { week } = await this.due();
    const agents = await activeAgentRows(db);
    // Snapshot histories are read before the transaction (one connection, no nested reads).
    const histories = new Map(
      await Promise.all(
        agents.map(async (a) => [a.agent_id, await snapshotHistory(db, a.agent_id)] as const),
      ),
    );
    const pending: ActivityEntry[] = [];
    const report = await db.transaction().execute(async (trx) => {
      const ranAt = clock.now().toISOString();
      const claimed = await trx
        .insertInto('evolution_runs')
        .values({ week, ran_at: ranAt, trigger, report: '{}' })
        .onConflict((oc) => oc.column('week').doNothing())
        .executeTakeFirst();
      if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) === 0) return null;
      const result = await this.select(trx, week, ranAt, histories, pending);
      await trx
        .updateTable('evolution_runs')
        .set({ report: JSON.stringify(result) })
        .where('week', '=', week)
        .execute();
      return result;
    });
    if (!report) return this.stored(week);
    pending.forEach((e) => this.deps.activity.announce(e));
    this.deps.events.emit('data.changed', { entity: 'agents' });
    return report;
  }

  /** Past weeks' reports, newest first. */
  async history(limit = 12): Promise<EvolutionReport[]> {
    const rows = await this.deps.db
      .selectFrom('evolution_runs')
      .select(['report'])
      .orderBy('week', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...(JSON.parse(r.report) as EvolutionReport), ran: true }));
  }

  private async stored(week: string): Promise<EvolutionReport> {
    const row = await this.deps.db
      .selectFrom('evolution_runs')
      .select(['report'])
      .where('week', '=', week)
      .executeTakeFirstOrThrow();
    return { ...(JSON.parse(row.report) as EvolutionReport), ran: false };
  }

  private async select(
    trx: Kysely<Database>,
    week: string,
    ranAt: string,
    histories: ReadonlyMap<string, { count: number; recent: number[] }>,
    pending: ActivityEntry[],
  ): Promise<EvolutionReport> {
    const { clock, activity } = this.deps;
    // Ranked inside the transaction: what is active now, best first (ties by age).
    const agents = (await activeAgentRows(trx)).sort(
      (a, b) => b.survival_score - a.survival_score || a.id - b.id,
    );
    const report: EvolutionReport = {
      week,
      ranAt,
      ran: true,
      totalAgents: agents.length,
      thriving: [],
      surviving: [],
      struggling: [],
      archived: [],
      deaths: [],
      births: [],
      prunedFromPool: 0,
      genePoolSize: 0,
    };
    let activeCount = agents.length;
    for (const [rank, agent] of agents.entries()) {
      const ranked = { agentId: agent.agent_id, survivalScore: agent.survival_score };
      const tier = tierForRank(rank, agents.length);
      if (tier === 'thriving') {
        report.thriving.push(ranked);
        if (
          agent.survival_score > selectionDefaults.archiveAbove &&
          !(await hasTopPerformerEntry(trx, agent.agent_id))
        ) {
          await archiveDna(trx, clock, agent, 'top_performer');
          await recordLearning(trx, clock, {
            agentId: agent.agent_id,
            type: 'top_performer',
            description: `DNA archived in the gene pool (survival ${agent.survival_score})`,
            oldValue: null,
            newValue: { survivalScore: agent.survival_score },
            trigger: 'weekly_evolution',
            survival: agent.survival_score,
          });
          report.archived.push(agent.agent_id);
        }
        continue;
      }
      if (tier === 'surviving') {
        report.surviving.push(ranked);
        continue;
      }
      const history = histories.get(agent.agent_id) ?? { count: 0, recent: [] };
      const eligibility = deathEligibility({
        currentSurvival: agent.survival_score,
        totalSnapshots: history.count,
        recent: history.recent,
      });
      const protectedBy = agent.is_builtin
        ? 'builtin'
        : activeCount <= selectionDefaults.minActiveAgents
          ? 'min_agents'
          : null;
      const died = !protectedBy && eligibility.eligible && (await this.retire(trx, agent, pending));
      report.struggling.push({
        ...ranked,
        eligibleForDeath: eligibility.eligible,
        died,
        protectedBy,
        reason:
          protectedBy === 'builtin'
            ? 'built in'
            : protectedBy === 'min_agents'
              ? `only ${activeCount} active agents`
              : eligibility.reason,
      });
      if (!died) continue;
      activeCount--;
      report.deaths.push({
        agentId: agent.agent_id,
        survivalScore: agent.survival_score,
        generation: agent.generation,
      });
      const birth = await this.spawnReplacement(trx, agent, pending);
      report.births.push(birth);
      activeCount++;
    }
    const pool = await trx
      .selectFrom('gene_pool')
      .select(['id', 'source_agent_id', 'survival_score', 'created_at'])
      .execute();
    const doomed = prunePool(
      pool.map((e) => ({
        id: e.id,
        sourceAgentId: e.source_agent_id,
        survivalScore: e.survival_score,
        createdAt: e.created_at,
      })),
      clock.now(),
    );
    if (doomed.length > 0) await trx.deleteFrom('gene_pool').where('id', 'in', doomed).execute();
    report.prunedFromPool = doomed.length;
    report.genePoolSize = pool.length - doomed.length;
    pending.push(
      await activity.insert(trx, {
        action: 'Weekly evolution',
        detail:
          `${report.totalAgents} agents: ${report.thriving.length} thriving, ${report.surviving.length} surviving, ` +
          `${report.struggling.length} struggling; ${report.deaths.length} retired, ${report.births.length} born, ` +
          `${report.archived.length} archived, ${report.prunedFromPool} pruned from the gene pool`,
        level: 'action',
        emoji: '🧬',
      }),
    );
    return report;
  }

  /** Death (reference 4.3): deactivate (conditionally), archive the DNA, log it. */
  private async retire(trx: Kysely<Database>, agent: AgentRow, pending: ActivityEntry[]): Promise<boolean> {
    const { clock, activity } = this.deps;
    if (!(await deactivateAgent(trx, clock, agent.agent_id))) return false;
    await archiveDna(trx, clock, agent, 'retirement');
    await recordLearning(trx, clock, {
      agentId: agent.agent_id,
      type: 'death',
      description: `Retired by the weekly evolution: survival ${agent.survival_score} stayed under ${selectionDefaults.deathThreshold}`,
      oldValue: { survivalScore: agent.survival_score, generation: agent.generation },
      newValue: { active: false },
      trigger: 'weekly_evolution',
      survival: agent.survival_score,
    });
    pending.push(
      await activity.insert(trx, {
        agent: agent.agent_id,
        action: 'Agent retired',
        detail: `${agent.display_name} (survival ${agent.survival_score})`,
        level: 'action',
        emoji: '🪦',
      }),
    );
    return true;
  }

  /**
   * Birth (reference 4.3): 80 % of the time the child inherits from one of the five best pool
   * entries not from the dead agent (drawn by score), with its DNA jittered; otherwise (or with an
   * empty pool) random DNA. The child serves the dead agent's brand.
   */
  private async spawnReplacement(
    trx: Kysely<Database>,
    dead: AgentRow,
    pending: ActivityEntry[],
  ): Promise<EvolutionReport['births'][number]> {
    const { random, clock } = this.deps;
    const brand = dead.created_for_brand;
    const archetype = pick(random, archetypes);
    const personality = brand ? `${archetype} Specialised for ${brand}.` : archetype;
    const pool = await trx.selectFrom('gene_pool').selectAll().execute();
    const parent = chooseParent(
      pool.map((e) => ({
        ...e,
        sourceAgentId: e.source_agent_id,
        survivalScore: e.survival_score,
        createdAt: e.created_at,
      })),
      dead.agent_id,
      random,
    );
    const dna = parent ? inheritDna(poolDna(parent), random, personality) : randomDna(random, personality);
    if (parent) {
      await trx
        .updateTable('gene_pool')
        .set((eb) => ({ times_inherited: eb('times_inherited', '+', 1) }))
        .where('id', '=', parent.id)
        .execute();
    }
    const born = await insertAgent(
      trx,
      { clock, random, activity: this.deps.activity },
      {
        dna,
        createdForBrand: brand,
        parentAgentId: parent?.source_agent_id ?? dead.agent_id,
        learning: {
          type: 'spawn',
          description: parent
            ? `Born to replace ${dead.display_name}, inheriting from ${parent.source_agent_name}`
            : `Born to replace ${dead.display_name}, with random DNA`,
          trigger: 'weekly_evolution',
        },
      },
    );
    pending.push(born.entry);
    return {
      agentId: born.agentId,
      displayName: born.displayName,
      replaced: dead.agent_id,
      inheritedFrom: parent?.source_agent_id ?? null,
      brandId: brand,
    };
  }
}

async function hasTopPerformerEntry(trx: Kysely<Database>, agentId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('gene_pool')
    .select('id')
    .where('source_agent_id', '=', agentId)
    .where('reason', '=', 'top_performer')
    .executeTakeFirst();
  return !!row;
}

/** A pool entry's DNA (the pool keeps the style; work shape returns to the defaults). */
function poolDna(entry: PoolRow): AgentDna {
  const parsed: unknown = JSON.parse(entry.strategy_names);
  const valid = Array.isArray(parsed)
    ? parsed.filter((n): n is StrategyName => typeof n === 'string' && isStrategyName(n))
    : [];
  const names = valid.length > 0 ? valid : [...dnaDefaults.strategyNames];
  return {
    personality: entry.personality,
    temperature: entry.temperature,
    variant: entry.variant === 'light' ? 'light' : 'dark',
    strategyNames: names,
    strategyWeights: JSON.parse(entry.strategy_weights) as Record<string, number>,
    riskTolerance:
      entry.risk_tolerance === 'low' || entry.risk_tolerance === 'high' ? entry.risk_tolerance : 'medium',
    proposalsPerBrand: dnaDefaults.proposalsPerBrand,
    contentTypes: [...dnaDefaults.contentTypes],
  };
}
