import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { LlmOutcome } from '../contract/llm';
import { parseRetryAfterMs } from './retry';

/** What went wrong with one request and whether another attempt can help. */
export interface AttemptFailure {
  outcome: Exclude<LlmOutcome, 'ok' | 'repaired' | 'bad_json' | 'budget_exhausted'>;
  retryable: boolean;
  /** HTTP status, when the server answered. */
  status: number | null;
  message: string;
  /** The server's Retry-After, when it sent one. */
  retryAfterMs: number | undefined;
  /** The server refused `response_format: json_object` (LM Studio does): try again without it. */
  jsonModeRejected: boolean;
}

function shouldRetryHeader(error: APIError): boolean | undefined {
  const value = error.headers?.get('x-should-retry');
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/**
 * Sorts a failed request into an api_usage outcome: 429 → rate_limited, 5xx → server_error,
 * our timer or the SDK's → timeout, anything else → error. Only rate limits, server errors,
 * timeouts, connection failures (and 408/409, as OpenAI documents) are worth retrying.
 */
export function classifyFailure(
  error: unknown,
  options: { timedOut: boolean; host: string; now: Date },
): AttemptFailure {
  const base = { status: null, retryAfterMs: undefined, jsonModeRejected: false };
  if (options.timedOut || error instanceof APIConnectionTimeoutError) {
    return {
      ...base,
      outcome: 'timeout',
      retryable: true,
      message: `no answer from ${options.host} in time`,
    };
  }
  if (error instanceof APIUserAbortError) {
    return { ...base, outcome: 'error', retryable: false, message: 'the request was cancelled' };
  }
  if (error instanceof APIConnectionError) {
    const cause = (error.cause as Error | undefined)?.message;
    return {
      ...base,
      outcome: 'error',
      retryable: true,
      message: `cannot reach ${options.host}${cause ? ` (${cause})` : ''}`,
    };
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    const retryAfterMs = parseRetryAfterMs(error.headers, options.now);
    const message = error.message;
    const overridden = shouldRetryHeader(error);
    if (status === 429) {
      return {
        status,
        retryAfterMs,
        jsonModeRejected: false,
        outcome: 'rate_limited',
        retryable: overridden ?? true,
        message,
      };
    }
    if (status >= 500) {
      return {
        status,
        retryAfterMs,
        jsonModeRejected: false,
        outcome: 'server_error',
        retryable: overridden ?? true,
        message,
      };
    }
    if (status === 401 || status === 403) {
      return {
        ...base,
        status,
        outcome: 'error',
        retryable: false,
        message: `${options.host} refused the API key (${message}); check the LLM API key in Settings`,
      };
    }
    return {
      status,
      retryAfterMs,
      jsonModeRejected: status === 400 && /response_format/i.test(message),
      outcome: 'error',
      retryable: overridden ?? (status === 408 || status === 409),
      message,
    };
  }
  return { ...base, outcome: 'error', retryable: false, message: (error as Error)?.message ?? String(error) };
}
