import { afterEach, describe, expect, it } from 'vitest';
import { openBurstHarness, type BurstHarness } from '../../helpers/burst-harness';

let h: BurstHarness;
afterEach(async () => {
  await h?.close();
});

interface Row {
  id: number;
  proposal_id: string;
  brand_id: string;
  agent_id: string;
  content_type: 'reel' | 'post';
  attempt: number;
  status: string;
  title: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const FLAG = 'Clickbait hook with no substance';

/**
 * The fake examiner scores a pass 8 / 7.5 / 8 and a reject 3 / 4 / 3, so with the default
 * weights every pass is 0.35·8 + 0.35·7.5 + 0.30·8 = 7.825 → 7.83 and every reject
 * 0.35·3 + 0.35·4 + 0.30·3 = 3.35. Every number below is worked out from those two.
 */
const PASS = 7.83;
const REJECT = 3.35;

function proposalRow(title: string) {
  return h.query<Pick<Row, 'brand_id' | 'content_type' | 'attempt'>>(
    'SELECT brand_id, content_type, attempt FROM proposals WHERE title = ?',
    title,
  )[0];
}

/**
 * Two brands × (2 reels + 1 post), Toby and Lexi. The examiner rejects Brand 1's post (its
 * replacement passes) and Brand 2's post and its replacement, and cannot answer for Brand 2's
 * reels. Brand 1's reels pass.
 */
async function burstWithRejects(): Promise<Row[]> {
  h = await openBurstHarness({
    brands: 2,
    settings: { reelsPerBrand: 2, postsPerBrand: 1 },
    llm: {
      rejectTitle: (title) => {
        const row = proposalRow(title);
        return row?.content_type === 'post' && (row.brand_id === 'brand-2' || row.attempt === 1);
      },
      examinerFailsFor: (title) => {
        const row = proposalRow(title);
        return row?.brand_id === 'brand-2' && row.content_type === 'reel';
      },
    },
  });
  await h.t.core.bursts.runner.start('daily');
  await h.t.core.bursts.runner.running;
  return h.query<Row>('SELECT * FROM proposals ORDER BY id');
}

describe('examiner.stats and examiner.rejected over a real burst', () => {
  it('count what the examiner decided, per brand and agent, whatever the creator decided after', async () => {
    const rows = await burstWithRejects();
    // The burst did what the examiner said: 3 passes, 3 rejects, 2 unanswered.
    const post = (brand: string, attempt: number) =>
      rows.find((r) => r.brand_id === brand && r.content_type === 'post' && r.attempt === attempt)!;
    expect(rows).toHaveLength(8);
    expect(rows.filter((r) => r.status === 'accepted')).toHaveLength(3);
    expect(
      rows
        .filter((r) => r.status === 'rejected')
        .map((r) => r.proposal_id)
        .sort(),
    ).toEqual([post('brand-1', 1), post('brand-2', 1), post('brand-2', 2)].map((r) => r.proposal_id).sort());
    expect(rows.filter((r) => r.status === 'needs_review').every((r) => r.brand_id === 'brand-2')).toBe(true);
    // Each agent wrote one reel per brand; the posts went one to each agent, replacements to
    // the same agent: call the author of Brand 1's post X and of Brand 2's post Y.
    const x = post('brand-1', 1).agent_id;
    const y = post('brand-2', 1).agent_id;
    expect(new Set([x, y])).toEqual(new Set(['toby', 'lexi']));
    expect(post('brand-1', 2).agent_id).toBe(x);
    expect(post('brand-2', 2).agent_id).toBe(y);

    const stats = await h.t.call('examiner.stats', {});
    expect(stats.days).toBe(7);
    expect(stats.since).toBe('2026-11-18T12:05:00.000Z');
    // 3 of 6; (3·7.83 + 3·3.35) / 6 = 33.54 / 6 = 5.59.
    expect(stats.totals).toEqual({
      examined: 6,
      accepted: 3,
      rejected: 3,
      needsReview: 2,
      passRate: 50,
      avgComposite: 5.59,
    });
    expect(stats.averages).toEqual({
      accepted: { composite: PASS, avatarFit: 8, engagementPotential: 7.5, contentQuality: 8 },
      rejected: { composite: REJECT, avatarFit: 3, engagementPotential: 4, contentQuality: 3 },
      // (3·8 + 3·3) / 6 = 5.5; (3·7.5 + 3·4) / 6 = 5.75; (3·8 + 3·3) / 6 = 5.5.
      all: { composite: 5.59, avatarFit: 5.5, engagementPotential: 5.75, contentQuality: 5.5 },
    });
    expect(stats.topRedFlags).toEqual([{ flag: FLAG, count: 3 }]);
    // Brand 1: 3 of 4, (3·7.83 + 3.35) / 4 = 26.84 / 4 = 6.71. Brand 2: 0 of 2, 3.35, 2 unanswered.
    const brand1 = {
      examined: 4,
      accepted: 3,
      rejected: 1,
      needsReview: 0,
      passRate: 75,
      avgComposite: 6.71,
    };
    const brand2 = {
      examined: 2,
      accepted: 0,
      rejected: 2,
      needsReview: 2,
      passRate: 0,
      avgComposite: REJECT,
    };
    expect(stats.byBrand).toEqual([
      { brandId: 'brand-1', brandName: 'Brand 1', ...brand1 },
      { brandId: 'brand-2', brandName: 'Brand 2', ...brand2 },
    ]);
    // X: Brand 1's reel and the post's replacement pass, the post fails, Brand 2's reel is
    // unanswered: 2 of 3, (2·7.83 + 3.35) / 3 = 19.01 / 3 = 6.336… → 6.34.
    // Y: Brand 1's reel passes, Brand 2's post and replacement fail, its reel is unanswered:
    // 1 of 3, (7.83 + 2·3.35) / 3 = 14.53 / 3 = 4.843… → 4.84.
    const byAgent = {
      [x]: { examined: 3, accepted: 2, rejected: 1, needsReview: 1, passRate: 66.7, avgComposite: 6.34 },
      [y]: { examined: 3, accepted: 1, rejected: 2, needsReview: 1, passRate: 33.3, avgComposite: 4.84 },
    };
    // Sorted by name: Lexi before Toby.
    expect(stats.byAgent).toEqual([
      { agentId: 'lexi', agentName: 'Lexi', ...byAgent.lexi },
      { agentId: 'toby', agentName: 'Toby', ...byAgent.toby },
    ]);

    // The same view narrowed to a brand, and to an agent.
    const one = await h.t.call('examiner.stats', { brandId: 'brand-1' });
    expect(one.totals).toEqual(brand1);
    expect(one.byBrand.map((b) => b.brandId)).toEqual(['brand-1']);
    // Within Brand 1, X has 2 of 3 (6.34 as above) and Y 1 of 1 (7.83).
    expect(Object.fromEntries(one.byAgent.map((a) => [a.agentId, [a.passRate, a.avgComposite]]))).toEqual({
      [x]: [66.7, 6.34],
      [y]: [100, PASS],
    });
    const mine = await h.t.call('examiner.stats', { agentId: y });
    expect(mine.totals).toEqual(byAgent[y]);
    expect(mine.byAgent.map((a) => a.agentId)).toEqual([y]);
    expect(mine.topRedFlags).toEqual([{ flag: FLAG, count: 2 }]);

    // The rejected list: the three examiner rejects, newest first (same instant: latest row first).
    const rejectedIds = [post('brand-1', 1), post('brand-2', 1), post('brand-2', 2)]
      .sort((a, b) => b.id - a.id)
      .map((r) => r.proposal_id);
    const rejected = await h.t.call('examiner.rejected', {});
    expect(rejected.total).toBe(3);
    expect(rejected.items.map((p) => p.proposalId)).toEqual(rejectedIds);
    const brand1Post = post('brand-1', 1);
    expect(rejected.items.find((p) => p.proposalId === brand1Post.proposal_id)).toEqual({
      proposalId: brand1Post.proposal_id,
      brandId: 'brand-1',
      brandName: 'Brand 1',
      agentId: x,
      agentName: x === 'toby' ? 'Toby' : 'Lexi',
      contentType: 'post',
      title: brand1Post.title,
      status: 'rejected',
      composite: REJECT,
      threshold: 6,
      reason: 'Weak hook for this audience.',
      redFlags: [FLAG],
      createdAt: '2026-11-25T12:05:00.000Z',
    });

    // The creator accepts what the examiner rejected: it still counts as an examiner reject.
    await h.t.call('proposals.accept', { proposalId: brand1Post.proposal_id, note: 'I like it' });
    expect(h.query('SELECT status FROM proposals WHERE proposal_id = ?', brand1Post.proposal_id)).toEqual([
      { status: 'accepted' },
    ]);
    expect(await h.t.call('examiner.stats', {})).toEqual(stats);
    const after = await h.t.call('examiner.rejected', {});
    expect(after.items.map((p) => p.proposalId)).toEqual(rejectedIds);
    expect(after.items.find((p) => p.proposalId === brand1Post.proposal_id)?.status).toBe('accepted');
  });

  it('narrows the rejected list by brand, agent, type, window and limit; stats by window', async () => {
    const rows = await burstWithRejects();
    const y = rows.find((r) => r.brand_id === 'brand-2' && r.content_type === 'post')!.agent_id;
    const list = (input: object) => h.t.call('examiner.rejected', input);

    expect((await list({ brandId: 'brand-2' })).total).toBe(2);
    expect((await list({ brandId: 'brand-1' })).items.map((p) => p.brandId)).toEqual(['brand-1']);
    expect((await list({ agentId: y })).items.every((p) => p.agentId === y)).toBe(true);
    expect((await list({ agentId: y })).total).toBe(2);
    expect(await list({ contentType: 'reel' })).toEqual({ items: [], total: 0 });
    const first = await list({ limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe(3);

    // Eight days later the 7-day window is empty; a 30-day one (and no window) still holds all.
    h.t.clock.advance(8 * DAY_MS);
    const empty = await h.t.call('examiner.stats', {});
    expect(empty.since).toBe('2026-11-26T12:05:00.000Z');
    expect(empty.totals).toEqual({
      examined: 0,
      accepted: 0,
      rejected: 0,
      needsReview: 0,
      passRate: null,
      avgComposite: null,
    });
    expect(empty.topRedFlags).toEqual([]);
    expect(empty.byBrand).toEqual([]);
    expect((await h.t.call('examiner.stats', { days: 30 })).totals).toEqual({
      examined: 6,
      accepted: 3,
      rejected: 3,
      needsReview: 2,
      passRate: 50,
      avgComposite: 5.59,
    });
    expect(await list({ days: 7 })).toEqual({ items: [], total: 0 });
    expect((await list({ days: 30 })).total).toBe(3);
    expect((await list({})).total).toBe(3);
  });

  it('refuses a window or limit out of range, and unknown fields', async () => {
    h = await openBurstHarness({ brands: 1 });
    for (const [name, input] of [
      ['examiner.stats', { days: 0 }],
      ['examiner.stats', { days: 366 }],
      ['examiner.stats', { days: 2.5 }],
      ['examiner.stats', { brand: 'brand-1' }],
      ['examiner.rejected', { limit: 201 }],
      ['examiner.rejected', { contentType: 'story' }],
    ] as const) {
      expect(await h.t.invoke(name, input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });
});
