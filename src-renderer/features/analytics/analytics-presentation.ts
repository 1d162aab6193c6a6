import { platformNames, type AnalyticsBrand, type AnalyticsCollectSummary, type Platform } from '@contract';

/**
 * How the Analytics page reads the core's numbers: which platforms a series has, what a chart's
 * summary says, the best hours in order, and a collection run in one sentence.
 */

export const platformOrder = ['instagram', 'facebook', 'youtube'] as const satisfies readonly Platform[];

/** The platforms' own hues, darkened enough to read on white. */
export const platformColors: Record<Platform, string> = {
  instagram: '#c13584',
  facebook: '#1877f2',
  youtube: '#cc0000',
};

export type PlatformSeries = AnalyticsBrand['followers'];

/** The platforms with at least one value in a series, in a fixed order (so colours and legends agree). */
export function platformsIn(series: PlatformSeries): Platform[] {
  return platformOrder.filter((platform) => series.some((point) => point[platform] !== null));
}

const count = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

export function formatCount(value: number): string {
  return count.format(value);
}

/** Axis ticks: 12K, 1.5M. */
export function formatCompact(value: number): string {
  return compact.format(value);
}

/**
 * "Instagram 1,200 → 1,450; YouTube 300": each platform's first and last value in the window, for
 * the chart's summary (and screen readers).
 */
export function describeSeries(series: PlatformSeries): string {
  const parts = platformsIn(series).map((platform) => {
    const values = series.map((p) => p[platform]).filter((v): v is number => v !== null);
    const first = values[0]!;
    const last = values.at(-1)!;
    return values.length === 1 || first === last
      ? `${platformNames[platform]} ${formatCount(last)}`
      : `${platformNames[platform]} ${formatCount(first)} → ${formatCount(last)}`;
  });
  return parts.join('; ');
}

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** A day of the creator's zone (YYYY-MM-DD) as "25 Nov", without moving it through the browser's zone. */
export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : dayFormat.format(date);
}

/** "09:00": the hour a post went out, in the creator's time zone. */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

export type BestHour = AnalyticsBrand['bestHours'][number];

/**
 * The best publishing hours: by score against the brand's own posts where known (it corrects for
 * the brand's growth), then by average views, then by how many posts back the average.
 */
export function rankHours(hours: readonly BestHour[], limit: number): BestHour[] {
  return [...hours]
    .sort(
      (a, b) =>
        (b.avgRelativeScore ?? Number.NEGATIVE_INFINITY) - (a.avgRelativeScore ?? Number.NEGATIVE_INFINITY) ||
        b.avgViews - a.avgViews ||
        b.posts - a.posts ||
        a.hour - b.hour,
    )
    .slice(0, limit);
}

/** Engagement rates are percentages with 2 decimals already (the core's rounding). */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(value >= 10 ? 1 : 2)}%`;
}

/** Relative score: 50 is the brand's median post at the same age. */
export function formatRelative(value: number | null): string {
  return value === null ? '—' : String(Math.round(value));
}

const stopReasons: Record<AnalyticsCollectSummary['stopped'][number]['reason'], string> = {
  not_connected: 'not connected',
  connection_expired: 'connection expired',
  rate_limit: 'rate limited',
  quota: 'out of quota',
  call_budget: 'call budget used up',
  offline: 'offline',
  platform_error: 'platform error',
};

/** A "collect now" run in one sentence, what was taken first, then what stopped and why. */
export function describeCollection(summary: AnalyticsCollectSummary): string {
  const taken =
    summary.snapshotsTaken + summary.brandSnapshots === 0
      ? 'Nothing was due to measure'
      : `Took ${summary.snapshotsTaken} post ${summary.snapshotsTaken === 1 ? 'measurement' : 'measurements'} and ${summary.brandSnapshots} account ${summary.brandSnapshots === 1 ? 'snapshot' : 'snapshots'}`;
  const waiting = summary.noDataYet > 0 ? `; ${summary.noDataYet} without data yet` : '';
  const stopped = summary.stopped.map(
    (stop) => `${platformNames[stop.platform]} ${stopReasons[stop.reason]}`,
  );
  const refused = summary.errors.length > 0 ? `; ${summary.errors.length} refused by the platform` : '';
  return `${taken}${waiting}${stopped.length > 0 ? `; ${stopped.join(', ')}` : ''}${refused}.`;
}
