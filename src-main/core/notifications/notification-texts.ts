import type { BurstSummary } from '../contract/maestro';
import type { NotificationKind } from '../contract/notifications';
import type { Platform } from '../contract/publishing';
import { DAY_MS } from '../ports/clock';
import { plural } from '../wording';
import { platformNames } from '../contract/publishing';

/** One notification as its cause writes it into the outbox (see notification-outbox.ts). */
export interface NotificationDraft {
  kind: NotificationKind;
  severity: 'info' | 'error';
  title: string;
  body: string;
  /** The renderer path that shows what it is about. */
  route: string;
  /** Equal keys are one fact: the second write of a key changes nothing. */
  dedupeKey: string;
  brandId?: string | null;
}

/**
 * A burst ended: its one-sentence summary (shortfall first), said as a warning when it stopped or
 * left something missing. One per burst.
 */
export function burstFinishedNotice(burst: BurstSummary): NotificationDraft {
  const label = { daily: 'Daily burst', smart: 'Burst', optimize: 'Drafting ideas' }[burst.kind];
  const title =
    burst.status === 'failed'
      ? `${label} stopped`
      : burst.shortfall > 0
        ? `${label} ended short`
        : `${label} complete`;
  return {
    kind: 'burst_finished',
    severity: burst.status === 'failed' || burst.shortfall > 0 ? 'error' : 'info',
    title,
    body: burst.summary,
    route: '/',
    dedupeKey: `burst:${burst.id}`,
  };
}

/** A post failed on one platform for good (each failure of that platform once): opens the post. */
export function publishFailedNotice(failure: {
  scheduleId: string;
  platform: Platform;
  title: string;
  brandId: string;
  error: string;
  suggestedFix: string | null;
  failedAt: string;
}): NotificationDraft {
  const name = platformNames[failure.platform];
  return {
    kind: 'publish_failed',
    severity: 'error',
    title: `${name} publish failed`,
    body: `${failure.title} (${failure.brandId}): ${failure.error}${failure.suggestedFix ? ` ${failure.suggestedFix}` : ''}`,
    route: `/calendar?item=${encodeURIComponent(failure.scheduleId)}`,
    dedupeKey: `publish-failed:${failure.scheduleId}:${failure.platform}:${failure.failedAt}`,
    brandId: failure.brandId,
  };
}

/** Where a brand's connections are (its page in Brands). */
function connectionsRoute(brandId: string): string {
  return `/brands/${encodeURIComponent(brandId)}/edit`;
}

/**
 * A platform login expires within the warning window: once per connection and expiry date, so a
 * reconnect with a new expiry warns again, in time.
 */
export function tokenExpiringNotice(connection: {
  brandId: string;
  brandName: string;
  platform: Platform;
  expiresAt: string;
  now: Date;
}): NotificationDraft {
  const name = platformNames[connection.platform];
  const days = Math.max(0, Math.ceil((Date.parse(connection.expiresAt) - connection.now.getTime()) / DAY_MS));
  const when = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${plural(days, 'day')}`;
  return {
    kind: 'token_expiry',
    severity: 'info',
    title: `${name} login expires ${when}`,
    body: `${connection.brandName}: the ${name} connection expires on ${connection.expiresAt.slice(0, 10)}. Reconnect in Brands → Connections before then, or its posts will wait.`,
    route: connectionsRoute(connection.brandId),
    dedupeKey: `token-expiring:${connection.brandId}:${connection.platform}:${connection.expiresAt}`,
    brandId: connection.brandId,
  };
}

/**
 * A connection expired (its login ran out, or the platform refused the token): once per
 * connection — a reconnect is a new connection (`connectedAt`).
 */
export function tokenExpiredNotice(connection: {
  brandId: string;
  brandName: string;
  platform: Platform;
  reason: string;
  connectedAt: string | null;
  heldPosts: number;
}): NotificationDraft {
  const name = platformNames[connection.platform];
  const held = connection.heldPosts > 0 ? ` (${plural(connection.heldPosts, 'post')} waiting)` : '';
  return {
    kind: 'token_expiry',
    severity: 'error',
    title: `${name} connection expired`,
    body: `${connection.brandName}: ${connection.reason} Publishing there is on hold${held} until you reconnect in Brands → Connections.`,
    route: connectionsRoute(connection.brandId),
    dedupeKey: `token-expired:${connection.brandId}:${connection.platform}:${connection.connectedAt ?? 'never'}`,
    brandId: connection.brandId,
  };
}

/** A render failed for good (healing reports it once, with what to do). */
export function renderFailedNotice(failure: {
  jobId: string;
  title: string;
  brandId: string | null;
  action: string;
  reportedAt: string;
}): NotificationDraft {
  return {
    kind: 'render_failed',
    severity: 'error',
    title: 'Render failed',
    body: `${failure.title}: ${failure.action}`,
    route: '/jobs',
    dedupeKey: `render-failed:${failure.jobId}:${failure.reportedAt}`,
    brandId: failure.brandId,
  };
}

/**
 * The diagnostics turned critical (from healthy or degraded): the failing checks by name. The
 * diagnostics cycle calls this once per turn; `runId` (or the time of the run) keeps it once.
 */
export function diagnosticsCriticalNotice(run: {
  runId: string | number;
  failing: ReadonlyArray<{ name: string; detail?: string }>;
}): NotificationDraft {
  // Check ids (db_connection, content_pipeline…) read as words.
  const names = run.failing.map((c) => c.name.replaceAll('_', ' '));
  const first = run.failing[0];
  return {
    kind: 'diagnostics_critical',
    severity: 'error',
    title: 'Maestro needs attention',
    body:
      names.length === 0
        ? 'The diagnostics turned critical. Open Diagnostics for what to do.'
        : `${plural(names.length, 'check')} failing: ${names.join(', ')}.${first?.detail ? ` ${names[0]}: ${first.detail}` : ''} Open Diagnostics for what to do.`,
    route: '/diagnostics',
    dedupeKey: `diagnostics-critical:${run.runId}`,
  };
}
