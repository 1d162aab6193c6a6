import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions, Dialog } from 'electron';
import type { DevServerPolicy } from '../shared/content-security-policy';
import { APP_ENTRY_URL, APP_ORIGIN } from './app-protocol';
import { guardNavigation } from './navigation';
import { MIN_WINDOW_SIZE, restoredBounds, type Rectangle, type WindowState } from './window-state';

/** Where the window's page comes from. The window always loads maestro://app; only its source varies. */
export interface RendererSource {
  entryUrl: string;
  origin: string;
  /** Development only: the Vite dev server maestro://app proxies to, and its CSP additions. */
  devServer?: { url: string; policy: DevServerPolicy };
  /** Said in the log when the environment asked for something refused. */
  warning?: string;
}

function isLoopbackHttp(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  } catch {
    return false;
  }
}

/**
 * Pure. `ELECTRON_RENDERER_URL` (set by `npm run dev`) is honoured only in a development build
 * and only on this computer: in the installed app an environment variable must never be able to
 * point the privileged window, with its preload and IPC, at another page.
 */
export function rendererSource(isPackaged: boolean, env: NodeJS.ProcessEnv): RendererSource {
  const base = { entryUrl: APP_ENTRY_URL, origin: APP_ORIGIN };
  const devUrl = env.ELECTRON_RENDERER_URL;
  if (!devUrl) return base;
  if (isPackaged) return { ...base, warning: 'ELECTRON_RENDERER_URL is ignored in the installed app.' };
  if (!isLoopbackHttp(devUrl)) {
    return {
      ...base,
      warning: `ELECTRON_RENDERER_URL ${devUrl} is not an http address on this computer; ignored.`,
    };
  }
  const nonce = env.MAESTRO_DEV_CSP_NONCE;
  if (!nonce) {
    return {
      ...base,
      warning:
        'ELECTRON_RENDERER_URL is set without MAESTRO_DEV_CSP_NONCE: start development with `npm run dev`.',
    };
  }
  const { host } = new URL(devUrl);
  return { ...base, devServer: { url: devUrl, policy: { nonce, hmrOrigin: `ws://${host}` } } };
}

type BrowserWindowClass = new (options: BrowserWindowConstructorOptions) => BrowserWindowType;

export interface MainWindowOptions {
  preloadPath: string;
  source: RendererSource;
  isPackaged: boolean;
  savedState: WindowState | null;
  workAreas: readonly Rectangle[];
  openExternal(url: string): void;
  log(message: string): void;
}

/** The one control-room window: isolated, sandboxed, no Node in the page, contract only. */
export function createMainWindow(
  deps: { BrowserWindow: BrowserWindowClass; dialog: Pick<Dialog, 'showMessageBox'> },
  options: MainWindowOptions,
): BrowserWindowType {
  const placement = restoredBounds(options.savedState, options.workAreas);
  const window = new deps.BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Maestro',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      // No DevTools in the installed app, not even through a shortcut.
      devTools: !options.isPackaged,
    },
  });
  if (placement.maximized) window.maximize();
  guardNavigation(window.webContents, options.source.origin, options.openExternal);
  handleRendererFailures(window, deps.dialog, options.log);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.source.entryUrl).catch((error: Error) => {
    options.log(`The window could not load ${options.source.entryUrl}: ${error.message}`);
  });
  return window;
}

/**
 * A crashed or killed page, or one that stops answering, is said in words with a way out
 * (reload) instead of leaving a blank or frozen window. The core keeps running either way.
 */
export function handleRendererFailures(
  window: BrowserWindowType,
  dialog: Pick<Dialog, 'showMessageBox'>,
  log: (message: string) => void,
): void {
  const contents = window.webContents;
  let asking = false;
  const offerReload = async (message: string, detail: string, stayLabel: string) => {
    if (asking || window.isDestroyed()) return;
    asking = true;
    try {
      const { response } = await dialog.showMessageBox(window, {
        type: 'warning',
        title: 'Maestro',
        message,
        detail,
        buttons: ['Reload', stayLabel],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      });
      if (response === 0 && !window.isDestroyed()) contents.reload();
    } finally {
      asking = false;
    }
  };
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    log(`The window's page stopped (${details.reason}, exit code ${details.exitCode}).`);
    void offerReload(
      'The Maestro window stopped working.',
      `Its page ended unexpectedly (${details.reason}). Maestro itself is still running; reload the window to continue.`,
      'Close',
    );
  });
  window.on('unresponsive', () => {
    log('The window is not responding.');
    void offerReload(
      'The Maestro window is not responding.',
      'You can wait for it, or reload it. Maestro keeps working in the background either way.',
      'Wait',
    );
  });
  window.on('responsive', () => log('The window is responding again.'));
}
