import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import type { ActivityEntry } from '../contract/activity';
import type { BurstKind, MaestroStatus } from '../contract/maestro';
import type { EventHub } from '../events/event-hub';
import { isoNow, type Clock } from '../ports/clock';
import type { Database } from '../store/database';

const PAUSED_KEY = 'is_paused';
const LAST_DAILY_RUN_KEY = 'last_daily_run_day';

/**
 * Pause/resume, persisted in maestro_config so the tray, the UI and a restart agree.
 * A fresh install starts paused: nothing is generated or published until the creator says so.
 */
export class MaestroState {
  /** The burst holding the runner, if any: it runs in this process only, so it is not stored. */
  private burst: BurstKind | null = null;
  /** The stored pause state as last read or written here (the only writer). */
  private known: Pick<MaestroStatus, 'paused' | 'changedAt'> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly activity: ActivityLog,
    private readonly events: EventHub,
  ) {}

  async status(): Promise<MaestroStatus> {
    const row = await this.db
      .selectFrom('maestro_config')
      .selectAll()
      .where('key', '=', PAUSED_KEY)
      .executeTakeFirst();
    this.known = { paused: row ? row.value !== 'false' : true, changedAt: row?.updated_at ?? null };
    return { ...this.known, ...this.burstFields() };
  }

  /**
   * The burst runner took (kind) or released (null) the runner. Said at the moment it happens,
   * not when the burst's last progress is announced (a moment later), so a view that enables
   * Burst now on this event is never refused by a runner that is still busy.
   */
  async setBurst(kind: BurstKind | null): Promise<void> {
    if (this.burst === kind) return;
    this.burst = kind;
    if (this.known) this.events.emit('maestro.state', { ...this.known, ...this.burstFields() });
    else this.events.emit('maestro.state', await this.status());
  }

  private burstFields(): Pick<MaestroStatus, 'burstRunning' | 'burstKind'> {
    return { burstRunning: this.burst !== null, burstKind: this.burst };
  }

  /** The local day (burst time zone) of the last completed daily burst, or null. */
  async lastDailyRunDay(): Promise<string | null> {
    const row = await this.db
      .selectFrom('maestro_config')
      .select('value')
      .where('key', '=', LAST_DAILY_RUN_KEY)
      .executeTakeFirst();
    return row?.value || null;
  }

  async setLastDailyRunDay(day: string | null): Promise<void> {
    const updated_at = isoNow(this.clock);
    const value = day ?? '';
    await this.db
      .insertInto('maestro_config')
      .values({ key: LAST_DAILY_RUN_KEY, value, updated_at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at }))
      .execute();
  }

  pause(): Promise<MaestroStatus> {
    return this.setPaused(true);
  }

  resume(): Promise<MaestroStatus> {
    return this.setPaused(false);
  }

  private async setPaused(paused: boolean): Promise<MaestroStatus> {
    const current = await this.status();
    if (current.paused === paused && current.changedAt !== null) return current;
    const updated_at = isoNow(this.clock);
    const value = paused ? 'true' : 'false';
    const pending: ActivityEntry[] = [];
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('maestro_config')
        .values({ key: PAUSED_KEY, value, updated_at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at }))
        .execute();
      pending.push(
        await this.activity.insert(trx, {
          agent: 'maestro',
          action: paused ? 'Paused' : 'Resumed',
          level: 'action',
          emoji: paused ? '⏸️' : '▶️',
        }),
      );
    });
    pending.forEach((e) => this.activity.announce(e));
    this.known = { paused, changedAt: updated_at };
    const status = { ...this.known, ...this.burstFields() };
    this.events.emit('maestro.state', status);
    return status;
  }
}
