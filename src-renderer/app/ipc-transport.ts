import type { Result, Transport } from '@contract';
import { createConnectionMonitor } from './connection';
import type { AppTransport } from './transport';

/**
 * Electron: the preload bridge already speaks the contract. This only turns an unexpected IPC
 * rejection (e.g. the main process is shutting down) into a Result, so callers handle one shape.
 */
export function createIpcTransport(bridge: Transport): AppTransport {
  return {
    kind: 'ipc',
    connection: createConnectionMonitor('open'),
    async invoke(name, input): Promise<Result<unknown>> {
      try {
        return await bridge.invoke(name, input);
      } catch (error) {
        return {
          ok: false,
          error: {
            code: 'unavailable',
            message: `The app did not answer: ${(error as Error)?.message ?? String(error)}`,
          },
        };
      }
    },
    subscribe: (listener) => bridge.subscribe(listener),
  };
}
