import { describe, expect, it } from 'vitest';
import { classifyFailure } from '../../../src-main/core/llm/attempt-failure';
import { llmDefaults } from '../../../src-main/core/llm/defaults';
import { backoffDelayMs, parseRetryAfterMs } from '../../../src-main/core/llm/retry';
import { seededRandom } from '../../../src-main/core/ports/random';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

const now = new Date('2026-11-25T10:00:00.000Z');
const headers = (values: Record<string, string>) => new Headers(values);

describe('parseRetryAfterMs', () => {
  it.each([
    [{ 'retry-after': '7' }, 7_000],
    [{ 'retry-after': '1.5' }, 1_500],
    [{ 'retry-after': '0' }, 0],
    [{ 'retry-after-ms': '250' }, 250],
    [{ 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    [{ 'retry-after': 'Wed, 25 Nov 2026 10:00:30 GMT' }, 30_000],
    [{ 'retry-after': 'Wed, 25 Nov 2026 09:59:00 GMT' }, 0],
    [{ 'retry-after': 'soon' }, undefined],
    [{ 'retry-after-ms': 'abc' }, undefined],
    [{}, undefined],
  ])('%j → %s ms', (values, expected) => {
    expect(parseRetryAfterMs(headers(values), now)).toBe(expected);
  });

  it('is undefined without headers', () => {
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
  });
});

describe('backoffDelayMs', () => {
  const policy = { backoffBaseMs: 1_000, backoffMaxMs: 8_000 };

  it('doubles per retry, caps, and jitters over the upper half', () => {
    const fixed = (n: number) => ({ next: () => n });
    expect([1, 2, 3, 4, 5, 6].map((r) => backoffDelayMs(r, fixed(0), policy))).toEqual([
      500, 1_000, 2_000, 4_000, 4_000, 4_000,
    ]);
    expect([1, 2, 3, 4, 5].map((r) => backoffDelayMs(r, fixed(0.999999), policy))).toEqual([
      1_000, 2_000, 4_000, 8_000, 8_000,
    ]);
  });

  it('spreads parallel callers apart (seeded random)', () => {
    const random = seededRandom(42);
    const waits = Array.from({ length: 20 }, () => backoffDelayMs(3, random, llmDefaults));
    expect(new Set(waits).size).toBeGreaterThan(10);
    for (const wait of waits) {
      expect(wait).toBeGreaterThanOrEqual(2_000);
      expect(wait).toBeLessThanOrEqual(4_000);
    }
  });
});

describe('classifyFailure', () => {
  const options = { timedOut: false, host: 'api.example.com', now };
  const status = (code: number, extra: Record<string, string> = {}) =>
    APIError.generate(code, { error: { message: `status ${code}` } }, undefined, headers(extra));

  it.each([
    [429, 'rate_limited', true],
    [500, 'server_error', true],
    [502, 'server_error', true],
    [503, 'server_error', true],
    [408, 'error', true],
    [409, 'error', true],
    [400, 'error', false],
    [404, 'error', false],
    [422, 'error', false],
  ])('HTTP %i → %s, retryable %s', (code, outcome, retryable) => {
    expect(classifyFailure(status(code), options)).toMatchObject({ outcome, retryable, status: code });
  });

  it('names a refused key on 401 and 403 and does not retry', () => {
    for (const code of [401, 403]) {
      const failure = classifyFailure(status(code), options);
      expect(failure).toMatchObject({ outcome: 'error', retryable: false });
      expect(failure.message).toContain('api.example.com refused the API key');
    }
  });

  it('follows x-should-retry when the server sends it', () => {
    expect(classifyFailure(status(500, { 'x-should-retry': 'false' }), options).retryable).toBe(false);
    expect(classifyFailure(status(400, { 'x-should-retry': 'true' }), options).retryable).toBe(true);
  });

  it('reads Retry-After on 429 and 503', () => {
    expect(classifyFailure(status(429, { 'retry-after': '3' }), options).retryAfterMs).toBe(3_000);
    expect(classifyFailure(status(503, { 'retry-after': '4' }), options).retryAfterMs).toBe(4_000);
  });

  it('spots a refused JSON mode (LM Studio) from the 400 message', () => {
    const refused = APIError.generate(
      400,
      { error: "'response_format.type' must be 'json_schema' or 'text'" },
      undefined,
      headers({}),
    );
    expect(classifyFailure(refused, options)).toMatchObject({ jsonModeRejected: true, retryable: false });
  });

  it('treats our own timer, the SDK timeout and connection failures as retryable', () => {
    expect(classifyFailure(new APIUserAbortError(), { ...options, timedOut: true })).toMatchObject({
      outcome: 'timeout',
      retryable: true,
    });
    expect(classifyFailure(new APIConnectionTimeoutError(), options)).toMatchObject({
      outcome: 'timeout',
      retryable: true,
    });
    expect(
      classifyFailure(new APIConnectionError({ cause: new Error('ECONNREFUSED') }), options),
    ).toMatchObject({
      outcome: 'error',
      retryable: true,
      message: 'cannot reach api.example.com (ECONNREFUSED)',
    });
  });

  it('does not retry a cancelled request or an unknown error', () => {
    expect(classifyFailure(new APIUserAbortError(), options)).toMatchObject({
      outcome: 'error',
      retryable: false,
    });
    expect(classifyFailure(new TypeError('boom'), options)).toMatchObject({
      outcome: 'error',
      retryable: false,
      message: 'boom',
    });
  });
});
