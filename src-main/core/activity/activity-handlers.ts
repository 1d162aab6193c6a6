import type { DomainHandlers } from '../dispatcher';
import type { ActivityLog } from './activity-log';

export function activityHandlers(activity: ActivityLog): DomainHandlers<'activity'> {
  return { 'activity.list': (input) => activity.list(input) };
}
