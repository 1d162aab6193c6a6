import { z } from 'zod';
import type { SettingsValues } from '../../../src-main/core/contract/settings';
import { manualClock } from '../../../src-main/core/ports/clock';
import type { LlmJsonRequest } from '../../../src-main/core/ports/llm';
import { startFakeOpenAi, type FakeOpenAi, type FakeOpenAiOptions } from '../../fakes/fake-openai-server';
import { openTempCore, type TempCore } from '../../helpers/temp-core';

export const API_KEY = 'sk-test-4f9a8b7c6d5e4f3a2b1c';

export const ideaSchema = z.object({ title: z.string().min(1), hooks: z.array(z.string()).min(1) });
export type Idea = z.infer<typeof ideaSchema>;

export function ideaRequest(overrides: Partial<LlmJsonRequest<Idea>> = {}): LlmJsonRequest<Idea> {
  return {
    operation: 'proposal.generate',
    agentId: 'agent-7',
    system: 'You propose reels. Reply with a JSON object {"title": string, "hooks": string[]}.',
    user: 'One idea about sleep for students.',
    temperature: 0.7,
    maxTokens: 400,
    schema: ideaSchema,
    ...overrides,
  };
}

export interface ApiUsageRow {
  id: number;
  service: string;
  operation: string;
  model: string | null;
  agent_id: string | null;
  tokens_in: number;
  tokens_out: number;
  latency_ms: number;
  outcome: string;
  cost_usd: number;
  error: string | null;
  created_at: string;
}

export interface LlmHarness {
  t: TempCore;
  fake: FakeOpenAi;
  clock: ReturnType<typeof manualClock>;
  /** Every wait the client asked for, in ms; each also moves the clock forward. */
  sleeps: number[];
  rows(): ApiUsageRow[];
  outcomes(): string[];
  close(): Promise<void>;
}

/**
 * A real core (temp SQLite) whose LLM settings point at a fresh fake server, with the API
 * key stored as a secret, a fixed random (jitter = middle of its range) and a sleep that only
 * records and advances the manual clock.
 */
export async function openLlmHarness(
  options: {
    fake?: FakeOpenAiOptions;
    /** null: store no key. */
    apiKey?: string | null;
    maxAttempts?: number;
    settings?: Partial<SettingsValues>;
  } = {},
): Promise<LlmHarness> {
  const apiKey = options.apiKey === undefined ? API_KEY : options.apiKey;
  const fake = await startFakeOpenAi({ ...(apiKey ? { apiKey } : {}), ...options.fake });
  const clock = manualClock('2026-11-25T10:00:00.000Z');
  const sleeps: number[] = [];
  const t = await openTempCore({
    clock,
    random: { next: () => 0.5 },
    llm: {
      maxAttempts: options.maxAttempts ?? 3,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock.advance(ms);
      },
    },
  });
  await t.call('settings.set', { values: { llmBaseUrl: fake.baseUrl, ...options.settings } });
  if (apiKey) await t.call('secrets.set', { key: 'llm.apiKey', value: apiKey });
  const rows = () =>
    t.core.store.sqlite
      .prepare('SELECT * FROM api_usage WHERE service = ? ORDER BY id')
      .all('llm') as ApiUsageRow[];
  return {
    t,
    fake,
    clock,
    sleeps,
    rows,
    outcomes: () => rows().map((r) => r.outcome),
    async close() {
      await fake.close();
      await t.close();
    },
  };
}

/** The AppError a failing call rejects with (as its shape), failing the test if it resolves. */
export async function failureOf(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string; details: unknown }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code: string; message: string; details: unknown };
    return { code: e.code, message: e.message, details: e.details };
  }
  throw new Error('expected the call to fail');
}
