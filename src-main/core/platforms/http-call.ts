import { offlineError, type PlatformError } from './platform-error';

export type Fetch = typeof fetch;

export interface HttpAnswer {
  status: number;
  headers: Headers;
  /** Parsed JSON when the answer is JSON, else undefined. */
  json: unknown;
  text: string;
}

/**
 * One HTTP request with a timeout. Any answer (2xx or not) is returned for the caller to
 * classify; only "no answer at all" throws, as an `offline` PlatformError, because then the
 * caller cannot know whether the request took effect.
 */
export async function httpCall(
  platform: PlatformError['platform'],
  what: string,
  url: string,
  init: RequestInit & { timeoutMs: number; fetch?: Fetch },
): Promise<HttpAnswer> {
  const { timeoutMs, fetch: fetchImpl = fetch, ...request } = init;
  let response: Response;
  try {
    response = await fetchImpl(url, { ...request, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw offlineError(platform, what, error);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw offlineError(platform, what, error);
  }
  let json: unknown;
  if (text && /json|javascript/i.test(response.headers.get('content-type') ?? '')) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  } else if (text.startsWith('{')) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: response.status, headers: response.headers, json, text };
}
