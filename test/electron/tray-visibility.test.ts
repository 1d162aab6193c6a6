import { describe, expect, it, vi } from 'vitest';
import { parseGsettingsList, trayIsVisible } from '../../src-main/electron/tray-visibility';

vi.mock('electron', () => import('../fakes/fake-electron'));
const { trayIconPath, trayMenuTemplate } = await import('../../src-main/electron/tray');

const linux = (
  currentDesktop: string,
  gnomeExtensions: { enabled: string[]; disabled: string[] } | null = null,
) => ({
  platform: 'linux' as const,
  currentDesktop,
  gnomeExtensions,
});

describe('where closing the window may leave Maestro in the tray', () => {
  it('macOS, Windows and non-GNOME Linux desktops show tray icons', () => {
    expect(trayIsVisible({ platform: 'darwin', currentDesktop: undefined, gnomeExtensions: null })).toBe(
      true,
    );
    expect(trayIsVisible({ platform: 'win32', currentDesktop: undefined, gnomeExtensions: null })).toBe(true);
    expect(trayIsVisible(linux('KDE'))).toBe(true);
    expect(trayIsVisible(linux('X-Cinnamon'))).toBe(true);
  });

  it('GNOME only with an AppIndicator extension on (Ubuntu enables one unless it was disabled)', () => {
    expect(trayIsVisible(linux('GNOME', { enabled: [], disabled: [] }))).toBe(false);
    expect(trayIsVisible(linux('GNOME', null))).toBe(false);
    expect(
      trayIsVisible(linux('GNOME', { enabled: ['appindicatorsupport@rgcjonas.gmail.com'], disabled: [] })),
    ).toBe(true);
    expect(trayIsVisible(linux('ubuntu:GNOME', { enabled: [], disabled: [] }))).toBe(true);
    expect(
      trayIsVisible(linux('ubuntu:GNOME', { enabled: [], disabled: ['ubuntu-appindicators@ubuntu.com'] })),
    ).toBe(false);
  });

  it('reads gsettings lists', () => {
    expect(parseGsettingsList("['a@b.c', 'ubuntu-appindicators@ubuntu.com']\n")).toEqual([
      'a@b.c',
      'ubuntu-appindicators@ubuntu.com',
    ]);
    expect(parseGsettingsList('@as []\n')).toEqual([]);
  });
});

describe('tray', () => {
  const actions = {
    pause: () => undefined,
    resume: () => undefined,
    burstNow: () => undefined,
    open: () => undefined,
    quit: () => undefined,
    restartToUpdate: () => undefined,
    setLaunchAtLogin: () => undefined,
  };
  it('uses a template image on macOS only', () => {
    expect(trayIconPath('/r', 'darwin')).toBe('/r/trayTemplate.png');
    expect(trayIconPath('/r', 'linux')).toBe('/r/tray-icon.png');
  });
  it('offers Restart to update once an update is downloaded, and the start-at-login switch', () => {
    const running = { paused: false, changedAt: null, burstRunning: false, burstKind: null };
    const ids = (extras: Parameters<typeof trayMenuTemplate>[2]) =>
      trayMenuTemplate(running, actions, extras).map((i) => i.id ?? i.type ?? i.label);
    expect(ids({})).toEqual([
      'Maestro is running',
      'separator',
      'pause',
      'burst-now',
      'open',
      'separator',
      'quit',
    ]);
    const full = trayMenuTemplate(running, actions, {
      updateReady: { version: '0.2.0' },
      launchAtLogin: true,
    });
    expect(full.find((i) => i.id === 'restart-to-update')?.label).toBe('Restart to update (0.2.0)');
    expect(full.find((i) => i.id === 'launch-at-login')).toMatchObject({ type: 'checkbox', checked: true });
  });
  it('offers Burst now only while no burst holds the runner, whatever the pause state', () => {
    const burstNow = (status: Parameters<typeof trayMenuTemplate>[0]) =>
      trayMenuTemplate(status, actions).find((i) => i.id === 'burst-now');
    const idle = { paused: true, changedAt: null, burstRunning: false, burstKind: null };
    expect(burstNow(idle)).toMatchObject({ label: 'Burst now', enabled: true });
    expect(burstNow({ ...idle, burstRunning: true, burstKind: 'smart' })).toMatchObject({
      label: 'Burst running…',
      enabled: false,
    });
    expect(burstNow({ ...idle, paused: false, burstRunning: true, burstKind: 'daily' })).toMatchObject({
      enabled: false,
    });
  });
});
