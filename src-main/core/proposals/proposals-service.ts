import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import { AppError } from '../contract/errors';
import type { ExaminerResult, Proposal } from '../contract/proposals';
import type { EventHub } from '../events/event-hub';
import { isoNow, type Clock } from '../ports/clock';
import type { Database } from '../store/database';
import type { ProposalRow } from './proposal-generator';
import { proposalFromRow } from './proposals-repository';

type Status = Proposal['status'];

/** Which human decisions are allowed from which state (an accepted proposal with a job is final). */
const reviewableFrom: Record<'accept' | 'reject', Status[]> = {
  accept: ['pending', 'needs_review', 'rejected'],
  reject: ['pending', 'needs_review', 'accepted'],
};

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  activity: ActivityLog;
  events: EventHub;
  /** Called after a proposal becomes accepted (creates its render job once jobs exist). */
  onAccepted: (proposal: Proposal) => Promise<void>;
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

  async list(filter: {
    statuses?: Status[];
    brandId?: string;
    agentId?: string;
    contentType?: 'reel' | 'post';
    limit?: number;
    beforeProposalId?: string;
  }): Promise<{ items: Proposal[]; counts: Record<string, number>; hasMore: boolean }> {
    const limit = filter.limit ?? 100;
    let query = this.base();
    let countQuery = this.deps.db
      .selectFrom('proposals')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status');
    if (filter.brandId) {
      query = query.where('proposals.brand_id', '=', filter.brandId);
      countQuery = countQuery.where('brand_id', '=', filter.brandId);
    }
    if (filter.agentId) {
      query = query.where('proposals.agent_id', '=', filter.agentId);
      countQuery = countQuery.where('agent_id', '=', filter.agentId);
    }
    if (filter.contentType) {
      query = query.where('proposals.content_type', '=', filter.contentType);
      countQuery = countQuery.where('content_type', '=', filter.contentType);
    }
    if (filter.statuses?.length) query = query.where('proposals.status', 'in', filter.statuses);
    if (filter.beforeProposalId) {
      const anchor = await this.deps.db
        .selectFrom('proposals')
        .select('id')
        .where('proposal_id', '=', filter.beforeProposalId)
        .executeTakeFirst();
      if (anchor) query = query.where('proposals.id', '<', anchor.id);
    }
    const rows = await query
      .orderBy('proposals.id', 'desc')
      .limit(limit + 1)
      .execute();
    const counts: Record<string, number> = {};
    for (const c of await countQuery.execute()) counts[c.status] = Number(c.n);
    return { items: rows.slice(0, limit).map(proposalFromRow), counts, hasMore: rows.length > limit };
  }

  async get(proposalId: string): Promise<Proposal> {
    const row = await this.base().where('proposals.proposal_id', '=', proposalId).executeTakeFirst();
    if (!row) throw new AppError('not_found', `No proposal "${proposalId}".`, { proposalId });
    return proposalFromRow(row);
  }

  async review(proposalId: string, decision: 'accept' | 'reject', note?: string): Promise<Proposal> {
    const { db, clock } = this.deps;
    const entry = await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('proposals')
        .selectAll()
        .where('proposal_id', '=', proposalId)
        .executeTakeFirst();
      if (!row) throw new AppError('not_found', `No proposal "${proposalId}".`, { proposalId });
      if (!reviewableFrom[decision].includes(row.status)) {
        throw new AppError(
          'conflict',
          `${proposalId} is ${row.status.replace('_', ' ')} and cannot be ${decision}ed now.`,
          { status: row.status },
        );
      }
      if (decision === 'reject' && row.accepted_job_id) {
        throw new AppError(
          'conflict',
          `${proposalId} already has a render job (${row.accepted_job_id}); cancel the job instead.`,
        );
      }
      const now = isoNow(clock);
      await trx
        .updateTable('proposals')
        .set({
          status: decision === 'accept' ? 'accepted' : 'rejected',
          reviewer_notes: note?.trim() || `Creator: ${decision}ed`,
          reviewed_at: now,
          updated_at: now,
        })
        .where('proposal_id', '=', proposalId)
        .execute();
      if (decision === 'accept' && row.status !== 'accepted') {
        await trx
          .updateTable('agents')
          .set((eb) => ({ lifetime_accepted: eb('lifetime_accepted', '+', 1) }))
          .where('agent_id', '=', row.agent_id)
          .execute();
      }
      return this.deps.activity.insert(trx, {
        agent: row.agent_id,
        action: decision === 'accept' ? 'Accepted by you' : 'Rejected by you',
        detail: `${proposalId}: ${row.title}${note ? ` (${note})` : ''}`,
        level: 'action',
        emoji: decision === 'accept' ? '✅' : '❌',
      });
    });
    this.deps.activity.announce(entry);
    if (decision === 'accept') await this.deps.onAccepted(await this.get(proposalId));
    this.changed(proposalId);
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

  /** Stores the examiner's scores and moves the proposal to its verdict (or to needs_review). */
  async recordExamination(
    row: ProposalRow,
    result: ExaminerResult,
    status: 'accepted' | 'rejected' | 'needs_review',
  ): Promise<Proposal> {
    const { db, clock } = this.deps;
    const now = isoNow(clock);
    const notes =
      status === 'accepted'
        ? `Maestro Examiner: passed (${result.composite.toFixed(1)}/10)`
        : status === 'rejected'
          ? `Maestro Examiner: ${result.reason || 'below threshold'} (score ${result.composite.toFixed(1)}/10)`
          : `Maestro Examiner could not answer: ${(result.error ?? 'unknown error').replace(/[.\s]+$/, '')}. Please review.`;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('proposals')
        .set({
          status,
          examiner_score: status === 'needs_review' ? null : result.composite,
          examiner_breakdown: JSON.stringify(result),
          reviewer_notes: notes,
          reviewed_at: now,
          updated_at: now,
        })
        .where('proposal_id', '=', row.proposal_id)
        .where('status', '=', 'pending')
        .execute();
      if (status === 'accepted') {
        await trx
          .updateTable('agents')
          .set((eb) => ({ lifetime_accepted: eb('lifetime_accepted', '+', 1) }))
          .where('agent_id', '=', row.agent_id)
          .execute();
      }
    });
    if (status === 'accepted') await this.deps.onAccepted(await this.get(row.proposal_id));
    this.changed(row.proposal_id);
    return this.get(row.proposal_id);
  }

  private changed(id: string): void {
    this.deps.events.emit('data.changed', { entity: 'proposals', id });
  }
}
