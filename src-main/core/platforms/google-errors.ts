import { PlatformError, type PlatformErrorKind } from './platform-error';

/** Google's JSON error envelope (platform-apis.md §5.6) and the OAuth token endpoint's answer. */
export interface GoogleErrorBody {
  error?:
    | string
    | {
        code?: number;
        message?: string;
        status?: string;
        errors?: Array<{ domain?: string; reason?: string; message?: string }>;
      };
  error_description?: string;
}

const quotaReasons = new Set(['quotaExceeded', 'dailyLimitExceeded']);
const rateLimitReasons = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'uploadRateLimitExceeded']);

const fixes: Record<string, string> = {
  auth: 'Reconnect YouTube in Brands → Connections.',
  quotaExceeded: 'YouTube’s daily API quota is used up; it resets at midnight Pacific time.',
  uploadLimitExceeded: 'The channel reached YouTube’s daily upload limit; the video waits about 24 hours.',
  forbidden: 'The channel does not allow this; check it in YouTube Studio (e.g. verify it for custom thumbnails).',
  invalidTitle: 'YouTube refused the title: keep it under 100 characters without < or >.',
  invalidDescription: 'YouTube refused the description: keep it under 5000 characters without < or >.',
  invalidImage: 'YouTube refused the thumbnail: use a JPEG or PNG under 2 MB.',
};

/**
 * Classifies an error answer of a Google API (YouTube Data / upload) or of the OAuth token
 * endpoint. Pure, so the decision table is tested on its own:
 * 401 or `invalid_grant` → auth (reconnect); 403 quotaExceeded → quota (wait for the quota day);
 * 429 and the rate-limit reasons → rate_limit; 5xx → transient; anything else is permanent and
 * carries Google's own reason.
 */
export function classifyGoogleError(
  operation: string,
  status: number,
  body: GoogleErrorBody | undefined,
): PlatformError {
  const envelope = typeof body?.error === 'object' ? body.error : undefined;
  const oauthError = typeof body?.error === 'string' ? body.error : undefined;
  const reason = envelope?.errors?.[0]?.reason ?? oauthError ?? envelope?.status ?? null;
  const text =
    envelope?.message ?? body?.error_description ?? oauthError ?? `Google answered HTTP ${status}`;
  let kind: PlatformErrorKind;
  if (status === 401 || oauthError === 'invalid_grant' || reason === 'authError') kind = 'auth';
  else if (reason !== null && quotaReasons.has(reason)) kind = 'quota';
  else if (status === 429 || (reason !== null && rateLimitReasons.has(reason))) kind = 'rate_limit';
  else if (status >= 500) kind = 'transient';
  else kind = 'permanent';
  return new PlatformError({
    platform: 'youtube',
    kind,
    message: `${operation}: ${text}${reason && !text.includes(reason) ? ` (${reason})` : ''}`,
    code: reason ? `${status} ${reason}` : `HTTP ${status}`,
    suggestedFix: kind === 'auth' ? fixes.auth : reason ? (fixes[reason] ?? null) : null,
    status,
    details: { reason },
  });
}
