import type { ContractEvent } from '@contract/events';
import type { Result } from '@contract/errors';
import { operationNames } from '@contract/operations';
import { ipcChannels } from '@contract/transport';

/** The part of ipcRenderer the bridge needs; tests pass a fake. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Listens to what the main process pushes on `channel`; returns the function that stops listening. */
export function listen(
  ipc: IpcRendererLike,
  channel: string,
  listener: (payload: unknown) => void,
): () => void {
  const handler = (_event: unknown, payload: unknown) => listener(payload);
  ipc.on(channel, handler);
  return () => {
    ipc.removeListener(channel, handler);
  };
}

export interface MaestroBridge {
  /** Runs one contract operation in the main process. */
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  /** Listens to every contract event; returns the function that stops listening. */
  subscribe(listener: (event: ContractEvent) => void): () => void;
  /** One function per contract operation, generated from the contract's list. */
  operations: Record<string, (input?: unknown) => Promise<Result<unknown>>>;
}

/**
 * Exposes only the contract: no ipcRenderer, no Node, no arbitrary channel names. The renderer
 * gets exactly the operations the contract declares, as window.maestro.
 */
export function buildBridge(ipc: IpcRendererLike): MaestroBridge {
  const invoke = (name: string, input: unknown) =>
    ipc.invoke(ipcChannels.invoke, name, input) as Promise<Result<unknown>>;
  const operations: MaestroBridge['operations'] = {};
  for (const name of operationNames) operations[name] = (input?: unknown) => invoke(name, input ?? {});
  return {
    invoke,
    subscribe: (listener) => listen(ipc, ipcChannels.event, (payload) => listener(payload as ContractEvent)),
    operations,
  };
}
