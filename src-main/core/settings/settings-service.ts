import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import type { ActivityEntry } from '../contract/activity';
import {
  settingsValuesSchema,
  type SettingKey,
  type SettingsValues,
  type SettingsView,
} from '../contract/settings';
import type { EventHub } from '../events/event-hub';
import { isoNow, type Clock } from '../ports/clock';
import type { SecretStore } from '../secrets/secret-store';
import type { Database } from '../store/database';
import { settingsDefaults, settingsFromEnvironment } from './defaults';

type SettingSource = 'default' | 'saved' | 'environment';

interface Deps {
  /** Environment variables that may override settings (process.env in the app). */
  env?: Readonly<Record<string, string | undefined>>;
  db: Kysely<Database>;
  clock: Clock;
  secrets: SecretStore;
  activity: ActivityLog;
  events: EventHub;
}

/** Defaults in code, the user's overrides in app_settings (one JSON value per key). */
export class SettingsService {
  constructor(private readonly deps: Deps) {}

  async values(): Promise<{ values: SettingsValues; sources: Record<string, SettingSource> }> {
    const rows = await this.deps.db.selectFrom('app_settings').selectAll().execute();
    const values: Record<string, unknown> = { ...settingsDefaults };
    const sources: Record<string, SettingSource> = {};
    for (const key of Object.keys(settingsDefaults)) sources[key] = 'default';
    for (const row of rows) {
      if (!(row.key in settingsDefaults)) continue;
      // A value that no longer validates (e.g. written by an older build) falls back to the default.
      const parsed = settingsValuesSchema.shape[row.key as SettingKey].safeParse(JSON.parse(row.value));
      if (parsed.success) {
        values[row.key] = parsed.data;
        sources[row.key] = 'saved';
      }
    }
    for (const [key, variable] of Object.entries(settingsFromEnvironment)) {
      const raw = this.deps.env?.[variable];
      if (!raw) continue;
      const parsed = settingsValuesSchema.shape[key as SettingKey].safeParse(raw);
      if (parsed.success) {
        values[key] = parsed.data;
        sources[key] = 'environment';
      }
    }
    return { values: values as SettingsValues, sources };
  }

  async view(): Promise<SettingsView> {
    const { values, sources } = await this.values();
    return {
      values,
      sources,
      secrets: {
        llmApiKey: await this.deps.secrets.has('llm.apiKey'),
        imagesApiKey: await this.deps.secrets.has('images.apiKey'),
        metaAppSecret: await this.deps.secrets.has('meta.appSecret'),
        googleClientSecret: await this.deps.secrets.has('google.clientSecret'),
        mediaHostSecretKey: await this.deps.secrets.has('mediaHost.secretAccessKey'),
      },
      secretProtection: this.deps.secrets.protection,
    };
  }

  async set(changes: Partial<SettingsValues>): Promise<SettingsView> {
    const { db, clock } = this.deps;
    const pending: ActivityEntry[] = [];
    await db.transaction().execute(async (trx) => {
      const updated_at = isoNow(clock);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) continue;
        const json = JSON.stringify(value);
        await trx
          .insertInto('app_settings')
          .values({ key, value: json, updated_at })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at }))
          .execute();
      }
      pending.push(
        await this.deps.activity.insert(trx, {
          action: 'Settings changed',
          detail: Object.keys(changes).join(', '),
          level: 'data',
          emoji: '⚙️',
        }),
      );
    });
    pending.forEach((e) => this.deps.activity.announce(e));
    this.deps.events.emit('data.changed', { entity: 'settings' });
    return this.view();
  }
}
