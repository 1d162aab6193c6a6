import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import type { AgentsService } from '../agents/agents-service';
import { findAgentRow, type AgentRow } from '../agents/agents-repository';
import type { BrandsService } from '../brands/brands-service';
import type { Brand } from '../contract/brands';
import { AppError } from '../contract/errors';
import type { BurstSummary } from '../contract/maestro';
import type { EventHub } from '../events/event-hub';
import { examineProposal } from '../examiner/examiner';
import { isoNow, type Clock } from '../ports/clock';
import type { LlmClient } from '../ports/llm';
import type { ProposalGenerator, ProposalRow } from '../proposals/proposal-generator';
import type { ProposalsService } from '../proposals/proposals-service';
import type { SettingsService } from '../settings/settings-service';
import type { BurstsTable, Database } from '../store/database';
import type { Selectable } from 'kysely';
import { planBurst, type ContentType } from './burst-plan';
import { burstDefaults } from './defaults';
import { dayNumber, localDay } from './local-time';
import type { MaestroState } from './maestro-state';

type BurstRow = Selectable<BurstsTable>;

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  llm: LlmClient;
  generator: ProposalGenerator;
  proposals: ProposalsService;
  brands: BrandsService;
  agents: AgentsService;
  settings: SettingsService;
  state: MaestroState;
  activity: ActivityLog;
  events: EventHub;
}

