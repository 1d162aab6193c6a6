import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import { brandFromRow, findBrandRow } from '../brands/brands-repository';
import type { ActivityEntry } from '../contract/activity';
import { AppError } from '../contract/errors';
import type { DashboardPost } from '../contract/dashboard';
import type { CalendarItem, Platform } from '../contract/publishing';
import type { EventHub } from '../events/event-hub';
import { outputOf, type JobRow } from '../jobs/job-record';
import { isoNow, type Clock } from '../ports/clock';
import type { Random } from '../ports/random';
import type { SettingsService } from '../settings/settings-service';
import type { Database } from '../store/database';
import { titleCase } from '../captions/captions';
import {
  brandOccupancy,
  dashboardPostFromRows,
  itemFromRows,
  postsQuery,
  targetsOf,
  type PostMedia,
} from './calendar-repository';
import { refreshPostStatus } from './post-transitions';
import { checkSlot, nextFreeSlot } from './slot-plan';

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  random: Random;
  settings: SettingsService;
  activity: ActivityLog;
  events: EventHub;
  /** The data folder: media lives under media/, exports go to exports/. */
  dataDir: string;
  mediaDir: string;
  /** The publisher: told to look when something became due. */
  publisher: { wake(): void };
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function scheduleId(random: Random): string {
  let out = '';
  for (let i = 0; i < 10; i++) out += ID_ALPHABET[Math.floor(random.next() * ID_ALPHABET.length)];
  return `SCH-${out}`;
}

/**
 * The publishing calendar: every completed render is placed in its brand's next free slot
 * (in the creator's time zone, the reel's own variant unless it is backed up, never past
 * Instagram's 24-hour limit), and the creator moves, edits, unschedules or publishes it now.
 * Completed renders without a calendar item are the outbox this service drains after each
 * render and at every check, so a render is scheduled exactly once even across a crash.
 */
export class CalendarService {
  constructor(private readonly deps: Deps) {}

  private async timeZone(): Promise<string> {
    return (await this.deps.settings.values()).values.burstTimeZone;
  }

  /**
   * Posts scheduled in [from, to), in time order, one page at a time: `afterScheduleId` is the
   * previous page's last post, and the page continues strictly after it (time, then id: an index
   * range, see migration 011).
   */
  async list(filter: {
    from: string;
    to: string;
    brandId?: string;
    statuses?: CalendarItem['status'][];
    limit?: number;
    afterScheduleId?: string;
  }): Promise<{ items: CalendarItem[]; timeZone: string; hasMore: boolean }> {
    const limit = filter.limit ?? 1000;
    let query = postsQuery(this.deps.db)
      .where('p.scheduled_time', '>=', new Date(filter.from).toISOString())
      .where('p.scheduled_time', '<', new Date(filter.to).toISOString());
    if (filter.brandId) query = query.where('p.brand_id', '=', filter.brandId);
    if (filter.statuses?.length) query = query.where('p.status', 'in', filter.statuses);
    if (filter.afterScheduleId) {
      const anchor = await this.deps.db
        .selectFrom('scheduled_posts')
        .select(['scheduled_time', 'schedule_id'])
        .where('schedule_id', '=', filter.afterScheduleId)
        .executeTakeFirst();
      if (!anchor)
        throw new AppError('not_found', `No scheduled post "${filter.afterScheduleId}".`, {
          scheduleId: filter.afterScheduleId,
        });
      query = query.where((eb) =>
        eb(
          eb.refTuple('p.scheduled_time', 'p.schedule_id'),
          '>',
          eb.tuple(anchor.scheduled_time, anchor.schedule_id),
        ),
      );
    }
    const rows = await query
      .orderBy('p.scheduled_time')
      .orderBy('p.schedule_id')
      .limit(limit + 1)
      .execute();
    const page = rows.slice(0, limit);
    const targets = await targetsOf(
      this.deps.db,
      page.map((r) => r.schedule_id),
    );
    return {
      items: page.map((row) => itemFromRows(row, targets.get(row.schedule_id) ?? [])),
      timeZone: await this.timeZone(),
      hasMore: rows.length > limit,
    };
  }

