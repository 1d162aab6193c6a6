import type { MetaTokens } from '../connections/connections-service';
import { AppError } from '../contract/errors';
import type { Platform } from '../contract/publishing';
import { PlatformError } from '../platforms/platform-error';

/** What the learning loop asks the connections service for (its tokens, and to expire a refused one). */
export interface LearningTokens {
  metaTokens(brandId: string, platform: 'instagram' | 'facebook'): Promise<MetaTokens>;
  youtubeAccessToken(brandId: string): Promise<string>;
  forgetYouTubeAccessToken(brandId: string): void;
  markExpired(brandId: string, platform: Platform, reason: string): Promise<unknown>;
}

export type StopReason =
  | 'not_connected'
  | 'connection_expired'
  | 'rate_limit'
  | 'quota'
  | 'call_budget'
  | 'offline'
  | 'platform_error';

/** A failure that ends a brand's work on a platform for this run; the rest waits for the next. */
export class StopPlatform extends Error {
  constructor(
    readonly reason: StopReason,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'StopPlatform';
  }
}

/**
 * Sorts a failed read into "stop this brand's platform for now" (no connection, a refused token —
 * which expires the connection as publishing does —, a rate limit, quota, no network, the
 * platform's own outage) or "this one post failed" (a permanent refusal of one request, returned
 * as its message). Anything that is not a platform's answer is a bug and is thrown on.
 */
export async function classifyReadFailure(
  error: unknown,
  brandId: string,
  platform: Platform,
  tokens: LearningTokens,
): Promise<StopPlatform | string> {
  if (error instanceof StopPlatform) return error;
  if (error instanceof AppError && error.code === 'not_found') {
    return new StopPlatform('not_connected', error.message);
  }
  if (!(error instanceof PlatformError)) throw error;
  const detail = `${error.message}${error.code ? ` (${error.code})` : ''}`;
  switch (error.kind) {
    case 'auth':
      // An expiry known before the call (code connection_expired) was recorded already.
      if (error.code !== 'connection_expired') await tokens.markExpired(brandId, platform, error.message);
      return new StopPlatform('connection_expired', detail);
    case 'rate_limit':
      return new StopPlatform('rate_limit', detail);
    case 'quota':
      return new StopPlatform('quota', detail);
    case 'offline':
      return new StopPlatform('offline', detail);
    case 'transient':
      return new StopPlatform('platform_error', detail);
    case 'permanent':
      return detail;
  }
}

/**
 * Counts the Meta calls one brand may still make in this run (reference §1.11's hourly budget,
 * kept well under): each read asks first, and when none are left the brand waits for the next run.
 */
export class CallBudget {
  private readonly used = new Map<string, number>();

  constructor(private readonly perBrand: number) {}

  spend(brandId: string): void {
    const used = this.used.get(brandId) ?? 0;
    if (used >= this.perBrand) {
      throw new StopPlatform(
        'call_budget',
        `${this.perBrand} Meta calls for this brand in one run; the rest waits.`,
      );
    }
    this.used.set(brandId, used + 1);
  }
}

/**
 * Runs a YouTube read with the brand's access token; a refused access token is dropped and
 * refreshed once (Google may revoke one early while the refresh token still works), and a
 * second refusal expires the connection.
 */
export async function withYouTubeToken<T>(
  tokens: LearningTokens,
  brandId: string,
  read: (accessToken: string) => Promise<T>,
): Promise<T> {
  try {
    return await read(await tokens.youtubeAccessToken(brandId));
  } catch (error) {
    if (!(error instanceof PlatformError) || error.kind !== 'auth' || error.code === 'connection_expired')
      throw error;
    tokens.forgetYouTubeAccessToken(brandId);
    return read(await tokens.youtubeAccessToken(brandId));
  }
}
