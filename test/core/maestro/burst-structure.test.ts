import { afterEach, describe, expect, it } from 'vitest';
import type { BurstSummary } from '../../../src-main/core/contract/maestro';
import { reply, type FakeRequest } from '../../fakes/fake-openai-server';
import { openBurstHarness, type BurstHarness } from '../../helpers/burst-harness';
import { makeTempDir } from '../../helpers/temp-dir';

let h: BurstHarness | undefined;
const cleanups: Array<() => void> = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  cleanups.splice(0).forEach((c) => c());
});

function messagesOf(request: FakeRequest): { system: string; user: string } {
  const messages = (request.body?.messages ?? []) as Array<{ role: string; content: string }>;
  return {
    system: messages.find((m) => m.role === 'system')?.content ?? '',
    user: messages.find((m) => m.role === 'user')?.content ?? '',
  };
}
const isExaminer = (r: FakeRequest) => messagesOf(r).system.includes('examiner');
const forBrand = (r: FakeRequest, brand: string) =>
  new RegExp(`^Brand: ${brand}$`, 'm').test(messagesOf(r).user);

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 5_000 && !condition(); i++) await new Promise((r) => setImmediate(r));
  expect(condition()).toBe(true);
}

async function smartBurst(harness: BurstHarness): Promise<BurstSummary> {
  await harness.t.core.bursts.runner.start('smart');
  return (await harness.t.core.bursts.runner.running)!;
}

const countOf = (harness: BurstHarness, sql: string, ...params: unknown[]) =>
  harness.query<{ n: number }>(sql, ...params)[0]!.n;

