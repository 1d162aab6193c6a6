import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../core/app';
import { AppError } from '../core/contract/errors';
import type { MaestroStatus } from '../core/contract/maestro';
import { systemClock } from '../core/ports/clock';
import { keyFileCipher } from '../core/secrets/key-file-cipher';
import { startAssistantListener } from '../mcp/assistant-listener';
import { desktopLaunch } from '../mcp/client-config';
import { desktopChannels, type UpdateState } from '../../src-preload/desktop-bridge';
import { applicationMenuTemplate } from './app-menu';
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './app-protocol';
import { restrictPermissions, windowContentSecurityPolicy } from './content-security';
import { registerDesktopIpc } from './desktop-ipc';
import { desktopNotifier } from './desktop-notifier';
import { APP_ID, PRODUCT_NAME } from './identity';
import { forwardEvents, registerContractIpc } from './ipc';
import { openLogFile, teeConsoleToLog } from './log-file';
import {
  loginItemFor,
  readDesktopPreferences,
  shouldOfferLaunchAtLogin,
  startedAtLogin,
  writeDesktopPreferences,
} from './login-item';
import { isMetaLoginContents, META_LOGIN_PARTITION, openMetaLoginWindow } from './meta-login';
import { guardNavigation } from './navigation';
import { chooseSecretProtection, desktopSecretCipher } from './safe-storage-cipher';
import { createTray, trayIconPath, type MaestroTray } from './tray';
import { readDesktopEnvironment, trayIsVisible } from './tray-visibility';
import { startUpdater, updatesDisabledReason, type AutoUpdaterLike, type DesktopUpdater } from './updater';
import { createMainWindow, rendererSource } from './window';
import { readWindowState, trackWindowState } from './window-state';

export interface DesktopApp {
  core: Core;
  tray: MaestroTray;
  updater: DesktopUpdater;
  showWindow(): BrowserWindow;
}

/** Waits this long after the last move or resize before remembering the window's place. */
const WINDOW_STATE_SAVE_DELAY_MS = 500;

async function loadAutoUpdater(): Promise<AutoUpdaterLike> {
  // Loaded only in an installed build: electron-updater reads app-update.yml at once.
  const { autoUpdater } = await import('electron-updater');
  return autoUpdater as unknown as AutoUpdaterLike;
}

function linuxPackageType(): string | null {
  try {
    return readFileSync(join(process.resourcesPath, 'package-type'), 'utf8').trim();
  } catch {
    return null;
  }
}

/**
 * The Electron shell: one instance, one window, a tray, and the core behind IPC. Everything the
 * app does lives in the core; this file only connects it to the desktop.
 */
