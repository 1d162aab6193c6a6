import { afterEach, describe, expect, it } from 'vitest';
import type { FakeRequest } from '../../fakes/fake-openai-server';
import { openBurstHarness, type BurstHarness } from '../../helpers/burst-harness';
import { makeTempDir } from '../../helpers/temp-dir';

let h: BurstHarness | undefined;
const cleanups: Array<() => void> = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  cleanups.splice(0).forEach((c) => c());
});

function isExaminer(request: FakeRequest): boolean {
  const messages = (request.body?.messages ?? []) as Array<{ role: string; content: string }>;
  return messages.some((m) => m.role === 'system' && m.content.includes('examiner'));
}

/** A door the fake examiner waits behind, so the creator can act while it is still grading. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 2_000 && !condition(); i++) await new Promise((r) => setImmediate(r));
  expect(condition()).toBe(true);
}

interface ProposalRow {
  proposal_id: string;
  status: string;
  reviewer_notes: string;
  examiner_breakdown: string | null;
  attempt: number;
}

describe('the creator’s decision stands over a slower examiner', () => {
  it('a proposal rejected while the examiner grades it never gets a render, whatever the verdict', async () => {
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
    await until(() => h!.fake.requests.filter(isExaminer).length === 2);
    const [first, second] = h.query<ProposalRow>('SELECT * FROM proposals ORDER BY id');
    expect([first!.status, second!.status]).toEqual(['pending', 'pending']);

    await h.t.call('proposals.reject', { proposalId: first!.proposal_id, note: 'not for us' });
    await h.t.call('proposals.accept', { proposalId: second!.proposal_id });
    examiner.open();
    const burst = await h.t.core.bursts.runner.running!;

    const rows = h.query<ProposalRow>('SELECT * FROM proposals ORDER BY id');
    expect(rows.map((r) => [r.status, r.reviewer_notes])).toEqual([
      ['rejected', 'not for us'],
      ['accepted', 'Creator: accepted'],
    ]);
    const jobs = h.query<{ proposal_id: string }>('SELECT proposal_id FROM generation_jobs');
    expect(jobs).toEqual([{ proposal_id: second!.proposal_id }]);
    // The examiner passed both; its verdict is kept as its opinion, and changed nothing else.
    expect(rows.map((r) => JSON.parse(r.examiner_breakdown!).passed)).toEqual([true, true]);
    expect(h.query<{ n: number }>('SELECT sum(lifetime_accepted) AS n FROM agents')[0]!.n).toBe(1);
    expect(burst).toMatchObject({ created: 2, accepted: 0, rejected: 0 });
    const noted = h.query<{ detail: string }>(
      "SELECT detail FROM activity_log WHERE action = 'Examiner’s opinion noted' ORDER BY id",
    );
    expect(noted.map((n) => n.detail)).toEqual([
      expect.stringContaining(
        `${first!.proposal_id}: you had already decided; the examiner would have accepted`,
      ),
      expect.stringContaining(
        `${second!.proposal_id}: you had already decided; the examiner would have accepted`,
      ),
    ]);
  });

  it('an examiner reject after the creator accepted neither regenerates past the quota nor unaccepts', async () => {
    const examiner = gate();
    h = await openBurstHarness({
      brands: 1,
      settings: { reelsPerBrand: 1, postsPerBrand: 0 },
      llm: { rejectTitle: () => true },
      respond: async (request, llm) => {
        if (isExaminer(request)) await examiner.opened;
        return llm.respond(request);
      },
    });
    await h.t.core.bursts.runner.start('smart');
    await until(() => h!.fake.requests.filter(isExaminer).length === 1);
    const [only] = h.query<ProposalRow>('SELECT * FROM proposals');
    await h.t.call('proposals.accept', { proposalId: only!.proposal_id });
    examiner.open();
    const burst = await h.t.core.bursts.runner.running!;

    const rows = h.query<ProposalRow>('SELECT * FROM proposals');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'accepted', attempt: 1 });
    expect(JSON.parse(rows[0]!.examiner_breakdown!).passed).toBe(false);
    expect(h.query('SELECT job_id FROM generation_jobs')).toHaveLength(1);
    // One generation call and one examination: no regeneration was asked for.
    expect(h.fake.requests.filter((r) => !isExaminer(r))).toHaveLength(1);
    expect(burst).toMatchObject({ planned: 1, created: 1, rejected: 0, shortfall: 0 });
  });
});

describe('each accepted proposal has its renders exactly once', () => {
  it('a second render of the same proposal for the same brand is refused, naming the first', async () => {
    h = await openBurstHarness({ brands: 1, settings: { reelsPerBrand: 1, postsPerBrand: 0 } });
    await h.t.core.bursts.runner.start('smart');
    await h.t.core.bursts.runner.running;
    const [proposal] = h.query<{ proposal_id: string; accepted_job_id: string }>(
      'SELECT proposal_id, accepted_job_id FROM proposals',
    );
    expect(proposal!.accepted_job_id).toMatch(/^GEN-/);
    const again = await h.t.invoke('jobs.create', {
      proposalId: proposal!.proposal_id,
      brandId: 'brand-1',
      variant: 'dark',
      title: 'The same reel again',
      contentLines: ['One line', 'Another line'],
    });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining(proposal!.accepted_job_id) },
    });
    expect(h.query('SELECT job_id FROM generation_jobs')).toHaveLength(1);
  });

  it('a brand-less idea accepted by hand gets every active brand’s render or none', async () => {
    h = await openBurstHarness({ brands: 2 });
    await h.t.call('maestro.optimizeNow');
    await h.t.core.bursts.runner.settled();
    const [idea] = h.query<{ proposal_id: string }>(
      "SELECT proposal_id FROM proposals WHERE content_type = 'reel' LIMIT 1",
    );
    // The store refuses brand-2's render (as a full disk or a damaged index would).
    h.t.core.store.sqlite.exec(`
      CREATE TRIGGER refuse_brand2_render BEFORE INSERT ON generation_jobs
      WHEN json_extract(NEW.brands, '$[0]') = 'brand-2'
      BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    const refused = await h.t.invoke('proposals.accept', { proposalId: idea!.proposal_id });
    expect(refused.ok).toBe(false);
    expect(h.query('SELECT status FROM proposals WHERE proposal_id = ?', idea!.proposal_id)).toEqual([
      { status: 'pending' },
    ]);
    expect(h.query('SELECT job_id FROM generation_jobs')).toEqual([]);

    h.t.core.store.sqlite.exec('DROP TRIGGER refuse_brand2_render');
    await h.t.call('proposals.accept', { proposalId: idea!.proposal_id });
    expect(
      h.query(
        'SELECT brand_id FROM generation_jobs WHERE proposal_id = ? ORDER BY brand_id',
        idea!.proposal_id,
      ),
    ).toEqual([{ brand_id: 'brand-1' }, { brand_id: 'brand-2' }]);
  });

  it('an accepted proposal a crash left without its render gets it at the next start, once', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    h = await openBurstHarness({
      brands: 1,
      dir: temp.dir,
      settings: { reelsPerBrand: 2, postsPerBrand: 0 },
      llm: { examinerFailsFor: () => true },
    });
    await h.t.core.bursts.runner.start('smart');
    await h.t.core.bursts.runner.running;
    // What an older version left when it stopped between accepting and queueing the render.
    h.t.core.store.sqlite
      .prepare("UPDATE proposals SET status = 'accepted' WHERE id = (SELECT min(id) FROM proposals)")
      .run();
    const [orphan] = h.query<{ proposal_id: string }>(
      "SELECT proposal_id FROM proposals WHERE status = 'accepted'",
    );
    expect(h.query('SELECT job_id FROM generation_jobs')).toEqual([]);
    await h.close();

    for (let start = 0; start < 2; start++) {
      h = await openBurstHarness({ brands: 1, dir: temp.dir });
      expect(h.query<{ proposal_id: string }>('SELECT proposal_id FROM generation_jobs')).toEqual([
        { proposal_id: orphan!.proposal_id },
      ]);
      expect(h.query("SELECT id FROM activity_log WHERE action = 'Render queued on repair'")).toHaveLength(1);
      await h.close();
    }
    h = undefined;
  });
});
