import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from '../../src-main/electron/app-menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

describe('application menu', () => {
  const actions = { openLogsFolder: () => undefined, checkForUpdates: () => undefined };
  it('has no DevTools in the installed app, on any platform', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const items = flatten(
        applicationMenuTemplate({ platform, isPackaged: true, productName: 'Maestro', actions }),
      );
      expect(
        items.some((item) => item.role === 'toggleDevTools'),
        platform,
      ).toBe(false);
      expect(items.filter((item) => item.id === 'open-logs-folder').length, platform).toBeGreaterThan(0);
      expect(
        items.some((item) => item.role === 'paste'),
        platform,
      ).toBe(true);
    }
    const dev = flatten(
      applicationMenuTemplate({ platform: 'linux', isPackaged: false, productName: 'Maestro', actions }),
    );
    expect(dev.some((item) => item.role === 'toggleDevTools')).toBe(true);
  });
});