export async function runDesktopApp(outDir: string = join(__dirname, '..')): Promise<DesktopApp | null> {
  // Toasts and the taskbar group under our id, not "electron.app.Maestro"; must precede windows.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  const logs = openLogFile(app.getPath('logs'));
  teeConsoleToLog(logs);
  console.info(
    `${PRODUCT_NAME} ${app.getVersion()} starting (Electron ${process.versions.electron ?? '?'}).`,
  );
  if (process.platform === 'linux' && app.commandLine.hasSwitch('no-sandbox')) {
    // The AppImage's launcher adds it only where unprivileged user namespaces are blocked.
    console.warn('Running without the Chromium sandbox: this system blocks unprivileged user namespaces.');
  }

  const source = rendererSource(app.isPackaged, process.env);
  if (source.warning) console.warn(source.warning);

  // Every webContents, including ones we never meant to create, stays on our own pages; only the
  // Facebook Login window goes elsewhere, under its own rules (meta-login.ts).
  app.on('web-contents-created', (_event, contents) =>
    guardNavigation(
      contents,
      source.origin,
      (url) => void shell.openExternal(url),
      () => isMetaLoginContents(contents),
    ),
  );

  registerAppScheme(protocol);
  await app.whenReady();

  const updaterRef: { current?: DesktopUpdater } = {};
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenuTemplate({
        platform: process.platform,
        isPackaged: app.isPackaged,
        productName: PRODUCT_NAME,
        actions: {
          openLogsFolder: () => void shell.openPath(logs.dir),
          checkForUpdates: () => void updaterRef.current?.checkNow(),
        },
      }),
    ),
  );

  // Fonts, music and the tray icon: beside the app when packaged, the repository's folder in dev.
  const resourcesDir = app.isPackaged
    ? join(process.resourcesPath, 'resources')
    : join(outDir, '..', 'resources');
  const dataDir = process.env.MAESTRO_DATA_DIR ?? app.getPath('userData');
  const protection = chooseSecretProtection(process.platform, safeStorage);
  if (protection.kind === 'key-file') console.warn(`Secrets are kept with a key file: ${protection.reason}.`);
  // Set once the window can be shown: where a clicked notification takes the creator.
  let openRoute: (route: string) => void = () => undefined;
  let core: Core;
  try {
    core = await createCore({
      dataDir,
      resourcesDir,
      appVersion: app.getVersion(),
      cipher: desktopSecretCipher(protection, safeStorage, keyFileCipher(join(dataDir, 'secrets.key'))),
      electronVersion: process.versions.electron ?? null,
      notifier: desktopNotifier({
        create: (options) => new Notification(options),
        isSupported: () => Notification.isSupported(),
        open: (route) => openRoute(route),
      }),
      // After "Restore from backup…": the next start opens the restored file (the quit
      // closes this core first).
      requestRestart: () => {
        app.relaunch();
        app.quit();
      },
    });
  } catch (error) {
    const message = error instanceof AppError ? error.message : String((error as Error)?.message ?? error);
    console.error(`Could not start: ${message}`);
    dialog.showErrorBox('Maestro could not start', message);
    app.exit(1);
    return null;
  }

  handleAppProtocol(protocol, {
    rendererDir: join(outDir, 'renderer'),
    mediaDir: core.jobs.mediaDir,
    policy: windowContentSecurityPolicy(source.devServer?.policy),
    ...(source.devServer
      ? { devServer: { url: source.devServer.url, fetch: (url, init) => net.fetch(url, init) } }
      : {}),
  });
  restrictPermissions(session.defaultSession, APP_ORIGIN);
  // The login window's session: no permission at all for Meta's pages.
  restrictPermissions(session.fromPartition(META_LOGIN_PARTITION), null);
  registerContractIpc(ipcMain, core, source.origin);
  forwardEvents(core, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  // Settings → AI assistants (MCP): while on, /mcp on a loopback port for the stdio bridge, which
  // clients start as this very executable with --mcp-stdio (main.ts, src-main/mcp/).
  const assistants = startAssistantListener({
    core,
    clock: systemClock,
    version: app.getVersion(),
    dataDir,
    launch: desktopLaunch({
      execPath: process.execPath,
      // Unpackaged, Electron is started with the folder holding package.json (beside out/).
      appPath: app.isPackaged ? null : join(outDir, '..'),
      dataDir,
    }),
  });

  let window: BrowserWindow | undefined;
  /** The window, unless none was made yet or it has been closed. */
  const liveWindow = () => (window && !window.isDestroyed() ? window : undefined);
  const windowStateFile = join(dataDir, 'window-state.json');
  const showWindow = () => {
    if (!window || window.isDestroyed()) {
      window = createMainWindow(
        { BrowserWindow, dialog },
        {
          preloadPath: join(outDir, 'preload', 'index.js'),
          source,
          isPackaged: app.isPackaged,
          savedState: readWindowState(windowStateFile),
          workAreas: screen.getAllDisplays().map((display) => display.workArea),
          openExternal: (url) => void shell.openExternal(url),
          log: (message) => console.warn(message),
        },
      );
      trackWindowState(window, windowStateFile, (run) => {
        const timer = setTimeout(run, WINDOW_STATE_SAVE_DELAY_MS);
        return () => clearTimeout(timer);
      });
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    return window;
  };
  // A window already showing the app is told the page at once; a new or still loading one asks
  // for it when its renderer starts (desktopChannels.pendingRoute).
  let pendingRoute: string | null = null;
  openRoute = (route) => {
    const ready = liveWindow()?.webContents.isLoading() === false;
    const shown = showWindow();
    if (ready) shown.webContents.send(desktopChannels.navigate, route);
    else pendingRoute = route;
  };

  const loginItem = loginItemFor(app, process.platform, process.env, {
    home: app.getPath('home'),
    productName: PRODUCT_NAME,
    execPath: process.execPath,
  });
  // The tray's actions are the page's operations, through the same entrance.
  const invokeFromTray = async (name: 'maestro.pause' | 'maestro.resume' | 'maestro.triggerBurst') => {
    const result = await core.invoke(name, {});
    if (!result.ok) dialog.showErrorBox('Maestro', result.error.message);
  };
  // Listen before reading, so a change between the two (the start-up catch-up may start a
  // burst) is not lost: whatever the event said last wins over the read.
  const trayRef: { current?: MaestroTray } = {};
  let announced: MaestroStatus | undefined;
  core.events.subscribe((event) => {
    if (event.stream !== 'maestro.state') return;
    announced = event.payload;
    trayRef.current?.update(event.payload);
  });
  const initial = (await core.invoke('maestro.status', {})) as { ok: true; value: MaestroStatus };
  const setLaunchAtLogin = (enabled: boolean) => {
    loginItem.setEnabled(enabled);
    tray.setExtras({ launchAtLogin: loginItem.isEnabled() });
  };
  const tray = createTray(
    trayIconPath(resourcesDir, process.platform),
    process.platform,
    announced ?? initial.value,
    {
      pause: () => void invokeFromTray('maestro.pause'),
      resume: () => void invokeFromTray('maestro.resume'),
      burstNow: () => void invokeFromTray('maestro.triggerBurst'),
      open: () => void showWindow(),
      quit: () => app.quit(),
      restartToUpdate: () => void updaterRef.current?.restartToUpdate(),
      setLaunchAtLogin,
    },
    { launchAtLogin: loginItem.isEnabled() },
  );
  trayRef.current = tray;

  const updatesOff = updatesDisabledReason({
    isPackaged: app.isPackaged,
    platform: process.platform,
    env: process.env,
    linuxPackageType: process.platform === 'linux' && app.isPackaged ? linuxPackageType() : null,
  });
  const updater = startUpdater({
    updater: updatesOff ? inertUpdater : await loadAutoUpdater(),
    disabledReason: updatesOff,
    timers: {
      setInterval: (run, ms) => setInterval(run, ms),
      clearInterval: (h) => clearInterval(h as never),
    },
    log: (message) => console.info(message),
    onChange: (state: UpdateState) => {
      tray.setExtras({ updateReady: state.status === 'ready' ? { version: state.version } : undefined });
      for (const contents of BrowserWindow.getAllWindows().map((w) => w.webContents)) {
        if (!contents.isDestroyed()) contents.send(desktopChannels.updateChanged, state);
      }
    },
  });
  updaterRef.current = updater;

  registerDesktopIpc(ipcMain, core, source.origin, {
    openMetaLogin: (request) =>
      openMetaLoginWindow(
        {
          BrowserWindow,
          openExternal: (url) => void shell.openExternal(url),
          parent: liveWindow(),
        },
        request,
      ),
    openExternal: (url) => shell.openExternal(url),
    updateState: () => updater.state(),
    restartToUpdate: () => updater.restartToUpdate(),
    assistantConfig: () => assistants.clientConfig(),
    takePendingRoute: () => {
      const route = pendingRoute;
      pendingRoute = null;
      return route;
    },
  });

  // After the first brand the daily burst has work to do, and it runs only while Maestro is open.
  const preferencesFile = join(dataDir, 'desktop-preferences.json');
  let offering = false;
  const offerLaunchAtLogin = async () => {
    if (offering) return;
    const preferences = readDesktopPreferences(preferencesFile);
    const brands = await core.invoke('brands.list', {});
    const count = brands.ok ? (brands.value as unknown[]).length : 0;
    if (!shouldOfferLaunchAtLogin(preferences, count, loginItem.isEnabled())) return;
    offering = true;
    try {
      writeDesktopPreferences(preferencesFile, { ...preferences, launchAtLoginOffered: true });
      const options = {
        type: 'question' as const,
        title: 'Maestro',
        message: 'Start Maestro when you log in?',
        detail:
          'Maestro runs the daily burst and publishes scheduled posts only while it is open. It starts in the tray; you can change this any time from the tray menu.',
        buttons: ['Start at Login', 'Not Now'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      };
      const parent = liveWindow();
      const { response } = parent
        ? await dialog.showMessageBox(parent, options)
        : await dialog.showMessageBox(options);
      if (response === 0) setLaunchAtLogin(true);
    } finally {
      offering = false;
    }
  };
  core.events.subscribe((event) => {
    if (event.stream === 'data.changed' && event.payload.entity === 'brands') void offerLaunchAtLogin();
  });

  app.on('second-instance', () => void showWindow());
  app.on('activate', () => void showWindow());
  // Closing the window keeps Maestro working in the tray, where there is a tray to find it in.
  const desktopEnvironment = readDesktopEnvironment(process.platform, process.env.XDG_CURRENT_DESKTOP);
  let toldAboutTray = false;
  app.on('window-all-closed', () => {
    if (process.platform === 'darwin') return; // the Dock keeps it, as every Mac app
    void desktopEnvironment.then((environment) => {
      if (BrowserWindow.getAllWindows().length > 0) return;
      if (trayIsVisible(environment)) {
        if (!toldAboutTray) {
          toldAboutTray = true;
          new Notification({
            title: 'Maestro keeps working',
            body: 'It is still running in the tray, publishing on schedule. Quit it from the tray icon.',
          }).show();
        }
        return;
      }
      new Notification({
        title: 'Maestro has quit',
        body: 'This desktop shows no tray icon, so Maestro cannot keep running unseen. Scheduled posts publish while Maestro is open.',
      }).show();
      app.quit();
    });
  });
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    updater.stop();
    void assistants
      .close()
      .then(() => core.close())
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  if (!startedAtLogin(process.argv, app, process.platform)) showWindow();
  return { core, tray, updater, showWindow };
}

/** Stands in for electron-updater where updates are off; the flow never calls it then. */
const inertUpdater: AutoUpdaterLike = {
  autoDownload: false,
  autoInstallOnAppQuit: false,
  checkForUpdates: async () => null,
  quitAndInstall: () => undefined,
  on: () => undefined,
};