  /**
   * The next posts to go out: scheduled ones in time order, the overdue ones (the publisher is
   * on them) first. One index range read in order, whatever the calendar holds.
   */
  async nextDue(limit: number): Promise<DashboardPost[]> {
    const rows = await this.dashboardPosts()
      .where('p.status', '=', 'scheduled')
      .orderBy('p.scheduled_time')
      .limit(limit)
      .execute();
    return this.withTargets(rows);
  }

  /** Posts published since `since` (any platform), newest first, and how many there are. */
  async publishedSince(since: Date, limit: number): Promise<{ count: number; items: DashboardPost[] }> {
    const from = since.toISOString();
    const [rows, counted] = await Promise.all([
      this.dashboardPosts()
        .where('p.published_at', '>=', from)
        .orderBy('p.published_at', 'desc')
        .limit(limit)
        .execute(),
      this.deps.db
        .selectFrom('scheduled_posts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('published_at', '>=', from)
        .executeTakeFirstOrThrow(),
    ]);
    return { count: Number(counted.n), items: await this.withTargets(rows) };
  }

  private dashboardPosts() {
    return this.deps.db
      .selectFrom('scheduled_posts as p')
      .innerJoin('brands as b', 'b.id', 'p.brand_id')
      .select([
        'p.schedule_id',
        'p.brand_id',
        'p.content_type',
        'p.title',
        'p.scheduled_time',
        'p.status',
        'p.published_at',
        'b.display_name as brand_name',
        'b.colors as brand_colors',
      ]);
  }

  private async withTargets(
    rows: Array<Parameters<typeof dashboardPostFromRows>[0]>,
  ): Promise<DashboardPost[]> {
    const targets = await targetsOf(
      this.deps.db,
      rows.map((r) => r.schedule_id),
    );
    return rows.map((row) => dashboardPostFromRows(row, targets.get(row.schedule_id) ?? []));
  }

  async get(scheduleId: string, db: Kysely<Database> = this.deps.db): Promise<CalendarItem> {
    const row = await postsQuery(db).where('p.schedule_id', '=', scheduleId).executeTakeFirst();
    if (!row) throw new AppError('not_found', `No scheduled post "${scheduleId}".`, { scheduleId });
    return itemFromRows(row, (await targetsOf(db, [scheduleId])).get(scheduleId) ?? []);
  }

  /**
   * Places every completed render that has no calendar item yet; returns how many it placed.
   * Each one is its own transaction: the unique job id makes a second placement impossible.
   */
  async scheduleReadyRenders(): Promise<number> {
    const { db } = this.deps;
    const ready = await db
      .selectFrom('generation_jobs as j')
      .leftJoin('scheduled_posts as p', 'p.job_id', 'j.job_id')
      .selectAll('j')
      .where('j.status', '=', 'completed')
      .where('p.schedule_id', 'is', null)
      .orderBy('j.completed_at')
      .orderBy('j.job_id')
      .execute();
    let placed = 0;
    for (const job of ready) {
      if (await this.placeRender(job)) placed++;
    }
    if (placed > 0) this.deps.publisher.wake();
    return placed;
  }

  private async placeRender(job: JobRow): Promise<boolean> {
    const { db, clock, random } = this.deps;
    const timeZone = await this.timeZone();
    const outcome = await db.transaction().execute(async (trx) => {
      const already = await trx
        .selectFrom('scheduled_posts')
        .select('schedule_id')
        .where('job_id', '=', job.job_id)
        .executeTakeFirst();
      if (already) return null;
      const brandRow = await findBrandRow(trx, job.brand_id ?? '');
      if (!brandRow) return null;
      const brand = brandFromRow(brandRow, new Set());
      const output = outputOf(job);
      const media: PostMedia = {
        video: output.files.video,
        thumbnail: output.files.thumbnail,
        youtubeThumbnail: output.files.youtubeThumbnail,
        slides: output.files.slides,
      };
      const jobPlatforms = JSON.parse(job.platforms) as Platform[];
      const platforms = jobPlatforms.filter((p) => brand.publishing.platforms.includes(p));
      const kind = job.variant === 'post' ? 'post' : 'reel';
      const now = clock.now();
      const { occupied, instagramTimes } = await brandOccupancy(trx, brand.id, now, null);
      const slot = nextFreeSlot({
        now,
        timeZone,
        scheduleOffset: brand.scheduleOffset,
        occupied,
        instagramTimes,
        targetsInstagram: platforms.includes('instagram'),
        ...(kind === 'reel' ? { kind, variant: job.variant === 'light' ? 'light' : 'dark' } : { kind }),
      });
      const id = scheduleId(random);
      const created = isoNow(clock);
      const noPlatform = platforms.length === 0;
      const status = slot.none || noPlatform ? 'waiting' : 'scheduled';
      const captions = output.captions;
      await trx
        .insertInto('scheduled_posts')
        .values({
          schedule_id: id,
          job_id: job.job_id,
          brand_id: brand.id,
          content_type: kind === 'reel' ? 'reel' : 'carousel',
          variant: job.variant,
          title: job.title,
          caption: captions?.instagram ?? job.caption ?? job.title,
          facebook_caption: captions?.facebook ?? captions?.instagram ?? job.caption ?? job.title,
          youtube_title:
            kind === 'reel' ? (captions?.youtubeTitle ?? titleCase(job.title).slice(0, 100)) : null,
          youtube_title_source: kind === 'reel' ? 'fallback' : null,
          youtube_description: kind === 'reel' ? (captions?.youtubeDescription ?? null) : null,
          first_comment: brand.publishing.firstComment,
          scheduled_time: slot.none ? created : slot.at.toISOString(),
          slot_source: 'auto',
          slot_note: slot.none
            ? `${slot.reason} Pick a time in the calendar.`
            : noPlatform
              ? `${brand.displayName} publishes to none of this render's platforms (${jobPlatforms.join(', ')}); choose its platforms.`
              : slot.note,
          status,
          platforms: JSON.stringify(platforms),
          media: JSON.stringify(media),
          published_at: null,
          publish_error: null,
          created_at: created,
          updated_at: created,
        })
        .execute();
      for (const platform of platforms) {
        await trx
          .insertInto('publish_targets')
          .values({
            schedule_id: id,
            platform,
            status: slot.none ? 'waiting' : 'scheduled',
            wait_reason: slot.none ? 'no_slot' : null,
            step: null,
            step_started_at: null,
            external_id: null,
            permalink: null,
            next_attempt_at: null,
            last_error: null,
            error_code: null,
            suggested_fix: null,
            published_at: null,
            updated_at: created,
          })
          .execute();
      }
      const entry = await this.deps.activity.insert(trx, {
        action: slot.none ? 'Not scheduled' : 'Scheduled',
        detail: slot.none
          ? `${job.job_id} for ${brand.displayName}: ${slot.reason}`
          : `${job.job_id} for ${brand.displayName} at ${slot.at.toISOString()}${slot.note ? ` (${slot.note})` : ''}`,
        level: slot.none ? 'error' : 'action',
        emoji: '🗓️',
        brandId: brand.id,
      });
      return { id, entry };
    });
    if (!outcome) return false;
    this.afterCommit(outcome.id, [outcome.entry]);
    return true;
  }

  /** Whether a post could move to `at`, and if not, why (the calendar asks before a drop lands). */
  async checkSlot(scheduleId: string, at: string): Promise<{ ok: boolean; reason: string | null }> {
    const item = await this.get(scheduleId);
    const verdict = await this.verdictFor(this.deps.db, item, new Date(at), await this.timeZone());
    return verdict.ok ? { ok: true, reason: null } : { ok: false, reason: verdict.reason };
  }

  /**
   * Whether `item` may move to `at`. Every read goes through `db` (the caller's transaction): the
   * settings are read before it begins, because a transaction holds the only connection.
   */
  private async verdictFor(db: Kysely<Database>, item: CalendarItem, at: Date, timeZone: string) {
    if (!item.editable) {
      return {
        ok: false as const,
        reason: `${item.title} is being published right now; wait for it to finish.`,
      };
    }
    const brandRow = await findBrandRow(db, item.brandId);
    const { occupied, instagramTimes } = await brandOccupancy(
      db,
      item.brandId,
      this.deps.clock.now(),
      item.scheduleId,
    );
    return checkSlot({
      now: this.deps.clock.now(),
      timeZone,
      scheduleOffset: brandRow?.schedule_offset ?? 0,
      occupied,
      instagramTimes,
      targetsInstagram: item.targets.some((t) => t.platform === 'instagram' && t.status !== 'published'),
      kind: item.contentType === 'reel' ? 'reel' : 'post',
      at,
    });
  }

  /**
   * Moves a post (or puts an unscheduled one back) at `at`, validated by the same rules as the
   * automatic slots. Platforms not yet published go back to waiting for the new time.
   */
  async reschedule(scheduleId: string, at: string): Promise<CalendarItem> {
    const { db, clock } = this.deps;
    const when = new Date(at);
    const timeZone = await this.timeZone();
    const entry = await db.transaction().execute(async (trx) => {
      const item = await this.get(scheduleId, trx);
      const verdict = await this.verdictFor(trx, item, when, timeZone);
      if (!verdict.ok) throw new AppError('conflict', verdict.reason, { scheduleId, at });
      const now = isoNow(clock);
      await trx
        .updateTable('scheduled_posts')
        .set({ scheduled_time: when.toISOString(), slot_source: 'manual', slot_note: null, updated_at: now })
        .where('schedule_id', '=', scheduleId)
        .execute();
      await trx
        .updateTable('publish_targets')
        .set({ status: 'scheduled', next_attempt_at: null, wait_reason: null, updated_at: now })
        .where('schedule_id', '=', scheduleId)
        // An unscheduled post comes back on its chosen platforms only (one removed stays off).
        .where('platform', 'in', item.platforms.length ? item.platforms : ['instagram'])
        .where((eb) =>
          eb.or([
            eb('status', '=', 'cancelled'),
            eb('status', '=', 'scheduled'),
            eb.and([eb('status', '=', 'waiting'), eb('wait_reason', '=', 'no_slot')]),
          ]),
        )
        .execute();
      await refreshPostStatus(trx, scheduleId, now);
      return this.deps.activity.insert(trx, {
        action: 'Rescheduled',
        detail: `${item.title} (${item.brandName}) to ${when.toISOString()}`,
        level: 'action',
        emoji: '🗓️',
        brandId: item.brandId,
      });
    });
    this.afterCommit(scheduleId, [entry]);
    this.deps.publisher.wake();
    return this.get(scheduleId);
  }

  /** Takes a post off the calendar; platforms that already published it stay published. */
  async unschedule(scheduleId: string): Promise<CalendarItem> {
    const { db, clock } = this.deps;
    const entry = await db.transaction().execute(async (trx) => {
      const item = await this.get(scheduleId, trx);
      if (!item.editable) {
        throw new AppError('conflict', `${item.title} is being published right now; wait for it to finish.`);
      }
      const now = isoNow(clock);
      const result = await trx
        .updateTable('publish_targets')
        .set({ status: 'cancelled', next_attempt_at: null, updated_at: now })
        .where('schedule_id', '=', scheduleId)
        .where('status', 'in', ['scheduled', 'waiting', 'failed'])
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0 && item.status === 'cancelled') {
        throw new AppError('conflict', `${item.title} is not on the calendar.`);
      }
      await refreshPostStatus(trx, scheduleId, now);
      return this.deps.activity.insert(trx, {
        action: 'Unscheduled',
        detail: `${item.title} (${item.brandName})`,
        level: 'action',
        emoji: '🗑️',
        brandId: item.brandId,
      });
    });
    this.afterCommit(scheduleId, [entry]);
    return this.get(scheduleId);
  }

