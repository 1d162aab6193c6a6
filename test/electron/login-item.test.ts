import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  autostartDesktopEntry,
  linuxLoginItem,
  loginItemFor,
  quoteExecArgument,
  shouldOfferLaunchAtLogin,
  START_IN_TRAY_ARG,
  startedAtLogin,
} from '../../src-main/electron/login-item';
import { makeTempDir } from '../helpers/temp-dir';

describe('launch at login', () => {
  it('is offered once, after the first brand, and not when already on', () => {
    const fresh = { launchAtLoginOffered: false };
    expect(shouldOfferLaunchAtLogin(fresh, 0, false)).toBe(false);
    expect(shouldOfferLaunchAtLogin(fresh, 1, false)).toBe(true);
    expect(shouldOfferLaunchAtLogin(fresh, 1, true)).toBe(false);
    expect(shouldOfferLaunchAtLogin({ launchAtLoginOffered: true }, 3, false)).toBe(false);
  });

  it('on Linux writes an XDG autostart entry that starts the AppImage itself, in the tray', () => {
    const temp = makeTempDir();
    const item = loginItemFor(
      {} as never,
      'linux',
      { XDG_CONFIG_HOME: temp.dir, APPIMAGE: '/home/me/Apps/Maestro 0.2.AppImage' },
      {
        home: '/home/me',
        productName: 'Maestro',
        execPath: '/tmp/.mount_Maestro/maestro',
      },
    );
    const file = join(temp.dir, 'autostart', 'maestro.desktop');
    expect(item.isEnabled()).toBe(false);
    item.setEnabled(true);
    expect(item.isEnabled()).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain(
      `Exec="/home/me/Apps/Maestro 0.2.AppImage" ${START_IN_TRAY_ARG}\n`,
    );
    item.setEnabled(false);
    expect(existsSync(file)).toBe(false);
    expect(item.isEnabled()).toBe(false);
    temp.cleanup();
  });

  it('quotes Exec paths as the desktop entry specification says', () => {
    expect(quoteExecArgument('/opt/Maestro/maestro')).toBe('"/opt/Maestro/maestro"');
    expect(quoteExecArgument('/a "b" $c `d` \\e')).toBe('"/a \\"b\\" \\$c \\`d\\` \\\\e"');
    expect(autostartDesktopEntry('Maestro', '/opt/Maestro/maestro')).toMatch(
      /^\[Desktop Entry\]\nType=Application\n/,
    );
    const temp = makeTempDir();
    const item = linuxLoginItem({
      configHome: temp.dir,
      productName: 'Maestro',
      executable: '/usr/bin/maestro',
    });
    item.setEnabled(true);
    expect(readFileSync(join(temp.dir, 'autostart', 'maestro.desktop'), 'utf8')).toContain('Name=Maestro');
    temp.cleanup();
  });

  it('uses the OS login items on Windows (with the tray argument) and macOS', () => {
    const calls: unknown[] = [];
    const app = {
      getLoginItemSettings: (options?: unknown) => (
        calls.push(['get', options]),
        { openAtLogin: true, wasOpenedAtLogin: true }
      ),
      setLoginItemSettings: (settings: unknown) => void calls.push(['set', settings]),
    };
    const windows = loginItemFor(
      app as never,
      'win32',
      {},
      { home: '', productName: 'Maestro', execPath: '' },
    );
    windows.setEnabled(true);
    expect(windows.isEnabled()).toBe(true);
    const mac = loginItemFor(app as never, 'darwin', {}, { home: '', productName: 'Maestro', execPath: '' });
    mac.setEnabled(false);
    expect(calls).toEqual([
      ['set', { openAtLogin: true, args: [START_IN_TRAY_ARG] }],
      ['get', { args: [START_IN_TRAY_ARG] }],
      ['set', { openAtLogin: false }],
    ]);
    expect(startedAtLogin(['maestro', START_IN_TRAY_ARG], app as never, 'win32')).toBe(true);
    expect(startedAtLogin(['maestro'], app as never, 'darwin')).toBe(true);
    expect(startedAtLogin(['maestro'], app as never, 'linux')).toBe(false);
  });
});
