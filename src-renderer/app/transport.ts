import type { Transport } from '@contract';
import type { ConnectionMonitor } from './connection';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';

declare global {
  interface Window {
    /** Set by the Electron preload bridge; absent when the page is served by the headless server. */
    maestro?: Transport;
  }
}

/** The contract's Transport plus what the UI needs to show about the link itself. */
export interface AppTransport extends Transport {
  kind: 'ipc' | 'http';
  connection: ConnectionMonitor;
}

/** One renderer build runs in both shells: Electron exposes the bridge, the browser does not. */
export function selectTransport(): AppTransport {
  return window.maestro ? createIpcTransport(window.maestro) : createHttpTransport();
}