  /** Publishes now instead of at the slot: the post becomes due at once. */
  async publishNow(scheduleId: string): Promise<CalendarItem> {
    const { db, clock } = this.deps;
    const entry = await db.transaction().execute(async (trx) => {
      const item = await this.get(scheduleId, trx);
      if (!item.editable) throw new AppError('conflict', `${item.title} is already being published.`);
      const now = isoNow(clock);
      const due = await trx
        .updateTable('publish_targets')
        .set({ status: 'scheduled', next_attempt_at: null, wait_reason: null, updated_at: now })
        .where('schedule_id', '=', scheduleId)
        .where('platform', 'in', item.platforms.length ? item.platforms : ['instagram'])
        .where((eb) =>
          eb.or([
            eb('status', 'in', ['scheduled', 'cancelled']),
            eb.and([eb('status', '=', 'waiting'), eb('wait_reason', '=', 'no_slot')]),
          ]),
        )
        .executeTakeFirst();
      if (Number(due.numUpdatedRows) === 0) {
        throw new AppError(
          'conflict',
          `${item.title} has nothing left to publish (see each platform's state).`,
        );
      }
      await trx
        .updateTable('scheduled_posts')
        .set({
          scheduled_time: now,
          slot_source: 'manual',
          slot_note: 'Published now by you.',
          updated_at: now,
        })
        .where('schedule_id', '=', scheduleId)
        .execute();
      await refreshPostStatus(trx, scheduleId, now);
      return this.deps.activity.insert(trx, {
        action: 'Publish now',
        detail: `${item.title} (${item.brandName})`,
        level: 'action',
        emoji: '📤',
        brandId: item.brandId,
      });
    });
    this.afterCommit(scheduleId, [entry]);
    this.deps.publisher.wake();
    return this.get(scheduleId);
  }

