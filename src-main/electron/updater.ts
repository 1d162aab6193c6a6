import type { UpdateState } from '../../src-preload/desktop-bridge';

/** Checked at start and then once a day; a Maestro left open for weeks still hears of fixes. */
export const UPDATE_CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** The part of electron-updater's autoUpdater the flow uses; tests pass a fake. */
export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'checking-for-update' | 'update-not-available', listener: () => void): unknown;
  on(event: 'update-available' | 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdaterTimers {
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface DesktopUpdater {
  state(): UpdateState;
  checkNow(): Promise<void>;
  /** Quits and installs the downloaded update; false when none is ready. */
  restartToUpdate(): boolean;
  stop(): void;
}

/**
 * Auto-update from the GitHub releases (electron-updater reads app-update.yml, written by
 * electron-builder): check at start and daily, download in the background, and once it is
 * downloaded offer "Restart to update" (tray and banner). Not restarting is fine: the update is
 * installed when the app quits. A failed check is logged and retried on the next tick, never a
 * dialog: being offline is not an error the user must act on.
 */
export function startUpdater(deps: {
  updater: AutoUpdaterLike;
  /** A reason updates are off (e.g. not an installed build), or null to run. */
  disabledReason: string | null;
  timers: UpdaterTimers;
  log(message: string): void;
  onChange(state: UpdateState): void;
}): DesktopUpdater {
  let state: UpdateState = deps.disabledReason
    ? { status: 'disabled', reason: deps.disabledReason }
    : { status: 'idle' };
  const set = (next: UpdateState) => {
    state = next;
    deps.onChange(state);
  };
  if (deps.disabledReason) {
    deps.log(`Updates are off: ${deps.disabledReason}`);
    return {
      state: () => state,
      checkNow: async () => undefined,
      restartToUpdate: () => false,
      stop: () => undefined,
    };
  }

  const { updater } = deps;
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  const ready = () => state.status === 'ready';
  updater.on('checking-for-update', () => {
    if (!ready()) set({ status: 'checking' });
  });
  updater.on('update-not-available', () => {
    if (!ready()) set({ status: 'idle' });
  });
  updater.on('update-available', (info) => {
    deps.log(`Update ${info.version} found; downloading in the background.`);
    set({ status: 'downloading', version: info.version, percent: 0 });
  });
  updater.on('download-progress', (progress) => {
    if (state.status === 'downloading') set({ ...state, percent: Math.round(progress.percent) });
  });
  updater.on('update-downloaded', (info) => {
    deps.log(`Update ${info.version} downloaded; it installs on restart.`);
    set({ status: 'ready', version: info.version });
  });
  updater.on('error', (error) => {
    deps.log(`Update check failed: ${error.message}`);
    if (!ready()) set({ status: 'error', message: error.message });
  });

  const checkNow = async () => {
    // Once an update waits for a restart there is nothing newer worth fetching today.
    if (ready()) return;
    try {
      await updater.checkForUpdates();
    } catch (error) {
      // Also reported through 'error'; caught here so a check never rejects into the void.
      deps.log(`Update check failed: ${(error as Error).message}`);
    }
  };
  void checkNow();
  const timer = deps.timers.setInterval(() => void checkNow(), UPDATE_CHECK_INTERVAL_MS);

  return {
    state: () => state,
    checkNow,
    restartToUpdate() {
      if (!ready()) return false;
      updater.quitAndInstall(false, true);
      return true;
    },
    stop: () => deps.timers.clearInterval(timer),
  };
}

/**
 * Pure: why updates are off on this start, or null. Only an installed build has the
 * app-update.yml electron-updater needs; a Linux build updates itself only as an AppImage
 * or a .deb install (the two Linux targets we publish).
 */
export function updatesDisabledReason(options: {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  /** The resources/package-type file electron-builder writes into a .deb ("deb"), if any. */
  linuxPackageType: string | null;
}): string | null {
  if (!options.isPackaged) return 'this is a development build';
  if (options.env.MAESTRO_DISABLE_UPDATES === '1') return 'MAESTRO_DISABLE_UPDATES=1 is set';
  if (options.platform === 'linux' && !options.env.APPIMAGE && options.linuxPackageType !== 'deb') {
    return 'this Linux build was not installed as an AppImage or a .deb package';
  }
  return null;
}
