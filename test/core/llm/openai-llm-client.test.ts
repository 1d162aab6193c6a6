import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reply, startFakeOpenAi } from '../../fakes/fake-openai-server';
import { API_KEY, failureOf, ideaRequest, openLlmHarness, type LlmHarness } from './llm-harness';

let h: LlmHarness;
afterEach(async () => {
  await h?.close();
});

const idea = { title: 'Why 7 hours beats 5', hooks: ['You are not lazy, you are tired'] };

describe('answers', () => {
  it('returns the validated JSON and records one ok row with tokens, cost and latency', async () => {
    h = await openLlmHarness();
    h.fake.respondWith(() => {
      h.clock.advance(1_234); // the request takes 1.234 s on the injected clock
      return reply.json(idea, { usage: { prompt_tokens: 1_000, completion_tokens: 500 } });
    });

    expect(await h.t.core.llm.completeJson(ideaRequest())).toEqual(idea);

    const [request] = h.fake.answered;
    expect(request!.headers['authorization']).toBe(`Bearer ${API_KEY}`);
    expect(request!.body).toMatchObject({
      model: 'deepseek-chat',
      temperature: 0.7,
      max_tokens: 400,
      response_format: { type: 'json_object' },
      messages: [
        { role: 'system', content: ideaRequest().system },
        { role: 'user', content: ideaRequest().user },
      ],
    });
    const rows = h.rows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      service: 'llm',
      operation: 'proposal.generate',
      model: 'deepseek-chat',
      agent_id: 'agent-7',
      tokens_in: 1_000,
      tokens_out: 500,
      latency_ms: 1_234,
      outcome: 'ok',
      error: null,
      created_at: '2026-11-25T10:00:01.234Z',
    });
    // 1000 × $0.28/M + 500 × $0.42/M
    expect(rows[0]!.cost_usd).toBeCloseTo(0.00049, 12);
  });

  it('prices cache hits reported by DeepSeek at the cache-hit rate', async () => {
    h = await openLlmHarness();
    h.fake.enqueue(
      reply.json(idea, {
        usage: { prompt_tokens: 1_000, completion_tokens: 500, prompt_cache_hit_tokens: 600 },
      }),
    );
    await h.t.core.llm.completeJson(ideaRequest());
    // 400 × 0.28 + 600 × 0.028 + 500 × 0.42 = 338.8 micro-dollars
    expect(h.rows()[0]!.cost_usd).toBeCloseTo(0.0003388, 12);
  });

  it('asks for JSON in the system prompt when the prompts never say so (JSON mode needs the word)', async () => {
    h = await openLlmHarness();
    h.fake.enqueue(reply.json(idea));
    await h.t.core.llm.completeJson(ideaRequest({ system: 'You propose reels.', user: 'One idea.' }));
    const system = h.fake.answered[0]!.body.messages[0].content as string;
    expect(system).toBe('You propose reels.\n\nAnswer with one JSON object and nothing else.');
  });

  it('repairs broken JSON once (fenced, single quotes, trailing commas) and records "repaired"', async () => {
    h = await openLlmHarness();
    h.fake.enqueue(reply.content("Here it is:\n```json\n{'title': 'Sleep', hooks: ['a',],}\n```"));
    expect(await h.t.core.llm.completeJson(ideaRequest())).toEqual({ title: 'Sleep', hooks: ['a'] });
    expect(h.outcomes()).toEqual(['repaired']);
    expect(h.fake.answered).toHaveLength(1);
  });

  it('takes the object out of prose around it without calling that a repair', async () => {
    h = await openLlmHarness();
    h.fake.enqueue(reply.content('Sure! {"title": "Sleep", "hooks": ["a"]} Hope this helps.'));
    expect(await h.t.core.llm.completeJson(ideaRequest())).toEqual({ title: 'Sleep', hooks: ['a'] });
    expect(h.outcomes()).toEqual(['ok']);
  });

  it('repairs an answer cut off by max_tokens (finish_reason length)', async () => {
    h = await openLlmHarness();
    const full = { title: 'Sleep', hooks: ['a', 'b', 'c'] };
    const text = JSON.stringify(full, null, 2);
    h.fake.enqueue(reply.truncated(full, text.indexOf('"b"') + 3));
    expect(await h.t.core.llm.completeJson(ideaRequest())).toEqual({ title: 'Sleep', hooks: ['a', 'b'] });
    expect(h.outcomes()).toEqual(['repaired']);
  });

  it.each([
    ['no JSON at all', 'Sorry, I cannot help with that.', 'contains no JSON object'],
    ['two objects side by side', '{"title": "a"} {"title": "b"}', 'could not be repaired'],
    ['an empty answer', '', 'was empty'],
  ])(
    'fails cleanly with llm_failed on %s, recorded as bad_json, not retried',
    async (_l, content, reason) => {
      h = await openLlmHarness();
      h.fake.enqueue(reply.content(content, { usage: { prompt_tokens: 100, completion_tokens: 10 } }));
      const failure = await failureOf(h.t.core.llm.completeJson(ideaRequest()));
      expect(failure.code).toBe('llm_failed');
      expect(failure.message).toContain(reason);
      expect(failure.details).toMatchObject({
        operation: 'proposal.generate',
        outcome: 'bad_json',
        attempts: 1,
      });
      expect(h.fake.answered).toHaveLength(1);
      const [row] = h.rows();
      expect(row).toMatchObject({ outcome: 'bad_json', tokens_in: 100, tokens_out: 10 });
      expect(row!.error).toContain(reason);
      expect(row!.cost_usd).toBeGreaterThan(0); // the tokens were paid for
    },
  );

  it('fails with llm_failed when the JSON does not match the schema, naming the field', async () => {
    h = await openLlmHarness();
    h.fake.enqueue(reply.json({ title: 42, hooks: [] }));
    const failure = await failureOf(h.t.core.llm.completeJson(ideaRequest()));
    expect(failure.code).toBe('llm_failed');
    expect(failure.message).toMatch(/does not match the expected shape \(title: .*; hooks: /);
    expect(h.outcomes()).toEqual(['bad_json']);
    expect(h.fake.answered).toHaveLength(1);
  });
});

