import type { Kysely } from 'kysely';
import type { Platform } from '../contract/publishing';
import { notificationDefaults } from '../notifications/defaults';
import type { NotificationOutbox } from '../notifications/notification-outbox';
import { tokenExpiringNotice } from '../notifications/notification-texts';
import type { Clock } from '../ports/clock';
import type { Database } from '../store/database';
import type { TokenProvider } from './connections-service';
import { loginExpiredReason } from './connections-context';
import { DAY_MS } from '../ports/clock';

export type ExpiryState = 'live' | 'expiring' | 'expired';

/** Where a login stands at `now`: past its expiry, within the warning window, or fine. */
export function expiryStateOf(expiresAt: string | null, now: Date, warnDays: number): ExpiryState {
  if (expiresAt === null) return 'live';
  const left = Date.parse(expiresAt) - now.getTime();
  if (left <= 0) return 'expired';
  return left <= warnDays * DAY_MS ? 'expiring' : 'live';
}

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  connections: Pick<TokenProvider, 'markExpired'>;
  notifications: NotificationOutbox;
  warnDays?: number;
}

/**
 * Looks at every live connection with a known expiry (Meta's ~60-day login; Google's refresh
 * tokens have none): one past its date is expired now — its posts held and the creator told, as
 * when a platform refuses the token — and one within the warning window is announced, once per
 * connection and expiry date. The check cycle runs it.
 */
export class TokenExpiryWatch {
  constructor(private readonly deps: Deps) {}

  async run(now: Date = this.deps.clock.now()): Promise<{ warned: number; expired: number }> {
    const warnDays = this.deps.warnDays ?? notificationDefaults.tokenWarningDays;
    const horizon = new Date(now.getTime() + warnDays * DAY_MS).toISOString();
    const rows = await this.deps.db
      .selectFrom('platform_connections as c')
      .innerJoin('brands as b', 'b.id', 'c.brand_id')
      .select(['c.brand_id', 'c.platform', 'c.expires_at', 'b.display_name'])
      .where('c.status', '!=', 'expired')
      .where('c.expires_at', 'is not', null)
      .where('c.expires_at', '<=', horizon)
      .where('b.deleted_at', 'is', null)
      .orderBy('c.expires_at')
      .execute();
    let warned = 0;
    let expired = 0;
    for (const row of rows) {
      const state = expiryStateOf(row.expires_at, now, warnDays);
      const platform = row.platform as Platform;
      if (state === 'expired') {
        const reason = loginExpiredReason(row.expires_at!);
        if ((await this.deps.connections.markExpired(row.brand_id, platform, reason)).expired) expired++;
      } else if (state === 'expiring') {
        const written = await this.deps.db.transaction().execute((trx) =>
          this.deps.notifications.write(
            trx,
            tokenExpiringNotice({
              brandId: row.brand_id,
              brandName: row.display_name,
              platform,
              expiresAt: row.expires_at!,
              now,
            }),
          ),
        );
        if (written) warned++;
      }
    }
    if (warned > 0) this.deps.notifications.wake();
    return { warned, expired };
  }
}
