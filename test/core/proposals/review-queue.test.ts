import { afterEach, describe, expect, it } from 'vitest';
import { openBurstHarness, type BurstHarness } from '../../helpers/burst-harness';

let h: BurstHarness;
afterEach(async () => {
  await h?.close();
});

describe('the review queue', () => {
  it('lists optimize-now ideas as pending, then accepts, rejects and bulk-reviews them by hand', async () => {
    h = await openBurstHarness({ brands: 2 });
    // Returns at once with the run as it starts; the drafting goes on in the background.
    const started = await h.t.call('maestro.optimizeNow');
    expect(started).toMatchObject({ kind: 'optimize', status: 'running', day: '2026-11-25' });
    const result = await h.t.core.bursts.runner.running!;
    expect(result).toMatchObject({
      id: started.id,
      status: 'completed',
      planned: 20,
      created: 20,
      shortfall: 0,
    });
    expect(result.summary).toBe('20 of 20 drafted.');
    const list = await h.t.call('proposals.list', { statuses: ['pending'], limit: 5 });
    expect(list.counts).toEqual({ pending: 20 });
    expect(list.items).toHaveLength(5);
    expect(list.hasMore).toBe(true);
    expect(list.items[0]!.examiner).toBeNull();
    const next = await h.t.call('proposals.list', {
      statuses: ['pending'],
      limit: 50,
      beforeProposalId: list.items[4]!.proposalId,
    });
    expect(next.items).toHaveLength(15);

    const [first, second, third, fourth] = list.items;
    // A brand-less idea accepted by hand is rendered for every active brand.
    const accepted = await h.t.call('proposals.accept', { proposalId: first!.proposalId, note: 'love it' });
    expect(accepted).toMatchObject({ status: 'accepted', reviewerNotes: 'love it' });
    expect(accepted.acceptedJobId).toMatch(/^GEN-/);
    expect(
      h.query('SELECT brands FROM generation_jobs WHERE proposal_id = ?', first!.proposalId),
    ).toHaveLength(2);

    const rejected = await h.t.call('proposals.reject', { proposalId: second!.proposalId });
    expect(rejected.status).toBe('rejected');
    expect((await h.t.call('proposals.accept', { proposalId: second!.proposalId })).status).toBe('accepted');
    // A change of mind is cheap until a render starts: the waiting renders are withdrawn with
    // the acceptance, and accepting again queues the same jobs again (never a second set).
    const jobsOfFirst = () =>
      h.query<{ job_id: string; status: string }>(
        'SELECT job_id, status FROM generation_jobs WHERE proposal_id = ? ORDER BY job_id',
        first!.proposalId,
      );
    const queued = jobsOfFirst();
    expect((await h.t.call('proposals.reject', { proposalId: first!.proposalId })).status).toBe('rejected');
    expect(jobsOfFirst()).toEqual(queued.map((j) => ({ ...j, status: 'cancelled' })));
    expect((await h.t.call('proposals.accept', { proposalId: first!.proposalId })).status).toBe('accepted');
    expect(jobsOfFirst()).toEqual(queued);

    const bulk = await h.t.call('proposals.bulkReview', {
      proposalIds: [third!.proposalId, fourth!.proposalId, third!.proposalId, 'TOBY-999999'],
      decision: 'reject',
    });
    expect(bulk.updated).toEqual([third!.proposalId, fourth!.proposalId]);
    expect(bulk.skipped.map((s) => s.proposalId)).toEqual(['TOBY-999999']);
    const counts = (await h.t.call('proposals.list', {})).counts;
    expect(counts).toEqual({ pending: 16, accepted: 2, rejected: 2 });
    // lifetime_accepted counts what stands: first and second, once each despite the changes of mind.
    expect(h.query<{ n: number }>('SELECT sum(lifetime_accepted) AS n FROM agents')[0]!.n).toBe(2);
    const agents = await h.t.call('agents.list');
    expect(agents.reduce((n, a) => n + a.stats7d.proposals, 0)).toBe(20);
  });
});
