import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import type { ActivityEntry } from '../contract/activity';
import { AppError } from '../contract/errors';
import { proposalStatuses, type ExaminerResult, type Proposal } from '../contract/proposals';
import type { SearchHighlight } from '../contract/search';
import { inHitOrder, type SearchIndex } from '../search/search-index';
import { searchTermsOf } from '../search/search-terms';
import { proposalDefaults } from './defaults';
import type { EventHub } from '../events/event-hub';
import { isoNow } from '../ports/clock';
import type { Database } from '../store/database';
import type { ProposalRow } from './proposal-generator';
import {
  acceptedDelta,
  countAccepted,
  decisionsFrom,
  examinerMovesFrom,
  statusAfter,
  transitionProposal,
  type Decision,
} from './proposal-lifecycle';
import { proposalFromRow } from './proposals-repository';
import { lacksItsRender, queueRenders, withdrawRenders, type RenderDispatchDeps } from './render-dispatch';

type Status = Proposal['status'];

export interface ProposalListFilter {
  statuses?: Status[];
  brandId?: string;
  agentId?: string;
  contentType?: 'reel' | 'post';
  limit?: number;
  beforeProposalId?: string;
  search?: string;
  /** false: no counts (the page asks `counts` on its own). */
  withCounts?: boolean;
}

export type ProposalCountsFilter = Pick<ProposalListFilter, 'brandId' | 'agentId' | 'contentType' | 'search'>;

export interface ProposalList {
  items: Proposal[];
  counts?: Record<string, number>;
  hasMore: boolean;
  highlights?: Record<string, SearchHighlight>;
}

interface Deps extends RenderDispatchDeps {
  db: Kysely<Database>;
  activity: ActivityLog;
  events: EventHub;
  /** The render queue: told to look for work after a commit queued some. */
  renders: { wake(): void };
  search: SearchIndex;
}

/** The review queue: listing, human accept/reject (single and bulk), examiner outcomes. */
export class ProposalsService {
  constructor(private readonly deps: Deps) {}

  private base() {
    return this.deps.db
      .selectFrom('proposals')
      .leftJoin('agents', 'agents.agent_id', 'proposals.agent_id')
      .selectAll('proposals')
      .select('agents.display_name as agent_name');
  }

  /**
   * The review queue, newest first, one page at a time. Each status is read on its own (an
   * index range in id order, see migration 011) and the pages merged, so a page never sorts or
   * scans what the filter matched; `beforeProposalId` continues after the previous page. With
   * `search`, the same filter is answered by the search index and each item gets its highlight.
   */
  async list(filter: ProposalListFilter): Promise<ProposalList> {
    const limit = filter.limit ?? proposalDefaults.pageSize;
    const statuses = filter.statuses?.length ? [...new Set(filter.statuses)] : [...proposalStatuses];
    const beforeId = filter.beforeProposalId ? await this.idOf(filter.beforeProposalId) : undefined;
    const terms = filter.search ? searchTermsOf(filter.search) : [];
    if (terms.length > 0) return this.search(terms, { ...filter, statuses }, beforeId, limit);
    const rows: Array<ProposalRow & { agent_name: string | null }> = [];
    for (const status of statuses) {
      rows.push(
        ...(await this.narrowed(this.base(), filter)
          .where('proposals.status', '=', status)
          .$if(beforeId !== undefined, (q) => q.where('proposals.id', '<', beforeId!))
          .orderBy('proposals.id', 'desc')
          .limit(limit + 1)
          .execute()),
      );
    }
    rows.sort((a, b) => b.id - a.id);
    return {
      items: rows.slice(0, limit).map(proposalFromRow),
      ...(await this.countsUnless(filter)),
      hasMore: rows.length > limit,
    };
  }

