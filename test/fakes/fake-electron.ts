/**
 * A stand-in for the `electron` module, enough for the shell's code paths. It records what the
 * shell asked for (window options, handlers, menus, dialogs) so tests can assert on it, and lets
 * tests fire the events Electron would fire.
 */
import { EventEmitter } from 'node:events';

type Handler = (...args: any[]) => any;

export class FakeWebContents extends EventEmitter {
  sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  isDestroyed() {
    return this.destroyed;
  }
  /** Simulates a navigation attempt; returns true if the shell prevented it. */
  tryNavigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true), url }, url);
    return prevented;
  }
  /** Simulates a navigation that happened (Electron's did-navigate / did-navigate-in-page). */
  navigated(url: string, inPage = false) {
    this.emit(inPage ? 'did-navigate-in-page' : 'did-navigate', {}, url);
  }
}

export class BrowserWindow extends EventEmitter {
  static windows: BrowserWindow[] = [];
  static getAllWindows() {
    return BrowserWindow.windows.filter((w) => !w.destroyed);
  }
  options: any;
  webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  shown = 0;
  focused = 0;
  destroyed = false;
  minimized = false;
  closeCalls = 0;
  constructor(options: any) {
    super();
    this.options = options;
    BrowserWindow.windows.push(this);
    // As in Electron, the app hears about the window's web contents while it is being built.
    app.emit('web-contents-created', {}, this.webContents);
  }
  close() {
    this.closeCalls++;
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show() {
    this.shown++;
  }
  focus() {
    this.focused++;
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
  }
}

class FakeApp extends EventEmitter {
  singleInstanceLock = true;
  quitCalls = 0;
  exitCode: number | undefined;
  userData = '/nonexistent';
  isPackaged = false;
  requestSingleInstanceLock() {
    return this.singleInstanceLock;
  }
  whenReady() {
    return Promise.resolve();
  }
  getPath(_name: string) {
    return this.userData;
  }
  getVersion() {
    return '9.9.9';
  }
  quit() {
    this.quitCalls++;
    // Electron emits before-quit; a listener may prevent the quit.
    this.emit('before-quit', { preventDefault: () => undefined });
  }
  exit(code: number) {
    this.exitCode = code;
  }
}

export const app = new FakeApp();

export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler) {
    this.handlers.set(channel, handler);
  },
};

export const Menu = {
  buildFromTemplate: (template: unknown[]) => ({ template }),
};

export class Tray extends EventEmitter {
  static instances: Tray[] = [];
  menu:
    { template: Array<{ id?: string; label?: string; click?: () => void; enabled?: boolean }> } | undefined;
  tooltip = '';
  constructor(public image: unknown) {
    super();
    Tray.instances.push(this);
  }
  setContextMenu(menu: any) {
    this.menu = menu;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
}

export const nativeImage = { createFromPath: (path: string) => ({ path }) };

export const dialog = {
  errors: [] as Array<{ title: string; content: string }>,
  showErrorBox(title: string, content: string) {
    this.errors.push({ title, content });
  },
};

export const shell = {
  opened: [] as string[],
  openExternal(url: string) {
    this.opened.push(url);
    return Promise.resolve();
  },
};

/** Reversible but not plaintext, like the real keychain-backed encryption. */
export const safeStorage = {
  available: true,
  isEncryptionAvailable() {
    return this.available;
  },
  encryptString(text: string) {
    return Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a));
  },
  decryptString(buffer: Buffer) {
    return Buffer.from(buffer.map((b) => b ^ 0x5a)).toString('utf8');
  },
};

/** A partition's session (the login window's), recording its permission handler. */
export class FakeSession {
  permissionHandler: undefined | Handler;
  constructor(readonly partition: string) {}
  setPermissionRequestHandler(handler: Handler) {
    this.permissionHandler = handler;
  }
}

export const session = {
  partitions: new Map<string, FakeSession>(),
  fromPartition(partition: string) {
    let found = this.partitions.get(partition);
    if (!found) this.partitions.set(partition, (found = new FakeSession(partition)));
    return found;
  },
  defaultSession: {
    headersListener: undefined as undefined | Handler,
    permissionHandler: undefined as undefined | Handler,
    webRequest: {
      onHeadersReceived(listener: Handler) {
        session.defaultSession.headersListener = listener;
      },
    },
    setPermissionRequestHandler(handler: Handler) {
      this.permissionHandler = handler;
    },
  },
};

/** Records custom schemes and their handlers; `net.fetch` reads file URLs like Electron's. */
export const protocol = {
  privileged: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
  handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>) {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
    this.handlers.set(scheme, handler);
  },
};

export const net = {
  async fetch(url: string) {
    const { readFile } = await import('node:fs/promises');
    const { fileURLToPath } = await import('node:url');
    return new Response(await readFile(fileURLToPath(url)));
  },
};

export class Notification {
  static shown: Array<{ title: string; body: string }> = [];
  constructor(private readonly options: { title: string; body: string }) {}
  show() {
    Notification.shown.push(this.options);
  }
}

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    this.exposed.set(key, api);
  },
};

export const ipcRenderer = new EventEmitter();

/** Puts every recorder back to a fresh state between tests. */
export function resetFakeElectron(): void {
  app.removeAllListeners();
  app.singleInstanceLock = true;
  app.quitCalls = 0;
  app.exitCode = undefined;
  ipcMain.handlers.clear();
  BrowserWindow.windows = [];
  Tray.instances = [];
  dialog.errors = [];
  shell.opened = [];
  safeStorage.available = true;
  session.defaultSession.headersListener = undefined;
  session.defaultSession.permissionHandler = undefined;
  session.partitions.clear();
  Notification.shown = [];
  protocol.privileged = [];
  protocol.handlers.clear();
}

export default {
  app,
  protocol,
  net,
  ipcMain,
  Menu,
  Tray,
  nativeImage,
  dialog,
  shell,
  safeStorage,
  session,
  Notification,
  BrowserWindow,
  contextBridge,
  ipcRenderer,
};