  /** Edits what will be published, while no platform is uploading it. */
  async update(
    scheduleId: string,
    patch: {
      caption?: string;
      facebookCaption?: string;
      youtubeTitle?: string;
      firstComment?: string | null;
      platforms?: Platform[];
    },
  ): Promise<CalendarItem> {
    const { db, clock } = this.deps;
    const entry = await db.transaction().execute(async (trx) => {
      const item = await this.get(scheduleId, trx);
      if (!item.editable)
        throw new AppError('conflict', `${item.title} is being published; it can no longer change.`);
      const now = isoNow(clock);
      await trx
        .updateTable('scheduled_posts')
        .set({
          ...(patch.caption !== undefined ? { caption: patch.caption } : {}),
          ...(patch.facebookCaption !== undefined ? { facebook_caption: patch.facebookCaption } : {}),
          ...(patch.youtubeTitle !== undefined
            ? { youtube_title: patch.youtubeTitle, youtube_title_source: 'creator' as const }
            : {}),
          ...(patch.firstComment !== undefined ? { first_comment: patch.firstComment } : {}),
          ...(patch.platforms !== undefined ? { platforms: JSON.stringify(patch.platforms) } : {}),
          updated_at: now,
        })
        .where('schedule_id', '=', scheduleId)
        .execute();
      if (patch.platforms) await this.applyPlatforms(trx, item, patch.platforms, now);
      await refreshPostStatus(trx, scheduleId, now);
      return this.deps.activity.insert(trx, {
        action: 'Post edited',
        detail: `${item.title} (${item.brandName}): ${Object.keys(patch).join(', ')}`,
        level: 'data',
        emoji: '✏️',
        brandId: item.brandId,
      });
    });
    this.afterCommit(scheduleId, [entry]);
    return this.get(scheduleId);
  }

