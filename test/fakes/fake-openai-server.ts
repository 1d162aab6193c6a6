/**
 * A fake OpenAI-compatible server on 127.0.0.1 for `POST /v1/chat/completions` and
 * `GET /v1/models`. It is as strict as the public API documentation: a missing or wrong bearer
 * key is 401 (when the fake has a key), a body that is not JSON or lacks `model` / `messages`
 * is 400, JSON mode without the word "json" in the messages is 400, and every body (success
 * or error) has the documented shape. What a valid request gets back is scripted by the test,
 * per request: a queue of replies, else a `respond(request)` callback, else `{"ok": true}`.
 * Every request is recorded (method, path, headers, parsed body) for assertions.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  /** DeepSeek reports cache hits this way. */
  prompt_cache_hit_tokens?: number;
}

interface Slow {
  /** Wait this long (real time, keep it small) before answering. */
  delayMs?: number;
}

export type FakeReply =
  | ({ kind: 'json'; value: unknown; usage?: FakeUsage } & Slow)
  | ({ kind: 'content'; content: string | null; finishReason?: 'stop' | 'length'; usage?: FakeUsage } & Slow)
  | ({ kind: 'truncated'; value: unknown; keepChars?: number; usage?: FakeUsage } & Slow)
  | ({ kind: 'rate_limited'; retryAfter?: string; retryAfterMs?: number } & Slow)
  | ({ kind: 'server_error'; status?: 500 | 502 | 503; retryAfter?: string; message?: string } & Slow)
  | ({
      kind: 'error';
      status: number;
      message: string;
      type?: string;
      code?: string | null;
      headers?: Record<string, string>;
    } & Slow)
  /** Never answers; the connection stays open until the client gives up or the fake closes. */
  | { kind: 'hang' };

/** Shorthands for scripting replies. */
export const reply = {
  json: (value: unknown, extra: { usage?: FakeUsage; delayMs?: number } = {}): FakeReply => ({
    kind: 'json',
    value,
    ...extra,
  }),
  content: (
    content: string | null,
    extra: { finishReason?: 'stop' | 'length'; usage?: FakeUsage; delayMs?: number } = {},
  ): FakeReply => ({ kind: 'content', content, ...extra }),
  /** The JSON of `value`, cut after `keepChars` characters, with finish_reason 'length'. */
  truncated: (value: unknown, keepChars?: number): FakeReply => ({ kind: 'truncated', value, keepChars }),
  rateLimited: (retryAfter?: string, retryAfterMs?: number): FakeReply => ({
    kind: 'rate_limited',
    retryAfter,
    retryAfterMs,
  }),
  serverError: (status: 500 | 502 | 503 = 500, retryAfter?: string): FakeReply => ({
    kind: 'server_error',
    status,
    retryAfter,
  }),
  error: (status: number, message: string, code: string | null = null): FakeReply => ({
    kind: 'error',
    status,
    message,
    code,
  }),
  slow: (delayMs: number, inner: FakeReply): FakeReply =>
    inner.kind === 'hang' ? inner : { ...inner, delayMs: (inner.delayMs ?? 0) + delayMs },
  hang: (): FakeReply => ({ kind: 'hang' }),
};

export interface FakeRequest {
  /** 1-based order of arrival. */
  seq: number;
  method: string;
  path: string;
  /** Lower-cased names. */
  headers: Record<string, string>;
  /** The parsed JSON body; undefined when there was none or it was not JSON. */
  body: any;
  rawBody: string;
}

export interface FakeOpenAiOptions {
  /** When set, every request must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Added before every answer (real time), e.g. 1000 for benches. */
  latencyMs?: number;
  respond?: (request: FakeRequest) => FakeReply | Promise<FakeReply>;
  /** Listed by GET /v1/models; when set, other models are 404 like the real API. */
  models?: string[];
  /** Refuse `response_format: json_object` the way LM Studio does. */
  rejectJsonObjectMode?: boolean;
}

