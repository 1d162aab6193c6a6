import type { ActivityLog } from '../activity/activity-log';
import type { BrandsService } from '../brands/brands-service';
import type { DomainHandlers } from '../dispatcher';
import type { EventHub } from '../events/event-hub';
import type { SecretStore } from '../secrets/secret-store';
import type { SettingsService } from './settings-service';

export function settingsHandlers(deps: {
  settings: SettingsService;
  secrets: SecretStore;
  brands: BrandsService;
  activity: ActivityLog;
  events: EventHub;
}): DomainHandlers<'settings' | 'secrets'> {
  const { settings, secrets, brands, activity, events } = deps;

  /** A brand's secret (`brand:<id>:…`) can only be stored for a brand that exists. */
  async function assertSecretOwnerExists(key: string): Promise<void> {
    const brandId = key.startsWith('brand:') ? key.split(':')[1] : undefined;
    if (brandId) await brands.get(brandId);
  }

  return {
    'settings.get': () => settings.view(),
    'settings.set': (input) => settings.set(input.values),
    'secrets.set': async (input) => {
      await assertSecretOwnerExists(input.key);
      await secrets.set(input.key, input.value);
      events.emit('data.changed', { entity: 'secrets', id: input.key });
      await activity.record({ action: 'Secret stored', detail: input.key, level: 'data', emoji: '🔒' });
      return { key: input.key, isSet: true };
    },
    'secrets.clear': async (input) => {
      await secrets.clear(input.key);
      events.emit('data.changed', { entity: 'secrets', id: input.key });
      await activity.record({ action: 'Secret cleared', detail: input.key, level: 'data', emoji: '🔓' });
      return { key: input.key, isSet: false };
    },
  };
}
