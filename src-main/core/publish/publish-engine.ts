import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import { brandFromRow, findBrandRow } from '../brands/brands-repository';
import { AppError } from '../contract/errors';
import type { Platform } from '../contract/publishing';
import type { EventHub } from '../events/event-hub';
import type { NotificationOutbox } from '../notifications/notification-outbox';
import { publishFailedNotice } from '../notifications/notification-texts';
import { PlatformError } from '../platforms/platform-error';
import { isoNow, type Clock } from '../ports/clock';
import type { Random } from '../ports/random';
import type { PublishTargetRow, ScheduledPostRow } from '../schedule/calendar-repository';
import { refreshPostStatus } from '../schedule/post-transitions';
import type { Updateable } from 'kysely';
import type { Database, PublishTargetsTable } from '../store/database';
import { backoffDelayMs, nextPacificMidnight } from './backoff';
import { publishDefaults } from './defaults';
import { FlowContext, type FlowResult } from './flow-context';
import type { FlowDeps } from './flow-deps';
import { publishFacebookCarousel, publishFacebookReel } from './flows/facebook';
import { publishInstagramCarousel, publishInstagramReel } from './flows/instagram';
import { removeHosted } from './flows/shared';
import { publishYoutubeShort } from './flows/youtube';
import { platformNames } from '../contract/publishing';

/** How one visit of a target ended: `offline` stops the round so due posts keep their order. */
export type AdvanceOutcome = 'published' | 'later' | 'waiting' | 'failed' | 'offline' | 'skipped';

/** Transient failures in a row before a target stops retrying by itself and asks for the creator. */
const MAX_TRANSIENT_ATTEMPTS = 8;

function flowFor(post: ScheduledPostRow, platform: Platform) {
  if (platform === 'instagram')
    return post.content_type === 'reel' ? publishInstagramReel : publishInstagramCarousel;
  if (platform === 'facebook')
    return post.content_type === 'reel' ? publishFacebookReel : publishFacebookCarousel;
  if (post.content_type !== 'reel') return null;
  return publishYoutubeShort;
}

interface EngineDeps extends FlowDeps {
  db: Kysely<Database>;
  clock: Clock;
  random: Random;
  activity: ActivityLog;
  events: EventHub;
  mediaDir: string;
  /** A platform that fails for good is notified once, in the transaction that fails it. */
  notifications?: NotificationOutbox;
}

/**
 * Moves one (post, platform) as far as it can go now: runs the platform's flow from its last
 * checkpoint and settles the outcome in one transaction with the post's status — published,
 * later (processing; back-off after a rate limit, a transient error or no network; a quota
 * that resets at a known time), waiting for the creator (an expired connection, no media host)
 * or failed with the platform's own message and a suggested fix.
 */
export class PublishEngine {
  constructor(private readonly deps: EngineDeps) {}

  async advance(scheduleId: string, platform: Platform): Promise<AdvanceOutcome> {
    const { db } = this.deps;
    const post = await db
      .selectFrom('scheduled_posts')
      .selectAll()
      .where('schedule_id', '=', scheduleId)
      .executeTakeFirst();
    const target = await db
      .selectFrom('publish_targets')
      .selectAll()
      .where('schedule_id', '=', scheduleId)
      .where('platform', '=', platform)
      .executeTakeFirst();
    if (!post || !target) return 'skipped';
    if (!['scheduled', 'uploading', 'processing'].includes(target.status)) return 'skipped';
    const brandRow = await findBrandRow(db, post.brand_id);
    if (!brandRow) return 'skipped';
    const brand = brandFromRow(brandRow, new Set());
    const flow = flowFor(post, platform);
    if (!flow) {
      return this.settle(post, target, {
        status: 'failed',
        last_error: `${platformNames[platform]} does not take this kind of post.`,
        suggested_fix: 'Remove the platform from the post.',
      });
    }
    const ctx = new FlowContext(
      { db, clock: this.deps.clock, events: this.deps.events, mediaDir: this.deps.mediaDir },
      post,
      target,
      brand,
    );
    if (target.status === 'scheduled') await ctx.enter(target.step ?? 'start', 'uploading');
    let result: FlowResult;
    try {
      result = await flow(ctx, this.deps);
    } catch (error) {
      return this.fail(ctx, post, platform, error);
    }
    return this.finish(ctx, post, platform, result);
  }

