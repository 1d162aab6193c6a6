import type { NotificationKind } from '../contract/notifications';
import type { SettingKey } from '../contract/settings';

export const notificationDefaults = {
  /** A platform login is announced this many days before it expires (Meta's last ~60 days). */
  tokenWarningDays: 7,
  /** Notifications per page of the bell's list. */
  pageSize: 50,
  /** Outbox rows read per step of the drainer. */
  drainBatch: 50,
  maxTitleLength: 120,
  maxBodyLength: 1_000,
} as const;

/** The Settings switch of each kind (Settings → Notifications). */
export const notificationSettingOf: Record<NotificationKind, SettingKey> = {
  burst_finished: 'notifyBurstFinished',
  publish_failed: 'notifyPublishFailed',
  token_expiry: 'notifyTokenExpiry',
  render_failed: 'notifyRenderFailed',
  diagnostics_critical: 'notifyDiagnosticsCritical',
};
