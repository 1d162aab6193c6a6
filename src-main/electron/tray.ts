import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { MaestroStatus } from '../core/contract/maestro';

export interface TrayActions {
  pause(): void;
  resume(): void;
  open(): void;
  quit(): void;
}

/** The tray menu for a given state; pure so the labels and enabled states are testable. */
export function trayMenuTemplate(status: MaestroStatus, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    { label: status.paused ? 'Maestro is paused' : 'Maestro is running', enabled: false },
    { type: 'separator' },
    status.paused
      ? { id: 'resume', label: 'Resume Maestro', click: () => actions.resume() }
      : { id: 'pause', label: 'Pause Maestro', click: () => actions.pause() },
    { id: 'open', label: 'Open Maestro', click: () => actions.open() },
    { type: 'separator' },
    { id: 'quit', label: 'Quit', click: () => actions.quit() },
  ];
}

export interface MaestroTray {
  tray: Tray;
  update(status: MaestroStatus): void;
}

export function createTray(iconPath: string, initial: MaestroStatus, actions: TrayActions): MaestroTray {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  const update = (status: MaestroStatus) => {
    tray.setToolTip(status.paused ? 'Maestro (paused)' : 'Maestro (running)');
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(status, actions)));
  };
  tray.on('click', () => actions.open());
  update(initial);
  return { tray, update };
}
