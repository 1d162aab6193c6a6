import type { SettingsValues } from '../contract/settings';
import { DAY_MS } from '../ports/clock';

export type RetainedKind = 'activity' | 'usage' | 'metricSnapshots';

/** Per kind, the instant before which rows are pruned (ISO), or null when everything is kept. */
export type RetentionCutoffs = Record<RetainedKind, string | null>;

/** What the retention settings mean at `now`: 0 days keeps everything. */
export function retentionCutoffs(
  now: Date,
  values: Pick<
    SettingsValues,
    'retentionActivityDays' | 'retentionUsageDays' | 'retentionMetricSnapshotsDays'
  >,
): RetentionCutoffs {
  const cutoff = (days: number) => (days > 0 ? new Date(now.getTime() - days * DAY_MS).toISOString() : null);
  return {
    activity: cutoff(values.retentionActivityDays),
    usage: cutoff(values.retentionUsageDays),
    metricSnapshots: cutoff(values.retentionMetricSnapshotsDays),
  };
}

/** A run is due once per local day (the day the last run finished is stored). */
export function isRetentionDue(today: string, lastRunDay: string | null): boolean {
  return lastRunDay === null || lastRunDay < today;
}
