import type { AppNotification } from '../contract/notifications';

/** What a notification shows and where clicking it leads. */
export type NotifierMessage = Pick<AppNotification, 'id' | 'kind' | 'severity' | 'title' | 'body' | 'route'>;

/**
 * Native notifications in Electron (clicking one opens the window on `route`); a no-op (or a
 * test recorder) elsewhere — the headless page shows its own toasts from the `notification`
 * event stream.
 */
export interface Notifier {
  notify(message: NotifierMessage): void;
}

export const silentNotifier: Notifier = { notify: () => undefined };
