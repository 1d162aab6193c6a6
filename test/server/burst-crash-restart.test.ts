import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { keywordHash } from '../../src-main/core/proposals/keyword-hash';
import { contentLlm } from '../fakes/fake-content-llm';
import { reply, startFakeOpenAi } from '../fakes/fake-openai-server';
import { makeTempDir } from '../helpers/temp-dir';
import { callOperation, startServeProcess, type ServeProcess } from '../helpers/serve-process';

const temp = makeTempDir();
afterAll(() => temp.cleanup());
const file = join(temp.dir, 'maestro.db');

function read<T>(sql: string): T[] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

async function ok(server: ServeProcess, name: string, body: unknown) {
  const { status, body: result } = await callOperation(server.base, server.token, name, body);
  if (status !== 200) throw new Error(`${name}: ${JSON.stringify(result)}`);
  return result.value;
}

describe('a burst killed mid-way', () => {
  it('is finished after a restart: the day quota exactly, no duplicates', async () => {
    const llm = contentLlm();
    // Slow answers, and none at all once six proposals are written until the server has been
    // killed: the kill lands in the middle of the burst however long this process stalls.
    let released = false;
    const held = () => !released && read('SELECT id FROM proposals').length >= 6;
    const fake = await startFakeOpenAi({
      apiKey: 'sk-crash',
      latencyMs: 40,
      respond: (r) => (held() ? reply.hang() : llm.respond(r)),
    });
    try {
      let server = await startServeProcess(temp.dir);
      await ok(server, 'settings.set', {
        values: {
          llmBaseUrl: fake.baseUrl,
          reelsPerBrand: 6,
          postsPerBrand: 2,
          spawnAgentPerBrand: false,
          llmMaxConcurrency: 2,
        },
      });
      await ok(server, 'secrets.set', { key: 'llm.apiKey', value: 'sk-crash' });
      for (const id of ['alpha', 'bravo', 'charlie']) {
        await ok(server, 'brands.create', {
          id,
          displayName: id.toUpperCase(),
          colors: { primary: '#123456', accent: '#654321' },
        });
      }
      await ok(server, 'maestro.triggerBurst', {});
      await vi.waitFor(() => expect(read('SELECT id FROM proposals').length).toBeGreaterThanOrEqual(6), {
        timeout: 30_000,
        interval: 20,
      });
      server.child.kill('SIGKILL');
      await server.exited;
      released = true;
      const beforeRestart = read<{ n: number }>('SELECT count(*) AS n FROM proposals')[0]!.n;
      expect(beforeRestart).toBeLessThan(24);
      expect(read<{ status: string }>('SELECT status FROM bursts')).toEqual([{ status: 'running' }]);

      server = await startServeProcess(temp.dir);
      await vi.waitFor(
        () =>
          expect(read<{ status: string }>('SELECT status FROM bursts')).toEqual([{ status: 'completed' }]),
        {
          timeout: 60_000,
          interval: 50,
        },
      );
      await server.stop();

      const rows = read<{
        brand_id: string;
        content_type: string;
        attempt: number;
        title: string;
        status: string;
      }>('SELECT * FROM proposals');
      const originals = rows.filter((r) => r.attempt === 1);
      for (const brand of ['alpha', 'bravo', 'charlie']) {
        expect(originals.filter((r) => r.brand_id === brand && r.content_type === 'reel')).toHaveLength(6);
        expect(originals.filter((r) => r.brand_id === brand && r.content_type === 'post')).toHaveLength(2);
      }
      expect(new Set(rows.map((r) => keywordHash(r.title))).size).toBe(rows.length);
      // Everything written before the kill was examined after the restart.
      expect(rows.filter((r) => r.status === 'pending')).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});
