import type { Kysely, Selectable } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import type { AgentsService } from '../agents/agents-service';
import { dnaFromRow, findAgentRow, type AgentRow } from '../agents/agents-repository';
import type { BrandsService } from '../brands/brands-service';
import type { Brand } from '../contract/brands';
import { AppError } from '../contract/errors';
import type { BurstKind, BurstSummary } from '../contract/maestro';
import type { EventHub } from '../events/event-hub';
import { examineProposal } from '../examiner/examiner';
import type { NotificationOutbox } from '../notifications/notification-outbox';
import { burstFinishedNotice } from '../notifications/notification-texts';
import { isoNow, type Clock } from '../ports/clock';
import type { LlmClient } from '../ports/llm';
import type { GenerateResult, ProposalGenerator, ProposalRow } from '../proposals/proposal-generator';
import type { ProposalsService } from '../proposals/proposals-service';
import type { SettingsService } from '../settings/settings-service';
import type { BurstsTable, Database } from '../store/database';
import { planBurst, type BurstTask, type ContentType } from './burst-plan';
import { describeBurst, type ShortfallRetry } from './burst-summary';
import { burstDefaults } from './defaults';
import { dayNumber, localDay } from './local-time';
import type { MaestroState } from './maestro-state';

type BurstRow = Selectable<BurstsTable>;
type Counter = 'created' | 'accepted' | 'rejected' | 'needs_review' | 'failed_calls';

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
  /** Each burst's end is notified once, in the transaction that records it. */
  notifications?: NotificationOutbox;
}

