import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src-main/core/app';
import { openTempCore, type TempCore } from '../../helpers/temp-core';
import { insertScheduledPost } from '../../helpers/publishing-rows';

/**
 * The dashboard's numbers on a real SQLite file, from rows set by hand. The clock is
 * 2026-11-25 10:00 UTC: 10:00 in Lisbon (the creator's zone, UTC+0 in November, so today began
 * at 00:00Z) and 02:00 in Los Angeles (YouTube's quota day began at 08:00Z).
 */

const NOW = '2026-11-25T10:00:00.000Z';
type Platform = 'instagram' | 'facebook' | 'youtube';
type TargetStatus = 'scheduled' | 'published' | 'failed' | 'waiting';

let t: TempCore;
beforeEach(async () => {
  t = await openTempCore({ start: NOW, startRenderQueue: false });
  for (const [id, displayName] of [
    ['alpha', 'The Alpha'],
    ['bravo', 'The Bravo'],
  ] as const) {
    await t.call('brands.create', { id, displayName, colors: { primary: '#224466', accent: '#88aacc' } });
  }
});
afterEach(async () => {
  await t.close();
});

let serial = 0;
/** A render and its calendar item with one target per platform, as the publisher leaves them. */
async function post(
  core: Core,
  input: {
    brandId: string;
    at: string;
    type?: 'reel' | 'carousel';
    status?: 'scheduled' | 'published' | 'partial' | 'waiting';
    targets: Partial<Record<Platform, TargetStatus>>;
    publishedAt?: string;
  },
): Promise<string> {
  serial += 1;
  const scheduleId = `SCH-dash${String(serial).padStart(6, '0')}`;
  await insertScheduledPost(core, {
    brandId: input.brandId,
    scheduleId,
    targets: input.targets,
    at: input.at,
    title: `Post ${serial}`,
    contentType: input.type,
    status: input.status,
    publishedAt: input.publishedAt,
  });
  return scheduleId;
}

async function usage(core: Core, service: string, operation: string, at: string, extra = {}) {
  await core.store.db
    .insertInto('api_usage')
    .values({
      service,
      operation,
      model: null,
      agent_id: null,
      outcome: 'ok',
      error: null,
      created_at: at,
      ...extra,
    })
    .execute();
}

async function proposals(core: Core, status: 'pending' | 'needs_review' | 'accepted', count: number) {
  for (let i = 0; i < count; i++) {
    serial += 1;
    await core.store.db
      .insertInto('proposals')
      .values({
        proposal_id: `TOBY-9${String(serial).padStart(5, '0')}`,
        agent_id: 'toby',
        brand_id: 'alpha',
        content_type: 'reel',
        status,
        variant: 'dark',
        strategy: 'explore',
        reasoning: 'Because.',
        title: `Idea ${serial}`,
        content_lines: null,
        slide_texts: null,
        image_prompt: null,
        caption: null,
        topic_bucket: null,
        source_type: null,
        source_ref: null,
        quality_score: null,
        examiner_score: null,
        examiner_breakdown: null,
        reviewer_notes: null,
        reviewed_at: null,
        accepted_job_id: null,
        burst_day: null,
        replaces_proposal_id: null,
        created_at: NOW,
        updated_at: NOW,
        regeneration: null,
        render_issue: null,
      })
      .execute();
  }
}