describe('retries', () => {
  it.each([
    ['Retry-After in seconds', () => reply.rateLimited('7'), 7_000],
    ['retry-after-ms', () => reply.rateLimited(undefined, 1_500), 1_500],
    [
      'Retry-After as an HTTP date',
      () => reply.rateLimited(new Date(Date.parse('2026-11-25T10:00:12Z')).toUTCString()),
      12_000,
    ],
  ])('waits as long as a 429 says (%s), then succeeds', async (_label, rateLimited, expectedWait) => {
    h = await openLlmHarness();
    h.fake.enqueue(rateLimited(), reply.json(idea));
    expect(await h.t.core.llm.completeJson(ideaRequest())).toEqual(idea);
    expect(h.sleeps).toEqual([expectedWait]);
    expect(h.outcomes()).toEqual(['rate_limited', 'ok']);
    expect(h.fake.answered).toHaveLength(2);
    expect(h.rows()[0]!.error).toContain('[HTTP 429]');
  });

  it('backs off exponentially with jitter after a 500, then succeeds', async () => {
    h = await openLlmHarness();
    h.fake.enqueue(reply.serverError(500), reply.serverError(503), reply.json(idea));
    expect(await h.t.core.llm.completeJson(ideaRequest())).toEqual(idea);
    // base 1 s doubling, jitter over the upper half; random is fixed at 0.5
    expect(h.sleeps).toEqual([750, 1_500]);
    expect(h.outcomes()).toEqual(['server_error', 'server_error', 'ok']);
  });

  it('gives up with llm_failed after the configured attempts when the server keeps failing', async () => {
    h = await openLlmHarness({ maxAttempts: 4 });
    h.fake.respondWith(() => reply.serverError(500));
    const failure = await failureOf(h.t.core.llm.completeJson(ideaRequest()));
    expect(failure.code).toBe('llm_failed');
    expect(failure.message).toContain('still failed after 4 attempts');
    expect(failure.details).toMatchObject({ outcome: 'server_error', attempts: 4, status: 500 });
    expect(h.fake.answered).toHaveLength(4);
    expect(h.outcomes()).toEqual(['server_error', 'server_error', 'server_error', 'server_error']);
    expect(h.sleeps).toEqual([750, 1_500, 3_000]);
  });

  it('does not park a call when Retry-After is longer than the app waits', async () => {
    h = await openLlmHarness();
    h.fake.enqueue(reply.rateLimited('3600'));
    const failure = await failureOf(h.t.core.llm.completeJson(ideaRequest()));
    expect(failure.code).toBe('llm_failed');
    expect(failure.message).toContain('asked to wait 3600 s');
    expect(h.sleeps).toEqual([]);
    expect(h.outcomes()).toEqual(['rate_limited']);
  });

  it('times out a request that never answers, retries, then fails with timeout recorded', async () => {
    h = await openLlmHarness({ maxAttempts: 2, settings: { llmTimeoutMs: 1_000 } });
    h.fake.respondWith(() => reply.hang());
    const started = Date.now();
    const failure = await failureOf(h.t.core.llm.completeJson(ideaRequest()));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(failure.code).toBe('llm_failed');
    expect(failure.details).toMatchObject({ outcome: 'timeout', attempts: 2 });
    expect(h.outcomes()).toEqual(['timeout', 'timeout']);
    expect(h.rows()[0]!.error).toContain('no answer from 127.0.0.1');
    expect(h.fake.answered).toHaveLength(2);
    expect(h.sleeps).toEqual([750]);
  });

  it('does not retry a request the server rejects as invalid, and says the key was refused on 401', async () => {
    h = await openLlmHarness({ fake: { apiKey: 'sk-the-right-one-000000' } });
    const failure = await failureOf(h.t.core.llm.completeJson(ideaRequest()));
    expect(failure.code).toBe('llm_failed');
    expect(failure.message).toContain('refused the API key');
    expect(h.fake.requests).toHaveLength(1);
    expect(h.outcomes()).toEqual(['error']);
    expect(h.sleeps).toEqual([]);
  });

  it('retries when the server cannot be reached at all, then fails', async () => {
    h = await openLlmHarness();
    const gone = await startFakeOpenAi();
    await gone.close();
    await h.t.call('settings.set', { values: { llmBaseUrl: gone.baseUrl } });
    const failure = await failureOf(h.t.core.llm.completeJson(ideaRequest()));
    expect(failure.code).toBe('llm_failed');
    expect(failure.message).toContain(`cannot reach 127.0.0.1:${gone.port}`);
    expect(h.outcomes()).toEqual(['error', 'error', 'error']);
  });
});

