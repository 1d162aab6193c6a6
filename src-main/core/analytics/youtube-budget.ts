import type { Kysely } from 'kysely';
import { addDays, wallTimeOf, zonedInstant } from '../schedule/local-wall-time';
import type { Database } from '../store/database';
import { StopPlatform } from './platform-access';

const PACIFIC = 'America/Los_Angeles';

/** The last midnight Pacific time (YouTube's quota day, DST included) at or before `now`. */
export function pacificDayStart(now: Date): Date {
  const today = wallTimeOf(now, PACIFIC).date;
  const midnight = zonedInstant(today, '00:00', PACIFIC).at;
  return midnight.getTime() <= now.getTime()
    ? midnight
    : zonedInstant(addDays(today, -1), '00:00', PACIFIC).at;
}

/**
 * The learning loop's share of YouTube's daily quota: every read it made today (Pacific) is a row
 * of api_usage (operations `analytics.*`, 1 unit each), so the count survives a restart, and a
 * read that would pass the share waits for the next day, leaving the rest for uploads.
 */
export class YouTubeReadBudget {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly unitsPerDay: number,
  ) {}

  async spent(now: Date): Promise<number> {
    const row = await this.db
      .selectFrom('api_usage')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('service', '=', 'youtube')
      .where('operation', 'like', 'analytics.%')
      .where('created_at', '>=', pacificDayStart(now).toISOString())
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Throws StopPlatform('quota') when one more unit would pass today's share. */
  async allowOne(now: Date): Promise<void> {
    if ((await this.spent(now)) + 1 > this.unitsPerDay) {
      throw new StopPlatform(
        'quota',
        `The ${this.unitsPerDay} YouTube units a day kept for analytics are spent; reads resume after midnight Pacific time.`,
      );
    }
  }
}
