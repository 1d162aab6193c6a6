import { createCore, type Core, type CoreConfig } from './app';
import { EventHub } from './events/event-hub';

export interface RestartableCore extends Core {
  /** Closes the core and opens it again on the same data folder (a staged restore applies). */
  restart(): Promise<void>;
}

/**
 * A core the headless server can restart in-process, after a restore from backup: the
 * transports keep this object and its event hub (open event streams stay connected), calls
 * made during the restart wait for the new core, and everything else reads the current one.
 */
export async function createRestartableCore(config: CoreConfig): Promise<RestartableCore> {
  const events = config.events ?? new EventHub();
  let restarting: Promise<void> | null = null;
  // Declared before the first core exists: its requestRestart closes over this object.
  const self = {} as RestartableCore;
  const open = () => createCore({ ...config, events, requestRestart: () => void self.restart() });
  let current = await open();
  const forward = <K extends keyof Core>(key: K) =>
    Object.defineProperty(self, key, { get: () => current[key], enumerable: true });
  // Every member of the current core, except the four this object answers itself: a fixed
  // list here silently left out members added to Core later (orchestrator, healing, …).
  const ownMembers = new Set<string>(['events', 'invoke', 'restart', 'close']);
  for (const key of Object.keys(current) as Array<keyof Core>) {
    if (!ownMembers.has(key)) forward(key);
  }
  Object.assign(self, {
    events,
    async invoke(name: unknown, payload: unknown) {
      await restarting;
      return current.invoke(name, payload);
    },
    restart() {
      restarting ??= (async () => {
        await current.close();
        current = await open();
      })().finally(() => {
        restarting = null;
      });
      return restarting;
    },
    async close() {
      await restarting;
      await current.close();
    },
  });
  return self;
}
