import type { AssistantClientConfig } from '../src-main/mcp/client-config';
import { listen, type IpcRendererLike } from './bridge';

/**
 * The desktop-only part of the bridge: what a browser page cannot do for itself. It is exposed
 * as `window.maestroDesktop` by the Electron preload and is absent in the headless server, where
 * the renderer falls back to pasting a token and opening links in a new tab.
 */

export const desktopChannels = {
  metaLogin: 'maestro:desktop:meta-login',
  openExternal: 'maestro:desktop:open-external',
  updateState: 'maestro:desktop:update-state',
  restartToUpdate: 'maestro:desktop:restart-to-update',
  /** Pushed by the main process whenever the update state changes. */
  updateChanged: 'maestro:desktop:update-changed',
  /** Settings → AI assistants (MCP): what to paste into an assistant's MCP configuration. */
  assistantConfig: 'maestro:desktop:assistant-config',
  /** Pushed by the main process: show this page (a native notification was clicked). */
  navigate: 'maestro:desktop:navigate',
  /** The page a notification asked for while the window was still loading (taken once). */
  pendingRoute: 'maestro:desktop:pending-route',
} as const;

/** Where auto-update stands (electron-updater, driven by the main process). */
export type UpdateState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'downloading'; version: string; percent: number }
  | { status: 'ready'; version: string }
  | { status: 'error'; message: string }
  | { status: 'disabled'; reason: string };

/** How the Facebook Login window ended. The token is the short-lived user token Meta returned. */
export type MetaLoginOutcome =
  | { ok: true; userToken: string }
  | {
      ok: false;
      /** cancelled: the window was closed; denied: the creator said no; failed: anything else. */
      reason: 'cancelled' | 'denied' | 'failed';
      message: string;
    };

export type OpenExternalOutcome = { ok: true } | { ok: false; message: string };

export interface DesktopBridge {
  /**
   * Opens Facebook Login for the creator's own Meta app (the main process builds the address
   * from Settings) in a separate window, and resolves with the token once Meta redirects back.
   */
  metaLogin(brandId: string): Promise<MetaLoginOutcome>;
  /** Opens an https (or http loopback) address in the system browser. */
  openExternal(url: string): Promise<OpenExternalOutcome>;
  /** Auto-update: the current state, its changes, and "Restart to update" once one is downloaded. */
  updates: {
    state(): Promise<UpdateState>;
    onChange(listener: (state: UpdateState) => void): () => void;
    restart(): Promise<boolean>;
  };
  /**
   * The MCP client configuration that starts this app's stdio bridge (its own executable run as
   * Node), for Settings → AI assistants (MCP).
   */
  assistantConfig(): Promise<AssistantClientConfig | null>;
  /**
   * Clicking a native notification opens the window on the page it is about: a window already
   * showing the app is told at once (`onNavigate`); one that was still loading asks once it
   * runs (`pendingRoute`).
   */
  navigation: {
    pendingRoute(): Promise<string | null>;
    onNavigate(listener: (route: string) => void): () => void;
  };
}

export function buildDesktopBridge(ipc: IpcRendererLike): DesktopBridge {
  return {
    metaLogin: (brandId) =>
      ipc.invoke(desktopChannels.metaLogin, String(brandId)) as Promise<MetaLoginOutcome>,
    openExternal: (url) =>
      ipc.invoke(desktopChannels.openExternal, String(url)) as Promise<OpenExternalOutcome>,
    updates: {
      state: () => ipc.invoke(desktopChannels.updateState) as Promise<UpdateState>,
      onChange: (listener) =>
        listen(ipc, desktopChannels.updateChanged, (state) => listener(state as UpdateState)),
      restart: () => ipc.invoke(desktopChannels.restartToUpdate) as Promise<boolean>,
    },
    assistantConfig: () =>
      ipc.invoke(desktopChannels.assistantConfig) as Promise<AssistantClientConfig | null>,
    navigation: {
      pendingRoute: () => ipc.invoke(desktopChannels.pendingRoute) as Promise<string | null>,
      onNavigate: (listener) =>
        listen(ipc, desktopChannels.navigate, (route) => {
          if (typeof route === 'string') listener(route);
        }),
    },
  };
}
