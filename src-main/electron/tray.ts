import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { MaestroStatus } from '../core/contract/maestro';

export interface TrayActions {
  pause(): void;
  resume(): void;
  /** The same operation as the page's Burst now (maestro.triggerBurst). */
  burstNow(): void;
  open(): void;
  quit(): void;
  restartToUpdate(): void;
  setLaunchAtLogin(enabled: boolean): void;
}

/** What the tray shows beside Maestro's own state. */
export interface TrayExtras {
  /** A downloaded update waiting for a restart. */
  updateReady?: { version: string } | undefined;
  /** Undefined where the platform offers no way to start at login. */
  launchAtLogin?: boolean | undefined;
}

/**
 * The tray menu for a given state; pure so the labels and enabled states are testable. Pause,
 * Resume and Burst now follow `maestro.status` alone, as the page's buttons do, so the two never
 * disagree: Burst now is off while any burst holds the runner, as on the page.
 */
export function trayMenuTemplate(
  status: MaestroStatus,
  actions: TrayActions,
  extras: TrayExtras = {},
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [
    { label: status.paused ? 'Maestro is paused' : 'Maestro is running', enabled: false },
    { type: 'separator' },
    status.paused
      ? { id: 'resume', label: 'Resume Maestro', click: () => actions.resume() }
      : { id: 'pause', label: 'Pause Maestro', click: () => actions.pause() },
    {
      id: 'burst-now',
      label: status.burstRunning ? 'Burst running…' : 'Burst now',
      enabled: !status.burstRunning,
      click: () => actions.burstNow(),
    },
    { id: 'open', label: 'Open Maestro', click: () => actions.open() },
  ];
  if (extras.launchAtLogin !== undefined) {
    const enabled = extras.launchAtLogin;
    items.push({
      id: 'launch-at-login',
      label: 'Start Maestro at login',
      type: 'checkbox',
      checked: enabled,
      click: () => actions.setLaunchAtLogin(!enabled),
    });
  }
  items.push({ type: 'separator' });
  if (extras.updateReady) {
    items.push({
      id: 'restart-to-update',
      label: `Restart to update (${extras.updateReady.version})`,
      click: () => actions.restartToUpdate(),
    });
  }
  items.push({ id: 'quit', label: 'Quit', click: () => actions.quit() });
  return items;
}

/**
 * The tray icon file: on macOS a black-and-alpha "Template" image (trayTemplate.png and its @2x),
 * which the menu bar tints for light and dark mode; elsewhere the coloured icon.
 */
export function trayIconPath(resourcesDir: string, platform: NodeJS.Platform): string {
  return join(resourcesDir, platform === 'darwin' ? 'trayTemplate.png' : 'tray-icon.png');
}

export interface MaestroTray {
  tray: Tray;
  update(status: MaestroStatus): void;
  setExtras(extras: TrayExtras): void;
}

export function createTray(
  iconPath: string,
  platform: NodeJS.Platform,
  initial: MaestroStatus,
  actions: TrayActions,
  initialExtras: TrayExtras = {},
): MaestroTray {
  const image = nativeImage.createFromPath(iconPath);
  // The file name already marks it; saying so keeps it a template if the file is ever renamed.
  if (platform === 'darwin') image.setTemplateImage(true);
  const tray = new Tray(image);
  let status = initial;
  let extras = initialExtras;
  const render = () => {
    tray.setToolTip(status.paused ? 'Maestro (paused)' : 'Maestro (running)');
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(status, actions, extras)));
  };
  tray.on('click', () => actions.open());
  render();
  return {
    tray,
    update(next) {
      status = next;
      render();
    },
    setExtras(next) {
      extras = { ...extras, ...next };
      render();
    },
  };
}
