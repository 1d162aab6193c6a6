import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reply, startFakeOpenAi, type FakeOpenAi } from '../../fakes/fake-openai-server';

const KEY = 'sk-fake-server-key-000111';
let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi({ apiKey: KEY, models: ['deepseek-chat', 'llama3.1'] });
});
afterEach(async () => {
  await fake.close();
});

const validBody = {
  model: 'deepseek-chat',
  messages: [
    { role: 'system', content: 'Reply in JSON.' },
    { role: 'user', content: 'Hi' },
  ],
  response_format: { type: 'json_object' },
};

/** What the fake answers, as far as these tests look. */
interface Answer {
  error?: { message: string; type: string; param: string | null; code: string | null };
  choices?: Array<{ message: { content: string | null }; finish_reason: string }>;
}

async function post(body: unknown, headers: Record<string, string> = { authorization: `Bearer ${KEY}` }) {
  const response = await fetch(`${fake.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer };
}

describe('fake OpenAI-compatible server: strict like the real API', () => {
  it('answers a valid request with an OpenAI-shaped completion', async () => {
    fake.enqueue(reply.json({ a: 1 }, { usage: { prompt_tokens: 12, completion_tokens: 3 } }));
    const { status, body } = await post(validBody);
    expect(status).toBe(200);
    expect(body).toEqual({
      id: 'chatcmpl-fake-1',
      object: 'chat.completion',
      created: expect.any(Number),
      model: 'deepseek-chat',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: '{"a":1}', refusal: null },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 },
      system_fingerprint: 'fp_fake',
    });
    expect(fake.answered[0]!.body).toEqual(validBody);
  });

  it.each([
    ['no Authorization header', {}, "You didn't provide an API key"],
    ['a wrong key', { authorization: 'Bearer sk-wrong' }, 'Incorrect API key provided'],
    ['a key without Bearer', { authorization: KEY }, 'Incorrect API key provided'],
  ])('401 for %s', async (_label, headers, message) => {
    const { status, body } = await post(validBody, headers);
    expect(status).toBe(401);
    expect(body.error).toMatchObject({
      type: 'invalid_request_error',
      message: expect.stringContaining(message),
    });
    expect(fake.answered).toHaveLength(0);
  });

  it.each([
    ['malformed JSON', '{"model": "deepseek-chat",', 'could not parse the JSON body'],
    ['no model', { messages: validBody.messages }, 'you must provide a model parameter'],
    ['no messages', { model: 'deepseek-chat' }, "Missing required parameter: 'messages'."],
    ['empty messages', { model: 'deepseek-chat', messages: [] }, "Invalid 'messages'"],
    ['an unknown role', { model: 'deepseek-chat', messages: [{ role: 'robot', content: 'x' }] }, 'role'],
    ['temperature 3', { ...validBody, temperature: 3 }, "Invalid 'temperature'"],
    ['max_tokens 0', { ...validBody, max_tokens: 0 }, "Invalid 'max_tokens'"],
    [
      'JSON mode without the word json',
      { ...validBody, messages: [{ role: 'user', content: 'Hi' }] },
      "must contain the word 'json'",
    ],
  ])('400 for %s', async (_label, body, message) => {
    const result = await post(body);
    expect(result.status).toBe(400);
    expect(result.body.error).toMatchObject({
      type: 'invalid_request_error',
      message: expect.stringContaining(message),
    });
    expect(fake.answered).toHaveLength(0);
    expect(fake.requests).toHaveLength(1);
  });

  it('404 for an unknown model or path', async () => {
    expect((await post({ ...validBody, model: 'gpt-9' })).body.error?.code).toBe('model_not_found');
    const response = await fetch(`${fake.baseUrl}/nothing`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(response.status).toBe(404);
  });

  it('lists its models', async () => {
    const response = await fetch(`${fake.baseUrl}/models`, { headers: { authorization: `Bearer ${KEY}` } });
    const body = (await response.json()) as { object: string; data: Array<{ id: string }> };
    expect(body.object).toBe('list');
    expect(body.data.map((m) => m.id)).toEqual(['deepseek-chat', 'llama3.1']);
  });
});

describe('fake OpenAI-compatible server: scripted replies', () => {
  it('plays 429 with Retry-After, 503 and errors in the documented error shape', async () => {
    fake.enqueue(
      reply.rateLimited('2', 1_500),
      reply.serverError(503, '1'),
      reply.error(418, 'teapot', 'tea'),
    );
    const limited = await post(validBody);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.headers.get('retry-after-ms')).toBe('1500');
    expect(limited.body.error).toMatchObject({ code: 'rate_limit_exceeded', type: 'requests' });
    const unavailable = await post(validBody);
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('1');
    expect(unavailable.body.error?.type).toBe('server_error');
    expect((await post(validBody)).body).toEqual({
      error: { message: 'teapot', type: 'invalid_request_error', param: null, code: 'tea' },
    });
  });

  it('cuts a truncated answer and says finish_reason length', async () => {
    fake.enqueue(reply.truncated({ title: 'abcdef' }, 8));
    const { body } = await post(validBody);
    expect(body.choices?.[0]?.message.content).toBe('{\n  "tit');
    expect(body.choices?.[0]?.finish_reason).toBe('length');
  });

  it('waits for slow replies and the latency option, counting requests in flight', async () => {
    const slow = await startFakeOpenAi({ latencyMs: 30 });
    try {
      slow.respondWith(() => reply.slow(20, reply.json({})));
      const started = Date.now();
      const body = { ...validBody };
      const send = () =>
        fetch(`${slow.baseUrl}/chat/completions`, { method: 'POST', body: JSON.stringify(body) }).then((r) =>
          r.json(),
        );
      await Promise.all([send(), send(), send()]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(45);
      expect(slow.maxInFlight).toBe(3);
      expect(slow.inFlight).toBe(0);
    } finally {
      await slow.close();
    }
  });

  it('keeps a hanging request open until the client gives up, and closes cleanly', async () => {
    fake.enqueue(reply.hang());
    const controller = new AbortController();
    const pending = fetch(`${fake.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}` },
      body: JSON.stringify(validBody),
      signal: controller.signal,
    });
    // Waited for, not slept for: the fake runs in this process, so a stall could let a fixed sleep win.
    await vi.waitFor(() => expect(fake.inFlight).toBe(1));
    controller.abort();
    await expect(pending).rejects.toThrow();
    await vi.waitFor(() => expect(fake.inFlight).toBe(0));
  });

  it('closes even while a request hangs', async () => {
    const hanging = await startFakeOpenAi({ respond: () => reply.hang() });
    const pending = fetch(`${hanging.baseUrl}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify(validBody),
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await hanging.close();
    await expect(pending).rejects.toThrow();
  });

  it('refuses JSON mode like LM Studio when asked to', async () => {
    const lmStudio = await startFakeOpenAi({ rejectJsonObjectMode: true });
    try {
      const response = await fetch(`${lmStudio.baseUrl}/chat/completions`, {
        method: 'POST',
        body: JSON.stringify(validBody),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: "'response_format.type' must be 'json_schema' or 'text'",
      });
    } finally {
      await lmStudio.close();
    }
  });
});