  private async finish(
    ctx: FlowContext,
    post: ScheduledPostRow,
    platform: Platform,
    result: FlowResult,
  ): Promise<AdvanceOutcome> {
    const current = await this.current(post.schedule_id, platform);
    if (result.kind === 'later') {
      return this.settle(
        post,
        current,
        { next_attempt_at: result.until.toISOString(), wait_reason: result.reason },
        'later',
      );
    }
    if (result.kind === 'needs_you') {
      return this.settle(
        post,
        current,
        {
          status: 'waiting',
          wait_reason: result.reason,
          last_error: result.message,
          suggested_fix: result.suggestedFix,
        },
        'waiting',
      );
    }
    const notes = [ctx.checkpoint.commentError, ctx.checkpoint.thumbnailError].filter(
      (n): n is string => typeof n === 'string',
    );
    return this.settle(
      post,
      current,
      {
        status: 'published',
        external_id: result.externalId,
        permalink: result.permalink,
        published_at: isoNow(this.deps.clock),
        step: null,
        step_started_at: null,
        next_attempt_at: null,
        wait_reason: null,
        last_error: notes.length ? `Published; ${notes.join(' ')}` : null,
        error_code: null,
        suggested_fix: null,
      },
      'published',
      {
        action: `Published on ${platformNames[platform]}`,
        detail: `${post.title} (${post.brand_id}): ${result.externalId}`,
        level: 'action',
        emoji: '📣',
      },
    );
  }

  private async fail(
    ctx: FlowContext,
    post: ScheduledPostRow,
    platform: Platform,
    error: unknown,
  ): Promise<AdvanceOutcome> {
    const current = await this.current(post.schedule_id, platform);
    const now = this.deps.clock.now();
    const name = platformNames[platform];
    if (!(error instanceof PlatformError)) {
      // Not the platform's answer: our file, our bug, a missing connection.
      const notConnected =
        error instanceof AppError && (error.code === 'not_found' || error.code === 'unavailable');
      if (notConnected) {
        return this.settle(
          post,
          current,
          {
            status: 'waiting',
            wait_reason: 'not_connected',
            last_error: (error as Error).message,
            suggested_fix: `Connect ${name} for this brand in Brands → Connections, or remove ${name} from the post.`,
          },
          'waiting',
        );
      }
      const message = error instanceof Error ? error.message : String(error);
      return this.settle(
        post,
        current,
        {
          status: 'failed',
          last_error: message,
          error_code: (error as NodeJS.ErrnoException)?.code === 'ENOENT' ? 'file_missing' : 'internal',
          suggested_fix:
            (error as NodeJS.ErrnoException)?.code === 'ENOENT'
              ? 'A file of the render is missing; retry the render in Jobs, then retry here.'
              : 'Retry; if it fails again, report it with this message.',
        },
        'failed',
        {
          action: `${name} publish failed`,
          detail: `${post.title}: ${message}`,
          level: 'error',
          emoji: '⚠️',
        },
      );
    }
    const attempts = current.attempts + 1;
    switch (error.kind) {
      case 'auth': {
        // A refusal by the connections (not connected, already expired) carries its wait reason;
        // a token the platform itself refused expires the connection, holding the brand there.
        const heldFor = typeof error.details.waitReason === 'string' ? error.details.waitReason : null;
        // A YouTube 401 may be an access token that expired early: refresh once before giving up.
        if (
          !heldFor &&
          platform === 'youtube' &&
          error.status === 401 &&
          ctx.checkpoint.accessRefreshed !== true
        ) {
          this.deps.credentials.forgetYoutubeAccess(post.brand_id);
          await ctx.save({ accessRefreshed: true });
          return this.settle(
            post,
            current,
            { next_attempt_at: now.toISOString(), wait_reason: 'refreshing access' },
            'later',
          );
        }
        if (!heldFor) {
          const refusedBy = error.platform === 'media-host' ? platform : error.platform;
          await this.deps.credentials.markExpired(post.brand_id, refusedBy, error.message);
        }
        return this.settle(
          post,
          current,
          {
            status: 'waiting',
            wait_reason: heldFor ?? 'connection_expired',
            last_error: error.message,
            error_code: error.code,
            suggested_fix: error.suggestedFix ?? `Reconnect ${name} in Brands → Connections.`,
          },
          'waiting',
        );
      }
      case 'quota': {
        const until =
          platform === 'youtube'
            ? nextPacificMidnight(now)
            : new Date(now.getTime() + publishDefaults.instagramLimitRetryMs);
        return this.settle(
          post,
          current,
          {
            next_attempt_at: until.toISOString(),
            wait_reason: 'quota',
            last_error: error.message,
            error_code: error.code,
            suggested_fix: error.suggestedFix,
          },
          'later',
        );
      }
      case 'rate_limit':
      case 'transient':
      case 'offline': {
        if (error.kind === 'transient' && attempts >= MAX_TRANSIENT_ATTEMPTS) break;
        const until = new Date(now.getTime() + backoffDelayMs(attempts, this.deps.random));
        await this.settle(
          post,
          current,
          {
            attempts,
            next_attempt_at: until.toISOString(),
            wait_reason: error.kind,
            last_error: error.message,
            error_code: error.code,
            suggested_fix: error.suggestedFix,
          },
          'later',
        );
        return error.kind === 'offline' ? 'offline' : 'later';
      }
      case 'permanent':
        break;
    }
    await removeHosted(ctx, this.deps).catch(() => undefined);
    return this.settle(
      post,
      current,
      {
        status: 'failed',
        attempts,
        last_error: error.message,
        error_code: error.code,
        suggested_fix: error.suggestedFix,
        next_attempt_at: null,
      },
      'failed',
      {
        action: `${name} publish failed`,
        detail: `${post.title}: ${error.message}`,
        level: 'error',
        emoji: '⚠️',
      },
    );
  }

