import type { Kysely, Selectable } from 'kysely';
import type { Connection, Platform } from '../contract/publishing';
import { refreshPostStatus } from '../schedule/post-transitions';
import type { Database, PlatformConnectionsTable } from '../store/database';

export type ConnectionRow = Selectable<PlatformConnectionsTable>;

/** Why a platform's posts wait for the creator (publish_targets.wait_reason). */
export type ConnectionWaitReason = 'connection_expired' | 'not_connected';

export function connectionFromRow(
  brandId: string,
  platform: Platform,
  row: ConnectionRow | undefined,
): Connection {
  if (!row) {
    return {
      brandId,
      platform,
      status: 'not_connected',
      accountId: null,
      accountName: null,
      expiresAt: null,
      lastError: null,
      connectedAt: null,
      checkedAt: null,
    };
  }
  return {
    brandId,
    platform,
    status: row.status,
    accountId: row.account_id,
    accountName: row.account_name,
    expiresAt: row.expires_at,
    lastError: row.last_error,
    connectedAt: row.connected_at,
    checkedAt: row.checked_at,
  };
}

export function connectionRowsOf(
  db: Kysely<Database>,
  brandIds: readonly string[],
): Promise<ConnectionRow[]> {
  if (brandIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('platform_connections').selectAll().where('brand_id', 'in', brandIds).execute();
}

export function findConnectionRow(
  db: Kysely<Database>,
  brandId: string,
  platform: Platform,
): Promise<ConnectionRow | undefined> {
  return db
    .selectFrom('platform_connections')
    .selectAll()
    .where('brand_id', '=', brandId)
    .where('platform', '=', platform)
    .executeTakeFirst();
}

/** A fresh connection (or a reconnect): connected, no error, checked now. */
export async function writeConnectedRow(
  trx: Kysely<Database>,
  row: {
    brandId: string;
    platform: Platform;
    accountId: string;
    accountName: string;
    expiresAt: string | null;
  },
  now: string,
): Promise<void> {
  const values = {
    account_id: row.accountId,
    account_name: row.accountName,
    status: 'connected' as const,
    last_error: null,
    expires_at: row.expiresAt,
    connected_at: now,
    checked_at: now,
    updated_at: now,
  };
  await trx
    .insertInto('platform_connections')
    .values({ brand_id: row.brandId, platform: row.platform, ...values })
    .onConflict((oc) => oc.columns(['brand_id', 'platform']).doUpdateSet(values))
    .execute();
}

export async function deleteConnectionRow(
  trx: Kysely<Database>,
  brandId: string,
  platform: Platform,
): Promise<boolean> {
  const result = await trx
    .deleteFrom('platform_connections')
    .where('brand_id', '=', brandId)
    .where('platform', '=', platform)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/**
 * Expires a connection still live, in one conditional update: true when it changed, so a
 * second report of the same refusal changes nothing.
 */
export async function expireConnectionRow(
  trx: Kysely<Database>,
  brandId: string,
  platform: Platform,
  reason: string,
  now: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('platform_connections')
    .set({ status: 'expired', last_error: reason.slice(0, 500), updated_at: now })
    .where('brand_id', '=', brandId)
    .where('platform', '=', platform)
    .where('status', '!=', 'expired')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

function brandPosts(trx: Kysely<Database>, brandId: string) {
  return trx.selectFrom('scheduled_posts').select('schedule_id').where('brand_id', '=', brandId);
}

/**
 * The brand's posts that have not started on these platforms wait for the creator: every
 * 'scheduled' target becomes 'waiting' with the reason, and each post's status follows.
 * Returns how many targets were held.
 */
export async function holdTargets(
  trx: Kysely<Database>,
  brandId: string,
  platforms: readonly Platform[],
  reason: ConnectionWaitReason,
  now: string,
): Promise<number> {
  if (platforms.length === 0) return 0;
  const held = await trx
    .updateTable('publish_targets')
    .set({ status: 'waiting', wait_reason: reason, next_attempt_at: null, updated_at: now })
    .where('platform', 'in', platforms)
    .where('status', '=', 'scheduled')
    .where('schedule_id', 'in', brandPosts(trx, brandId))
    .returning('schedule_id')
    .execute();
  for (const scheduleId of new Set(held.map((r) => r.schedule_id)))
    await refreshPostStatus(trx, scheduleId, now);
  return held.length;
}

/** The reverse on a (re)connect: targets held for the connection are scheduled again. */
export async function releaseTargets(
  trx: Kysely<Database>,
  brandId: string,
  platforms: readonly Platform[],
  now: string,
): Promise<number> {
  if (platforms.length === 0) return 0;
  const released = await trx
    .updateTable('publish_targets')
    .set({ status: 'scheduled', wait_reason: null, next_attempt_at: null, updated_at: now })
    .where('platform', 'in', platforms)
    .where('status', '=', 'waiting')
    .where('wait_reason', 'in', ['connection_expired', 'not_connected'])
    .where('schedule_id', 'in', brandPosts(trx, brandId))
    .returning('schedule_id')
    .execute();
  for (const scheduleId of new Set(released.map((r) => r.schedule_id)))
    await refreshPostStatus(trx, scheduleId, now);
  return released.length;
}
