import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { seededRandom } from '../../src-main/core/ports/random';
import { contentLlm, type ContentLlm, type ContentLlmOptions } from '../fakes/fake-content-llm';
import type { CoreConfig } from '../../src-main/core/app';
import {
  startFakeOpenAi,
  type FakeOpenAi,
  type FakeReply,
  type FakeRequest,
} from '../fakes/fake-openai-server';
import { openTempCore, type TempCore } from './temp-core';

export const TEST_API_KEY = 'sk-burst-test-0123456789';

export interface BurstHarness {
  t: TempCore;
  fake: FakeOpenAi;
  llm: ContentLlm;
  /** Reads the SQLite file directly, as a user's other tools would. */
  query<T>(sql: string, ...params: unknown[]): T[];
  close(): Promise<void>;
}

/**
 * A real core on a temp SQLite file whose LLM is the fake OpenAI server playing
 * `contentLlm`; brands and agents as the test asks. Waits between retries are skipped.
 */
export async function openBurstHarness(options: {
  brands: number;
  llm?: ContentLlmOptions;
  /** Real latency per fake answer (ms). */
  latencyMs?: number;
  start?: string;
  settings?: Record<string, unknown>;
  /** Stands between the fake server and `contentLlm`: hold, change or replace an answer. */
  respond?: (request: FakeRequest, llm: ContentLlm) => FakeReply | Promise<FakeReply>;
  /** An existing data folder (a restart), and core options such as autoStart. */
  dir?: string;
  core?: Partial<CoreConfig>;
}): Promise<BurstHarness> {
  const llm = contentLlm(options.llm);
  const fake = await startFakeOpenAi({
    apiKey: TEST_API_KEY,
    respond: (r) => (options.respond ? options.respond(r, llm) : llm.respond(r)),
    latencyMs: options.latencyMs,
  });
  const t = await openTempCore({
    random: seededRandom(42),
    start: options.start ?? '2026-11-25T12:05:00.000Z',
    llm: { sleep: async () => undefined },
    startRenderQueue: false,
    ...(options.dir ? { dir: options.dir } : {}),
    ...options.core,
  });
  await t.call('settings.set', {
    values: { llmBaseUrl: fake.baseUrl, spawnAgentPerBrand: false, ...options.settings } as never,
  });
  await t.call('secrets.set', { key: 'llm.apiKey', value: TEST_API_KEY });
  // A restart on an existing folder keeps its brands.
  const existing = new Set((await t.call('brands.list', { includeInactive: true })).map((b) => b.id));
  for (let i = 0; i < options.brands; i++) {
    if (existing.has(`brand-${i + 1}`)) continue;
    await t.call('brands.create', {
      id: `brand-${i + 1}`,
      displayName: `Brand ${i + 1}`,
      instagramHandle: `@brand${i + 1}`,
      colors: { primary: '#224466', accent: '#88aacc' },
    });
  }
  const file = join(t.dir, 'maestro.db');
  return {
    t,
    fake,
    llm,
    query<T>(sql: string, ...params: unknown[]) {
      const db = new BetterSqlite3(file, { readonly: true });
      try {
        return db.prepare(sql).all(...params) as T[];
      } finally {
        db.close();
      }
    },
    async close() {
      await t.close();
      await fake.close();
    },
  };
}