  private async applyPlatforms(trx: Kysely<Database>, item: CalendarItem, wanted: Platform[], now: string) {
    if (item.contentType === 'carousel' && wanted.includes('youtube')) {
      throw new AppError('invalid_input', 'A carousel cannot go to YouTube; choose Instagram or Facebook.', {
        fields: [{ path: 'patch.platforms', message: 'YouTube takes videos only' }],
      });
    }
    for (const target of item.targets) {
      if (!wanted.includes(target.platform) && target.status !== 'published') {
        await trx
          .updateTable('publish_targets')
          .set({ status: 'cancelled', updated_at: now })
          .where('schedule_id', '=', item.scheduleId)
          .where('platform', '=', target.platform)
          .execute();
      }
    }
    for (const platform of wanted) {
      const existing = item.targets.find((t) => t.platform === platform);
      if (existing?.status === 'cancelled') {
        await trx
          .updateTable('publish_targets')
          .set({ status: 'scheduled', next_attempt_at: null, updated_at: now })
          .where('schedule_id', '=', item.scheduleId)
          .where('platform', '=', platform)
          .execute();
      } else if (!existing) {
        await trx
          .insertInto('publish_targets')
          .values({
            schedule_id: item.scheduleId,
            platform,
            status: 'scheduled',
            step: null,
            step_started_at: null,
            external_id: null,
            permalink: null,
            next_attempt_at: null,
            wait_reason: null,
            last_error: null,
            error_code: null,
            suggested_fix: null,
            published_at: null,
            updated_at: now,
          })
          .execute();
      }
    }
  }

