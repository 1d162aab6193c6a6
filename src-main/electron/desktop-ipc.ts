import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Core } from '../core/app';
import {
  desktopChannels,
  type MetaLoginOutcome,
  type OpenExternalOutcome,
  type UpdateState,
} from '../../src-preload/desktop-bridge';
import type { AssistantClientConfig } from '../mcp/client-config';
import { isAppUrl } from './navigation';

/**
 * What the system browser may be asked to open for the renderer: https pages, and http only on
 * the loopback (a local fake or sandbox standing in for Google). Never file:, javascript:, custom
 * schemes or plain http elsewhere.
 */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const target = new URL(url);
    if (target.username || target.password) return false;
    if (target.protocol === 'https:') return true;
    return target.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname);
  } catch {
    return false;
  }
}

export interface DesktopActions {
  openMetaLogin(request: { url: string; redirectUri: string }): Promise<MetaLoginOutcome>;
  openExternal(url: string): Promise<void>;
  updateState(): UpdateState;
  /** False when no downloaded update is waiting. */
  restartToUpdate(): boolean;
  /** How an MCP client starts the stdio bridge to this app (Settings → AI assistants). */
  assistantConfig(): AssistantClientConfig;
  /** The page a clicked notification asked for before the window could be told; taken once. */
  takePendingRoute(): string | null;
}

/**
 * The desktop-only calls of window.maestroDesktop. Like the contract's channel, they answer only
 * our own renderer. The login address comes from the core (the creator's Meta app in Settings),
 * never from the page, so a page cannot make the app open a window on an address it chose.
 */
export function registerDesktopIpc(
  ipcMain: IpcMain,
  core: Core,
  appOrigin: string,
  actions: DesktopActions,
): void {
  const fromApp = (event: IpcMainInvokeEvent) => isAppUrl(event.senderFrame?.url ?? '', appOrigin);

  ipcMain.handle(desktopChannels.metaLogin, async (event, brandId: unknown): Promise<MetaLoginOutcome> => {
    if (!fromApp(event))
      return { ok: false, reason: 'failed', message: 'Calls are accepted from the Maestro window only.' };
    const login = await core.invoke('connections.metaLoginUrl', { brandId });
    if (!login.ok) return { ok: false, reason: 'failed', message: login.error.message };
    return actions.openMetaLogin(login.value as { url: string; redirectUri: string });
  });

  ipcMain.handle(desktopChannels.openExternal, async (event, url: unknown): Promise<OpenExternalOutcome> => {
    if (!fromApp(event)) return { ok: false, message: 'Calls are accepted from the Maestro window only.' };
    if (typeof url !== 'string' || !isSafeExternalUrl(url)) {
      return { ok: false, message: 'Only https addresses (or http on this computer) open in the browser.' };
    }
    await actions.openExternal(url);
    return { ok: true };
  });

  ipcMain.handle(desktopChannels.updateState, (event): UpdateState | null =>
    fromApp(event) ? actions.updateState() : null,
  );
  ipcMain.handle(desktopChannels.restartToUpdate, (event): boolean =>
    fromApp(event) ? actions.restartToUpdate() : false,
  );
  ipcMain.handle(desktopChannels.assistantConfig, (event): AssistantClientConfig | null =>
    fromApp(event) ? actions.assistantConfig() : null,
  );
  ipcMain.handle(desktopChannels.pendingRoute, (event): string | null =>
    fromApp(event) ? actions.takePendingRoute() : null,
  );
}