  private async current(scheduleId: string, platform: Platform): Promise<PublishTargetRow> {
    return this.deps.db
      .selectFrom('publish_targets')
      .selectAll()
      .where('schedule_id', '=', scheduleId)
      .where('platform', '=', platform)
      .executeTakeFirstOrThrow();
  }

  /**
   * Writes a target's new state and the post's status in one transaction; the update applies
   * only while the target is still where this visit found it (an unschedule in between wins).
   */
  private async settle(
    post: ScheduledPostRow,
    target: PublishTargetRow,
    changes: Updateable<PublishTargetsTable>,
    outcome: AdvanceOutcome = 'failed',
    activity?: Parameters<ActivityLog['insert']>[1],
  ): Promise<AdvanceOutcome> {
    const { db, clock } = this.deps;
    const now = isoNow(clock);
    const entry = await db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('publish_targets')
        .set({ ...changes, updated_at: now })
        .where('schedule_id', '=', post.schedule_id)
        .where('platform', '=', target.platform)
        .where('status', '=', target.status)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return null;
      await refreshPostStatus(trx, post.schedule_id, now);
      if (changes.status === 'failed' && this.deps.notifications) {
        await this.deps.notifications.write(
          trx,
          publishFailedNotice({
            scheduleId: post.schedule_id,
            platform: target.platform,
            title: post.title,
            brandId: post.brand_id,
            error: changes.last_error ?? 'unknown error',
            suggestedFix: changes.suggested_fix ?? null,
            failedAt: now,
          }),
        );
      }
      return activity ? this.deps.activity.insert(trx, { brandId: post.brand_id, ...activity }) : undefined;
    });
    if (entry === null) return 'skipped';
    if (entry) this.deps.activity.announce(entry);
    if (changes.status === 'failed') this.deps.notifications?.wake();
    this.deps.events.emit('data.changed', { entity: 'calendar', id: post.schedule_id });
    if (changes.status) {
      this.deps.events.emit('publish.progress', {
        scheduleId: post.schedule_id,
        platform: target.platform,
        status: changes.status as PublishTargetRow['status'],
        step: null,
        percent: changes.status === 'published' ? 100 : null,
      });
    }
    return outcome;
  }
}
