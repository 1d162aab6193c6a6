import type { Kysely } from 'kysely';
import type { Database } from '../store/database';
import { postStatusOf } from './post-status';

/**
 * Recomputes a calendar item's status, publish time and error line from its platforms, inside
 * the caller's transaction: called after every change to one of its targets.
 */
export async function refreshPostStatus(
  trx: Kysely<Database>,
  scheduleId: string,
  now: string,
): Promise<void> {
  const targets = await trx
    .selectFrom('publish_targets')
    .select(['platform', 'status', 'published_at', 'last_error'])
    .where('schedule_id', '=', scheduleId)
    .execute();
  const status = targets.length === 0 ? 'waiting' : postStatusOf(targets.map((t) => t.status));
  const publishedAt = targets
    .map((t) => t.published_at)
    .filter((t): t is string => t !== null)
    .sort()
    .pop();
  const errors = targets
    .filter((t) => t.status === 'failed' && t.last_error)
    .map((t) => `${t.platform}: ${t.last_error}`);
  await trx
    .updateTable('scheduled_posts')
    .set({
      status,
      published_at: publishedAt ?? null,
      publish_error: errors.length ? errors.join('; ') : null,
      updated_at: now,
    })
    .where('schedule_id', '=', scheduleId)
    .execute();
}
