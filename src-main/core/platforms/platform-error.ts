import type { Platform } from '../contract/publishing';

/**
 * What the publisher does about a failed platform call:
 * - `auth`: the token is expired or revoked (Meta 190, Google invalid_grant / 401) — hold the
 *   brand's publishing there and make no further calls until it is reconnected;
 * - `rate_limit`: back off with jitter (Meta 4, 17, 32, 613, BUC limits; YouTube 429);
 * - `quota`: wait for a known reset (YouTube quotaExceeded: midnight Pacific; Instagram's
 *   rolling 24-hour publishing limit);
 * - `transient`: the platform's own hiccup (5xx, Meta 1/2, is_transient) — retry with back-off;
 * - `offline`: the request never got an answer (no network, refused, timed out) — wait and try
 *   again, keeping the order of due posts;
 * - `permanent`: the request itself is wrong (a video spec refused, a missing permission) —
 *   fail with the platform's own message and a suggested fix.
 */
export type PlatformErrorKind = 'auth' | 'rate_limit' | 'quota' | 'transient' | 'offline' | 'permanent';

export class PlatformError extends Error {
  readonly platform: Platform | 'media-host';
  readonly kind: PlatformErrorKind;
  /** The platform's own code, e.g. "190/463", "9/2207042", "403 quotaExceeded". */
  readonly code: string | null;
  readonly suggestedFix: string | null;
  readonly status: number | null;
  /** Extra facts from the answer (e.g. the offset an upload server holds). */
  readonly details: Record<string, unknown>;

  constructor(input: {
    platform: Platform | 'media-host';
    kind: PlatformErrorKind;
    message: string;
    code?: string | null;
    suggestedFix?: string | null;
    status?: number | null;
    details?: Record<string, unknown>;
  }) {
    super(input.message);
    this.name = 'PlatformError';
    this.platform = input.platform;
    this.kind = input.kind;
    this.code = input.code ?? null;
    this.suggestedFix = input.suggestedFix ?? null;
    this.status = input.status ?? null;
    this.details = input.details ?? {};
  }
}

/** A network-level failure: no answer came back, so whether the request took effect is unknown. */
export function offlineError(
  platform: PlatformError['platform'],
  what: string,
  cause: unknown,
): PlatformError {
  const reason =
    (cause as { cause?: { code?: string } })?.cause?.code ?? (cause as Error)?.message ?? String(cause);
  return new PlatformError({
    platform,
    kind: 'offline',
    message: `${what}: no answer (${reason}).`,
    suggestedFix: 'Check the internet connection; due posts go out in order when it is back.',
  });
}
