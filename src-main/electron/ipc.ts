import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Core } from '../core/app';
import { ipcChannels } from '../core/contract/transport';
import { isAppUrl } from './navigation';

/**
 * Serves the contract over IPC. Calls from a frame that is not our renderer (should one ever
 * load) are refused, so a foreign page could not reach the core even through a bug elsewhere.
 */
export function registerContractIpc(ipcMain: IpcMain, core: Core, appOrigin: string): void {
  ipcMain.handle(ipcChannels.invoke, (event: IpcMainInvokeEvent, name: unknown, payload: unknown) => {
    const senderUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(senderUrl, appOrigin)) {
      return {
        ok: false,
        error: { code: 'unauthorized', message: 'Calls are accepted from the Maestro window only.' },
      };
    }
    return core.invoke(name, payload);
  });
}

/** Pushes every core event to every open window. */
export function forwardEvents(core: Core, windows: () => WebContents[]): () => void {
  return core.events.subscribe((event) => {
    for (const contents of windows()) if (!contents.isDestroyed()) contents.send(ipcChannels.event, event);
  });
}
