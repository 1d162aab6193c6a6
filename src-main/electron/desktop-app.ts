import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  net,
  Notification,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { join } from 'node:path';
import { createCore, type Core } from '../core/app';
import { AppError } from '../core/contract/errors';
import type { MaestroStatus } from '../core/contract/maestro';
import { applyContentSecurityPolicy } from './content-security';
import { registerDesktopIpc } from './desktop-ipc';
import { forwardEvents, registerContractIpc } from './ipc';
import { isMetaLoginContents, META_LOGIN_PARTITION, openMetaLoginWindow } from './meta-login';
import { handleMediaProtocol, registerMediaScheme } from './media-protocol';
import { guardNavigation } from './navigation';
import { safeStorageCipher } from './safe-storage-cipher';
import { createTray, type MaestroTray } from './tray';
import { createMainWindow, rendererLocation } from './window';

export interface DesktopApp {
  core: Core;
  tray: MaestroTray;
  showWindow(): BrowserWindow;
}

/**
 * The Electron shell: one instance, one window, a tray, and the core behind IPC. Everything the
 * app does lives in the core; this file only connects it to the desktop.
 */
export async function runDesktopApp(outDir: string = join(__dirname, '..')): Promise<DesktopApp | null> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  const devServerUrl = process.env.ELECTRON_RENDERER_URL;
  const location = rendererLocation(outDir, devServerUrl);

  // Every webContents, including ones we never meant to create, stays on our own pages; only the
  // Facebook Login window goes elsewhere, under its own rules (meta-login.ts).
  app.on('web-contents-created', (_event, contents) =>
    guardNavigation(
      contents,
      location.origin,
      (url) => void shell.openExternal(url),
      () => isMetaLoginContents(contents),
    ),
  );

  registerMediaScheme(protocol);
  await app.whenReady();

  // Fonts, music and the tray icon: beside the app when packaged, the repository's folder in dev.
  const resourcesDir = app.isPackaged
    ? join(process.resourcesPath, 'resources')
    : join(outDir, '..', 'resources');
  let core: Core;
  try {
    core = await createCore({
      dataDir: process.env.MAESTRO_DATA_DIR ?? app.getPath('userData'),
      resourcesDir,
      appVersion: app.getVersion(),
      cipher: safeStorageCipher(safeStorage),
      electronVersion: process.versions.electron ?? null,
      notifier: { notify: (title, body) => new Notification({ title, body }).show() },
    });
  } catch (error) {
    const message = error instanceof AppError ? error.message : String((error as Error)?.message ?? error);
    dialog.showErrorBox('Maestro could not start', message);
    app.exit(1);
    return null;
  }

  applyContentSecurityPolicy(session.defaultSession, devServerUrl);
  handleMediaProtocol(protocol, net, core.jobs.mediaDir);
  registerContractIpc(ipcMain, core, location.origin);
  registerDesktopIpc(ipcMain, core, location.origin, {
    openMetaLogin: (request) =>
      openMetaLoginWindow(
        {
          BrowserWindow,
          openExternal: (url) => void shell.openExternal(url),
          parent: window && !window.isDestroyed() ? window : undefined,
        },
        request,
      ),
    openExternal: (url) => shell.openExternal(url),
  });
  // The login window's session: no permission prompts (camera, notifications…) from Meta's pages.
  session
    .fromPartition(META_LOGIN_PARTITION)
    .setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  forwardEvents(core, () => BrowserWindow.getAllWindows().map((w) => w.webContents));

  let window: BrowserWindow | undefined;
  const showWindow = () => {
    if (!window || window.isDestroyed())
      window = createMainWindow(join(outDir, 'preload', 'index.js'), location);
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    return window;
  };

  const invokeStatus = async (name: 'maestro.pause' | 'maestro.resume') => {
    const result = await core.invoke(name, {});
    if (!result.ok) dialog.showErrorBox('Maestro', result.error.message);
  };
  const initial = (await core.invoke('maestro.status', {})) as { ok: true; value: MaestroStatus };
  const tray = createTray(join(resourcesDir, 'tray-icon.png'), initial.value, {
    pause: () => void invokeStatus('maestro.pause'),
    resume: () => void invokeStatus('maestro.resume'),
    open: () => void showWindow(),
    quit: () => app.quit(),
  });
  core.events.subscribe((event) => {
    if (event.stream === 'maestro.state') tray.update(event.payload);
  });

  app.on('second-instance', () => void showWindow());
  app.on('activate', () => void showWindow());
  // Closing the window keeps Maestro working in the tray; Quit is explicit.
  app.on('window-all-closed', () => undefined);
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void core.close().finally(() => {
      closed = true;
      app.quit();
    });
  });

  showWindow();
  return { core, tray, showWindow };
}
