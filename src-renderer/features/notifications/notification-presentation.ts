import type { AppNotification } from '@contract';

/** What a toast says: the title, then the details. */
export function toastMessageOf(notification: Pick<AppNotification, 'title' | 'body'>): string {
  return `${notification.title}: ${notification.body}`;
}
