import { afterEach, describe, expect, it } from 'vitest';
import { openBurstHarness, type BurstHarness } from '../../helpers/burst-harness';

let h: BurstHarness;
afterEach(async () => {
  await h?.close();
});

describe('the review queue', () => {
  it('lists optimize-now ideas as pending, then accepts, rejects and bulk-reviews them by hand', async () => {
    h = await openBurstHarness({ brands: 2 });
    const result = await h.t.call('maestro.optimizeNow');
    expect(result).toEqual({ agents: 2, created: 20, failedCalls: 0 });
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
    // A change of mind is allowed until a job exists.
    expect((await h.t.call('proposals.accept', { proposalId: second!.proposalId })).status).toBe('accepted');
    expect(await h.t.invoke('proposals.reject', { proposalId: first!.proposalId })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/render job/) },
    });

    const bulk = await h.t.call('proposals.bulkReview', {
      proposalIds: [third!.proposalId, fourth!.proposalId, first!.proposalId, 'TOBY-999999'],
      decision: 'reject',
    });
    expect(bulk.updated).toEqual([third!.proposalId, fourth!.proposalId]);
    expect(bulk.skipped.map((s) => s.proposalId)).toEqual([first!.proposalId, 'TOBY-999999']);
    const counts = (await h.t.call('proposals.list', {})).counts;
    expect(counts).toEqual({ pending: 16, accepted: 2, rejected: 2 });
    const agents = await h.t.call('agents.list');
    expect(agents.reduce((n, a) => n + a.stats7d.proposals, 0)).toBe(20);
  });
});
