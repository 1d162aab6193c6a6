import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import { findBrandRow, type BrandRow } from '../brands/brands-repository';
import type { ActivityEntry } from '../contract/activity';
import { AppError } from '../contract/errors';
import type { EventHub } from '../events/event-hub';
import type { GoogleClientCredentials } from '../platforms/google-oauth';
import type { NotificationOutbox } from '../notifications/notification-outbox';
import type { Fetch } from '../platforms/http-call';
import type { Clock } from '../ports/clock';
import type { SecretCipher } from '../ports/secret-cipher';
import { SecretStore } from '../secrets/secret-store';
import type { SettingsService } from '../settings/settings-service';
import type { Database } from '../store/database';
import type { MetaApp } from './meta-accounts';
import { appSecretKeys } from './tokens';

/** What the connection modules share. */
export interface ConnectionsDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** The cipher behind `secrets`: tokens are written inside the connection's own transaction. */
  cipher: SecretCipher;
  secrets: SecretStore;
  settings: SettingsService;
  activity: ActivityLog;
  events: EventHub;
  /** Test seam for outbound HTTP (tests use real HTTP to fakes; this stays unset). */
  fetch?: Fetch;
  /** An expired connection (and one about to expire) is notified once per connection. */
  notifications?: NotificationOutbox;
}

/** The date part of an ISO time, as activity entries show it. */
export function day(iso: string): string {
  return iso.slice(0, 10);
}

/** Why a Meta connection whose long-lived login passed its expiry is expired (as markExpired says it). */
export function loginExpiredReason(expiresAt: string): string {
  return `The Facebook login expired on ${day(expiresAt)}.`;
}

export async function requireLiveBrand(db: Kysely<Database>, brandId: string): Promise<BrandRow> {
  const brand = await findBrandRow(db, brandId);
  if (!brand || brand.deleted_at) throw new AppError('not_found', `There is no brand "${brandId}".`);
  return brand;
}

/** The secret store writing through the caller's transaction. */
export function secretsIn(trx: Kysely<Database>, deps: ConnectionsDeps): SecretStore {
  return new SecretStore(trx, deps.cipher, deps.clock);
}

/** After a commit: the activity entries it wrote, and which views should refetch. */
export function announceChange(
  deps: ConnectionsDeps,
  entries: readonly ActivityEntry[],
  brandId: string,
  also: { brands?: boolean; calendar?: boolean } = {},
): void {
  entries.forEach((entry) => deps.activity.announce(entry));
  deps.events.emit('data.changed', { entity: 'connections', id: brandId });
  if (also.brands) deps.events.emit('data.changed', { entity: 'brands', id: brandId });
  if (also.calendar) deps.events.emit('data.changed', { entity: 'calendar' });
}

/** The creator's own Meta app (Settings → Meta app), or an error saying what to set. */
export async function metaAppOf(deps: ConnectionsDeps): Promise<MetaApp> {
  const { values } = await deps.settings.values();
  const appSecret = await deps.secrets.reveal(appSecretKeys.metaAppSecret);
  if (!values.metaAppId || !appSecret) {
    throw new AppError(
      'unavailable',
      `Set your Meta app’s ${!values.metaAppId ? 'App ID' : 'App secret'} in Settings → Meta app first.`,
    );
  }
  return { appId: values.metaAppId, appSecret };
}

/** The creator's own Google OAuth client (Settings → Google OAuth client), or what to set. */
export async function googleClientOf(deps: ConnectionsDeps): Promise<GoogleClientCredentials> {
  const { values } = await deps.settings.values();
  const clientSecret = await deps.secrets.reveal(appSecretKeys.googleClientSecret);
  if (!values.googleClientId || !clientSecret) {
    throw new AppError(
      'unavailable',
      `Set your Google OAuth client’s ${!values.googleClientId ? 'Client ID' : 'Client secret'} in Settings → Google OAuth client first.`,
    );
  }
  return { clientId: values.googleClientId, clientSecret };
}
