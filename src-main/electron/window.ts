import { BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { guardNavigation } from './navigation';

export interface RendererLocation {
  /** What the window loads: the dev server URL or the built index.html. */
  url: string;
  /** The origin navigation is allowed to stay in. */
  origin: string;
}

export function rendererLocation(outDir: string, devServerUrl: string | undefined): RendererLocation {
  if (devServerUrl) return { url: devServerUrl, origin: new URL(devServerUrl).origin };
  const file = join(outDir, 'renderer', 'index.html');
  const url = new URL(`file://${file.startsWith('/') ? '' : '/'}${file.replace(/\\/g, '/')}`).href;
  return { url, origin: url };
}

/** The one control-room window: isolated, sandboxed, no Node in the page, contract only. */
export function createMainWindow(preloadPath: string, location: RendererLocation): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Maestro',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  guardNavigation(window.webContents, location.origin, (url) => void shell.openExternal(url));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(location.url);
  return window;
}