describe('a burst is structured work', () => {
  it('records one brand’s failure for that brand, finishes the others, and ends only when all have settled', async () => {
    h = await openBurstHarness({
      brands: 2,
      settings: { reelsPerBrand: 3, postsPerBrand: 0 },
      // brand-1's answers are slow, so its tasks are still writing when brand-2's fail.
      respond: (request, llm) =>
        forBrand(request, 'brand-1') ? reply.slow(120, llm.respond(request)) : llm.respond(request),
    });
    // The store refuses every proposal of brand-2 (as a damaged index or a full disk would).
    h.t.core.store.sqlite.exec(`
      CREATE TRIGGER refuse_brand2 BEFORE INSERT ON proposals WHEN NEW.brand_id = 'brand-2'
      BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    const burst = await smartBurst(h);
    // Nothing of this burst is still under way once it reports its end.
    expect(h.fake.inFlight).toBe(0);
    expect(burst).toMatchObject({ status: 'completed', planned: 6, created: 3, accepted: 3, shortfall: 3 });
    expect(burst.brandErrors).toEqual({ 'brand-2': expect.stringContaining('disk is full') });
    expect(burst.summary).toMatch(
      /^3 of 6 written: 3 accepted.*; brand-2 failed: .*disk is full.*; the next catch-up retries them\.$/,
    );
    expect(countOf(h, "SELECT count(*) AS n FROM proposals WHERE brand_id = 'brand-1'")).toBe(3);

    // "Burst now" right after plans against the real counts: brand-1 is full, never overshot.
    const again = await smartBurst(h);
    expect(again.brandErrors).toEqual({ 'brand-2': expect.any(String) });
    expect(countOf(h, "SELECT count(*) AS n FROM proposals WHERE brand_id = 'brand-1'")).toBe(3);
  });

  it('states a shortfall instead of “complete”: “3 of 6 written; 9 failed calls; the next catch-up retries them”', async () => {
    h = await openBurstHarness({
      brands: 2,
      settings: { reelsPerBrand: 3, postsPerBrand: 0 },
      core: { llm: { sleep: async () => undefined, maxAttempts: 1 } },
      respond: (request, llm) =>
        !isExaminer(request) && forBrand(request, 'brand-2') ? reply.serverError(503) : llm.respond(request),
    });
    await h.t.call('maestro.resume');
    await h.t.core.bursts.runner.settled();
    const [burst] = h.query<{ kind: string; status: string; shortfall: number; summary: string }>(
      'SELECT kind, status, shortfall, summary FROM bursts',
    );
    expect(burst).toEqual({
      kind: 'daily',
      status: 'completed',
      shortfall: 3,
      summary:
        '3 of 6 written: 3 accepted, 0 rejected, 0 for you to review; 9 failed calls; the next catch-up retries them.',
    });
    expect(
      h.query("SELECT action, detail FROM activity_log WHERE action LIKE 'Burst%' ORDER BY id DESC LIMIT 1"),
    ).toEqual([{ action: 'Burst ended short', detail: burst!.summary }]);
    // The day stays open: the next catch-up (here, a check) fills what is missing once the LLM is back.
    expect(h.query("SELECT value FROM maestro_config WHERE key = 'last_daily_run_day'")).toEqual([]);
    h.fake.respondWith((request) => h!.llm.respond(request));
    expect(await h.t.core.bursts.scheduler.check()).toBe(true);
    await h.t.core.bursts.runner.settled();
    expect(countOf(h, "SELECT count(*) AS n FROM proposals WHERE brand_id = 'brand-2'")).toBe(3);
    expect(h.query("SELECT value FROM maestro_config WHERE key = 'last_daily_run_day'")).toEqual([
      { value: '2026-11-25' },
    ]);
  });

  it('regenerates an examiner reject once, ever: a failed regeneration is not retried by later rounds or bursts', async () => {
    h = await openBurstHarness({
      brands: 1,
      settings: { reelsPerBrand: 1, postsPerBrand: 0 },
      llm: { rejectTitle: () => true },
      // Every idea is the same title, so the regeneration is a duplicate and is dropped.
      respond: (request, llm) => {
        if (isExaminer(request)) return llm.respond(request);
        const answer = llm.respond(request);
        return answer.kind === 'json'
          ? { ...answer, value: { ...(answer.value as object), title: 'WHY MAGNESIUM CHANGES YOUR SLEEP' } }
          : answer;
      },
    });
    await smartBurst(h);
    await smartBurst(h);
    const writes = h.fake.requests.filter((r) => !isExaminer(r));
    expect(writes).toHaveLength(2);
    expect(h.query('SELECT status, attempt, regeneration FROM proposals')).toEqual([
      { status: 'rejected', attempt: 1, regeneration: 'attempted' },
    ]);
    expect(h.query("SELECT id FROM activity_log WHERE action = 'Duplicate blocked'")).toHaveLength(1);
  });

  it('runs the daily burst that fell due while a smart burst was running, right after it', async () => {
    const examiner = gate();
    h = await openBurstHarness({
      brands: 1,
      settings: { reelsPerBrand: 2, postsPerBrand: 0 },
      respond: async (request, llm) => {
        if (isExaminer(request)) await examiner.opened;
        return llm.respond(request);
      },
    });
    await h.t.core.bursts.runner.start('smart');
    // Resuming at 12:05, past the 12:00 burst time, is the daily trigger; a burst is running.
    await h.t.call('maestro.resume');
    expect(h.query('SELECT kind FROM bursts')).toEqual([{ kind: 'smart' }]);
    examiner.open();
    await h.t.core.bursts.runner.settled();
    await until(() => h!.query('SELECT id FROM bursts WHERE kind = ?', 'daily').length === 1);
    await h.t.core.bursts.runner.settled();
    expect(h.query('SELECT kind, status, shortfall FROM bursts ORDER BY id')).toEqual([
      { kind: 'smart', status: 'completed', shortfall: 0 },
      { kind: 'daily', status: 'completed', shortfall: 0 },
    ]);
    expect(h.query("SELECT value FROM maestro_config WHERE key = 'last_daily_run_day'")).toEqual([
      { value: '2026-11-25' },
    ]);
    // The daily burst found the day already full and wrote nothing more.
    expect(countOf(h, 'SELECT count(*) AS n FROM proposals')).toBe(2);
  });

  it('hands proposals a stopped burst left unexamined to the creator at the next day’s start', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    h = await openBurstHarness({
      brands: 1,
      dir: temp.dir,
      settings: { reelsPerBrand: 3, postsPerBrand: 0, llmDailyBudgetUsd: 0.000001 },
    });
    // The budget runs out after the first answers: what they wrote is never examined that day.
    const burst = await smartBurst(h);
    expect(burst.status).toBe('failed');
    const unexamined = h.query<{ proposal_id: string }>(
      "SELECT proposal_id FROM proposals WHERE status = 'pending'",
    );
    expect(unexamined.length).toBeGreaterThan(0);
    await h.close();

    h = await openBurstHarness({
      brands: 1,
      dir: temp.dir,
      start: '2026-11-26T09:00:00.000Z',
      core: { autoStart: true },
    });
    expect(h.query("SELECT proposal_id FROM proposals WHERE status = 'pending'")).toEqual([]);
    const held = h.query<{ proposal_id: string; reviewer_notes: string }>(
      "SELECT proposal_id, reviewer_notes FROM proposals WHERE status = 'needs_review' ORDER BY id",
    );
    expect(held.map((r) => r.proposal_id)).toEqual(unexamined.map((r) => r.proposal_id));
    expect(held[0]!.reviewer_notes).toMatch(/Not examined/);
  });

  it('optimize-now returns at once and drafts in the background, reporting progress like a burst', async () => {
    const writer = gate();
    h = await openBurstHarness({
      brands: 1,
      respond: async (request, llm) => {
        await writer.opened;
        return llm.respond(request);
      },
    });
    const progress: BurstSummary[] = [];
    h.t.core.events.subscribe((event) => {
      if (event.stream === 'burst.progress') progress.push(event.payload);
    });
    // Nothing has been answered yet: a request that waited for the drafting would never return.
    const started = await h.t.call('maestro.optimizeNow');
    expect(started).toMatchObject({ kind: 'optimize', status: 'running', created: 0 });
    writer.open();
    await h.t.core.bursts.runner.settled();
    const end = progress[progress.length - 1]!;
    expect(end).toMatchObject({ id: started.id, status: 'completed', planned: 20, created: 20 });
    expect(new Set(progress.map((p) => p.created)).size).toBeGreaterThan(2);
    expect(
      countOf(h, "SELECT count(*) AS n FROM proposals WHERE status = 'pending' AND brand_id IS NULL"),
    ).toBe(20);
  });
});
