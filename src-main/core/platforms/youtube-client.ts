import { httpCall, type Fetch, type HttpAnswer } from './http-call';
import { PlatformError } from './platform-error';
import type { PlatformUsage } from './platform-usage';

export interface YouTubeEndpoints {
  /** https://www.googleapis.com/youtube/v3 */
  apiBaseUrl: string;
  /** https://www.googleapis.com/upload/youtube/v3 */
  uploadBaseUrl: string;
  timeoutMs: number;
}

/** Google's JSON error envelope (platform-apis.md §5.6). */
interface GoogleErrorBody {
  error?:
    | {
        code?: number;
        message?: string;
        errors?: Array<{ reason?: string; message?: string; domain?: string }>;
      }
    | string;
  error_description?: string;
}

const youtubeFixes: Record<string, string> = {
  quotaExceeded:
    'YouTube’s daily API quota is used up; the upload waits for it to reset at midnight Pacific time.',
  uploadLimitExceeded: 'The channel reached its daily upload limit; the upload waits a day.',
  invalidTitle: 'Edit the YouTube title in the calendar (at most 100 characters, no < or >).',
  invalidDescription: 'Shorten the YouTube description (at most 5,000 bytes, no < or >).',
  forbidden: 'Reconnect YouTube with an account that owns the channel and grants upload access.',
  invalid_grant: 'Reconnect YouTube for this brand in Brands → Connections.',
  authError: 'Reconnect YouTube for this brand in Brands → Connections.',
};

/** Classifies a Google API (or OAuth token endpoint) error answer. Pure. */
export function classifyGoogleError(status: number, body: unknown): PlatformError {
  const parsed = (body ?? {}) as GoogleErrorBody;
  const oauthError = typeof parsed.error === 'string' ? parsed.error : undefined;
  const apiError = typeof parsed.error === 'object' ? parsed.error : undefined;
  const reason = oauthError ?? apiError?.errors?.[0]?.reason ?? null;
  const message =
    apiError?.message ??
    parsed.error_description ??
    apiError?.errors?.[0]?.message ??
    `YouTube answered HTTP ${status}`;
  const base = {
    platform: 'youtube' as const,
    message,
    code: reason ? `${status} ${reason}` : `HTTP ${status}`,
    status,
    suggestedFix: (reason && youtubeFixes[reason]) ?? null,
  };
  if (oauthError === 'invalid_grant' || status === 401 || reason === 'authError') {
    return new PlatformError({ ...base, kind: 'auth', suggestedFix: youtubeFixes.invalid_grant! });
  }
  if (reason === 'quotaExceeded' || reason === 'uploadLimitExceeded' || reason === 'dailyLimitExceeded') {
    return new PlatformError({ ...base, kind: 'quota' });
  }
  if (status === 429 || reason === 'rateLimitExceeded' || reason === 'userRateLimitExceeded') {
    return new PlatformError({ ...base, kind: 'rate_limit' });
  }
  if (status >= 500) return new PlatformError({ ...base, kind: 'transient' });
  return new PlatformError({ ...base, kind: 'permanent' });
}

export interface YouTubeRequest {
  operation: string;
  method: 'GET' | 'POST' | 'PUT';
  /** A full URL, or a path under the API (`/channels?…`) or upload (`upload:/videos?…`) base. */
  url: string;
  accessToken: string;
  headers?: Record<string, string>;
  body?: BodyInit;
  /** Statuses that are answers, not errors (308 Resume Incomplete during uploads). */
  accept?: readonly number[];
}

/**
 * YouTube Data API v3 calls as the app makes them: the bearer access token, Google's error
 * envelope classified (invalid credentials → auth, quotaExceeded → quota…), each call recorded
 * in api_usage. Endpoints are read per call, so a fake or a proxy can stand in.
 */
export class YouTubeClient {
  constructor(
    private readonly endpoints: () => Promise<YouTubeEndpoints>,
    private readonly usage: PlatformUsage,
    private readonly fetchImpl?: Fetch,
  ) {}

  async request(request: YouTubeRequest): Promise<HttpAnswer> {
    const { apiBaseUrl, uploadBaseUrl, timeoutMs } = await this.endpoints();
    const url = request.url.startsWith('upload:')
      ? `${uploadBaseUrl.replace(/\/+$/, '')}${request.url.slice('upload:'.length)}`
      : request.url.startsWith('/')
        ? `${apiBaseUrl.replace(/\/+$/, '')}${request.url}`
        : request.url;
    const started = performance.now();
    let answer: HttpAnswer;
    try {
      answer = await httpCall('youtube', request.operation, url, {
        method: request.method,
        headers: { authorization: `Bearer ${request.accessToken}`, ...request.headers },
        body: request.body,
        timeoutMs,
        fetch: this.fetchImpl,
      });
    } catch (error) {
      await this.usage.record({
        service: 'youtube',
        operation: request.operation,
        latencyMs: performance.now() - started,
        outcome: 'offline',
        error: (error as Error).message,
      });
      throw error;
    }
    const latencyMs = performance.now() - started;
    if ((answer.status >= 200 && answer.status < 300) || request.accept?.includes(answer.status)) {
      await this.usage.record({ service: 'youtube', operation: request.operation, latencyMs, outcome: 'ok' });
      return answer;
    }
    const error = classifyGoogleError(answer.status, answer.json);
    await this.usage.record({
      service: 'youtube',
      operation: request.operation,
      latencyMs,
      outcome: 'error',
      error: error.message,
    });
    throw error;
  }

  /** The channel the access token belongs to: `channels?part=snippet&mine=true`. */
  async channelsMine(accessToken: string): Promise<{ id: string; title: string } | null> {
    const answer = await this.request({
      operation: 'channels.list',
      method: 'GET',
      url: '/channels?part=snippet&mine=true',
      accessToken,
    });
    const item = (answer.json as { items?: Array<{ id: string; snippet?: { title?: string } }> })?.items?.[0];
    return item ? { id: item.id, title: item.snippet?.title ?? item.id } : null;
  }
}