export function burstFromRow(row: BurstRow): BurstSummary {
  return {
    id: row.id,
    day: row.day,
    kind: row.kind,
    status: row.status,
    planned: row.planned,
    created: row.created,
    accepted: row.accepted,
    rejected: row.rejected,
    needsReview: row.needs_review,
    failedCalls: row.failed_calls,
    error: row.error,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/**
 * The daily (and smart) burst: every active brand gets its day's reels and posts, written by
 * the agents in a fair rotation, each examined, each reject regenerated once. Quotas are
 * counted from the proposals already stored for the day, so a burst interrupted by a crash is
 * finished on the next run without writing anything twice.
 */
export class BurstRunner {
  private current: Promise<BurstSummary> | null = null;

  constructor(private readonly deps: Deps) {}

  get isRunning(): boolean {
    return this.current !== null;
  }

  /**
   * Opens (or reopens) today's burst and runs it in the background; resolves with the burst as
   * it starts. A second request while one runs gets a conflict.
   */
  async start(kind: 'daily' | 'smart'): Promise<BurstSummary> {
    if (this.current)
      throw new AppError('conflict', 'A burst is already running. Its progress is shown on the dashboard.');
    let opened!: (id: number) => void;
    const idReady = new Promise<number>((resolve) => (opened = resolve));
    // Claimed synchronously, so two clicks cannot both start a burst.
    this.current = this.run(kind, opened).finally(() => {
      this.current = null;
    });
    // Failures are recorded on the burst row and in the activity feed; nobody else must handle them.
    this.current.catch(() => undefined);
    const burstId = await Promise.race([idReady, this.current.then((s) => s.id)]);
    return this.summary(burstId);
  }

  /** Waits for the running burst, if any (tests and shutdown). */
  async settled(): Promise<void> {
    await this.current?.catch(() => undefined);
  }

  /** On start: a burst left running by a crash is finished if it is still today's. */
  async resumeInterrupted(): Promise<BurstSummary | null> {
    const { db, clock, settings } = this.deps;
    const { values } = await settings.values();
    const today = localDay(clock.now(), values.burstTimeZone);
    const stale = await db.selectFrom('bursts').selectAll().where('status', '=', 'running').execute();
    let resume: BurstRow | undefined;
    for (const row of stale) {
      if (row.day === today && !resume) resume = row;
      else {
        await db
          .updateTable('bursts')
          .set({
            status: 'failed',
            error: 'Interrupted (the app stopped) and not resumed on a later day',
            finished_at: isoNow(clock),
          })
          .where('id', '=', row.id)
          .execute();
      }
    }
    if (!resume) return null;
    await this.deps.activity.record({
      agent: 'maestro',
      action: 'Resuming interrupted burst',
      detail: `${resume.kind} burst for ${resume.day}`,
      level: 'action',
      emoji: '🔁',
    });
    return this.start(resume.kind);
  }

  /** The burst currently running, for callers that want to wait for its end. */
  get running(): Promise<BurstSummary> | null {
    return this.current;
  }

  private async run(kind: 'daily' | 'smart', opened: (burstId: number) => void): Promise<BurstSummary> {
    const { db, clock, settings, activity } = this.deps;
    const { values } = await settings.values();
    const day = localDay(clock.now(), values.burstTimeZone);
    const existing = await db
      .selectFrom('bursts')
      .selectAll()
      .where('day', '=', day)
      .where('status', '=', 'running')
      .executeTakeFirst();
    const burstId =
      existing?.id ??
      (
        await db
          .insertInto('bursts')
          .values({ day, kind, status: 'running', started_at: isoNow(clock) })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    opened(burstId);
    await activity.record({
      agent: 'maestro',
      action: `${kind === 'daily' ? 'Daily' : 'Smart'} burst started`,
      detail: day,
      level: 'action',
      emoji: '🚀',
    });
    this.progress(burstId);
    try {
      await this.deps.agents.ensurePopulation();
      for (let round = 0; round < burstDefaults.maxRounds; round++) {
        await this.finishPendingWork(burstId, day);
        const tasks = await this.plan(day, values.reelsPerBrand, values.postsPerBrand);
        if (tasks.length === 0) break;
        const planned = tasks.reduce((n, t) => n + t.count, 0);
        await db
          .updateTable('bursts')
          .set((eb) => ({ planned: eb('planned', '+', planned) }))
          .where('id', '=', burstId)
          .execute();
        await Promise.all(tasks.map((task) => this.runTask(burstId, day, task)));
      }
      await this.finishPendingWork(burstId, day);
      await db
        .updateTable('bursts')
        .set({ status: 'completed', finished_at: isoNow(clock) })
        .where('id', '=', burstId)
        .execute();
      if (kind === 'daily') await this.deps.state.setLastDailyRunDay(day);
      const summary = await this.summary(burstId);
      await activity.record({
        agent: 'maestro',
        action: 'Burst complete',
        detail: `${summary.created} proposals: ${summary.accepted} accepted, ${summary.rejected} rejected, ${summary.needsReview} for you to review`,
        level: 'action',
        emoji: '🏁',
      });
      return summary;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db
        .updateTable('bursts')
        .set({ status: 'failed', error: message, finished_at: isoNow(clock) })
        .where('id', '=', burstId)
        .execute();
      await activity.record({
        agent: 'maestro',
        action: 'Burst stopped',
        detail: message,
        level: 'error',
        emoji: '🛑',
      });
      return await this.summary(burstId);
    } finally {
      this.progress(burstId);
    }
  }

  /** What each brand still lacks today, split across the agents. */
  private async plan(day: string, reels: number, posts: number) {
    const { db } = this.deps;
    const brands = await this.deps.brands.list(false);
    const agents = await this.deps.agents.activeRows();
    const counts = await db
      .selectFrom('proposals')
      .select(['brand_id', 'content_type', (eb) => eb.fn.countAll<number>().as('n')])
      .where('burst_day', '=', day)
      .where('attempt', '=', 1)
      .groupBy(['brand_id', 'content_type'])
      .execute();
    const done = new Map(counts.map((c) => [`${c.brand_id}|${c.content_type}`, Number(c.n)]));
    return planBurst({
      brandIds: brands.map((b) => b.id),
      agentIds: agents.map((a) => a.agent_id),
      targets: { reel: reels, post: posts },
      done: (brandId, type) => done.get(`${brandId}|${type}`) ?? 0,
      rotation: dayNumber(day),
    });
  }

  private async runTask(
    burstId: number,
    day: string,
    task: { brandId: string; agentId: string; contentType: ContentType; count: number },
  ) {
    const agent = await this.deps.db
      .selectFrom('agents')
      .selectAll()
      .where('agent_id', '=', task.agentId)
      .executeTakeFirstOrThrow();
    const brand = await this.deps.brands.get(task.brandId);
    const result = await this.deps.generator.generate({
      agent,
      brand,
      contentType: task.contentType,
      count: task.count,
      burstDay: day,
    });
    await this.count(burstId, { created: result.created.length, failed_calls: result.failedCalls });
    await Promise.all(result.created.map((row) => this.examineAndFollowUp(burstId, day, row, agent, brand)));
  }

  /** Examine; a reject of an original gets one regeneration, whose verdict is final. */
  private async examineAndFollowUp(
    burstId: number,
    day: string,
    row: ProposalRow,
    agent: AgentRow,
    brand: Brand,
  ): Promise<void> {
    const status = await this.examine(burstId, row, brand);
    if (status === 'rejected' && row.attempt === 1) await this.regenerate(burstId, day, row, agent, brand);
  }

  private async examine(
    burstId: number,
    row: ProposalRow,
    brand: Brand,
  ): Promise<'accepted' | 'rejected' | 'needs_review'> {
    const lines = JSON.parse(
      row.content_type === 'reel' ? (row.content_lines ?? '[]') : (row.slide_texts ?? '[]'),
    ) as string[];
    const agentName =
      (
        await this.deps.db
          .selectFrom('agents')
          .select('display_name')
          .where('agent_id', '=', row.agent_id)
          .executeTakeFirst()
      )?.display_name ?? row.agent_id;
    try {
      const verdict = await examineProposal(
        this.deps.llm,
        {
          agentId: row.agent_id,
          contentType: row.content_type,
          agentName,
          strategy: row.strategy,
          sourceType: row.source_type,
          title: row.title,
          lines,
          reasoning: row.reasoning,
        },
        brand.contentProfile,
        brand.examiner,
      );
      const status = verdict.passed ? 'accepted' : 'rejected';
      await this.deps.proposals.recordExamination(row, verdict, status);
      await this.count(burstId, status === 'accepted' ? { accepted: 1 } : { rejected: 1 });
      return status;
    } catch (error) {
      if (error instanceof AppError && error.code === 'budget_exhausted') throw error;
      const message = error instanceof Error ? error.message : String(error);
      await this.deps.proposals.recordExamination(
        row,
        {
          composite: 0,
          passed: false,
          avatarFit: 0,
          engagementPotential: 0,
          contentQuality: 0,
          threshold: brand.examiner.threshold,
          weights: brand.examiner.weights,
          reason: '',
          redFlags: [],
          error: message,
        },
        'needs_review',
      );
      await this.count(burstId, { needs_review: 1 });
      return 'needs_review';
    }
  }

  private async regenerate(
    burstId: number,
    day: string,
    rejected: ProposalRow,
    agent: AgentRow,
    brand: Brand,
  ): Promise<void> {
    // The same agent if it is still active, else the first active one.
    const writer =
      (await this.deps.db
        .selectFrom('agents')
        .selectAll()
        .where('agent_id', '=', agent.agent_id)
        .where('active', '=', 1)
        .executeTakeFirst()) ?? (await this.deps.agents.activeRows())[0];
    if (!writer) return;
    const result = await this.deps.generator.generate({
      agent: writer,
      brand,
      contentType: rejected.content_type,
      count: 1,
      burstDay: day,
      replaces: rejected,
    });
    await this.count(burstId, { created: result.created.length, failed_calls: result.failedCalls });
    for (const row of result.created) await this.examine(burstId, row, brand);
  }

  /** Work a crash may have left: proposals not yet examined, rejects not yet regenerated. */
  private async finishPendingWork(burstId: number, day: string): Promise<void> {
    const { db } = this.deps;
    const pending = await db
      .selectFrom('proposals')
      .selectAll()
      .where('burst_day', '=', day)
      .where('status', '=', 'pending')
      .execute();
    for (const row of pending) {
      const context = await this.contextOf(row);
      if (context) await this.examineAndFollowUp(burstId, day, row, context.agent, context.brand);
    }
    const unreplaced = await db
      .selectFrom('proposals as p')
      .selectAll('p')
      .where('p.burst_day', '=', day)
      .where('p.status', '=', 'rejected')
      .where('p.attempt', '=', 1)
      .where('p.reviewed_at', 'is not', null)
      .where('p.reviewer_notes', 'like', 'Maestro Examiner:%')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('proposals as r')
              .select('r.id')
              .whereRef('r.replaces_proposal_id', '=', 'p.proposal_id'),
          ),
        ),
      )
      .execute();
    for (const row of unreplaced) {
      const context = await this.contextOf(row);
      if (context) await this.regenerate(burstId, day, row, context.agent, context.brand);
    }
  }

  /** The brand and author of a stored proposal, or null when either is gone. */
  private async contextOf(row: ProposalRow): Promise<{ brand: Brand; agent: AgentRow } | null> {
    if (!row.brand_id) return null;
    const brand = await this.deps.brands.get(row.brand_id).catch(() => null);
    const agent = await findAgentRow(this.deps.db, row.agent_id);
    return brand && agent ? { brand, agent } : null;
  }

  private async count(
    burstId: number,
    delta: Partial<Record<'created' | 'accepted' | 'rejected' | 'needs_review' | 'failed_calls', number>>,
  ) {
    const columns = Object.entries(delta).filter(([, n]) => n) as Array<['created', number]>;
    if (columns.length === 0) return;
    await this.deps.db
      .updateTable('bursts')
      .set((eb) => Object.fromEntries(columns.map(([column, n]) => [column, eb(column, '+', n)])))
      .where('id', '=', burstId)
      .execute();
    this.progress(burstId);
  }

  async summary(burstId: number): Promise<BurstSummary> {
    return burstFromRow(
      await this.deps.db.selectFrom('bursts').selectAll().where('id', '=', burstId).executeTakeFirstOrThrow(),
    );
  }

  private progress(burstId: number): void {
    void this.summary(burstId)
      .then((summary) => {
        this.deps.events.emit('burst.progress', summary);
        this.deps.events.emit('data.changed', { entity: 'bursts', id: String(burstId) });
      })
      .catch(() => undefined);
  }
}
