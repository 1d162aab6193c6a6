import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import type { AppNotification } from '../contract/notifications';
import type { EventHub } from '../events/event-hub';
import { isoNow, type Clock } from '../ports/clock';
import type { Notifier } from '../ports/notifier';
import type { SettingsService } from '../settings/settings-service';
import type { Database } from '../store/database';
import { notificationDefaults, notificationSettingOf } from './defaults';
import { notificationFromRow, writeNotification, type NotificationOutbox } from './notification-outbox';
import type { NotificationDraft } from './notification-texts';

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  events: EventHub;
  notifier: Notifier;
  settings: SettingsService;
  activity: ActivityLog;
}

/**
 * The notifications outbox and its drainer. Causes write rows inside their own transactions
 * (`write`) and wake the drainer after the commit; the drainer takes each undelivered row in
 * order, claims it with one conditional update (so two drains, or a drain racing a restart,
 * never deliver it twice), then shows it through the notifier when its kind is on in Settings
 * and announces it on the `notification` stream (the page's bell, and its toast in a browser
 * tab). A kind that is off is delivered quietly: listed, already read, never shown. Rows left
 * undelivered by a stop are delivered at the next start.
 */
export class NotificationCenter implements NotificationOutbox {
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(private readonly deps: Deps) {}

  write(trx: Kysely<Database>, draft: NotificationDraft): Promise<boolean> {
    return writeNotification(trx, isoNow(this.deps.clock), draft);
  }

  /**
   * For a cause with no transaction of its own to join (a check that only observes): writes the
   * row alone and wakes the drainer. False when the same fact was already notified.
   */
  async record(draft: NotificationDraft): Promise<boolean> {
    const written = await this.deps.db.transaction().execute((trx) => this.write(trx, draft));
    if (written) this.wake();
    return written;
  }

  /** Drains soon; a wake while a drain runs makes it look again once it ends. */
  wake(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.drain();
      } while (this.again && !this.closed);
    })()
      .catch((error: unknown) => console.error('delivering notifications failed:', error))
      .finally(() => {
        this.running = null;
      });
  }

  /** Waits until no drain is running (tests, and close). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /** No more drains; the one running finishes. What is left is delivered at the next start. */
  async close(): Promise<void> {
    this.closed = true;
    await this.settled();
  }

  /** Delivers every undelivered row, oldest first; returns how many this call delivered. */
  async drain(): Promise<number> {
    const { db, clock } = this.deps;
    const { values } = await this.deps.settings.values();
    let delivered = 0;
    for (;;) {
      const rows = await db
        .selectFrom('notifications')
        .selectAll()
        .where('delivered_at', 'is', null)
        .orderBy('id')
        .limit(notificationDefaults.drainBatch)
        .execute();
      if (rows.length === 0) return delivered;
      for (const row of rows) {
        if (this.closed) return delivered;
        const shown = values[notificationSettingOf[row.kind]] === true;
        const now = isoNow(clock);
        const claim = await db
          .updateTable('notifications')
          // A quiet one is read already: it is listed, and never counts on the bell.
          .set({ delivered_at: now, shown: shown ? 1 : 0, ...(shown ? {} : { read_at: now }) })
          .where('id', '=', row.id)
          .where('delivered_at', 'is', null)
          .executeTakeFirst();
        if (Number(claim.numUpdatedRows) !== 1) continue;
        const notification = notificationFromRow({
          ...row,
          delivered_at: now,
          shown: shown ? 1 : 0,
          read_at: shown ? row.read_at : now,
        });
        if (shown) await this.show(notification);
        this.deps.events.emit('notification', notification);
        delivered++;
      }
    }
  }

  /** Newest first, a page at a time, with the unread count for the bell. */
  async list(options: { limit?: number; beforeId?: number; unreadOnly?: boolean } = {}): Promise<{
    items: AppNotification[];
    unread: number;
  }> {
    const rows = await this.deps.db
      .selectFrom('notifications')
      .selectAll()
      .$if(options.beforeId !== undefined, (q) => q.where('id', '<', options.beforeId!))
      .$if(options.unreadOnly === true, (q) => q.where('read_at', 'is', null))
      .orderBy('id', 'desc')
      .limit(options.limit ?? notificationDefaults.pageSize)
      .execute();
    return { items: rows.map(notificationFromRow), unread: await this.unreadCount() };
  }

  /** Marks these (or every unread) notifications read. */
  async markRead(ids?: readonly number[]): Promise<{ marked: number; unread: number }> {
    const result = await this.deps.db
      .updateTable('notifications')
      .set({ read_at: isoNow(this.deps.clock) })
      .where('read_at', 'is', null)
      .$if(ids !== undefined, (q) => q.where('id', 'in', ids!))
      .executeTakeFirst();
    const marked = Number(result.numUpdatedRows);
    if (marked > 0) this.deps.events.emit('data.changed', { entity: 'notifications' });
    return { marked, unread: await this.unreadCount() };
  }

  private async unreadCount(): Promise<number> {
    const row = await this.deps.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** A notifier that fails loses only that one banner: the row stays listed, and the log says why. */
  private async show(notification: AppNotification): Promise<void> {
    try {
      this.deps.notifier.notify({
        id: notification.id,
        kind: notification.kind,
        severity: notification.severity,
        title: notification.title,
        body: notification.body,
        route: notification.route,
      });
    } catch (error) {
      console.error('showing a notification failed:', error);
      await this.deps.activity
        .record({
          action: 'Could not show a notification',
          detail: `${notification.title}: ${error instanceof Error ? error.message : String(error)}`,
          level: 'error',
          emoji: '🔕',
        })
        .catch(() => undefined);
    }
  }
}
