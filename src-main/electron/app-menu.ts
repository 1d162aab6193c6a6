import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuActions {
  openLogsFolder(): void;
  checkForUpdates(): void;
}

/**
 * Our own application menu instead of Electron's default: the default one carries "Toggle
 * Developer Tools" (and its shortcut) into the installed app. DevTools only in development.
 * Pure, so the production menu is tested to hold no DevTools entry.
 */
export function applicationMenuTemplate(options: {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  productName: string;
  actions: AppMenuActions;
}): MenuItemConstructorOptions[] {
  const { platform, isPackaged, productName, actions } = options;
  const mac = platform === 'darwin';
  const openLogs: MenuItemConstructorOptions = {
    id: 'open-logs-folder',
    label: 'Open Logs Folder',
    click: () => actions.openLogsFolder(),
  };
  const checkUpdates: MenuItemConstructorOptions = {
    id: 'check-for-updates',
    label: 'Check for Updates',
    click: () => actions.checkForUpdates(),
  };
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: productName,
      submenu: [
        { role: 'about' },
        checkUpdates,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    { label: 'File', submenu: [openLogs, { type: 'separator' }, mac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(isPackaged ? [] : [{ role: 'toggleDevTools' } as MenuItemConstructorOptions]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Window',
      submenu: mac
        ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
        : [{ role: 'minimize' }, { role: 'close' }],
    },
    { role: 'help', submenu: mac ? [openLogs] : [openLogs, checkUpdates] },
  );
  return template;
}
