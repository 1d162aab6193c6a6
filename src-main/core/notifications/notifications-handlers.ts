import type { DomainHandlers } from '../dispatcher';
import type { NotificationCenter } from './notification-center';

export function notificationsHandlers(center: NotificationCenter): DomainHandlers<'notifications'> {
  return {
    'notifications.list': (input) => center.list(input),
    'notifications.markRead': (input) => center.markRead(input.ids),
  };
}
