import { join } from 'node:path';
import { ActivityLog } from './activity/activity-log';
import { BrandsService } from './brands/brands-service';
import type { Result } from './contract/errors';
import type { AppInfo } from './contract/system';
import { createDispatcher, type Handlers } from './dispatcher';
import { EventHub } from './events/event-hub';
import { MaestroState } from './maestro/maestro-state';
import { systemClock, type Clock } from './ports/clock';
import { silentNotifier, type Notifier } from './ports/notifier';
import { systemRandom, type Random } from './ports/random';
import type { SecretCipher } from './ports/secret-cipher';
import { keyFileCipher } from './secrets/key-file-cipher';
import { SecretStore } from './secrets/secret-store';
import { SettingsService } from './settings/settings-service';
import { openStore, type Store } from './store/open-database';
import { checkHealth } from './system/health';

export interface CoreConfig {
  /** Folder for the database and every file the app writes. */
  dataDir: string;
  appVersion: string;
  clock?: Clock;
  random?: Random;
  /** Defaults to a key file in the data folder (headless); Electron passes safeStorage. */
  cipher?: SecretCipher;
  notifier?: Notifier;
  electronVersion?: string | null;
}

export interface Core {
  invoke(name: unknown, payload: unknown): Promise<Result<unknown>>;
  events: EventHub;
  store: Store;
  maestro: MaestroState;
  close(): Promise<void>;
}

export const DATABASE_FILE_NAME = 'maestro.db';

/** Composition root: opens the store and wires every service to the contract's handlers. */
export async function createCore(config: CoreConfig): Promise<Core> {
  const clock = config.clock ?? systemClock;
  void (config.random ?? systemRandom);
  void (config.notifier ?? silentNotifier);
  const startedAt = clock.now();
  const databaseFile = join(config.dataDir, DATABASE_FILE_NAME);
  const store = await openStore(databaseFile);
  const { db } = store;
  const cipher = config.cipher ?? keyFileCipher(join(config.dataDir, 'secrets.key'));

  const events = new EventHub();
  const activity = new ActivityLog(db, clock, events);
  const secrets = new SecretStore(db, cipher, clock);
  const brands = new BrandsService({ db, clock, activity, events, secrets });
  const settings = new SettingsService({ db, clock, secrets, activity, events });
  const maestro = new MaestroState(db, clock, activity, events);

  const info: AppInfo = {
    name: 'Maestro Desktop',
    version: config.appVersion,
    dataDir: config.dataDir,
    databaseFile,
    schemaVersion: store.schemaVersion,
    runtime: {
      node: process.versions.node,
      electron: config.electronVersion ?? null,
      platform: process.platform,
    },
  };

  const handlers: Handlers = {
    'app.info': async () => info,
    'app.health': () => checkHealth({ db, clock, cipher, dataDir: config.dataDir, startedAt }),
    'brands.list': (input) => brands.list(input.includeInactive ?? false),
    'brands.get': (input) => brands.get(input.id),
    'brands.create': (input) => brands.create(input),
    'brands.update': (input) => brands.update(input),
    'brands.delete': (input) => brands.delete(input.id),
    'brands.restore': (input) => brands.restore(input.id),
    'settings.get': () => settings.view(),
    'settings.set': (input) => settings.set(input.values),
    'secrets.set': async (input) => {
      await assertSecretOwnerExists(input.key);
      await secrets.set(input.key, input.value);
      events.emit('data.changed', { entity: 'secrets', id: input.key });
      await activity.record({ action: 'Secret stored', detail: input.key, level: 'data', emoji: '🔒' });
      return { key: input.key, isSet: true };
    },
    'secrets.clear': async (input) => {
      await secrets.clear(input.key);
      events.emit('data.changed', { entity: 'secrets', id: input.key });
      await activity.record({ action: 'Secret cleared', detail: input.key, level: 'data', emoji: '🔓' });
      return { key: input.key, isSet: false };
    },
    'maestro.status': () => maestro.status(),
    'maestro.pause': () => maestro.pause(),
    'maestro.resume': () => maestro.resume(),
    'activity.list': (input) => activity.list(input),
  };

  async function assertSecretOwnerExists(key: string): Promise<void> {
    const brandId = key.startsWith('brand:') ? key.split(':')[1] : undefined;
    if (brandId) await brands.get(brandId);
  }

  const invoke = createDispatcher(handlers, (name, error) => {
    console.error(`operation ${name} failed unexpectedly`, error);
    void activity
      .record({
        action: `${name} failed`,
        detail: String((error as Error)?.stack ?? error),
        level: 'error',
        emoji: '⚠️',
      })
      .catch(() => undefined);
  });

  await activity.prune();

  return {
    invoke,
    events,
    store,
    maestro,
    close: () => store.close(),
  };
}
