import { metricStamps, type MetricStampName } from '../contract/analytics';
import type { Database } from '../store/database';
import { analyticsDefaults } from './defaults';

export type MetricStamp = MetricStampName;
export { metricStamps };

/** The post_performance column that records when each stamp was taken. */
export const stampColumns = {
  '1h': 'metrics_1h_at',
  '6h': 'metrics_6h_at',
  '24h': 'metrics_24h_at',
  '48h': 'metrics_48h_at',
  '7d': 'metrics_7d_at',
} as const satisfies Record<MetricStamp, keyof Database['post_performance']>;

/** The ages (ms after publishing) during which a stamp may be taken: [from, to). */
export function stampWindow(stamp: MetricStamp): { fromMs: number; toMs: number } {
  const offsets = analyticsDefaults.stampOffsetsMs;
  const index = metricStamps.indexOf(stamp);
  const next = metricStamps[index + 1];
  const fromMs = offsets[stamp];
  return { fromMs, toMs: next ? offsets[next] : fromMs + analyticsDefaults.lastStampWindowMs };
}

/**
 * The stamp to take now for a post published at `publishedAt`, or null. The windows follow each
 * other without overlap, so at any age at most one stamp is due: a run that comes late (or after
 * the app was closed for days) takes the stamp whose window it is in, once, and the missed
 * earlier ones stay missing rather than being filled with later numbers.
 */
export function dueStamp(publishedAt: Date, now: Date, taken: ReadonlySet<MetricStamp>): MetricStamp | null {
  const age = now.getTime() - publishedAt.getTime();
  for (const stamp of metricStamps) {
    const { fromMs, toMs } = stampWindow(stamp);
    if (age >= fromMs && age < toMs) return taken.has(stamp) ? null : stamp;
  }
  return null;
}

/** When the due stamp can no longer be taken: the most urgent posts are measured first. */
export function stampDeadline(publishedAt: Date, stamp: MetricStamp): Date {
  return new Date(publishedAt.getTime() + stampWindow(stamp).toMs);
}

/** How far back a post can still have a stamp due. */
export function oldestMeasurableAge(): number {
  return stampWindow(metricStamps[metricStamps.length - 1]!).toMs;
}
