import type { AppInfo } from '../contract/system';
import type { DomainHandlers } from '../dispatcher';
import { checkHealth } from './health';

export function appHandlers(info: AppInfo, health: Parameters<typeof checkHealth>[0]): DomainHandlers<'app'> {
  return {
    'app.info': async () => info,
    'app.health': () => checkHealth(health),
  };
}