export function burstFromRow(row: BurstRow): BurstSummary {
  const counts = {
    kind: row.kind,
    status: row.status,
    planned: row.planned,
    created: row.created,
    accepted: row.accepted,
    rejected: row.rejected,
    needsReview: row.needs_review,
    failedCalls: row.failed_calls,
    shortfall: row.shortfall,
    brandErrors: JSON.parse(row.brand_errors) as Record<string, string>,
    error: row.error,
  };
  return {
    id: row.id,
    day: row.day,
    ...counts,
    summary: row.summary ?? describeBurst(counts, 'catch-up'),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** The budget stop ends a burst; every other failure stays with its brand or proposal. */
function isBudgetStop(error: unknown): error is AppError {
  return error instanceof AppError && error.code === 'budget_exhausted';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs every task and waits until all have settled (a rejection never returns early while
 * siblings keep writing); then reports the first budget stop, if any, and the other failures.
 */
async function settleAll<T>(
  items: readonly T[],
  work: (item: T) => Promise<void>,
): Promise<{ stop: AppError | null; failures: Array<{ item: T; error: unknown }> }> {
  const results = await Promise.allSettled(items.map(work));
  let stop: AppError | null = null;
  const failures: Array<{ item: T; error: unknown }> = [];
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') return;
    if (isBudgetStop(result.reason)) stop ??= result.reason;
    else failures.push({ item: items[i]!, error: result.reason });
  });
  return { stop, failures };
}

/**
 * Bursts as structured work. The daily (and smart) burst gives every active brand its day's
 * reels and posts, written by the agents in a fair rotation, each examined, each examiner reject
 * regenerated once; optimize-now lets every agent draft brand-less ideas. A burst ends only when
 * every one of its tasks has settled; one brand's failure is recorded for that brand while the
 * others carry on; what is still missing at the end is the burst's shortfall, stated in its
 * summary and filled by the next catch-up. Quotas are counted from the proposals already
 * stored for the day, so a burst interrupted by a crash is finished without writing anything twice.
 */
export class BurstRunner {
  private current: Promise<BurstSummary> | null = null;
  private readonly finishedListeners = new Set<(summary: BurstSummary) => void>();

  constructor(private readonly deps: Deps) {}

  get isRunning(): boolean {
    return this.current !== null;
  }

  /** The burst currently running, for callers that want to wait for its end. */
  get running(): Promise<BurstSummary> | null {
    return this.current;
  }

  /** Called after each burst has ended and released the runner (the scheduler re-checks then). */
  onFinished(listener: (summary: BurstSummary) => void): () => void {
    this.finishedListeners.add(listener);
    return () => this.finishedListeners.delete(listener);
  }

  /**
   * Opens (or reopens) a burst and runs it in the background; resolves with the burst as it
   * starts. A second request while one runs gets a conflict.
   */
  async start(kind: BurstKind): Promise<BurstSummary> {
    if (this.current)
      throw new AppError('conflict', 'A burst is already running. Its progress is shown on the dashboard.');
    let opened!: (id: number) => void;
    const idReady = new Promise<number>((resolve) => (opened = resolve));
    // Claimed synchronously, so two clicks cannot both start a burst.
    const run = this.run(kind, opened);
    this.current = run;
    this.announceRunner(kind);
    void run
      .catch(() => null)
      .then((summary) => {
        this.current = null;
        this.announceRunner(null);
        if (summary) for (const listener of [...this.finishedListeners]) listener(summary);
      });
    const burstId = await Promise.race([idReady, run.then((s) => s.id)]);
    return this.summary(burstId);
  }

  /** The tray and the page enable Burst now from this (maestro.state), not from progress events. */
  private announceRunner(kind: BurstKind | null): void {
    this.deps.state.setBurst(kind).catch((error: unknown) => {
      console.error('Could not announce the burst runner state', error);
    });
  }

  /** Waits for the running burst, if any (tests and shutdown). */
  async settled(): Promise<void> {
    await this.current?.catch(() => undefined);
    // Let the finished listeners run (they may start the daily burst that fell due meanwhile).
    await new Promise((resolve) => setImmediate(resolve));
    if (this.current) await this.settled();
  }

  /**
   * On start: a daily or smart burst left running by a crash is finished if it is still today's;
   * an older one, or an interrupted optimize-now, is closed with what it had done.
   */
  async resumeInterrupted(): Promise<BurstSummary | null> {
    const { db, clock, settings } = this.deps;
    const { values } = await settings.values();
    const today = localDay(clock.now(), values.burstTimeZone);
    const stale = await db.selectFrom('bursts').selectAll().where('status', '=', 'running').execute();
    let resume: BurstRow | undefined;
    for (const row of stale) {
      if (row.day === today && row.kind !== 'optimize' && !resume) {
        resume = row;
        continue;
      }
      const error =
        row.kind === 'optimize'
          ? 'Interrupted (the app stopped); run it again for the rest'
          : 'Interrupted (the app stopped) and not resumed on its day';
      await db
        .updateTable('bursts')
        .set({
          status: 'failed',
          error,
          shortfall: Math.max(0, row.planned - row.created),
          finished_at: isoNow(clock),
        })
        .where('id', '=', row.id)
        .where('status', '=', 'running')
        .execute();
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

  private async run(kind: BurstKind, opened: (burstId: number) => void): Promise<BurstSummary> {
    const { db, clock, settings, activity } = this.deps;
    const { values } = await settings.values();
    const day = localDay(clock.now(), values.burstTimeZone);
    const reopened =
      kind === 'optimize'
        ? undefined
        : await db
            .selectFrom('bursts')
            .selectAll()
            .where('day', '=', day)
            .where('kind', '!=', 'optimize')
            .where('status', '=', 'running')
            .executeTakeFirst();
    const burstId =
      reopened?.id ??
      (
        await db
          .insertInto('bursts')
          .values({ day, kind, status: 'running', started_at: isoNow(clock) })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    opened(burstId);
    const label = { daily: 'Daily burst', smart: 'Smart burst', optimize: 'Optimize now' }[kind];
    await activity.record({
      agent: 'maestro',
      action: `${label} started`,
      detail: day,
      level: 'action',
      emoji: '🚀',
    });
    this.progress(burstId);
    let stop: AppError | null = null;
    let crash: unknown = null;
    try {
      stop =
        kind === 'optimize'
          ? await this.draftIdeas(burstId)
          : await this.fillQuota(burstId, day, values.reelsPerBrand, values.postsPerBrand);
    } catch (error) {
      // A fault outside any one task (the store, the settings): the burst ends failed.
      crash = error;
    }
    return this.finish(burstId, kind, day, values, stop, crash);
  }

  /** Rounds of planning what each brand still lacks, until nothing is missing or rounds run out. */
  private async fillQuota(
    burstId: number,
    day: string,
    reels: number,
    posts: number,
  ): Promise<AppError | null> {
    await this.deps.agents.ensurePopulation();
    for (let round = 0; round < burstDefaults.maxRounds; round++) {
      const followUps = await this.drainFollowUps(burstId, day);
      if (followUps) return followUps;
      const tasks = await this.plan(day, reels, posts);
      if (round === 0)
        await this.setPlanned(
          burstId,
          tasks.reduce((n, t) => n + t.count, 0),
        );
      if (tasks.length === 0) return null;
      const { stop, failures } = await settleAll(tasks, (task) => this.runTask(burstId, day, task));
      await this.recordBrandFailures(
        burstId,
        failures.map(({ item, error }) => ({ brandId: item.brandId, error })),
      );
      if (stop) return stop;
    }
    return this.drainFollowUps(burstId, day);
  }

  /** optimize-now: every active agent drafts brand-less reels and posts; not examined. */
  private async draftIdeas(burstId: number): Promise<AppError | null> {
    const agents = await this.deps.agents.activeRows();
    const tasks = agents.flatMap((agent) =>
      (['reel', 'post'] as const).map((contentType) => ({ agent, contentType })),
    );
    await this.setPlanned(burstId, tasks.length * burstDefaults.optimizeNowPerType);
    const { stop, failures } = await settleAll(tasks, async ({ agent, contentType }) => {
      const result = await this.deps.generator.generate({
        agent,
        brand: null,
        contentType,
        count: burstDefaults.optimizeNowPerType,
        burstDay: null,
      });
      await this.countGenerated(burstId, result);
    });
    for (const { item, error } of failures) {
      await this.deps.activity.record({
        agent: item.agent.agent_id,
        action: 'Drafting failed',
        detail: `${item.contentType}: ${messageOf(error)}`,
        level: 'error',
        emoji: '⚠️',
      });
    }
    return stop;
  }

  private async finish(
    burstId: number,
    kind: BurstKind,
    day: string,
    values: { reelsPerBrand: number; postsPerBrand: number },
    stop: AppError | null,
    crash: unknown,
  ): Promise<BurstSummary> {
    const { db, clock, activity } = this.deps;
    const row = await db.selectFrom('bursts').selectAll().where('id', '=', burstId).executeTakeFirstOrThrow();
    let shortfall = Math.max(0, row.planned - row.created);
    if (kind !== 'optimize' && !crash) {
      const missing = await this.plan(day, values.reelsPerBrand, values.postsPerBrand).catch(() => null);
      if (missing) shortfall = missing.reduce((n, t) => n + t.count, 0);
    }
    const error = crash ? messageOf(crash) : (stop?.message ?? null);
    const status = error ? 'failed' : 'completed';
    const dailyAttempts = kind === 'optimize' ? 0 : await this.dailyAttempts(day);
    const markedDone = await this.deps.state.lastDailyRunDay();
    // A daily burst that filled the day (or used its last attempt) closes the day.
    const closesDay =
      kind === 'daily' && (shortfall === 0 || dailyAttempts >= burstDefaults.maxDailyAttempts);
    if (closesDay) await this.deps.state.setLastDailyRunDay(day);
    const dayOpen = !closesDay && markedDone !== day && dailyAttempts < burstDefaults.maxDailyAttempts;
    const retry: ShortfallRetry = dayOpen ? 'catch-up' : 'burst-now';
    const counts = burstFromRow({ ...row, status, shortfall, error });
    const summary = describeBurst(counts, retry);
    const finishedAt = isoNow(clock);
    // The burst's end, its entry and its notification commit together (or not at all).
    const entry = await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('bursts')
        .set({ status, shortfall, error, summary, finished_at: finishedAt })
        .where('id', '=', burstId)
        .execute();
      await this.deps.notifications?.write(
        trx,
        burstFinishedNotice(
          burstFromRow({ ...row, status, shortfall, error, summary, finished_at: finishedAt }),
        ),
      );
      return activity.insert(trx, {
        agent: 'maestro',
        action:
          status === 'failed' ? 'Burst stopped' : shortfall > 0 ? 'Burst ended short' : 'Burst complete',
        detail: summary,
        level: status === 'failed' || shortfall > 0 ? 'error' : 'action',
        emoji: status === 'failed' ? '🛑' : shortfall > 0 ? '⚠️' : '🏁',
      });
    });
    activity.announce(entry);
    this.deps.notifications?.wake();
    this.progress(burstId);
    return this.summary(burstId);
  }

  /** The most recent daily burst (the catch-up spaces its retries of a short day from it). */
  async latestDaily(): Promise<BurstSummary | null> {
    const row = await this.deps.db
      .selectFrom('bursts')
      .selectAll()
      .where('kind', '=', 'daily')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row ? burstFromRow(row) : null;
  }

  /** Daily bursts opened for `day` so far (the catch-up stops after burstDefaults.maxDailyAttempts). */
  async dailyAttempts(day: string): Promise<number> {
    const row = await this.deps.db
      .selectFrom('bursts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('day', '=', day)
      .where('kind', '=', 'daily')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** What each brand still lacks today, split across the agents. */
  private async plan(day: string, reels: number, posts: number): Promise<BurstTask[]> {
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
      profiles: Object.fromEntries(
        agents.map((a) => {
          const dna = dnaFromRow(a);
          return [a.agent_id, { contentTypes: dna.contentTypes, proposalsPerBrand: dna.proposalsPerBrand }];
        }),
      ),
      targets: { reel: reels, post: posts },
      done: (brandId, type) => done.get(`${brandId}|${type}`) ?? 0,
      rotation: dayNumber(day),
    });
  }

  private async runTask(burstId: number, day: string, task: BurstTask): Promise<void> {
    const agent = await findAgentRow(this.deps.db, task.agentId);
    if (!agent) throw new AppError('not_found', `Agent ${task.agentId} is gone.`);
    const brand = await this.deps.brands.get(task.brandId);
    const result = await this.deps.generator.generate({
      agent,
      brand,
      contentType: task.contentType,
      count: task.count,
      burstDay: day,
    });
    await this.countGenerated(burstId, result);
    const { stop, failures } = await settleAll(result.created, (row) =>
      this.examineAndFollowUp(burstId, day, row, brand),
    );
    for (const { item, error } of failures) await this.recordProposalFailure(item, error);
    if (result.stopped) throw result.stopped;
    if (stop) throw stop;
  }

  /** Examine; an examiner reject of an original earns one regeneration, whose verdict is final. */
  private async examineAndFollowUp(
    burstId: number,
    day: string,
    row: ProposalRow,
    brand: Brand,
  ): Promise<void> {
    const verdict = await this.examine(burstId, row, brand);
    if (verdict === 'rejected' && row.attempt === 1) await this.regenerate(burstId, day, row, brand);
  }

  /** Returns the status the verdict gave, or null when the creator had already decided. */
  private async examine(
    burstId: number,
    row: ProposalRow,
    brand: Brand,
  ): Promise<'accepted' | 'rejected' | 'needs_review' | null> {
    const lines = JSON.parse(
      row.content_type === 'reel' ? (row.content_lines ?? '[]') : (row.slide_texts ?? '[]'),
    ) as string[];
    const agentName = (await findAgentRow(this.deps.db, row.agent_id))?.display_name ?? row.agent_id;
    let verdict: Awaited<ReturnType<typeof examineProposal>> | null = null;
    let failure: string | null = null;
    try {
      verdict = await examineProposal(
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
    } catch (error) {
      if (isBudgetStop(error)) throw error;
      failure = messageOf(error);
    }
    const status = verdict ? (verdict.passed ? 'accepted' : 'rejected') : 'needs_review';
    const result = verdict ?? {
      composite: 0,
      passed: false,
      avatarFit: 0,
      engagementPotential: 0,
      contentQuality: 0,
      threshold: brand.examiner.threshold,
      weights: brand.examiner.weights,
      reason: '',
      redFlags: [],
      error: failure ?? 'unknown error',
    };
    const counter: Counter = status === 'needs_review' ? 'needs_review' : status;
    const { applied } = await this.deps.proposals.recordExamination(row, result, status, (trx, applied) =>
      applied ? this.count(burstId, { [counter]: 1 }, trx) : Promise.resolve(),
    );
    this.progress(burstId);
    return applied ? status : null;
  }

  /**
   * The one regeneration of an examiner reject, claimed before the call ('due' → 'attempted') so
   * that it happens once ever: a failed or duplicate attempt is not tried again in a later round
   * or a later run.
   */
  private async regenerate(burstId: number, day: string, rejected: ProposalRow, brand: Brand): Promise<void> {
    const { db, clock } = this.deps;
    const claimed = await db
      .updateTable('proposals')
      .set({ regeneration: 'attempted', updated_at: isoNow(clock) })
      .where('proposal_id', '=', rejected.proposal_id)
      .where('regeneration', '=', 'due')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return;
    // The same agent if it is still active, else the first active one.
    const own = await findAgentRow(db, rejected.agent_id);
    const writer: AgentRow | undefined = own?.active === 1 ? own : (await this.deps.agents.activeRows())[0];
    if (!writer) return;
    const result = await this.deps.generator.generate({
      agent: writer,
      brand,
      contentType: rejected.content_type,
      count: 1,
      burstDay: day,
      replaces: rejected,
    });
    await this.countGenerated(burstId, result);
    for (const row of result.created) await this.examine(burstId, row, brand);
    if (result.stopped) throw result.stopped;
  }

  /**
   * Work of today that is due but not done: proposals not yet examined (the app stopped, or a
   * budget stop), regenerations claimed by no one. All of it settles before the burst plans.
   */
  private async drainFollowUps(burstId: number, day: string): Promise<AppError | null> {
    const { db } = this.deps;
    const pending = await db
      .selectFrom('proposals')
      .selectAll()
      .where('burst_day', '=', day)
      .where('status', '=', 'pending')
      .execute();
    const examined = await settleAll(pending, async (row) => {
      const brand = await this.brandOf(row);
      if (brand) await this.examineAndFollowUp(burstId, day, row, brand);
    });
    for (const { item, error } of examined.failures) await this.recordProposalFailure(item, error);
    if (examined.stop) return examined.stop;
    const due = await db
      .selectFrom('proposals')
      .selectAll()
      .where('burst_day', '=', day)
      .where('regeneration', '=', 'due')
      .execute();
    const regenerated = await settleAll(due, async (row) => {
      const brand = await this.brandOf(row);
      if (brand) await this.regenerate(burstId, day, row, brand);
    });
    for (const { item, error } of regenerated.failures) await this.recordProposalFailure(item, error);
    return regenerated.stop;
  }

  /** The live brand of a stored proposal, or null when it has none or it was deleted. */
  private async brandOf(row: ProposalRow): Promise<Brand | null> {
    if (!row.brand_id) return null;
    return this.deps.brands.get(row.brand_id).catch(() => null);
  }

  private async recordBrandFailures(
    burstId: number,
    failures: Array<{ brandId: string; error: unknown }>,
  ): Promise<void> {
    for (const { brandId, error } of failures) {
      const message = messageOf(error);
      await this.deps.db
        .updateTable('bursts')
        .set((eb) => ({
          brand_errors: eb.fn('json_set', [
            eb.ref('brand_errors'),
            eb.val(`$."${brandId}"`),
            eb.val(message),
          ]),
        }))
        .where('id', '=', burstId)
        .execute();
      await this.deps.activity.record({
        agent: 'maestro',
        action: 'Brand skipped in burst',
        detail: `${brandId}: ${message}`,
        level: 'error',
        emoji: '⚠️',
        brandId,
      });
    }
    if (failures.length) this.progress(burstId);
  }

  private async recordProposalFailure(row: ProposalRow, error: unknown): Promise<void> {
    await this.deps.activity.record({
      agent: row.agent_id,
      action: 'Examination failed',
      detail: `${row.proposal_id}: ${messageOf(error)}`,
      level: 'error',
      emoji: '⚠️',
      brandId: row.brand_id,
    });
  }

  private async setPlanned(burstId: number, planned: number): Promise<void> {
    // A reopened burst keeps the plan it started with: its "of N" stays the day's target.
    await this.deps.db
      .updateTable('bursts')
      .set({ planned })
      .where('id', '=', burstId)
      .where('planned', '=', 0)
      .execute();
    this.progress(burstId);
  }

  private async countGenerated(burstId: number, result: GenerateResult): Promise<void> {
    await this.count(burstId, { created: result.created.length, failed_calls: result.failedCalls });
    this.progress(burstId);
  }

  private async count(
    burstId: number,
    delta: Partial<Record<Counter, number>>,
    trx: Kysely<Database> = this.deps.db,
  ): Promise<void> {
    const columns = Object.entries(delta).filter(([, n]) => n) as Array<[Counter, number]>;
    if (columns.length === 0) return;
    await trx
      .updateTable('bursts')
      .set((eb) => Object.fromEntries(columns.map(([column, n]) => [column, eb(column, '+', n)])))
      .where('id', '=', burstId)
      .execute();
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

export type { ContentType };