  /**
   * Proposals per status under the brand, agent and type filter and the search: the tabs. On
   * its own so a page can show a search's results before these (six index counts per keystroke).
   */
  async counts(filter: ProposalCountsFilter): Promise<Record<string, number>> {
    const scope = { brandId: filter.brandId, agentId: filter.agentId, contentType: filter.contentType };
    const terms = filter.search ? searchTermsOf(filter.search) : [];
    if (terms.length > 0) return this.deps.search.proposalCounts(terms, scope);
    const counts: Record<string, number> = {};
    const countRows = await this.narrowed(
      this.deps.db
        .selectFrom('proposals')
        .select(['proposals.status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('proposals.status', 'in', proposalStatuses),
      filter,
    )
      .groupBy('proposals.status')
      .execute();
    for (const c of countRows) counts[c.status] = Number(c.n);
    return counts;
  }

  private async countsUnless(filter: ProposalListFilter): Promise<Pick<ProposalList, 'counts'>> {
    return filter.withCounts === false ? {} : { counts: await this.counts(filter) };
  }

  /** Proposals waiting for the creator: pending, and those the examiner could not grade. */
  async waitingCounts(): Promise<{ pending: number; needsReview: number }> {
    const rows = await this.deps.db
      .selectFrom('proposals')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', 'in', ['pending', 'needs_review'])
      .groupBy('status')
      .execute();
    const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
    return { pending: count('pending'), needsReview: count('needs_review') };
  }

  private async search(
    terms: string[],
    filter: ProposalListFilter & { statuses: Status[] },
    beforeId: number | undefined,
    limit: number,
  ): Promise<ProposalList> {
    const scope = { brandId: filter.brandId, agentId: filter.agentId, contentType: filter.contentType };
    const hits = await this.deps.search.proposals(
      terms,
      { ...scope, statuses: filter.statuses },
      { beforeId, limit: limit + 1 },
    );
    const page = hits.slice(0, limit);
    // In the index's order (newest first), looked up by primary key.
    const found =
      page.length === 0
        ? []
        : await this.base()
            .where(
              'proposals.id',
              'in',
              page.map((hit) => hit.key),
            )
            .execute();
    const ordered = inHitOrder(
      page,
      found,
      (row) => row.id,
      (row, highlight) => ({ row, highlight }),
    );
    const highlights: Record<string, SearchHighlight> = Object.fromEntries(
      ordered.map(({ row, highlight }) => [row.proposal_id, highlight]),
    );
    return {
      items: ordered.map(({ row }) => proposalFromRow(row)),
      ...(await this.countsUnless(filter)),
      hasMore: hits.length > limit,
      highlights,
    };
  }

  /** The brand, agent and type narrowing every list query shares. */
  private narrowed<Q extends SelectQueryBuilder<Database, 'proposals', object>>(
    query: Q,
    filter: Pick<ProposalListFilter, 'brandId' | 'agentId' | 'contentType'>,
  ): Q {
    let narrowed = query;
    if (filter.brandId) narrowed = narrowed.where('proposals.brand_id', '=', filter.brandId) as Q;
    if (filter.agentId) narrowed = narrowed.where('proposals.agent_id', '=', filter.agentId) as Q;
    if (filter.contentType) narrowed = narrowed.where('proposals.content_type', '=', filter.contentType) as Q;
    return narrowed;
  }

  private async idOf(proposalId: string): Promise<number | undefined> {
    const anchor = await this.deps.db
      .selectFrom('proposals')
      .select('id')
      .where('proposal_id', '=', proposalId)
      .executeTakeFirst();
    return anchor?.id;
  }

  async get(proposalId: string): Promise<Proposal> {
    const row = await this.base().where('proposals.proposal_id', '=', proposalId).executeTakeFirst();
    if (!row) throw new AppError('not_found', `No proposal "${proposalId}".`, { proposalId });
    return proposalFromRow(row);
  }

  /**
   * The creator's accept or reject. One transaction: the conditional status change, and only if
   * it applied, its consequences (the agent's counter, the renders queued or withdrawn, the
   * activity entry). Views and the render queue hear about it after the commit.
   */
  async review(proposalId: string, decision: Decision, note?: string): Promise<Proposal> {
    const { db, clock } = this.deps;
    const outcome = await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('proposals')
        .selectAll()
        .where('proposal_id', '=', proposalId)
        .executeTakeFirst();
      if (!row) throw new AppError('not_found', `No proposal "${proposalId}".`, { proposalId });
      if (!decisionsFrom[decision].includes(row.status)) {
        throw new AppError(
          'conflict',
          `${proposalId} is ${row.status.replace('_', ' ')} and cannot be ${decision}ed now.`,
          { status: row.status },
        );
      }
      const to = statusAfter(decision);
      const withdrawn = row.status === 'accepted' ? await withdrawRenders(trx, row, clock) : [];
      const now = isoNow(clock);
      const changed = await transitionProposal(trx, proposalId, [row.status], {
        status: to,
        reviewer_notes: note?.trim() || `Creator: ${decision}ed`,
        reviewed_at: now,
        updated_at: now,
        // Accepting a rejected original makes its pending replacement unnecessary.
        ...(decision === 'accept' && row.regeneration === 'due' ? { regeneration: 'expired' as const } : {}),
      });
      if (!changed) {
        throw new AppError('conflict', `${proposalId} changed while you were deciding; look again.`, {
          proposalId,
        });
      }
      await countAccepted(trx, row.agent_id, acceptedDelta(row.status, to));
      let queued: string[] = [];
      if (decision === 'accept') {
        const renders = await queueRenders(trx, { ...row, status: to }, this.deps);
        if (renders.issue)
          throw new AppError('conflict', `${proposalId} cannot be rendered: ${renders.issue}`);
        queued = renders.jobIds;
      }
      const entry = await this.deps.activity.insert(trx, {
        agent: row.agent_id,
        action: decision === 'accept' ? 'Accepted by you' : 'Rejected by you',
        detail:
          `${proposalId}: ${row.title}${note ? ` (${note})` : ''}` +
          (queued.length ? `; render queued (${queued.join(', ')})` : '') +
          (withdrawn.length ? `; render withdrawn (${withdrawn.join(', ')})` : ''),
        level: 'action',
        emoji: decision === 'accept' ? '✅' : '❌',
        brandId: row.brand_id,
      });
      return { entry, jobs: [...queued, ...withdrawn] };
    });
    this.afterCommit(proposalId, outcome.jobs, [outcome.entry]);
    return this.get(proposalId);
  }

