/**
 * A stand-in for the `electron` module, enough for the shell's code paths. It records what the
 * shell asked for (window options, handlers, menus, dialogs) so tests can assert on it, and lets
 * tests fire the events Electron would fire.
 */
import { EventEmitter } from 'node:events';

type Handler = (...args: any[]) => any;

export class FakeWebContents extends EventEmitter {
  sent: Array<{ channel: string; args: unknown[] }> = [];
  reloads = 0;
  url = '';
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
  destroyed = false;
  /** True while the page is (re)loading. */
  loading = false;
  isLoading() {
    return this.loading;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  isDestroyed() {
    return this.destroyed;
  }
  reload() {
    this.reloads++;
  }
  getURL() {
    return this.url;
  }
  /** Simulates a navigation attempt; returns true if the shell prevented it. */
  tryNavigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true), url }, url);
    return prevented;
  }
  /** Simulates a frame's navigation attempt (will-frame-navigate); true if the shell prevented it. */
  tryFrameNavigate(url: string, isMainFrame: boolean): boolean {
    let prevented = false;
    this.emit('will-frame-navigate', { preventDefault: () => (prevented = true), url, isMainFrame });
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
  maximized = false;
  fullScreen = false;
  closeCalls = 0;
  bounds = { x: 0, y: 0, width: 0, height: 0 };
  constructor(options: any) {
    super();
    this.options = options;
    this.bounds = {
      x: options.x ?? 100,
      y: options.y ?? 100,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    BrowserWindow.windows.push(this);
    // As in Electron, the app hears about the window's web contents while it is being built.
    app.emit('web-contents-created', {}, this.webContents);
  }
  close() {
    this.closeCalls++;
    if (this.destroyed) return;
    this.emit('close', { preventDefault: () => undefined });
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    this.webContents.url = url;
    return Promise.resolve();
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  isFullScreen() {
    return this.fullScreen;
  }
  getNormalBounds() {
    return { ...this.bounds };
  }
  /** Simulates the user moving or resizing the window. */
  setBoundsByUser(bounds: { x: number; y: number; width: number; height: number }) {
    this.bounds = { ...bounds };
    this.emit('resize');
    this.emit('move');
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
  logs = '/nonexistent/logs';
  home = '/nonexistent/home';
  isPackaged = false;
  appUserModelId: string | undefined;
  loginItem = { openAtLogin: false, wasOpenedAtLogin: false, args: undefined as string[] | undefined };
  switches = new Set<string>();
  commandLine = { hasSwitch: (name: string) => this.switches.has(name) };
  setAppUserModelId(id: string) {
    this.appUserModelId = id;
  }
  getLoginItemSettings() {
    return { openAtLogin: this.loginItem.openAtLogin, wasOpenedAtLogin: this.loginItem.wasOpenedAtLogin };
  }
  setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }) {
    this.loginItem.openAtLogin = settings.openAtLogin;
    this.loginItem.args = settings.args;
  }
  requestSingleInstanceLock() {
    return this.singleInstanceLock;
  }
  whenReady() {
    return Promise.resolve();
  }
  getPath(name: string) {
    if (name === 'logs') return this.logs;
    if (name === 'home') return this.home;
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
  application: undefined as undefined | { template: any[] },
  buildFromTemplate: (template: any[]) => ({ template }),
  setApplicationMenu(menu: { template: any[] } | null) {
    this.application = menu ?? undefined;
  },
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

export const nativeImage = {
  createFromPath: (path: string) => ({
    path,
    template: false,
    setTemplateImage(flag: boolean) {
      this.template = flag;
    },
  }),
};

/** One 1920×1080 screen unless a test says otherwise. */
export const screen = {
  workAreas: [{ x: 0, y: 0, width: 1920, height: 1050 }],
  getAllDisplays() {
    return this.workAreas.map((workArea) => ({ workArea }));
  },
};

export const dialog = {
  errors: [] as Array<{ title: string; content: string }>,
  messages: [] as Array<{ message: string; buttons: string[] }>,
  /** The button the next message boxes answer with; their cancel button when undefined. */
  nextResponse: undefined as number | undefined,
  showErrorBox(title: string, content: string) {
    this.errors.push({ title, content });
  },
  showMessageBox(...args: any[]) {
    const options = args.length > 1 ? args[1] : args[0];
    this.messages.push({ message: options.message, buttons: options.buttons });
    return Promise.resolve({ response: this.nextResponse ?? options.cancelId ?? 0, checkboxChecked: false });
  },
};

export const shell = {
  opened: [] as string[],
  openedPaths: [] as string[],
  openExternal(url: string) {
    this.opened.push(url);
    return Promise.resolve();
  },
  openPath(path: string) {
    this.openedPaths.push(path);
    return Promise.resolve('');
  },
};

/** Reversible but not plaintext, like the real keychain-backed encryption. */
export const safeStorage = {
  available: true,
  /** What Electron reports on Linux: gnome_libsecret, kwallet*, basic_text or unknown. */
  backend: 'gnome_libsecret',
  isEncryptionAvailable() {
    return this.available;
  },
  getSelectedStorageBackend() {
    return this.backend;
  },
  // Like Chromium's OSCrypt: a version tag, then bytes that are not the plaintext.
  encryptString(text: string) {
    return Buffer.concat([Buffer.from('v11'), Buffer.from(Buffer.from(text, 'utf8').map((b) => b ^ 0x5a))]);
  },
  decryptString(buffer: Buffer) {
    if (buffer.subarray(0, 3).toString('latin1') !== 'v11')
      throw new Error('Error while decrypting the ciphertext');
    return Buffer.from(buffer.subarray(3).map((b) => b ^ 0x5a)).toString('utf8');
  },
};

/** A partition's session (the login window's), recording its permission handler. */
export class FakeSession {
  permissionHandler: undefined | Handler;
  permissionCheckHandler: undefined | Handler;
  devicePermissionHandler: undefined | Handler;
  constructor(readonly partition: string) {}
  setPermissionRequestHandler(handler: Handler) {
    this.permissionHandler = handler;
  }
  setPermissionCheckHandler(handler: Handler) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Handler) {
    this.devicePermissionHandler = handler;
  }
}

export const session = {
  partitions: new Map<string, FakeSession>(),
  fromPartition(partition: string) {
    let found = this.partitions.get(partition);
    if (!found) this.partitions.set(partition, (found = new FakeSession(partition)));
    return found;
  },
  defaultSession: new FakeSession(''),
};

/** Records custom schemes and their handlers. */
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

/** Electron's net.fetch for http(s): Node's fetch does the same for a local dev server. */
export const net = {
  fetch: (url: string, init?: RequestInit) => fetch(url, init),
};

export class Notification extends EventEmitter {
  static shown: Array<{ title: string; body: string }> = [];
  /** Every notification shown, to click: `Notification.instances[0].click()`. */
  static instances: Notification[] = [];
  static supported = true;
  static isSupported() {
    return Notification.supported;
  }
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show() {
    Notification.shown.push(this.options);
    Notification.instances.push(this);
  }
  /** Simulates the creator clicking it. */
  click() {
    this.emit('click', {});
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
  app.isPackaged = false;
  app.appUserModelId = undefined;
  app.loginItem = { openAtLogin: false, wasOpenedAtLogin: false, args: undefined };
  app.switches.clear();
  Menu.application = undefined;
  screen.workAreas = [{ x: 0, y: 0, width: 1920, height: 1050 }];
  ipcMain.handlers.clear();
  BrowserWindow.windows = [];
  Tray.instances = [];
  dialog.errors = [];
  dialog.messages = [];
  dialog.nextResponse = undefined;
  shell.opened = [];
  shell.openedPaths = [];
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  session.defaultSession = new FakeSession('');
  session.partitions.clear();
  Notification.shown = [];
  Notification.instances = [];
  Notification.supported = true;
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
  screen,
  dialog,
  shell,
  safeStorage,
  session,
  Notification,
  BrowserWindow,
  contextBridge,
  ipcRenderer,
};
