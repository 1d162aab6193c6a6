import BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { contentLlm } from '../fakes/fake-content-llm';
import { startFakeOpenAi, type FakeRequest } from '../fakes/fake-openai-server';
import { makeTempDir } from '../helpers/temp-dir';
import { callOperation, startServeProcess, type ServeProcess } from '../helpers/serve-process';

const temp = makeTempDir();
afterAll(() => temp.cleanup());
const file = join(temp.dir, 'maestro.db');

function read<T>(sql: string, ...params: unknown[]): T[] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

async function ok(server: ServeProcess, name: string, body: unknown) {
  const { status, body: result } = await callOperation(server.base, server.token, name, body);
  if (status !== 200) throw new Error(`${name}: ${JSON.stringify(result)}`);
  return result.value;
}

const isExaminer = (request: FakeRequest) =>
  ((request.body?.messages ?? []) as Array<{ role: string; content: string }>).some(
    (m) => m.role === 'system' && m.content.includes('examiner'),
  );

interface ProposalRow {
  proposal_id: string;
  brand_id: string;
  status: string;
  content_type: string;
}
interface JobRow {
  job_id: string;
  proposal_id: string;
  brand_id: string;
  status: string;
  variant: string;
  brand_outputs: string;
}

describe('every decision lands exactly once, through the headless server', () => {
  it('creator rejects win over a slow examiner; each accepted proposal renders once per brand, across a SIGKILL mid-render', async () => {
    const llm = contentLlm();
    let openExaminer!: () => void;
    const examinerOpen = new Promise<void>((resolve) => (openExaminer = resolve));
    // The examiner grades slowly: it answers only once the creator has made their decisions.
    const fake = await startFakeOpenAi({
      apiKey: 'sk-exactly-once',
      respond: async (request) => {
        if (isExaminer(request)) await examinerOpen;
        return llm.respond(request);
      },
    });
    let server = await startServeProcess(temp.dir);
    try {
      await ok(server, 'settings.set', {
        values: {
          llmBaseUrl: fake.baseUrl,
          reelsPerBrand: 3,
          postsPerBrand: 1,
          spawnAgentPerBrand: false,
          llmMaxConcurrency: 16,
          renderConcurrency: 1,
        },
      });
      await ok(server, 'secrets.set', { key: 'llm.apiKey', value: 'sk-exactly-once' });
      for (const id of ['alpha', 'bravo']) {
        await ok(server, 'brands.create', {
          id,
          displayName: id.toUpperCase(),
          instagramHandle: `@${id}`,
          colors: { primary: '#123456', accent: '#abcdef' },
        });
      }
      await ok(server, 'maestro.triggerBurst', {});
      await vi.waitFor(() => expect(fake.requests.filter(isExaminer)).toHaveLength(8), {
        timeout: 30_000,
        interval: 20,
      });

      // While every proposal is being graded: three rejected and one accepted by the creator.
      const pending = read<ProposalRow>('SELECT * FROM proposals ORDER BY id');
      expect(pending.map((p) => p.status)).toEqual(Array(8).fill('pending'));
      const rejectedByCreator = [pending[0]!, pending[3]!, pending[6]!].map((p) => p.proposal_id);
      for (const proposalId of rejectedByCreator) await ok(server, 'proposals.reject', { proposalId });
      await ok(server, 'proposals.accept', { proposalId: pending[1]!.proposal_id });
      openExaminer();
      await vi.waitFor(
        () =>
          expect(read<{ status: string }>('SELECT status FROM bursts')).toEqual([{ status: 'completed' }]),
        { timeout: 30_000, interval: 50 },
      );

      const decided = read<ProposalRow>('SELECT * FROM proposals ORDER BY id');
      expect(decided.filter((p) => rejectedByCreator.includes(p.proposal_id)).map((p) => p.status)).toEqual([
        'rejected',
        'rejected',
        'rejected',
      ]);
      const accepted = decided.filter((p) => p.status === 'accepted');
      expect(accepted).toHaveLength(5);
      let jobs = read<JobRow>('SELECT * FROM generation_jobs');
      // No render for anything the creator rejected; exactly one per accepted proposal and brand.
      expect(jobs.filter((j) => rejectedByCreator.includes(j.proposal_id))).toEqual([]);
      expect(jobs.map((j) => `${j.proposal_id}|${j.brand_id}`).sort()).toEqual(
        accepted.map((p) => `${p.proposal_id}|${p.brand_id}`).sort(),
      );

      // Kill the server while it renders, with one render done and the next under way.
      await vi.waitFor(
        () => {
          const states = read<{ status: string }>('SELECT status FROM generation_jobs').map((j) => j.status);
          expect(states.filter((s) => s === 'completed').length).toBeGreaterThanOrEqual(1);
          expect(states).toContain('generating');
        },
        { timeout: 60_000, interval: 25 },
      );
      server.child.kill('SIGKILL');
      await server.exited;
      const interrupted = read<JobRow>("SELECT * FROM generation_jobs WHERE status = 'generating'");
      expect(interrupted.length).toBeGreaterThanOrEqual(1);

      server = await startServeProcess(temp.dir);
      await vi.waitFor(
        () =>
          expect(
            read<{ status: string }>('SELECT DISTINCT status FROM generation_jobs').map((j) => j.status),
          ).toEqual(['completed']),
        { timeout: 90_000, interval: 100 },
      );
      await server.stop();

      jobs = read<JobRow>('SELECT * FROM generation_jobs');
      expect(jobs).toHaveLength(5);
      for (const job of jobs) {
        // Finished exactly once, whatever the kill interrupted.
        expect(
          read(
            "SELECT id FROM activity_log WHERE action = 'Render finished' AND detail LIKE ?",
            `${job.job_id}:%`,
          ),
        ).toHaveLength(1);
        const files = (JSON.parse(job.brand_outputs) as Record<string, { files: Record<string, unknown> }>)[
          job.brand_id
        ]!.files;
        const produced = job.variant === 'post' ? (files.slides as string[]) : [files.video as string];
        expect(produced.length).toBeGreaterThan(0);
        for (const relative of produced) expect(existsSync(join(temp.dir, 'media', relative))).toBe(true);
      }
      // The ledger holds every call the LLM server received, and only those.
      const ledgered = read<{ n: number }>(
        "SELECT count(*) AS n FROM api_usage WHERE outcome != 'budget_exhausted'",
      )[0]!.n;
      expect(ledgered).toBe(fake.requests.filter((r) => r.path.endsWith('/chat/completions')).length);
    } finally {
      await server.stop();
      await fake.close();
    }
    // Five renders one at a time, a SIGKILL and a second round: past the 60 s default on a busy runner.
  }, 240_000);
});
