import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempCore, sampleBrand, type TempCore } from '../../helpers/temp-core';

/**
 * Feedback, adaptation and the weekly evolution against a real SQLite file, through the contract.
 * The published posts' measurements are written as the metrics collector leaves them (its own
 * tests cover the way there through the fake Graph server).
 */

const HOUR = 3_600_000;
let t: TempCore;
let media = 0;

async function published(input: {
  agentId: string;
  strategy: string;
  ageHours: number;
  views: number;
  reach?: number;
  likes?: number;
  examinerScore?: number | null;
  stamped48h?: boolean;
  relativeScore?: number;
  scheduleId?: string | null;
}): Promise<string> {
  const now = t.clock.now().getTime();
  const publishedAt = new Date(now - input.ageHours * HOUR).toISOString();
  const mediaId = `1790000000000${String(++media).padStart(4, '0')}`;
  await t.core.store.db
    .insertInto('post_performance')
    .values({
      platform: 'instagram',
      media_id: mediaId,
      schedule_id: input.scheduleId ?? null,
      brand_id: sampleBrand.id,
      proposal_id: null,
      content_type: 'reel',
      title: `Post ${media}`,
      caption: null,
      topic_bucket: 'sleep',
      keyword_hash: null,
      views: input.views,
      likes: input.likes ?? 0,
      comments: 0,
      saves: 0,
      shares: 0,
      reach: input.reach ?? 0,
      engagement_rate: 0,
      performance_score: 0,
      percentile_rank: null,
      published_at: publishedAt,
      metrics_fetched_at: publishedAt,
      metrics_24h_at: null,
      metrics_48h_at:
        input.stamped48h === false ? null : new Date(now - (input.ageHours - 48) * HOUR).toISOString(),
      metrics_7d_at: null,
      attributed_at: null,
      agent_id: input.agentId,
      strategy: input.strategy,
      examiner_score: input.examinerScore ?? null,
      relative_score: input.relativeScore ?? 50,
      metrics_1h_at: null,
      metrics_6h_at: null,
    })
    .execute();
  return mediaId;
}

async function agentRow(agentId: string) {
  return t.core.store.db
    .selectFrom('agents')
    .selectAll()
    .where('agent_id', '=', agentId)
    .executeTakeFirstOrThrow();
}

beforeEach(async () => {
  t = await openTempCore({ start: '2026-11-25T10:00:00.000Z', startRenderQueue: false });
  await t.call('brands.create', sampleBrand);
});
afterEach(async () => {
  await t.close();
});

