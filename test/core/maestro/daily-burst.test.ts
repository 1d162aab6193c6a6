import { afterEach, describe, expect, it } from 'vitest';
import type { BurstSummary } from '../../../src-main/core/contract/maestro';
import { keywordHash } from '../../../src-main/core/proposals/keyword-hash';
import { openBurstHarness, type BurstHarness } from '../../helpers/burst-harness';

let h: BurstHarness;
afterEach(async () => {
  await h?.close();
});

async function runBurst(kind: 'daily' | 'smart' = 'daily'): Promise<BurstSummary> {
  const runner = h.t.core.bursts.runner;
  await runner.start(kind);
  return (await runner.running)!;
}

interface Row {
  proposal_id: string;
  brand_id: string;
  agent_id: string;
  content_type: string;
  status: string;
  attempt: number;
  title: string;
  replaces_proposal_id: string | null;
}

describe('daily burst against a fake OpenAI-compatible server', () => {
  it('5 brands × 2 agents: 30 reels + 10 posts, all examined, every call recorded, no duplicates', async () => {
    h = await openBurstHarness({ brands: 5 });
    const summary = await runBurst();
    expect(summary).toMatchObject({
      status: 'completed',
      planned: 40,
      created: 40,
      accepted: 40,
      rejected: 0,
      needsReview: 0,
      failedCalls: 0,
    });

    const rows = h.query<Row>('SELECT * FROM proposals ORDER BY id');
    expect(rows).toHaveLength(40);
    for (let b = 1; b <= 5; b++) {
      const brand = rows.filter((r) => r.brand_id === `brand-${b}`);
      expect(brand.filter((r) => r.content_type === 'reel')).toHaveLength(6);
      expect(brand.filter((r) => r.content_type === 'post')).toHaveLength(2);
    }
    expect(rows.every((r) => r.status === 'accepted')).toBe(true);
    // Fair split: both agents write reels and posts.
    for (const agent of ['toby', 'lexi']) {
      expect(rows.filter((r) => r.agent_id === agent && r.content_type === 'reel')).toHaveLength(15);
      expect(rows.filter((r) => r.agent_id === agent && r.content_type === 'post')).toHaveLength(5);
    }
    // No repeated idea anywhere (within a brand or across brands).
    expect(new Set(rows.map((r) => keywordHash(r.title))).size).toBe(40);
    // Every LLM call: 40 proposals + 40 examinations, each one row in api_usage.
    const usage = h.query<{ operation: string; outcome: string; tokens_in: number }>(
      'SELECT operation, outcome, tokens_in FROM api_usage',
    );
    expect(h.fake.answered).toHaveLength(80);
    expect(usage).toHaveLength(80);
    expect(usage.filter((u) => u.operation === 'examiner.examine')).toHaveLength(40);
    expect(usage.every((u) => u.outcome === 'ok' && u.tokens_in > 0)).toBe(true);
    expect(
      h.query<{ value: string }>("SELECT value FROM maestro_config WHERE key = 'last_daily_run_day'"),
    ).toEqual([{ value: '2026-11-25' }]);
    // Each accepted proposal queued exactly one render, with its own caption, linked both ways.
    const jobs = h.query<{ job_id: string; proposal_id: string; caption: string; variant: string }>(
      'SELECT job_id, proposal_id, caption, variant FROM generation_jobs',
    );
    expect(jobs).toHaveLength(40);
    const linked = h.query<{
      proposal_id: string;
      accepted_job_id: string;
      caption: string;
      content_type: string;
    }>('SELECT proposal_id, accepted_job_id, caption, content_type FROM proposals');
    for (const p of linked) {
      const job = jobs.find((j) => j.job_id === p.accepted_job_id)!;
      expect(job.proposal_id).toBe(p.proposal_id);
      expect(job.caption).toBe(p.caption);
      if (p.content_type === 'post') expect(job.variant).toBe('post');
    }
  });

  it('regenerates each reject once; a reject of the replacement is final and recorded as such', async () => {
    // The examiner rejects the 3rd, 5th, 7th and 8th titles written, whichever they turn out
    // to be (originals or replacements), so both a replaced reject and a final reject occur.
    const doomed = new Set([2, 4, 6, 7]);
    h = await openBurstHarness({
      brands: 1,
      settings: { reelsPerBrand: 4, postsPerBrand: 2 },
      llm: { rejectTitle: (title) => doomed.has(h.llm.titles.indexOf(title)) },
    });
    const summary = await runBurst();
    const rows = h.query<Row>('SELECT * FROM proposals ORDER BY id');
    const originals = rows.filter((r) => r.attempt === 1);
    const replacements = rows.filter((r) => r.attempt === 2);
    expect(originals).toHaveLength(6);
    // Every rejected original got exactly one replacement; replacements are never replaced.
    const rejectedOriginals = originals.filter((o) => o.status === 'rejected');
    expect(rejectedOriginals.length).toBeGreaterThanOrEqual(2);
    for (const o of rejectedOriginals)
      expect(replacements.filter((r) => r.replaces_proposal_id === o.proposal_id)).toHaveLength(1);
    expect(replacements).toHaveLength(rejectedOriginals.length);
    const finalRejects = replacements.filter((r) => r.status === 'rejected');
    expect(finalRejects.length).toBeGreaterThanOrEqual(1);
    expect(rows.some((r) => replacements.some((x) => x.proposal_id === r.replaces_proposal_id))).toBe(false);
    // The examiner's verdicts are exactly the doomed titles.
    const doomedTitles = new Set([...doomed].map((i) => h.llm.titles[i]).filter(Boolean));
    expect(new Set(rows.filter((r) => r.status === 'rejected').map((r) => r.title))).toEqual(doomedTitles);
    expect(summary).toMatchObject({
      status: 'completed',
      created: rows.length,
      rejected: doomedTitles.size,
      accepted: rows.length - doomedTitles.size,
    });
    const notes = h.query<{ reviewer_notes: string; examiner_breakdown: string }>(
      "SELECT reviewer_notes, examiner_breakdown FROM proposals WHERE status = 'rejected'",
    );
    expect(notes[0]!.reviewer_notes).toMatch(
      /^Maestro Examiner: Weak hook for this audience\. \(score 3\.\d\/10\)$/,
    );
    expect(JSON.parse(notes[0]!.examiner_breakdown)).toMatchObject({
      passed: false,
      threshold: 6,
      redFlags: ['Clickbait hook with no substance'],
    });
  });

  it('holds a proposal for the human when the examiner cannot answer, never passing it silently', async () => {
    h = await openBurstHarness({
      brands: 1,
      settings: { reelsPerBrand: 2, postsPerBrand: 0 },
      llm: { examinerFailsFor: () => true },
    });
    const summary = await runBurst();
    expect(summary).toMatchObject({ created: 2, accepted: 0, needsReview: 2 });
    const rows = h.query<{ status: string; reviewer_notes: string }>(
      'SELECT status, reviewer_notes FROM proposals',
    );
    expect(rows.map((r) => r.status)).toEqual(['needs_review', 'needs_review']);
    expect(rows[0]!.reviewer_notes).toMatch(/could not answer/);
    const outcomes = h
      .query<{ outcome: string }>("SELECT outcome FROM api_usage WHERE operation = 'examiner.examine'")
      .map((r) => r.outcome);
    expect(outcomes.length).toBeGreaterThanOrEqual(2);
    expect(outcomes).not.toContain('ok');
  });

  it('a smart burst fills only what today still lacks, and a second one writes nothing', async () => {
    h = await openBurstHarness({ brands: 2, settings: { reelsPerBrand: 3, postsPerBrand: 1 } });
    const first = await runBurst('smart');
    expect(first.created).toBe(8);
    const second = await runBurst('smart');
    expect(second).toMatchObject({ planned: 0, created: 0, status: 'completed' });
    expect(h.query('SELECT id FROM proposals')).toHaveLength(8);
    // A smart burst does not count as the daily burst.
    expect(h.query("SELECT value FROM maestro_config WHERE key = 'last_daily_run_day'")).toEqual([]);
  });

  it('refuses a second burst while one runs', async () => {
    h = await openBurstHarness({
      brands: 1,
      latencyMs: 50,
      settings: { reelsPerBrand: 1, postsPerBrand: 0 },
    });
    await h.t.core.bursts.runner.start('smart');
    expect(await h.t.invoke('maestro.triggerBurst')).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    await h.t.core.bursts.runner.settled();
  });

  it('stops cleanly when the LLM budget is spent, recording why', async () => {
    h = await openBurstHarness({ brands: 1, settings: { llmDailyBudgetUsd: 0.000001 } });
    const summary = await runBurst();
    expect(summary.status).toBe('failed');
    expect(summary.error).toMatch(/budget/i);
    // The first answer spends the budget: only the calls already under way when it arrived
    // (at most one per concurrency slot) reach the server, and the burst ends only when they have.
    const { values } = await h.t.call('settings.get');
    expect(h.fake.answered.length).toBeLessThanOrEqual(values.llmMaxConcurrency);
    expect(h.fake.inFlight).toBe(0);
    // Every call that reached the server is in the ledger; the refused ones are too, as refused.
    expect(h.query("SELECT id FROM api_usage WHERE outcome != 'budget_exhausted'")).toHaveLength(
      h.fake.requests.length,
    );
    // What the calls under way wrote is kept (examined by the next catch-up) and the shortfall said.
    const written = h.query('SELECT id FROM proposals').length;
    expect(summary).toMatchObject({ planned: 8, shortfall: 8 - written });
    expect(summary.summary).toMatch(
      new RegExp(`^${written} of 8 written.*; stopped: .*budget.*; the next catch-up retries them\\.$`, 'i'),
    );
  });
});
