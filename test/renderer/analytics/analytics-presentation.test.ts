import { describe, expect, it } from 'vitest';
import type { AnalyticsCollectSummary } from '@contract';
import {
  describeCollection,
  describeSeries,
  formatDay,
  formatHour,
  formatPercent,
  formatRelative,
  platformsIn,
  rankHours,
} from '../../../src-renderer/features/analytics/analytics-presentation';

const point = (day: string, instagram: number | null, facebook: number | null, youtube: number | null) => ({
  day,
  instagram,
  facebook,
  youtube,
});

describe('platform series', () => {
  const followers = [
    point('2026-11-04', 12000, null, 2400),
    point('2026-11-05', 12180, null, null),
    point('2026-11-06', 12360, null, 2450),
  ];

  it('lists the platforms that have a value, in a fixed order', () => {
    expect(platformsIn(followers)).toEqual(['instagram', 'youtube']);
    expect(platformsIn([])).toEqual([]);
    expect(platformsIn([point('2026-11-04', null, 7, null)])).toEqual(['facebook']);
  });

  it('summarises each platform from its first to its last value, skipping days without one', () => {
    expect(describeSeries(followers)).toBe('Instagram 12,000 → 12,360; YouTube 2,400 → 2,450');
    expect(describeSeries([point('2026-11-04', 500, null, null), point('2026-11-05', 500, null, null)])).toBe(
      'Instagram 500',
    );
  });

  it('shows a day of the creator’s zone as that day, whatever the browser’s zone', () => {
    const utc = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    expect(formatDay('2026-11-04')).toBe(utc.format(Date.UTC(2026, 10, 4)));
    expect(formatDay('not a day')).toBe('not a day');
  });
});

describe('best posting hours', () => {
  const hours = [
    { hour: 8, posts: 5, avgViews: 44000, avgRelativeScore: 79.8 },
    { hour: 2, posts: 4, avgViews: 1100, avgRelativeScore: 0 },
    { hour: 7, posts: 5, avgViews: 39600, avgRelativeScore: 77.8 },
    // Most views, but against the brand's own posts at the time it did worse.
    { hour: 18, posts: 2, avgViews: 60000, avgRelativeScore: 60 },
    // No relative score yet: ranked after those that have one.
    { hour: 21, posts: 1, avgViews: 90000, avgRelativeScore: null },
  ];

  it('ranks by relative score first, then views, and takes the best few', () => {
    expect(rankHours(hours, 3).map((h) => h.hour)).toEqual([8, 7, 18]);
    expect(rankHours(hours, 10).map((h) => h.hour)).toEqual([8, 7, 18, 2, 21]);
    expect(
      rankHours(
        [
          { hour: 9, posts: 1, avgViews: 10, avgRelativeScore: 50 },
          { hour: 10, posts: 3, avgViews: 10, avgRelativeScore: 50 },
        ],
        1,
      ).map((h) => h.hour),
    ).toEqual([10]);
  });

  it('names hours on the 24-hour clock', () => {
    expect(formatHour(8)).toBe('08:00');
    expect(formatHour(21)).toBe('21:00');
  });
});

describe('numbers', () => {
  it('shows engagement as a percentage and the relative score as a whole number', () => {
    expect(formatPercent(8.18)).toBe('8.18%');
    expect(formatPercent(12.1)).toBe('12.1%');
    expect(formatPercent(null)).toBe('—');
    expect(formatRelative(87.3)).toBe('87');
    expect(formatRelative(null)).toBe('—');
  });
});

describe('a metrics collection in one sentence', () => {
  const base: AnalyticsCollectSummary = {
    startedAt: '2026-11-25T10:00:00.000Z',
    finishedAt: '2026-11-25T10:00:02.000Z',
    snapshotsTaken: 0,
    noDataYet: 0,
    brandSnapshots: 0,
    stopped: [],
    errors: [],
  };

  it('says what was taken, then what waits and why', () => {
    expect(describeCollection(base)).toBe('Nothing was due to measure.');
    expect(describeCollection({ ...base, snapshotsTaken: 3, brandSnapshots: 1, noDataYet: 2 })).toBe(
      'Took 3 post measurements and 1 account snapshot; 2 without data yet.',
    );
    expect(
      describeCollection({
        ...base,
        snapshotsTaken: 1,
        stopped: [
          { brandId: 'hc', platform: 'instagram', reason: 'rate_limit', detail: 'x', leftForLater: 4 },
          { brandId: 'hc', platform: 'youtube', reason: 'not_connected', detail: 'y', leftForLater: 0 },
        ],
        errors: [{ brandId: 'hc', platform: 'facebook', mediaId: '1', detail: 'gone' }],
      }),
    ).toBe(
      'Took 1 post measurement and 0 account snapshots; Instagram rate limited, YouTube not connected; 1 refused by the platform.',
    );
  });
});
