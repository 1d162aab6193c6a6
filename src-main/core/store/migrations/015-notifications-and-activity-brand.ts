import { sql, type Kysely } from 'kysely';

/**
 * Notifications as an outbox (issue 11): a row is written in the same transaction as the change
 * that calls for it (a burst finished, a publish failed for good, a token about to expire…), and
 * a drainer delivers each row once after the commit, natively on the desktop and as a toast in
 * the page. `dedupe_key` makes each fact notify once (a token's expiry once per connection and
 * expiry date, a burst once); `shown` records whether its kind was on when it was delivered
 * (0: recorded but kept quiet by Settings).
 *
 * The activity log gets the brand an entry concerns (null when none or unknown), so the feed can
 * be filtered by brand as it is by agent and level; each filter reads its own index newest first.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE notifications (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN
        ('burst_finished', 'publish_failed', 'token_expiry', 'render_failed', 'diagnostics_critical')),
      severity TEXT NOT NULL CHECK (severity IN ('info', 'error')),
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      route TEXT NOT NULL,
      dedupe_key TEXT NOT NULL,
      brand_id TEXT,
      created_at TEXT NOT NULL,
      delivered_at TEXT,
      shown INTEGER CHECK (shown IN (0, 1)),
      read_at TEXT
    ) STRICT`.execute(db);
  await sql`CREATE UNIQUE INDEX notifications_by_dedupe_key ON notifications(dedupe_key)`.execute(db);
  await sql`CREATE INDEX notifications_by_undelivered ON notifications(id) WHERE delivered_at IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX notifications_by_unread ON notifications(id) WHERE read_at IS NULL`.execute(db);

  await sql`ALTER TABLE activity_log ADD COLUMN brand_id TEXT`.execute(db);
  await sql`CREATE INDEX activity_log_by_brand ON activity_log(brand_id, id)`.execute(db);
  await sql`CREATE INDEX activity_log_by_agent ON activity_log(agent, id)`.execute(db);
  await sql`CREATE INDEX activity_log_by_level ON activity_log(level, id)`.execute(db);
}
