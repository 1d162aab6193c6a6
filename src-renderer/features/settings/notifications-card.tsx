import type { SettingsView } from '@contract';
import { Card } from '../../ui/card';
import type { SettingField } from './settings-fields-form';
import { SettingsFieldsForm } from './settings-fields-form';

/** One switch per kind of notification (all on by default). */
export const notificationSettingFields: readonly SettingField[] = [
  {
    key: 'notifyBurstFinished',
    label: 'A burst finished',
    kind: 'checkbox',
    hint: 'How it went in one sentence, the shortfall first.',
  },
  {
    key: 'notifyPublishFailed',
    label: 'A post failed to publish',
    kind: 'checkbox',
    hint: 'On one platform, with its message; opens the post on the calendar.',
  },
  {
    key: 'notifyTokenExpiry',
    label: 'A login is about to expire or has expired',
    kind: 'checkbox',
    hint: 'Seven days before a Meta login runs out, and when a connection stops working.',
  },
  {
    key: 'notifyRenderFailed',
    label: 'A render failed for good',
    kind: 'checkbox',
    hint: 'After its automatic retries, with what to do.',
  },
  {
    key: 'notifyDiagnosticsCritical',
    label: 'Diagnostics turned critical',
    kind: 'checkbox',
    hint: 'Several system checks failing at once.',
  },
];

/**
 * Which notifications are shown: natively on the desktop, as a toast in a browser tab. One that
 * is off is still listed under the bell, already read.
 */
export function NotificationsCard({ view }: { view: SettingsView }) {
  return (
    <Card title="Notifications">
      <SettingsFieldsForm view={view} fields={notificationSettingFields} label="Notifications" />
    </Card>
  );
}