export interface FakeOpenAi {
  /** Ends with /v1, as the SDK's baseURL expects. */
  baseUrl: string;
  port: number;
  /** Every request received, valid or not, in order of arrival. */
  requests: FakeRequest[];
  /** The chat-completion requests that passed validation and got a scripted reply. */
  answered: FakeRequest[];
  /** Requests being handled right now, and the most there ever were at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  enqueue(...replies: FakeReply[]): void;
  respondWith(respond: ((request: FakeRequest) => FakeReply | Promise<FakeReply>) | undefined): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 4 * 1024 * 1024;
const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.destroyed || res.writableEnded) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-request-id': `req_fake_${Math.random().toString(16).slice(2, 10)}`,
    ...headers,
  });
  res.end(text);
}

function apiError(
  res: ServerResponse,
  status: number,
  message: string,
  extra: {
    type?: string;
    code?: string | null;
    param?: string | null;
    headers?: Record<string, string>;
  } = {},
) {
  sendJson(
    res,
    status,
    {
      error: {
        message,
        type: extra.type ?? (status >= 500 ? 'server_error' : 'invalid_request_error'),
        param: extra.param ?? null,
        code: extra.code ?? null,
      },
    },
    extra.headers,
  );
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Resolves after `ms`, or early (with false) when the client goes away. */
function wait(ms: number, res: ServerResponse): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(!res.destroyed);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    res.once('close', onClose);
  });
}

/** Why the real API would reject this chat-completion body, or null if it would not. */
function invalidChatBody(body: any): { message: string; param: string | null; code: string | null } | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return { message: 'The request body must be a JSON object.', param: null, code: null };
  }
  if (typeof body.model !== 'string' || !body.model) {
    return { message: 'you must provide a model parameter', param: null, code: null };
  }
  if (body.messages === undefined) {
    return {
      message: "Missing required parameter: 'messages'.",
      param: 'messages',
      code: 'missing_required_parameter',
    };
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return {
      message: "Invalid 'messages': expected a non-empty array.",
      param: 'messages',
      code: 'invalid_value',
    };
  }
  for (const [i, message] of body.messages.entries()) {
    if (!message || typeof message !== 'object' || !ROLES.has(message.role)) {
      return {
        message: `Invalid 'messages[${i}].role'.`,
        param: `messages[${i}].role`,
        code: 'invalid_value',
      };
    }
    if (typeof message.content !== 'string' && !Array.isArray(message.content)) {
      return {
        message: `Invalid 'messages[${i}].content'.`,
        param: `messages[${i}].content`,
        code: 'invalid_type',
      };
    }
  }
  if (
    body.temperature !== undefined &&
    !(typeof body.temperature === 'number' && body.temperature >= 0 && body.temperature <= 2)
  ) {
    return {
      message: "Invalid 'temperature': expected a number between 0 and 2.",
      param: 'temperature',
      code: 'invalid_value',
    };
  }
  for (const field of ['max_tokens', 'max_completion_tokens']) {
    const value = body[field];
    if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
      return {
        message: `Invalid '${field}': expected an integer of at least 1.`,
        param: field,
        code: 'invalid_value',
      };
    }
  }
  const format = body.response_format;
  if (format !== undefined) {
    if (
      !format ||
      typeof format !== 'object' ||
      !['text', 'json_object', 'json_schema'].includes(format.type)
    ) {
      return {
        message: "Invalid 'response_format.type'.",
        param: 'response_format.type',
        code: 'invalid_value',
      };
    }
    const text = body.messages.map((m: any) =>
      typeof m.content === 'string' ? m.content : JSON.stringify(m.content),
    );
    if (format.type === 'json_object' && !/json/i.test(text.join('\n'))) {
      return {
        message:
          "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
        param: 'messages',
        code: null,
      };
    }
  }
  return null;
}

