import type { Notifier } from '../core/ports/notifier';

/** The part of Electron's Notification the shell uses; tests pass the fake electron module's. */
export interface NativeNotification {
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown;
  show(): void;
}

export interface DesktopNotifierDeps {
  create(options: { title: string; body: string }): NativeNotification;
  /** False where the desktop shows none (e.g. Linux without a notification daemon). */
  isSupported(): boolean;
  /** Shows the window on this renderer path (a click on the notification). */
  open(route: string): void;
}

/** An in-app path (`/calendar?item=…`), never another origin or scheme. */
export function isAppRoute(route: string): boolean {
  return route.startsWith('/') && !route.startsWith('//') && !route.includes('\\');
}

/**
 * The core's notifications as native ones; clicking one opens the window on the page it is
 * about. Each is kept referenced until clicked or closed: Electron drops the click handler of a
 * notification that was garbage-collected while still on screen. Where the desktop shows none,
 * it stays in the app's bell only.
 */
export function desktopNotifier(deps: DesktopNotifierDeps): Notifier {
  const onScreen = new Set<NativeNotification>();
  return {
    notify(message) {
      if (!deps.isSupported()) return;
      const notification = deps.create({ title: message.title, body: message.body });
      onScreen.add(notification);
      const forget = () => onScreen.delete(notification);
      notification.on('click', () => {
        forget();
        deps.open(isAppRoute(message.route) ? message.route : '/');
      });
      notification.on('close', forget);
      notification.on('failed', forget);
      notification.show();
    },
  };
}
