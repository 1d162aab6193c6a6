import type { App } from 'electron';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Passed when the OS starts Maestro at login: it opens in the tray, not in your face. */
export const START_IN_TRAY_ARG = '--start-in-tray';

/** Starting Maestro at login: off by default, changed only by the user. */
export interface LoginItem {
  isEnabled(): boolean;
  setEnabled(enabled: boolean): void;
}

/** Quotes a path for a desktop entry's Exec key (Desktop Entry Specification, "Exec key"). */
export function quoteExecArgument(value: string): string {
  return `"${value.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** The XDG autostart entry that starts `executable` at login, in the tray. */
export function autostartDesktopEntry(productName: string, executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${productName}`,
    `Exec=${quoteExecArgument(executable)} ${START_IN_TRAY_ARG}`,
    'X-GNOME-Autostart-enabled=true',
    'NoDisplay=true',
    '',
  ].join('\n');
}

/**
 * Linux has no login-item API in Electron: an XDG autostart entry does it. An AppImage must be
 * started through its own file ($APPIMAGE), not the binary inside its temporary mount.
 */
export function linuxLoginItem(options: {
  configHome: string;
  productName: string;
  executable: string;
  fileName?: string;
}): LoginItem {
  const file = join(options.configHome, 'autostart', options.fileName ?? 'maestro.desktop');
  return {
    isEnabled: () =>
      existsSync(file) && readFileSync(file, 'utf8').includes('X-GNOME-Autostart-enabled=true'),
    setEnabled(enabled) {
      if (!enabled) return rmSync(file, { force: true });
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, autostartDesktopEntry(options.productName, options.executable));
    },
  };
}

/** macOS and Windows: the OS's own login items. */
export function nativeLoginItem(
  app: Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings'>,
  platform: NodeJS.Platform,
): LoginItem {
  // Windows passes our argument; macOS says "opened at login" through wasOpenedAtLogin instead.
  const args = platform === 'win32' ? [START_IN_TRAY_ARG] : undefined;
  return {
    isEnabled: () => app.getLoginItemSettings(args ? { args } : undefined).openAtLogin,
    setEnabled: (enabled) => app.setLoginItemSettings({ openAtLogin: enabled, ...(args ? { args } : {}) }),
  };
}

export function loginItemFor(
  app: Pick<App, 'getLoginItemSettings' | 'setLoginItemSettings'>,
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  options: { home: string; productName: string; execPath: string },
): LoginItem {
  if (platform === 'darwin' || platform === 'win32') return nativeLoginItem(app, platform);
  return linuxLoginItem({
    configHome: env.XDG_CONFIG_HOME || join(options.home, '.config'),
    productName: options.productName,
    executable: env.APPIMAGE || options.execPath,
  });
}

/** Whether this start was one the OS made at login (then the window stays closed). */
export function startedAtLogin(
  argv: readonly string[],
  app: Pick<App, 'getLoginItemSettings'>,
  platform: NodeJS.Platform,
): boolean {
  if (argv.includes(START_IN_TRAY_ARG)) return true;
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true;
}

/** The desktop's own small memory, beside the data: what was already offered. */
export interface DesktopPreferences {
  launchAtLoginOffered: boolean;
}

export function readDesktopPreferences(file: string): DesktopPreferences {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<DesktopPreferences>;
    return { launchAtLoginOffered: parsed.launchAtLoginOffered === true };
  } catch {
    return { launchAtLoginOffered: false };
  }
}

export function writeDesktopPreferences(file: string, preferences: DesktopPreferences): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(preferences));
}

/**
 * Pure: offer "start at login" once, after the first brand exists (the daily burst then has
 * something to do, and runs only while the app is open), and never if it is already on.
 */
export function shouldOfferLaunchAtLogin(
  preferences: DesktopPreferences,
  brandCount: number,
  alreadyEnabled: boolean,
): boolean {
  return !preferences.launchAtLoginOffered && brandCount > 0 && !alreadyEnabled;
}
