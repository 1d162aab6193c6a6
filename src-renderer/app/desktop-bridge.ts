import type { DesktopBridge } from '../../src-preload/desktop-bridge';

export type { DesktopBridge, MetaLoginOutcome } from '../../src-preload/desktop-bridge';

declare global {
  interface Window {
    /** Set by the Electron preload: the calls a browser page cannot make. Absent headless. */
    maestroDesktop?: DesktopBridge;
  }
}

/** The desktop calls when the page runs in the app's window; undefined in a browser tab. */
export function desktopBridge(): DesktopBridge | undefined {
  return window.maestroDesktop;
}