describe('maestro.dashboard', () => {
  it('lists the next five posts due, overdue first, and today’s published ones newest first', async () => {
    const overdue = await post(t.core, {
      brandId: 'alpha',
      at: '2026-11-25T09:00:00.000Z',
      targets: { instagram: 'scheduled' },
    });
    const later: string[] = [];
    for (const hour of [16, 11, 12, 15, 13, 14]) {
      later.push(
        await post(t.core, {
          brandId: hour % 2 ? 'alpha' : 'bravo',
          at: `2026-11-25T${hour}:00:00.000Z`,
          targets: { instagram: 'scheduled', youtube: 'scheduled' },
        }),
      );
    }
    // Held by an expired login: not due.
    await post(t.core, {
      brandId: 'alpha',
      at: '2026-11-25T10:30:00.000Z',
      status: 'waiting',
      targets: { instagram: 'waiting' },
    });
    const early = await post(t.core, {
      brandId: 'alpha',
      at: '2026-11-25T06:00:00.000Z',
      status: 'published',
      targets: { instagram: 'published' },
      publishedAt: '2026-11-25T06:00:05.000Z',
    });
    const latest = await post(t.core, {
      brandId: 'bravo',
      at: '2026-11-25T09:30:00.000Z',
      status: 'published',
      targets: { instagram: 'published' },
      publishedAt: '2026-11-25T09:31:00.000Z',
    });
    const partial = await post(t.core, {
      brandId: 'bravo',
      at: '2026-11-25T07:00:00.000Z',
      status: 'partial',
      targets: { instagram: 'published', facebook: 'failed' },
      publishedAt: '2026-11-25T07:00:30.000Z',
    });
    // Published yesterday (Lisbon), though within the last 24 hours: not today's.
    await post(t.core, {
      brandId: 'alpha',
      at: '2026-11-24T23:00:00.000Z',
      status: 'published',
      targets: { instagram: 'published' },
      publishedAt: '2026-11-24T23:59:59.000Z',
    });

    const { posts } = await t.call('maestro.dashboard');
    expect(posts.timeZone).toBe('Europe/Lisbon');
    expect(posts.dayStartsAt).toBe('2026-11-25T00:00:00.000Z');
    // 09:00 (overdue, going out now), then 11, 12, 13 and 14 o'clock.
    expect(posts.nextDue.map((p) => p.scheduleId)).toEqual([overdue, later[1], later[2], later[4], later[5]]);
    expect(posts.nextDue[1]).toEqual({
      scheduleId: later[1],
      brandId: 'alpha',
      brandName: 'The Alpha',
      brandColor: '#224466',
      contentType: 'reel',
      title: expect.stringMatching(/^Post /),
      scheduledTime: '2026-11-25T11:00:00.000Z',
      status: 'scheduled',
      publishedAt: null,
      targets: [
        { platform: 'instagram', status: 'scheduled', permalink: null },
        { platform: 'youtube', status: 'scheduled', permalink: null },
      ],
    });
    expect(posts.publishedTodayCount).toBe(3);
    expect(posts.publishedToday.map((p) => p.scheduleId)).toEqual([latest, partial, early]);
    expect(posts.publishedToday[1]!.targets).toEqual([
      { platform: 'instagram', status: 'published', permalink: expect.stringContaining('/instagram/') },
      { platform: 'facebook', status: 'failed', permalink: null },
    ]);
  });

  it('bounds today’s published list at ten and still counts them all', async () => {
    for (let minute = 0; minute < 12; minute++) {
      const at = `2026-11-25T08:${String(minute).padStart(2, '0')}:00.000Z`;
      await post(t.core, {
        brandId: 'alpha',
        at,
        status: 'published',
        targets: { instagram: 'published' },
        publishedAt: at,
      });
    }
    const { posts } = await t.call('maestro.dashboard');
    expect(posts.publishedTodayCount).toBe(12);
    expect(posts.publishedToday).toHaveLength(10);
    expect(posts.publishedToday[0]!.publishedAt).toBe('2026-11-25T08:11:00.000Z');
  });

  it('measures Instagram and Facebook on the busiest account’s rolling 24 hours, YouTube in units since midnight Pacific', async () => {
    const published = (
      brandId: string,
      at: string,
      targets: Partial<Record<Platform, TargetStatus>>,
      type: 'reel' | 'carousel' = 'reel',
    ) => post(t.core, { brandId, at, type, status: 'published', targets, publishedAt: at });
    // Alpha: 3 Instagram posts in the window (the oldest at 12:00 yesterday), 2 Facebook reels
    // (its carousel's Facebook photo post is not a reel).
    await published('alpha', '2026-11-24T12:00:00.000Z', { instagram: 'published', facebook: 'published' });
    await published(
      'alpha',
      '2026-11-25T06:00:00.000Z',
      { instagram: 'published', facebook: 'published' },
      'carousel',
    );
    await published('alpha', '2026-11-25T08:00:00.000Z', { instagram: 'published', facebook: 'published' });
    // Before the window (more than 24 hours ago).
    await published('alpha', '2026-11-24T09:00:00.000Z', { instagram: 'published', facebook: 'published' });
    // Bravo: 2 Instagram posts, its Facebook reel failed.
    await published('bravo', '2026-11-25T09:30:00.000Z', { instagram: 'published' });
    await post(t.core, {
      brandId: 'bravo',
      at: '2026-11-25T07:00:00.000Z',
      status: 'partial',
      targets: { instagram: 'published', facebook: 'failed' },
      publishedAt: '2026-11-25T07:00:00.000Z',
    });

    const pacificDay = '2026-11-25T08:00:00.000Z';
    for (let i = 0; i < 2; i++)
      await usage(t.core, 'youtube', 'videos.insert.start', '2026-11-25T09:00:00.000Z'); // 3,200
    for (let i = 0; i < 4; i++)
      await usage(t.core, 'youtube', 'videos.insert.upload', '2026-11-25T09:01:00.000Z'); // 0
    await usage(t.core, 'youtube', 'videos.insert.status', '2026-11-25T09:02:00.000Z'); // 0
    await usage(t.core, 'youtube', 'thumbnails.set', '2026-11-25T09:03:00.000Z'); // 50
    await usage(t.core, 'youtube', 'commentThreads.insert', '2026-11-25T09:04:00.000Z', {
      outcome: 'error',
      error: 'refused',
    }); // 1
    for (let i = 0; i < 3; i++) await usage(t.core, 'youtube', 'analytics.videos.list', pacificDay); // 3
    await usage(t.core, 'youtube', 'channels.list', '2026-11-25T09:05:00.000Z', { outcome: 'offline' }); // 0
    await usage(t.core, 'youtube', 'videos.insert.start', '2026-11-25T07:59:59.999Z'); // yesterday, Pacific
    await usage(t.core, 'google', 'token.refresh', '2026-11-25T09:00:00.000Z'); // not YouTube's quota

    const { platforms } = await t.call('maestro.dashboard');
    expect(platforms).toEqual([
      {
        platform: 'instagram',
        measure: 'instagram_posts_24h',
        used: 3,
        limit: 50,
        brandId: 'alpha',
        brandName: 'The Alpha',
        resetsAt: '2026-11-25T12:00:00.000Z',
        detail: '3 of 50 posts in 24 h on The Alpha, the busiest account',
      },
      {
        platform: 'facebook',
        measure: 'facebook_reels_24h',
        used: 2,
        limit: 30,
        brandId: 'alpha',
        brandName: 'The Alpha',
        resetsAt: '2026-11-25T12:00:00.000Z',
        detail: '2 of 30 reels in 24 h on The Alpha, the busiest Page',
      },
      {
        platform: 'youtube',
        measure: 'youtube_units_day',
        used: 3_254,
        limit: 10_000,
        brandId: null,
        brandName: null,
        resetsAt: '2026-11-26T08:00:00.000Z',
        detail: '3,254 of 10,000 API units today (Pacific time), shared by every brand',
      },
    ]);

    // A day later every window is empty again.
    t.clock.advance(24 * 3_600_000);
    const later = await t.call('maestro.dashboard');
    expect(later.platforms.map((p) => [p.used, p.resetsAt])).toEqual([
      [0, null],
      [0, null],
      [0, '2026-11-27T08:00:00.000Z'],
    ]);
    expect(later.platforms[0]!.detail).toBe('No posts published in the last 24 h (50 per account)');
  });

  it('sets LLM spend today and this hour against the budgets, and counts proposals waiting', async () => {
    await t.call('settings.set', { values: { llmDailyBudgetUsd: 2, llmHourlyBudgetUsd: 0.2 } });
    const llm = (at: string, cost: number) =>
      usage(t.core, 'llm', 'proposal.write', at, { cost_usd: cost, tokens_in: 1_000, tokens_out: 200 });
    await llm('2026-11-25T09:10:00.000Z', 0.3);
    await llm('2026-11-25T10:00:00.000Z', 0.2);
    await llm('2026-11-24T23:00:00.000Z', 1); // yesterday (UTC)
    await proposals(t.core, 'pending', 3);
    await proposals(t.core, 'needs_review', 2);
    await proposals(t.core, 'accepted', 4);

    const dashboard = await t.call('maestro.dashboard');
    expect(dashboard.proposals).toEqual({ pending: 3, needsReview: 2 });
    expect(dashboard.llm.day).toMatchObject({
      spentUsd: 0.5,
      budgetUsd: 2,
      exhausted: false,
      resetsAt: '2026-11-26T00:00:00.000Z',
    });
    expect(dashboard.llm.hour).toMatchObject({
      spentUsd: 0.2,
      budgetUsd: 0.2,
      exhausted: true,
      resetsAt: '2026-11-25T11:00:00.000Z',
    });
    expect(dashboard.llm.blocked).toBe(true);
    expect(dashboard.llm.tokensToday).toEqual({ in: 2_000, out: 400 });
    // The same numbers as llm.usage reports.
    expect(dashboard.llm).toEqual(await t.call('llm.usage'));
    expect(dashboard.checkedAt).toBe(NOW);
  });

  it('carries today’s burst and every cycle’s next run, which waits for Resume while paused', async () => {
    const paused = await t.call('maestro.dashboard');
    expect(paused.burst).toEqual(await t.call('maestro.overview'));
    expect(paused.burst.quota.map((q) => q.brandId)).toEqual(['alpha', 'bravo']);
    expect(paused.cycles).toEqual(await t.call('maestro.cycles'));
    const waiting = paused.cycles.filter((c) => !c.runsWhenPaused);
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((c) => c.nextRunAt === null)).toBe(true);
    expect(paused.cycles.filter((c) => c.runsWhenPaused).every((c) => c.nextRunAt !== null)).toBe(true);

    await t.call('maestro.resume');
    const running = await t.call('maestro.dashboard');
    expect(running.burst.paused).toBe(false);
    expect(running.cycles.every((c) => c.nextRunAt !== null)).toBe(true);
  });
});
