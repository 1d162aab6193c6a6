import { sql, type Kysely } from 'kysely';

/**
 * Calendar items by when they were published, for the dashboard's "published today" and the
 * platforms' rolling 24-hour limits. Without it both read every published post ever made (by
 * status), which grows by a few dozen a day; with it they read today's, whatever the history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX scheduled_posts_by_published ON scheduled_posts(published_at)`.execute(db);
}