  async bulkReview(proposalIds: string[], decision: 'accept' | 'reject', note?: string) {
    const updated: string[] = [];
    const skipped: Array<{ proposalId: string; reason: string }> = [];
    for (const id of [...new Set(proposalIds)]) {
      try {
        await this.review(id, decision, note);
        updated.push(id);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        skipped.push({ proposalId: id, reason: error.message });
      }
    }
    return { updated, skipped };
  }

  /**
   * The examiner's verdict. It moves the proposal only while nobody has decided it; then, in
   * the same transaction, an accept queues the renders and a reject of an original schedules its
   * one regeneration (an outbox state the burst drains). A verdict that arrives after the
   * creator decided is stored as the examiner's opinion only. `alsoInTransaction` lets the burst
   * count what applied in the same unit.
   */
  async recordExamination(
    row: ProposalRow,
    result: ExaminerResult,
    status: 'accepted' | 'rejected' | 'needs_review',
    alsoInTransaction?: (trx: Kysely<Database>, applied: boolean) => Promise<void>,
  ): Promise<{ applied: boolean; proposal: Proposal }> {
    const { db, clock } = this.deps;
    const now = isoNow(clock);
    const notes =
      status === 'accepted'
        ? `Maestro Examiner: passed (${result.composite.toFixed(1)}/10)`
        : status === 'rejected'
          ? `Maestro Examiner: ${result.reason || 'below threshold'} (score ${result.composite.toFixed(1)}/10)`
          : `Maestro Examiner could not answer: ${(result.error ?? 'unknown error').replace(/[.\s]+$/, '')}. Please review.`;
    const graded = status !== 'needs_review';
    const outcome = await db.transaction().execute(async (trx) => {
      const applied = await transitionProposal(trx, row.proposal_id, examinerMovesFrom, {
        status,
        examiner_score: graded ? result.composite : null,
        examiner_breakdown: JSON.stringify(result),
        reviewer_notes: notes,
        reviewed_at: now,
        updated_at: now,
        regeneration: status === 'rejected' && row.attempt === 1 ? 'due' : null,
      });
      const entries: ActivityEntry[] = [];
      let jobs: string[] = [];
      if (applied && status === 'accepted') {
        await countAccepted(trx, row.agent_id, 1);
        const renders = await queueRenders(trx, { ...row, status }, this.deps);
        jobs = renders.jobIds;
        if (renders.issue) {
          await trx
            .updateTable('proposals')
            .set({ render_issue: renders.issue })
            .where('proposal_id', '=', row.proposal_id)
            .execute();
          entries.push(
            await this.deps.activity.insert(trx, {
              agent: row.agent_id,
              action: 'Render not queued',
              detail: `${row.proposal_id}: ${renders.issue}`,
              level: 'error',
              emoji: '⚠️',
              brandId: row.brand_id,
            }),
          );
        }
      } else if (!applied && graded) {
        // The creator decided first: their word stands; the verdict is kept for the record.
        await trx
          .updateTable('proposals')
          .set({
            examiner_score: result.composite,
            examiner_breakdown: JSON.stringify(result),
            updated_at: now,
          })
          .where('proposal_id', '=', row.proposal_id)
          .execute();
        entries.push(
          await this.deps.activity.insert(trx, {
            agent: row.agent_id,
            action: 'Examiner’s opinion noted',
            detail: `${row.proposal_id}: you had already decided; the examiner would have ${
              status === 'accepted' ? 'accepted' : 'rejected'
            } it (${result.composite.toFixed(1)}/10)`,
            level: 'detail',
            emoji: '📝',
          }),
        );
      }
      await alsoInTransaction?.(trx, applied);
      return { applied, jobs, entries };
    });
    this.afterCommit(row.proposal_id, outcome.jobs, outcome.entries);
    return { applied: outcome.applied, proposal: await this.get(row.proposal_id) };
  }

