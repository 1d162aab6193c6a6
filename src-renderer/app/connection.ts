/**
 * Whether the view can hear the core. IPC is always "open"; over HTTP the event stream can drop
 * (server stopped, laptop asleep) and the UI must say so instead of silently showing stale data.
 */
export type ConnectionState = 'connecting' | 'open' | 'lost' | 'unauthorized';

export interface ConnectionMonitor {
  get(): ConnectionState;
  subscribe(listener: () => void): () => void;
}

/** A tiny observable value, shaped for React's useSyncExternalStore. */
export function createConnectionMonitor(initial: ConnectionState) {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    set(next: ConnectionState) {
      if (next === state) return;
      state = next;
      for (const listener of [...listeners]) listener();
    },
  };
}
