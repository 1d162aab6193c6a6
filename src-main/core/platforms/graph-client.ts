import { classifyGraphError, type GraphErrorBody } from './meta-errors';
import { httpCall, type Fetch, type HttpAnswer } from './http-call';
import { PlatformError } from './platform-error';
import type { PlatformUsage } from './platform-usage';

export interface GraphEndpoints {
  /** https://graph.facebook.com (or a fake / sandbox). */
  graphBaseUrl: string;
  /** https://rupload.facebook.com */
  ruploadBaseUrl: string;
  /** v25.0 */
  version: string;
  timeoutMs: number;
}

type MetaPlatform = 'instagram' | 'facebook';
type Params = Record<string, string | number | boolean | undefined | null>;

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function formBody(params: Params): URLSearchParams {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) body.set(key, String(value));
  }
  return body;
}

/**
 * The Graph API and its upload host, as every Meta call of the app makes them: the token as the
 * documented `access_token` parameter, the error envelope turned into a classified
 * PlatformError, each call recorded in api_usage. Endpoints are read for every call, so a
 * changed setting (or an environment override) applies at once.
 */
export class GraphClient {
  constructor(
    private readonly endpoints: () => Promise<GraphEndpoints>,
    private readonly usage: PlatformUsage,
    private readonly fetchImpl?: Fetch,
  ) {}

  /** `token` null: a call authenticated by its own parameters (the token exchange). */
  async get<T>(
    platform: MetaPlatform,
    operation: string,
    path: string,
    token: string | null,
    params: Params = {},
  ): Promise<T> {
    const { graphBaseUrl, version, timeoutMs } = await this.endpoints();
    const query = formBody(token === null ? params : { ...params, access_token: token });
    const url = `${withoutTrailingSlash(graphBaseUrl)}/${version}/${path.replace(/^\//, '')}?${query}`;
    return this.answer<T>(platform, operation, () =>
      httpCall(platform, operation, url, { method: 'GET', timeoutMs, fetch: this.fetchImpl }),
    );
  }

  async post<T>(
    platform: MetaPlatform,
    operation: string,
    path: string,
    token: string,
    params: Params = {},
  ): Promise<T> {
    const { graphBaseUrl, version, timeoutMs } = await this.endpoints();
    const url = `${withoutTrailingSlash(graphBaseUrl)}/${version}/${path.replace(/^\//, '')}`;
    return this.answer<T>(platform, operation, () =>
      httpCall(platform, operation, url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: formBody({ ...params, access_token: token }),
        timeoutMs,
        fetch: this.fetchImpl,
      }),
    );
  }

  /** A multipart POST (a photo uploaded from the local file). */
  async postForm<T>(
    platform: MetaPlatform,
    operation: string,
    path: string,
    token: string,
    form: FormData,
  ): Promise<T> {
    const { graphBaseUrl, version, timeoutMs } = await this.endpoints();
    form.set('access_token', token);
    const url = `${withoutTrailingSlash(graphBaseUrl)}/${version}/${path.replace(/^\//, '')}`;
    return this.answer<T>(platform, operation, () =>
      httpCall(platform, operation, url, { method: 'POST', body: form, timeoutMs, fetch: this.fetchImpl }),
    );
  }

  /**
   * Bytes to the resumable upload host (`/ig-api-upload/…` or `/video-upload/…`): the upload URL
   * the container or reel session named, or the configured rupload host with the same path.
   */
  async rupload(
    platform: MetaPlatform,
    uploadUrl: string,
    token: string,
    chunk: { offset: number; fileSize: number; bytes: Uint8Array },
  ): Promise<{ success?: boolean }> {
    const { timeoutMs } = await this.endpoints();
    const url = await this.ruploadUrl(uploadUrl);
    return this.answer<{ success?: boolean }>(platform, 'rupload', () =>
      httpCall(platform, 'rupload', url, {
        method: 'POST',
        headers: {
          authorization: `OAuth ${token}`,
          offset: String(chunk.offset),
          file_size: String(chunk.fileSize),
          'content-type': 'application/octet-stream',
        },
        body: chunk.bytes as Uint8Array<ArrayBuffer>,
        timeoutMs,
        fetch: this.fetchImpl,
      }),
    );
  }

  /** The configured rupload host takes the path of the URL Meta gave (so a fake or proxy can stand in). */
  async ruploadUrl(uploadUrl: string): Promise<string> {
    const { ruploadBaseUrl } = await this.endpoints();
    const given = new URL(uploadUrl);
    return `${withoutTrailingSlash(ruploadBaseUrl)}${given.pathname}${given.search}`;
  }

  /** Builds a rupload URL for a container or video id when Meta's answer did not carry one. */
  async defaultUploadUrl(kind: 'ig-api-upload' | 'video-upload', id: string): Promise<string> {
    const { ruploadBaseUrl, version } = await this.endpoints();
    return `${withoutTrailingSlash(ruploadBaseUrl)}/${kind}/${version}/${id}`;
  }

  private async answer<T>(
    platform: MetaPlatform,
    operation: string,
    call: () => Promise<HttpAnswer>,
  ): Promise<T> {
    const started = performance.now();
    let answer: HttpAnswer;
    try {
      answer = await call();
    } catch (error) {
      await this.usage.record({
        service: platform,
        operation,
        latencyMs: performance.now() - started,
        outcome: 'offline',
        error: (error as Error).message,
      });
      throw error;
    }
    const latencyMs = performance.now() - started;
    const body = answer.json as { error?: GraphErrorBody } | undefined;
    if (answer.status >= 200 && answer.status < 300 && !body?.error) {
      await this.usage.record({ service: platform, operation, latencyMs, outcome: 'ok' });
      if (body === undefined) {
        throw new PlatformError({
          platform,
          kind: 'transient',
          message: `${operation}: the answer was not JSON (HTTP ${answer.status}).`,
          status: answer.status,
        });
      }
      return body as T;
    }
    const error = classifyGraphError(platform, answer.status, body?.error);
    const details = { ...(body as Record<string, unknown> | undefined) };
    await this.usage.record({
      service: platform,
      operation,
      latencyMs,
      outcome: 'error',
      error: error.message,
    });
    throw new PlatformError({
      platform,
      kind: error.kind,
      message: error.message,
      code: error.code,
      suggestedFix: error.suggestedFix,
      status: answer.status,
      details,
    });
  }
}
