import type { Kysely, Selectable } from 'kysely';
import type { DashboardPost } from '../contract/dashboard';
import type { CalendarItem, Platform, PublishTarget } from '../contract/publishing';
import type { Database, PublishTargetsTable, ScheduledPostsTable } from '../store/database';
import type { OccupiedSlot } from './slot-plan';
import { isEditable } from './post-status';

export type ScheduledPostRow = Selectable<ScheduledPostsTable>;
export type PublishTargetRow = Selectable<PublishTargetsTable>;

export interface PostMedia {
  video: string | null;
  thumbnail: string | null;
  youtubeThumbnail: string | null;
  slides: string[];
}

const platformOrder: readonly Platform[] = ['instagram', 'facebook', 'youtube'];

export function targetFromRow(row: PublishTargetRow): PublishTarget {
  return {
    platform: row.platform,
    status: row.status,
    step: row.step,
    externalId: row.external_id,
    permalink: row.permalink,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    waitReason: row.wait_reason,
    error:
      row.last_error === null
        ? null
        : { message: row.last_error, code: row.error_code, suggestedFix: row.suggested_fix },
    publishedAt: row.published_at,
  };
}

export function itemFromRows(
  post: ScheduledPostRow & { brand_name: string; brand_colors: string; proposal_id: string | null },
  /** The post's own targets, in platform order (targetsOf). */
  own: readonly PublishTargetRow[],
): CalendarItem {
  return {
    scheduleId: post.schedule_id,
    jobId: post.job_id,
    proposalId: post.proposal_id,
    brandId: post.brand_id,
    brandName: post.brand_name,
    brandColor: (JSON.parse(post.brand_colors) as { primary: string }).primary,
    contentType: post.content_type,
    variant: post.variant,
    title: post.title,
    caption: post.caption,
    facebookCaption: post.facebook_caption,
    youtubeTitle: post.youtube_title,
    youtubeTitleSource: post.youtube_title_source,
    firstComment: post.first_comment,
    scheduledTime: post.scheduled_time,
    slotSource: post.slot_source,
    slotNote: post.slot_note,
    status: post.status,
    platforms: JSON.parse(post.platforms) as Platform[],
    targets: own.map(targetFromRow),
    media: JSON.parse(post.media) as PostMedia,
    editable: post.status !== 'cancelled' ? isEditable(own.map((t) => t.status)) : true,
    publishedAt: post.published_at,
    publishError: post.publish_error,
    createdAt: post.created_at,
    updatedAt: post.updated_at,
  };
}

/** A calendar item as the dashboard lists it (no captions or media). */
export function dashboardPostFromRows(
  post: Pick<
    ScheduledPostRow,
    'schedule_id' | 'brand_id' | 'content_type' | 'title' | 'scheduled_time' | 'status' | 'published_at'
  > & { brand_name: string; brand_colors: string },
  /** The post's own targets, in platform order (targetsOf). */
  own: readonly PublishTargetRow[],
): DashboardPost {
  return {
    scheduleId: post.schedule_id,
    brandId: post.brand_id,
    brandName: post.brand_name,
    brandColor: (JSON.parse(post.brand_colors) as { primary: string }).primary,
    contentType: post.content_type,
    title: post.title,
    scheduledTime: post.scheduled_time,
    status: post.status,
    publishedAt: post.published_at,
    targets: own.map((t) => ({ platform: t.platform, status: t.status, permalink: t.permalink })),
  };
}

/** Calendar items with their brand's name and colour and the proposal their render came from. */
export function postsQuery(db: Kysely<Database>) {
  return db
    .selectFrom('scheduled_posts as p')
    .innerJoin('brands as b', 'b.id', 'p.brand_id')
    .innerJoin('generation_jobs as j', 'j.job_id', 'p.job_id')
    .selectAll('p')
    .select(['b.display_name as brand_name', 'b.colors as brand_colors', 'j.proposal_id as proposal_id']);
}

/** The posts' publish targets by schedule id, each post's in platform order. */
export async function targetsOf(
  db: Kysely<Database>,
  scheduleIds: readonly string[],
): Promise<Map<string, PublishTargetRow[]>> {
  const bySchedule = new Map<string, PublishTargetRow[]>();
  if (scheduleIds.length === 0) return bySchedule;
  const rows = await db
    .selectFrom('publish_targets')
    .selectAll()
    .where('schedule_id', 'in', scheduleIds)
    .execute();
  rows.sort((a, b) => platformOrder.indexOf(a.platform) - platformOrder.indexOf(b.platform));
  for (const row of rows) {
    const own = bySchedule.get(row.schedule_id);
    if (own) own.push(row);
    else bySchedule.set(row.schedule_id, [row]);
  }
  return bySchedule;
}

/**
 * What holds a brand's time on the calendar: its scheduled and publishing items (a reel blocks
 * reels, a carousel blocks carousels), and its Instagram posts scheduled, publishing or published
 * (the rolling 24-hour limit counts them all). `except` leaves out the item being placed.
 */
export async function brandOccupancy(
  db: Kysely<Database>,
  brandId: string,
  since: Date,
  except: string | null,
): Promise<{ occupied: OccupiedSlot[]; instagramTimes: Date[] }> {
  let posts = db
    .selectFrom('scheduled_posts as p')
    .leftJoin('publish_targets as t', (join) =>
      join.onRef('t.schedule_id', '=', 'p.schedule_id').on('t.platform', '=', 'instagram'),
    )
    .select([
      'p.schedule_id',
      'p.content_type',
      'p.status',
      'p.scheduled_time',
      't.status as instagram_status',
      't.published_at as instagram_published_at',
    ])
    .where('p.brand_id', '=', brandId)
    .where('p.scheduled_time', '>=', new Date(since.getTime() - 86_400_000).toISOString());
  if (except) posts = posts.where('p.schedule_id', '!=', except);
  const rows = await posts.execute();
  const occupied: OccupiedSlot[] = [];
  const instagramTimes: Date[] = [];
  for (const row of rows) {
    if (row.status === 'scheduled' || row.status === 'publishing' || row.status === 'waiting') {
      occupied.push({
        at: new Date(row.scheduled_time),
        kind: row.content_type === 'reel' ? 'reel' : 'post',
      });
    }
    if (row.instagram_status === 'published') {
      instagramTimes.push(new Date(row.instagram_published_at ?? row.scheduled_time));
    } else if (
      row.instagram_status &&
      row.instagram_status !== 'cancelled' &&
      row.instagram_status !== 'failed'
    ) {
      instagramTimes.push(new Date(row.scheduled_time));
    }
  }
  return { occupied, instagramTimes };
}
