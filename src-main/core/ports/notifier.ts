/** Desktop notifications in Electron; a no-op (or a test recorder) elsewhere. */
export interface Notifier {
  notify(title: string, body: string): void;
}

export const silentNotifier: Notifier = { notify: () => undefined };
