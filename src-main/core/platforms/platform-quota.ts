import { sql, type Kysely } from 'kysely';
import { pacificDayStart } from '../analytics/youtube-budget';
import type { PlatformQuota } from '../contract/dashboard';
import { nextPacificMidnight } from '../publish/backoff';
import { scheduleDefaults } from '../schedule/defaults';
import type { Database } from '../store/database';
import { HOUR_MS } from '../ports/clock';

/** The platforms' limits the dashboard measures use against (shared/reference/platform-apis.md). */
export const platformQuotaDefaults = {
  /** §1.6: API-published posts per Instagram professional account per rolling 24 h (the calendar keeps to it). */
  instagramPostsPerWindow: scheduleDefaults.instagramLimit,
  /** §4: API-published reels per Facebook Page per rolling 24 h (photo posts are not counted). */
  facebookReelsPerWindow: 30,
  windowMs: scheduleDefaults.rollingWindowHours * HOUR_MS,
  /** §5.2: a Google Cloud project's default YouTube Data API allocation, reset at midnight Pacific. */
  youtubeUnitsPerDay: 10_000,
  /**
   * Units per call by the operation names the YouTube client records. videos.insert is charged
   * at the older page's 1,600 (the current page moves it to a bucket of its own, which a project
   * may not have yet): the dashboard would rather warn early than late. The PUTs that carry the
   * bytes and ask where an upload stands go to the session address and are not API calls.
   */
  youtubeUnitCosts: {
    'videos.insert.start': 1_600,
    'videos.insert.upload': 0,
    'videos.insert.status': 0,
    'thumbnails.set': 50,
    'commentThreads.insert': 50,
  } as Readonly<Record<string, number>>,
  /** §5.2: every other call (lists and reads) costs 1, and so does any request Google refused. */
  youtubeOtherUnitCost: 1,
} as const;

/** api_usage rows of one operation and outcome, counted. */
export interface UsageCount {
  operation: string;
  outcome: string;
  calls: number;
}

/**
 * YouTube units spent by these calls. A call that never reached Google (offline) costs
 * nothing; a refused one costs 1 (§5.2: "every request, even invalid, costs at least 1"),
 * except on the upload session, which is not charged at all.
 */
export function youtubeUnitsOf(counts: readonly UsageCount[]): number {
  const { youtubeUnitCosts, youtubeOtherUnitCost } = platformQuotaDefaults;
  let units = 0;
  for (const { operation, outcome, calls } of counts) {
    if (outcome === 'offline') continue;
    const cost = youtubeUnitCosts[operation] ?? youtubeOtherUnitCost;
    units += calls * (outcome === 'ok' ? cost : Math.min(cost, youtubeOtherUnitCost));
  }
  return units;
}

export interface PublishedOn {
  brandId: string;
  brandName: string;
  publishedAt: string;
}

/**
 * The account closest to a rolling limit: the most posts published in the window (now − window,
 * now], ties to the brand id first in order; its use goes down when its oldest post in the
 * window leaves it. Null when nothing was published in the window.
 */
export function busiestAccount(
  published: readonly PublishedOn[],
  now: Date,
  windowMs: number,
): { brandId: string; brandName: string; used: number; resetsAt: string } | null {
  const since = now.getTime() - windowMs;
  const byBrand = new Map<string, { brandName: string; times: number[] }>();
  for (const post of published) {
    const at = Date.parse(post.publishedAt);
    if (!(at > since && at <= now.getTime())) continue;
    const entry = byBrand.get(post.brandId) ?? { brandName: post.brandName, times: [] };
    entry.times.push(at);
    byBrand.set(post.brandId, entry);
  }
  let best: { brandId: string; brandName: string; times: number[] } | null = null;
  for (const brandId of [...byBrand.keys()].sort()) {
    const entry = byBrand.get(brandId)!;
    if (!best || entry.times.length > best.times.length) best = { brandId, ...entry };
  }
  if (!best) return null;
  return {
    brandId: best.brandId,
    brandName: best.brandName,
    used: best.times.length,
    resetsAt: new Date(Math.min(...best.times) + windowMs).toISOString(),
  };
}