describe('budget', () => {
  it('refuses new calls once the daily budget is spent, without any request, until the UTC day ends', async () => {
    h = await openLlmHarness({ settings: { llmDailyBudgetUsd: 0.001 } });
    // 0.00098 + 0.000322 = 0.001302 ≥ 0.001
    h.fake.enqueue(
      reply.json(idea, { usage: { prompt_tokens: 2_000, completion_tokens: 1_000 } }),
      reply.json(idea, { usage: { prompt_tokens: 1_000, completion_tokens: 100 } }),
    );
    await h.t.core.llm.completeJson(ideaRequest());
    await h.t.core.llm.completeJson(ideaRequest());
    const failure = await failureOf(h.t.core.llm.completeJson(ideaRequest()));
    expect(failure.code).toBe('budget_exhausted');
    expect(failure.message).toBe(
      'The daily LLM budget is used up: $0.001302 spent of $0.001 today (UTC). New LLM calls resume when it ' +
        'resets at 00:00 UTC (2026-11-26T00:00:00.000Z); raise the budget in Settings to go on now.',
    );
    expect(h.fake.requests).toHaveLength(2);
    expect(h.outcomes()).toEqual(['ok', 'ok', 'budget_exhausted']);
    expect(h.rows()[2]).toMatchObject({ tokens_in: 0, tokens_out: 0, cost_usd: 0, error: failure.message });

    h.clock.set('2026-11-26T00:00:00.000Z');
    h.fake.enqueue(reply.json(idea));
    expect(await h.t.core.llm.completeJson(ideaRequest())).toEqual(idea);
    expect(h.fake.requests).toHaveLength(3);
  });

  it('applies the hourly budget per UTC clock hour, and a raised budget at once', async () => {
    h = await openLlmHarness({ settings: { llmHourlyBudgetUsd: 0.0005 } });
    h.fake.respondWith(() => reply.json(idea, { usage: { prompt_tokens: 2_000, completion_tokens: 1_000 } }));
    await h.t.core.llm.completeJson(ideaRequest());
    h.clock.set('2026-11-25T10:59:59.000Z');
    const failure = await failureOf(h.t.core.llm.completeJson(ideaRequest()));
    expect(failure.code).toBe('budget_exhausted');
    expect(failure.message).toContain(
      'The hourly LLM budget is used up: $0.00098 spent of $0.0005 since 10:00 UTC',
    );
    expect(failure.message).toContain('resets at 11:00 UTC (2026-11-25T11:00:00.000Z)');

    h.clock.set('2026-11-25T11:00:00.000Z');
    await h.t.core.llm.completeJson(ideaRequest());
    await expect(h.t.core.llm.completeJson(ideaRequest())).rejects.toMatchObject({
      code: 'budget_exhausted',
    });
    await h.t.call('settings.set', { values: { llmHourlyBudgetUsd: 0 } });
    await h.t.core.llm.completeJson(ideaRequest());
    expect(h.outcomes()).toEqual(['ok', 'budget_exhausted', 'ok', 'budget_exhausted', 'ok']);
    expect(h.fake.answered).toHaveLength(3);
  });
});

