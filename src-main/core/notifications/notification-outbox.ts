import type { Kysely, Selectable } from 'kysely';
import type { AppNotification } from '../contract/notifications';
import type { Database, NotificationsTable } from '../store/database';
import { notificationDefaults } from './defaults';
import type { NotificationDraft } from './notification-texts';

/**
 * What a change that calls for a notification needs: `write` inside its own transaction (the row
 * commits with the change or not at all), then `wake` after the commit so the drainer delivers it
 * now rather than at the next start or check. A lost wake only delays; it never loses a row.
 */
export interface NotificationOutbox {
  write(trx: Kysely<Database>, draft: NotificationDraft): Promise<boolean>;
  wake(): void;
}

/**
 * Writes one outbox row in the caller's transaction. True when it is new; a draft whose dedupe
 * key is already there (the same fact told twice) changes nothing and returns false.
 */
export async function writeNotification(
  trx: Kysely<Database>,
  now: string,
  draft: NotificationDraft,
): Promise<boolean> {
  const result = await trx
    .insertInto('notifications')
    .values({
      kind: draft.kind,
      severity: draft.severity,
      title: draft.title.slice(0, notificationDefaults.maxTitleLength),
      body: draft.body.slice(0, notificationDefaults.maxBodyLength),
      route: draft.route,
      dedupe_key: draft.dedupeKey,
      brand_id: draft.brandId ?? null,
      created_at: now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export function notificationFromRow(row: Selectable<NotificationsTable>): AppNotification {
  return {
    id: row.id,
    kind: row.kind,
    severity: row.severity,
    title: row.title,
    body: row.body,
    route: row.route,
    brandId: row.brand_id,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
    shown: row.shown === 1,
    readAt: row.read_at,
  };
}