  /** Tries the failed platforms again (all of them, or one); published ones are left alone. */
  async retry(scheduleId: string, platform?: Platform): Promise<CalendarItem> {
    const { db, clock } = this.deps;
    const entry = await db.transaction().execute(async (trx) => {
      const item = await this.get(scheduleId, trx);
      const now = isoNow(clock);
      let query = trx
        .updateTable('publish_targets')
        .set({
          status: 'scheduled',
          next_attempt_at: null,
          wait_reason: null,
          last_error: null,
          error_code: null,
          suggested_fix: null,
          updated_at: now,
        })
        .where('schedule_id', '=', scheduleId)
        .where('status', '=', 'failed');
      if (platform) query = query.where('platform', '=', platform);
      const retried = await query.executeTakeFirst();
      if (Number(retried.numUpdatedRows) === 0) {
        throw new AppError(
          'conflict',
          `Nothing to retry on ${item.title}${platform ? ` for ${platform}` : ''}: only failed platforms can be retried.`,
        );
      }
      await refreshPostStatus(trx, scheduleId, now);
      return this.deps.activity.insert(trx, {
        action: 'Publishing retried',
        detail: `${item.title} (${item.brandName})${platform ? ` on ${platform}` : ''}`,
        level: 'action',
        emoji: '🔁',
        brandId: item.brandId,
      });
    });
    this.afterCommit(scheduleId, [entry]);
    this.deps.publisher.wake();
    return this.get(scheduleId);
  }

  /**
   * Copies the post's media and captions to `<data>/exports/<schedule id>/` for posting by hand
   * (what a carousel without a media host offers instead of failing silently).
   */
  async export(scheduleId: string): Promise<{ folder: string; files: string[] }> {
    const item = await this.get(scheduleId);
    const folder = join(this.deps.dataDir, 'exports', scheduleId);
    await mkdir(folder, { recursive: true });
    const sources = [
      ...(item.contentType === 'reel' ? [item.media.video, item.media.thumbnail] : item.media.slides),
    ].filter((f): f is string => !!f);
    const files: string[] = [];
    for (const [i, relative] of sources.entries()) {
      const name =
        item.contentType === 'carousel'
          ? `${String(i + 1).padStart(2, '0')}-${basename(relative)}`
          : basename(relative);
      await copyFile(join(this.deps.mediaDir, relative), join(folder, name));
      files.push(name);
    }
    const captions = [
      `Instagram:\n${item.caption}`,
      `Facebook:\n${item.facebookCaption}`,
      ...(item.youtubeTitle ? [`YouTube title:\n${item.youtubeTitle}`] : []),
      ...(item.firstComment ? [`First comment:\n${item.firstComment}`] : []),
    ].join('\n\n');
    await writeFile(join(folder, 'captions.txt'), `${captions}\n`, 'utf8');
    files.push('captions.txt');
    await this.deps.activity.record({
      action: 'Exported for manual posting',
      detail: `${item.title} (${item.brandName}) to ${folder}`,
      level: 'action',
      emoji: '📦',
      brandId: item.brandId,
    });
    return { folder, files };
  }

  private afterCommit(scheduleId: string, entries: readonly ActivityEntry[]): void {
    entries.forEach((e) => this.deps.activity.announce(e));
    this.deps.events.emit('data.changed', { entity: 'calendar', id: scheduleId });
  }
}