  /**
   * At start: an accepted proposal without its renders (written by an older version that
   * crashed between accepting and queueing) gets them now, once; one that cannot be rendered
   * is marked with the reason so it is reported once, not at every start.
   */
  async repairAcceptedWithoutRenders(): Promise<number> {
    const { db, clock } = this.deps;
    const orphans = await db
      .selectFrom('proposals as p')
      .selectAll('p')
      .where('p.status', '=', 'accepted')
      .where('p.render_issue', 'is', null)
      .where(lacksItsRender)
      .execute();
    let repaired = 0;
    for (const row of orphans) {
      const outcome = await db.transaction().execute(async (trx) => {
        const renders = await queueRenders(trx, row, this.deps);
        if (renders.issue) {
          await trx
            .updateTable('proposals')
            .set({ render_issue: renders.issue, updated_at: isoNow(clock) })
            .where('proposal_id', '=', row.proposal_id)
            .execute();
        }
        const entry = await this.deps.activity.insert(trx, {
          agent: row.agent_id,
          action: renders.issue ? 'Render cannot be queued' : 'Render queued on repair',
          detail: `${row.proposal_id}: ${renders.issue ?? `accepted without a render; queued ${renders.jobIds.join(', ')}`}`,
          level: renders.issue ? 'error' : 'action',
          emoji: renders.issue ? '⚠️' : '🩹',
        });
        return { jobs: renders.jobIds, entry };
      });
      if (outcome.jobs.length) repaired++;
      this.afterCommit(row.proposal_id, outcome.jobs, [outcome.entry]);
    }
    return repaired;
  }

  /**
   * At start: burst work of an earlier day that a stopped app left undone. Unexamined proposals
   * wait for the creator (`needs_review`) instead of staying pending forever; regenerations that
   * were due are dropped (their day's quota is past).
   */
  async holdStaleBurstWork(today: string): Promise<{ held: number; expired: number }> {
    const { db, clock } = this.deps;
    const now = isoNow(clock);
    const outcome = await db.transaction().execute(async (trx) => {
      const held = await trx
        .updateTable('proposals')
        .set({
          status: 'needs_review',
          reviewer_notes: 'Not examined: its burst stopped before the examiner saw it. Please review.',
          reviewed_at: now,
          updated_at: now,
        })
        .where('status', '=', 'pending')
        .where('burst_day', '<', today)
        .executeTakeFirst();
      const expired = await trx
        .updateTable('proposals')
        .set({ regeneration: 'expired', updated_at: now })
        .where('regeneration', '=', 'due')
        .where('burst_day', '<', today)
        .executeTakeFirst();
      const counts = { held: Number(held.numUpdatedRows), expired: Number(expired.numUpdatedRows) };
      const entry =
        counts.held + counts.expired > 0
          ? await this.deps.activity.insert(trx, {
              agent: 'maestro',
              action: 'Unfinished burst work',
              detail: `${counts.held} unexamined proposal(s) from earlier days now wait for your review; ${counts.expired} regeneration(s) dropped`,
              level: 'action',
              emoji: '🗂️',
            })
          : null;
      return { counts, entry };
    });
    if (outcome.entry) {
      this.deps.activity.announce(outcome.entry);
      this.deps.events.emit('data.changed', { entity: 'proposals' });
    }
    return outcome.counts;
  }

  /** After a commit: announce its activity, refresh open views, let the render queue look. */
  private afterCommit(
    proposalId: string,
    jobIds: readonly string[],
    entries: readonly ActivityEntry[],
  ): void {
    entries.forEach((entry) => this.deps.activity.announce(entry));
    this.changed(proposalId);
    for (const id of jobIds) this.deps.events.emit('data.changed', { entity: 'jobs', id });
    if (jobIds.length > 0) this.deps.renders.wake();
  }

  private changed(id: string): void {
    this.deps.events.emit('data.changed', { entity: 'proposals', id });
  }
}