describe('feedback', () => {
  it('attributes each post once: a second run, a concurrent run and a later run never count a post twice', async () => {
    await t.call('settings.set', { values: { adaptationRule: 'original' } });
    await published({ agentId: 'toby', strategy: 'explore', ageHours: 50, views: 3000, examinerScore: 8 });
    await published({ agentId: 'toby', strategy: 'iterate', ageHours: 55, views: 1000, examinerScore: 6 });
    await published({ agentId: 'toby', strategy: 'double_down', ageHours: 60, views: 2000 });
    // Too young: its 48 h metrics are not in.
    await published({ agentId: 'toby', strategy: 'explore', ageHours: 10, views: 500, stamped48h: false });
    // Past the window without its 48 h stamp (the app was closed): attributed late, once.
    await published({ agentId: 'lexi', strategy: 'refine', ageHours: 80, views: 700, stamped48h: false });

    const [first, concurrent] = await Promise.all([
      t.call('learning.runFeedback'),
      t.call('learning.runFeedback'),
    ]);
    expect(first.attributedPosts + concurrent.attributedPosts).toBe(4);
    const again = await t.call('learning.runFeedback');
    expect(again.attributedPosts).toBe(0);
    expect(again.agents).toEqual([]);

    let toby = await agentRow('toby');
    expect(toby.lifetime_views).toBe(6000);
    expect((await agentRow('lexi')).lifetime_views).toBe(700);
    // views 2 000 avg → 2 × 0.4 = 0.8; no reach → 0; consistency (1 − 1000/2000) × 100 = 50 × 0.2 = 10;
    // examiner (8 + 6) / 2 = 7 → 7. Survival 17.8, under 30: explore, 0.90 → 0.93.
    expect(toby.survival_score).toBe(17.8);
    expect(toby.temperature).toBe(0.93);
    // Original rule: explore 3 000 vs iterate 1 000 → ratio 3 → 0.05 from iterate to explore.
    expect(JSON.parse(toby.strategy_weights)).toEqual({
      explore: 0.35,
      iterate: 0.15,
      double_down: 0.3,
      trending: 0.2,
    });
    const snapshots = await t.core.store.db
      .selectFrom('agent_performance')
      .selectAll()
      .where('agent_id', '=', 'toby')
      .execute();
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({
      published_count: 3,
      total_views: 6000,
      best_strategy: 'explore',
      worst_strategy: 'iterate',
    });

    const timeline = await t.call('learning.timeline', {
      agentId: 'toby',
      types: ['weight_shift', 'temperature'],
    });
    expect(timeline.map((e) => e.mutationType).sort()).toEqual(['temperature', 'weight_shift']);
    const shift = timeline.find((e) => e.mutationType === 'weight_shift')!;
    expect(shift.oldValue).toEqual({
      strategyWeights: { explore: 0.3, iterate: 0.2, double_down: 0.3, trending: 0.2 },
    });
    expect(shift.description).toContain('explore averaged 3000 views against 1000');

    // 40 hours later the young post is 50 h old, but its 48 h metrics are not in yet: it waits.
    t.clock.advance(40 * HOUR);
    expect((await t.call('learning.runFeedback')).attributedPosts).toBe(0);
    // The collector takes the 48 h stamp: now it is attributed, and only its 500 views are added.
    await t.core.store.db
      .updateTable('post_performance')
      .set({ metrics_48h_at: t.clock.now().toISOString() })
      .where('views', '=', 500)
      .execute();
    const later = await t.call('learning.runFeedback');
    expect(later.attributedPosts).toBe(1);
    toby = await agentRow('toby');
    expect(toby.lifetime_views).toBe(6500);
    const history = await t.call('learning.agentHistory', { agentId: 'toby' });
    expect(history.survival).toHaveLength(2);
    expect(history.weights.at(-1)!.weights).toEqual({
      explore: 0.35,
      iterate: 0.15,
      double_down: 0.3,
      trending: 0.2,
    });
  });

  it('counts a post published to several platforms as one post of the agent', async () => {
    await published({
      agentId: 'toby',
      strategy: 'explore',
      ageHours: 50,
      views: 1000,
      reach: 800,
      likes: 40,
      scheduleId: null,
    });
    const db = t.core.store.db;
    // The same scheduled post on Instagram and Facebook.
    await db
      .insertInto('scheduled_posts')
      .values(await scheduledPostValues('SCH-1'))
      .execute();
    await published({
      agentId: 'toby',
      strategy: 'trending',
      ageHours: 50,
      views: 2000,
      reach: 1000,
      likes: 50,
      scheduleId: 'SCH-1',
    });
    await published({
      agentId: 'toby',
      strategy: 'trending',
      ageHours: 50,
      views: 1000,
      reach: 1000,
      likes: 50,
      scheduleId: 'SCH-1',
    });
    const report = await t.call('learning.runFeedback');
    expect(report.attributedPosts).toBe(3);
    expect(report.agents[0]).toMatchObject({ agentId: 'toby', posts: 2 });
    const snapshot = await db
      .selectFrom('agent_performance')
      .selectAll()
      .where('agent_id', '=', 'toby')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(snapshot.strategy_breakdown)).toEqual({
      explore: { count: 1, avgViews: 1000, totalViews: 1000 },
      trending: { count: 1, avgViews: 3000, totalViews: 3000 },
    });
    // (40 + 100) / (800 + 2000) = 5 %
    expect(snapshot.avg_engagement_rate).toBe(0.05);
  });

  it('with the evidence rule moves the DNA towards the strategy the measured posts favour, keeping every floor', async () => {
    for (let i = 0; i < 6; i++) {
      await published({
        agentId: 'toby',
        strategy: 'double_down',
        ageHours: 50 + i,
        views: 4000,
        relativeScore: 72,
      });
      await published({
        agentId: 'toby',
        strategy: 'explore',
        ageHours: 50 + i,
        views: 1000,
        relativeScore: 38,
      });
    }
    const report = await t.call('learning.runFeedback');
    expect(report.agents[0]!.changes[0]).toContain('double_down leads');
    const weights = JSON.parse((await agentRow('toby')).strategy_weights) as Record<string, number>;
    expect(weights.double_down).toBeGreaterThan(0.5);
    // Toby's risk tolerance is high: every strategy keeps at least 4 %.
    for (const share of Object.values(weights)) expect(share).toBeGreaterThanOrEqual(0.04);
    expect(Object.values(weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });
});

async function scheduledPostValues(scheduleId: string) {
  const now = t.clock.now().toISOString();
  const job = await t.call('jobs.create', {
    brandId: sampleBrand.id,
    variant: 'dark',
    title: 'Magnesium and sleep',
    contentLines: ['One', 'Two', 'Three'],
  });
  return {
    schedule_id: scheduleId,
    job_id: job.id,
    brand_id: sampleBrand.id,
    content_type: 'reel' as const,
    variant: 'dark' as const,
    title: 'Magnesium and sleep',
    caption: '',
    facebook_caption: '',
    youtube_title: null,
    youtube_title_source: null,
    youtube_description: null,
    first_comment: null,
    scheduled_time: now,
    slot_source: 'auto' as const,
    slot_note: null,
    status: 'published' as const,
    platforms: '["instagram","facebook"]',
    media: '{}',
    published_at: now,
    publish_error: null,
    created_at: now,
    updated_at: now,
  };
}

describe('the weekly evolution', () => {
  async function snapshots(agentId: string, scores: number[]) {
    for (const score of scores) {
      await t.core.store.db
        .insertInto('agent_performance')
        .values({
          agent_id: agentId,
          period: 'feedback',
          survival_score: score,
          created_at: t.clock.now().toISOString(),
        })
        .execute();
    }
    await t.core.store.db
      .updateTable('agents')
      .set({ survival_score: scores.at(-1)! })
      .where('agent_id', '=', agentId)
      .execute();
  }

  it('archives thriving DNA once, retires the persistently weak, spawns a replacement and runs once per week', async () => {
    const weak = (await t.call('agents.create', { brandId: sampleBrand.id })).agentId;
    const spawned = (await t.call('agents.list')).find(
      (a) => a.createdForBrand === sampleBrand.id && a.agentId !== weak,
    )!;
    await snapshots('toby', [70, 72]);
    await snapshots('lexi', [40, 45]);
    await snapshots(spawned.agentId, [35, 35, 35, 35]);
    // Four snapshots, all under 30: eligible.
    await snapshots(weak, [12, 14, 10, 11]);

    // Wednesday 2026-11-25: the week due is Sunday 2026-11-22's.
    const report = await t.call('learning.runEvolution');
    expect(report.week).toBe('2026-11-22');
    expect(report.ran).toBe(true);
    expect(report.totalAgents).toBe(4);
    expect(report.thriving.map((a) => a.agentId)).toContain('toby');
    expect(report.archived).toEqual(['toby']);
    expect(report.deaths.map((d) => d.agentId)).toEqual([weak]);
    expect(report.births).toHaveLength(1);
    expect(report.births[0]).toMatchObject({ replaced: weak, brandId: sampleBrand.id });

    const agents = await t.call('agents.list', { includeInactive: true });
    expect(agents.find((a) => a.agentId === weak)!.active).toBe(false);
    const child = agents.find((a) => a.agentId === report.births[0]!.agentId)!;
    expect(child.active).toBe(true);
    expect(child.createdForBrand).toBe(sampleBrand.id);
    const pool = await t.call('learning.genePool');
    expect(pool.map((e) => [e.sourceAgentId, e.reason]).sort()).toEqual(
      [
        ['toby', 'top_performer'],
        [weak, 'retirement'],
      ].sort(),
    );

    // Same week again: nothing happens, the stored report comes back.
    const again = await t.call('learning.runEvolution');
    expect(again.ran).toBe(false);
    expect(again.deaths.map((d) => d.agentId)).toEqual([weak]);
    expect((await t.call('agents.list')).length).toBe(4);

    // Next week: Toby thrives again but is archived only once, ever.
    t.clock.set('2026-11-29T02:00:00.000Z');
    const next = await t.call('learning.runEvolution');
    expect(next.week).toBe('2026-11-29');
    expect(next.ran).toBe(true);
    expect(next.archived).toEqual([]);
    expect((await t.call('learning.genePool')).filter((e) => e.sourceAgentId === 'toby')).toHaveLength(1);
    expect((await t.call('learning.evolutionHistory')).map((r) => r.week)).toEqual([
      '2026-11-29',
      '2026-11-22',
    ]);
  });

  it('never retires a built-in agent, however weak', async () => {
    await snapshots('toby', [5, 5, 5, 5]);
    await snapshots('lexi', [80]);
    const spawned = (await t.call('agents.list')).find((a) => a.createdForBrand === sampleBrand.id)!;
    await snapshots(spawned.agentId, [50]);
    const report = await t.call('learning.runEvolution');
    const struggling = report.struggling.find((s) => s.agentId === 'toby')!;
    expect(struggling).toMatchObject({ eligibleForDeath: true, died: false, protectedBy: 'builtin' });
    expect(report.deaths).toEqual([]);
  });
});