export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const requests: FakeRequest[] = [];
  const answered: FakeRequest[] = [];
  const queue: FakeReply[] = [];
  let respond = options.respond;
  let inFlight = 0;
  let maxInFlight = 0;
  let completionCount = 0;

  function authorized(request: FakeRequest, res: ServerResponse): boolean {
    if (!options.apiKey) return true;
    const header = request.headers['authorization'];
    if (!header) {
      apiError(
        res,
        401,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      );
      return false;
    }
    if (header !== `Bearer ${options.apiKey}`) {
      apiError(res, 401, 'Incorrect API key provided. You can find your API key in your account settings.', {
        code: 'invalid_api_key',
      });
      return false;
    }
    return true;
  }

  function nextReply(request: FakeRequest): FakeReply | Promise<FakeReply> {
    const queued = queue.shift();
    if (queued) return queued;
    if (respond) return respond(request);
    return reply.json({ ok: true });
  }

  async function answer(request: FakeRequest, res: ServerResponse, scripted: FakeReply): Promise<void> {
    if (scripted.kind === 'hang') return; // the 'close' of the connection ends it
    if (!(await wait((options.latencyMs ?? 0) + (scripted.delayMs ?? 0), res))) return;
    const body = request.body as { model: string; messages: Array<{ content: unknown }> };
    switch (scripted.kind) {
      case 'rate_limited': {
        const headers: Record<string, string> = {};
        if (scripted.retryAfter !== undefined) headers['retry-after'] = scripted.retryAfter;
        if (scripted.retryAfterMs !== undefined) headers['retry-after-ms'] = String(scripted.retryAfterMs);
        return apiError(res, 429, 'Rate limit reached for requests. Please try again later.', {
          type: 'requests',
          code: 'rate_limit_exceeded',
          headers,
        });
      }
      case 'server_error':
        return apiError(
          res,
          scripted.status ?? 500,
          scripted.message ?? 'The server had an error while processing your request.',
          {
            headers: scripted.retryAfter !== undefined ? { 'retry-after': scripted.retryAfter } : {},
          },
        );
      case 'error':
        return apiError(res, scripted.status, scripted.message, {
          type: scripted.type,
          code: scripted.code ?? null,
          headers: scripted.headers,
        });
      default: {
        let content: string | null;
        let finishReason: 'stop' | 'length' = 'stop';
        if (scripted.kind === 'json') content = JSON.stringify(scripted.value);
        else if (scripted.kind === 'truncated') {
          const full = JSON.stringify(scripted.value, null, 2);
          content = full.slice(0, scripted.keepChars ?? Math.floor(full.length / 2));
          finishReason = 'length';
        } else {
          content = scripted.content;
          finishReason = scripted.finishReason ?? 'stop';
        }
        const promptText = body.messages
          .map((m) => (typeof m.content === 'string' ? m.content : ''))
          .join('\n');
        const prompt_tokens = scripted.usage?.prompt_tokens ?? estimateTokens(promptText);
        const completion_tokens = scripted.usage?.completion_tokens ?? estimateTokens(content ?? '');
        completionCount += 1;
        return sendJson(res, 200, {
          id: `chatcmpl-fake-${completionCount}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content, refusal: null },
              logprobs: null,
              finish_reason: finishReason,
            },
          ],
          usage: {
            prompt_tokens,
            completion_tokens,
            total_tokens: prompt_tokens + completion_tokens,
            ...(scripted.usage?.prompt_cache_hit_tokens !== undefined
              ? { prompt_cache_hit_tokens: scripted.usage.prompt_cache_hit_tokens }
              : {}),
          },
          system_fingerprint: 'fp_fake',
        });
      }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://fake').pathname.replace(/\/+$/, '');
    let body: any;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = undefined;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const request: FakeRequest = {
      seq: requests.length + 1,
      method: req.method ?? 'GET',
      path,
      headers,
      body,
      rawBody: raw ?? '',
    };
    requests.push(request);

    if (path === '/v1/models' && request.method === 'GET') {
      if (!authorized(request, res)) return;
      return sendJson(res, 200, {
        object: 'list',
        data: (options.models ?? ['deepseek-chat']).map((id) => ({
          id,
          object: 'model',
          created: 1_700_000_000,
          owned_by: 'fake',
        })),
      });
    }
    if (path !== '/v1/chat/completions' || request.method !== 'POST') {
      return apiError(res, 404, `Invalid URL (${request.method} ${req.url})`);
    }
    if (!authorized(request, res)) return;
    if (raw === null) return apiError(res, 413, 'The request body is too large.');
    if (raw && body === undefined) {
      return apiError(
        res,
        400,
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
      );
    }
    const invalid = invalidChatBody(body);
    if (invalid) return apiError(res, 400, invalid.message, { param: invalid.param, code: invalid.code });
    if (options.rejectJsonObjectMode && body.response_format?.type === 'json_object') {
      // LM Studio's exact answer, in its own (non-OpenAI) error shape.
      return sendJson(res, 400, { error: "'response_format.type' must be 'json_schema' or 'text'" });
    }
    if (options.models && !options.models.includes(body.model)) {
      return apiError(
        res,
        404,
        `The model \`${body.model}\` does not exist or you do not have access to it.`,
        {
          code: 'model_not_found',
        },
      );
    }
    answered.push(request);
    await answer(request, res, await nextReply(request));
  }

  const server: Server = createServer((req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let counted = true;
    const done = () => {
      if (counted) inFlight -= 1;
      counted = false;
    };
    res.on('finish', done);
    res.on('close', done);
    handle(req, res).catch((error) => apiError(res, 500, `fake server failure: ${(error as Error).message}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    answered,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    enqueue: (...replies) => {
      queue.push(...replies);
    },
    respondWith: (next) => {
      respond = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
