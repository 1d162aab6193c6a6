import { diagnosticsDefaults } from '../defaults';
import { HOUR_MS, MINUTE_MS } from '../../ports/clock';
import { plural } from '../../wording';
import { listSome, type SystemCheck, type Verdict } from './check';

export interface PublishingFacts {
  paused: boolean;
  /** Platform connections in working order, of active brands. */
  connected: number;
  /** "brand/platform" of connections whose token was refused or ran out. */
  expired: readonly string[];
  upcoming: number;
  /** Posts still "scheduled" well after their time: the publisher never picked them up. */
  overdue: number;
  published: number;
  failed: number;
  lastError: string | null;
}

/**
 * Reference §5.2 #8, adapted: an empty day ahead only matters while Maestro writes and some brand
 * can publish (the original warned paused or not, connected or not); a week of only failures
 * fails; expired connections and posts the publisher left behind warn.
 */
export function judgePublishing(f: PublishingFacts): Verdict {
  const { upcomingHours, failedWindowDays, failedWarnAbove, failAtLeast, overdueMinutes } =
    diagnosticsDefaults.publishing;
  const last = f.lastError ? ` The last error: ${f.lastError.slice(0, 200)}` : '';
  const summary =
    `${f.upcoming} due in ${upcomingHours} h, ${f.published} published and ${f.failed} failed in ${failedWindowDays} d` +
    (f.connected === 0 ? '; no brand connected yet' : '');
  if (f.failed >= failAtLeast && f.published === 0)
    return { status: 'fail', detail: `${summary}: nothing went out, every attempt failed.${last}` };
  const issues: string[] = [];
  if (f.failed > failedWarnAbove) issues.push(`${plural(f.failed, 'platform attempt')} failed this week`);
  if (f.expired.length)
    issues.push(
      `reconnect ${listSome(f.expired, 3)} in Brands (the token was refused or ran out; its posts wait)`,
    );
  if (f.overdue)
    issues.push(
      `${plural(f.overdue, 'post')} still not out ${overdueMinutes} min after ${f.overdue === 1 ? 'its' : 'their'} time`,
    );
  if (f.upcoming === 0 && !f.paused && f.connected > 0)
    issues.push(`nothing scheduled for the next ${upcomingHours} h`);
  if (issues.length) return { status: 'warn', detail: `${summary}: ${issues.join('; ')}.${last}` };
  return { status: 'pass', detail: `${summary}.` };
}

export const publishingPipelineCheck: SystemCheck = {
  name: 'publishing_pipeline',
  async run(ctx) {
    const { db, now } = ctx;
    const { upcomingHours, failedWindowDays, overdueMinutes } = diagnosticsDefaults.publishing;
    const iso = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();
    const weekAgo = iso(-failedWindowDays * 24 * HOUR_MS);
    const countPosts = (from: string, to: string) =>
      db
        .selectFrom('scheduled_posts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'scheduled')
        .where('scheduled_time', '>=', from)
        .where('scheduled_time', '<', to)
        .executeTakeFirstOrThrow();
    const [maestro, connections, upcoming, overdue, published, failed] = await Promise.all([
      ctx.maestro(),
      db
        .selectFrom('platform_connections as c')
        .innerJoin('brands as b', 'b.id', 'c.brand_id')
        .select(['c.brand_id', 'c.platform', 'c.status'])
        .where('b.active', '=', 1)
        .where('b.deleted_at', 'is', null)
        .execute(),
      countPosts(now.toISOString(), iso(upcomingHours * HOUR_MS)),
      countPosts('', iso(-overdueMinutes * MINUTE_MS)),
      db
        .selectFrom('publish_targets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'published')
        .where('published_at', '>=', weekAgo)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('publish_targets')
        .select(['last_error'])
        .where('status', '=', 'failed')
        .where('updated_at', '>=', weekAgo)
        .orderBy('updated_at', 'desc')
        .execute(),
    ]);
    return judgePublishing({
      paused: maestro.paused,
      connected: connections.filter((c) => c.status === 'connected').length,
      expired: connections.filter((c) => c.status === 'expired').map((c) => `${c.brand_id}/${c.platform}`),
      upcoming: Number(upcoming.n),
      overdue: Number(overdue.n),
      published: Number(published.n),
      failed: failed.length,
      lastError: failed[0]?.last_error ?? null,
    });
  },
};