describe('concurrency', () => {
  it('keeps at most llmMaxConcurrency requests in flight, and follows a changed limit', async () => {
    h = await openLlmHarness({ settings: { llmMaxConcurrency: 2 } });
    h.fake.respondWith(() => reply.slow(40, reply.json(idea)));
    const first = await Promise.all(
      Array.from({ length: 6 }, () => h.t.core.llm.completeJson(ideaRequest())),
    );
    expect(first).toHaveLength(6);
    expect(h.fake.maxInFlight).toBe(2);

    await h.t.call('settings.set', { values: { llmMaxConcurrency: 3 } });
    await Promise.all(Array.from({ length: 6 }, () => h.t.core.llm.completeJson(ideaRequest())));
    expect(h.fake.maxInFlight).toBe(3);
    expect(h.outcomes()).toEqual(Array(12).fill('ok'));
  });
});

describe('settings and keys', () => {
  it('sends the next call to a changed base URL, model and key without a restart', async () => {
    h = await openLlmHarness();
    const other = await startFakeOpenAi({ apiKey: 'sk-other-server-key-99' });
    try {
      h.fake.enqueue(reply.json(idea));
      await h.t.core.llm.completeJson(ideaRequest());

      await h.t.call('settings.set', { values: { llmBaseUrl: other.baseUrl, llmModel: 'llama3.1' } });
      await h.t.call('secrets.set', { key: 'llm.apiKey', value: 'sk-other-server-key-99' });
      other.enqueue(reply.json(idea, { usage: { prompt_tokens: 10_000, completion_tokens: 10_000 } }));
      await h.t.core.llm.completeJson(ideaRequest());

      expect(h.fake.answered).toHaveLength(1);
      expect(other.answered).toHaveLength(1);
      expect(other.answered[0]!.body.model).toBe('llama3.1');
      expect(h.rows().map((r) => [r.model, r.outcome, r.cost_usd])).toEqual([
        ['deepseek-chat', 'ok', expect.any(Number)],
        ['llama3.1', 'ok', 0], // unknown (local) models cost nothing
      ]);
    } finally {
      await other.close();
    }
  });

  it('needs no key for a server on this machine and then sends no Authorization header', async () => {
    h = await openLlmHarness({ apiKey: null });
    h.fake.enqueue(reply.json(idea));
    expect(await h.t.core.llm.completeJson(ideaRequest())).toEqual(idea);
    expect(h.fake.answered[0]!.headers['authorization']).toBeUndefined();
  });

  it('refuses with "unavailable" and a clear message when a remote server has no key set', async () => {
    h = await openLlmHarness({ apiKey: null });
    await h.t.call('settings.set', { values: { llmBaseUrl: 'https://api.deepseek.com/v1' } });
    const failure = await failureOf(h.t.core.llm.completeJson(ideaRequest()));
    expect(failure.code).toBe('unavailable');
    expect(failure.message).toContain('No LLM API key is set for api.deepseek.com');
    expect(h.fake.requests).toHaveLength(0);
    expect(h.outcomes()).toEqual(['error']);
  });

  it('falls back to plain prompting when the server refuses JSON mode (LM Studio), and remembers', async () => {
    h = await openLlmHarness({ apiKey: null, fake: { rejectJsonObjectMode: true } });
    h.fake.respondWith(() => reply.json(idea));
    await h.t.core.llm.completeJson(ideaRequest());
    await h.t.core.llm.completeJson(ideaRequest());
    expect(h.fake.requests.map((r) => r.body.response_format?.type ?? 'none')).toEqual([
      'json_object',
      'none',
      'none',
    ]);
    expect(h.outcomes()).toEqual(['error', 'ok', 'ok']);
    expect(h.sleeps).toEqual([]);
  });

  it('never writes the API key to api_usage, errors or the data file, even when a server echoes it', async () => {
    h = await openLlmHarness({ maxAttempts: 2 });
    const echo = (r: { headers: Record<string, string> }) => `seen header ${r.headers['authorization']}`;
    const failures = [];
    h.fake.respondWith((r) => ({ kind: 'server_error', status: 503, message: echo(r) }));
    failures.push(await failureOf(h.t.core.llm.completeJson(ideaRequest())));
    h.fake.respondWith((r) => ({ kind: 'error', status: 400, message: echo(r) }));
    failures.push(await failureOf(h.t.core.llm.completeJson(ideaRequest())));
    h.fake.respondWith((r) => reply.content(`not json, but here is your key: ${r.headers['authorization']}`));
    failures.push(await failureOf(h.t.core.llm.completeJson(ideaRequest())));

    const rows = JSON.stringify(h.rows());
    expect(rows).toContain('[redacted]');
    expect(rows).not.toContain(API_KEY);
    for (const failure of failures) expect(JSON.stringify(failure)).not.toContain(API_KEY);
    h.t.core.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(join(h.t.dir, 'maestro.db')).toString('latin1')).not.toContain(API_KEY);
  });
});