function rollingQuota(
  platform: 'instagram' | 'facebook',
  published: readonly PublishedOn[],
  now: Date,
): PlatformQuota {
  const { windowMs } = platformQuotaDefaults;
  const instagram = platform === 'instagram';
  const limit = instagram
    ? platformQuotaDefaults.instagramPostsPerWindow
    : platformQuotaDefaults.facebookReelsPerWindow;
  const what = instagram ? 'posts' : 'reels';
  const hours = windowMs / HOUR_MS;
  const busiest = busiestAccount(published, now, windowMs);
  return {
    platform,
    measure: instagram ? 'instagram_posts_24h' : 'facebook_reels_24h',
    used: busiest?.used ?? 0,
    limit,
    brandId: busiest?.brandId ?? null,
    brandName: busiest?.brandName ?? null,
    resetsAt: busiest?.resetsAt ?? null,
    detail: busiest
      ? `${busiest.used} of ${limit} ${what} in ${hours} h on ${busiest.brandName}, the busiest ${instagram ? 'account' : 'Page'}`
      : `No ${what} published in the last ${hours} h (${limit} per ${instagram ? 'account' : 'Page'})`,
  };
}

/** Reads what each platform's limit counts, from this app's own records. */
export class PlatformQuotaReader {
  constructor(private readonly db: Kysely<Database>) {}

  async quotas(now: Date): Promise<PlatformQuota[]> {
    const since = new Date(now.getTime() - platformQuotaDefaults.windowMs);
    const [instagram, facebook, youtubeUnits] = await Promise.all([
      this.publishedSince('instagram', since),
      this.publishedSince('facebook', since, 'reel'),
      this.youtubeUnitsToday(now),
    ]);
    const limit = platformQuotaDefaults.youtubeUnitsPerDay;
    return [
      rollingQuota('instagram', instagram, now),
      rollingQuota('facebook', facebook, now),
      {
        platform: 'youtube',
        measure: 'youtube_units_day',
        used: youtubeUnits,
        limit,
        brandId: null,
        brandName: null,
        resetsAt: nextPacificMidnight(now).toISOString(),
        detail: `${youtubeUnits.toLocaleString('en-US')} of ${limit.toLocaleString('en-US')} API units today (Pacific time), shared by every brand`,
      },
    ];
  }

  /**
   * Posts published on one platform since `since`. A calendar item's published_at is its latest
   * platform's, so every platform published in the window belongs to an item found by that
   * index range (migration 016), and each item's target is then read by its key.
   */
  private async publishedSince(
    platform: 'instagram' | 'facebook',
    since: Date,
    contentType?: 'reel',
  ): Promise<PublishedOn[]> {
    const rows = await this.db
      .selectFrom('scheduled_posts as p')
      .innerJoin('publish_targets as t', (join) =>
        join.onRef('t.schedule_id', '=', 'p.schedule_id').on('t.platform', '=', platform),
      )
      .innerJoin('brands as b', 'b.id', 'p.brand_id')
      .select(['p.brand_id', 'b.display_name', 't.published_at'])
      .where('p.published_at', '>=', since.toISOString())
      // Unary + keeps the planner off publish_targets_by_status, which would walk every
      // target ever published instead of the window's posts.
      .where(sql<string>`+${sql.ref('t.status')}`, '=', 'published')
      .where('t.published_at', '>=', since.toISOString())
      .$if(contentType !== undefined, (q) => q.where('p.content_type', '=', contentType!))
      .execute();
    return rows.map((r) => ({
      brandId: r.brand_id,
      brandName: r.display_name,
      publishedAt: r.published_at!,
    }));
  }

  private async youtubeUnitsToday(now: Date): Promise<number> {
    const rows = await this.db
      .selectFrom('api_usage')
      .select(['operation', 'outcome', (eb) => eb.fn.countAll<number>().as('calls')])
      .where('service', '=', 'youtube')
      .where('created_at', '>=', pacificDayStart(now).toISOString())
      .groupBy(['operation', 'outcome'])
      .execute();
    return youtubeUnitsOf(rows.map((r) => ({ ...r, calls: Number(r.calls) })));
  }
}
