import { describe, expect, it } from 'vitest';
import {
  dueStamp,
  metricStamps,
  stampDeadline,
  type MetricStamp,
} from '../../../src-main/core/analytics/metric-stamps';
import {
  engagementRatePercent,
  median,
  percentileRanks,
  performanceScore,
  relativeScore,
  roundTo,
  type PostMetrics,
} from '../../../src-main/core/analytics/performance-score';

const HOUR = 3600_000;
const published = new Date('2026-11-25T10:00:00.000Z');
const at = (hours: number) => new Date(published.getTime() + hours * HOUR);
const metrics = (m: Partial<PostMetrics>): PostMetrics => ({
  views: 0,
  reach: 0,
  likes: 0,
  comments: 0,
  saves: 0,
  shares: 0,
  ...m,
});

describe('which metrics stamp is due', () => {
  it('nothing before an hour; then each stamp inside its own window', () => {
    const none = new Set<MetricStamp>();
    expect(dueStamp(published, at(0.5), none)).toBeNull();
    expect(dueStamp(published, at(1), none)).toBe('1h');
    expect(dueStamp(published, at(5.99), none)).toBe('1h');
    expect(dueStamp(published, at(6), none)).toBe('6h');
    expect(dueStamp(published, at(23.9), none)).toBe('6h');
    expect(dueStamp(published, at(24), none)).toBe('24h');
    expect(dueStamp(published, at(48), none)).toBe('48h');
    expect(dueStamp(published, at(7 * 24), none)).toBe('7d');
    expect(dueStamp(published, at(14 * 24 - 0.01), none)).toBe('7d');
    // The last window closes a week after the 7-day stamp.
    expect(dueStamp(published, at(14 * 24), none)).toBeNull();
  });

  it('a taken stamp is not due again within its window', () => {
    expect(dueStamp(published, at(2), new Set(['1h']))).toBeNull();
    expect(dueStamp(published, at(30), new Set(['1h', '6h', '24h']))).toBeNull();
  });

  it('a late run takes the one stamp whose window it is in, never the missed ones', () => {
    // The app was closed from 0.5 h to 50 h: only 48 h is due, and after it nothing until 7 d.
    const taken = new Set<MetricStamp>();
    expect(dueStamp(published, at(50), taken)).toBe('48h');
    taken.add('48h');
    expect(dueStamp(published, at(60), taken)).toBeNull();
    expect(dueStamp(published, at(24 * 7 + 1), taken)).toBe('7d');
  });

  it('runs every 5 h for 15 days take each stamp exactly once; runs every 3 days take fewer, each once', () => {
    const simulate = (everyHours: number) => {
      const taken = new Set<MetricStamp>();
      const order: MetricStamp[] = [];
      for (let hours = 0; hours <= 15 * 24; hours += everyHours) {
        const stamp = dueStamp(published, at(hours), taken);
        if (stamp) {
          expect(taken.has(stamp)).toBe(false);
          taken.add(stamp);
          order.push(stamp);
        }
      }
      return order;
    };
    expect(simulate(5)).toEqual(['1h', '6h', '24h', '48h', '7d']);
    // 0, 72, 144, 216 h …: 72 h is in 48 h's window, 216 h in 7 d's.
    expect(simulate(72)).toEqual(['48h', '7d']);
  });

  it('orders by the end of the window: a 1 h stamp about to close goes before a fresh 7 d one', () => {
    expect(stampDeadline(published, '1h')).toEqual(at(6));
    expect(stampDeadline(published, '7d')).toEqual(at(14 * 24));
    expect(metricStamps).toEqual(['1h', '6h', '24h', '48h', '7d']);
  });
});

describe('performance score (reference §9.1)', () => {
  it('weights capped parts: 2,500 views, 10 % engagement, 50 saves, 30 shares', () => {
    // views 2500/5000 → 50 × 0.3 = 15; ER (100+20+50+30)/2000 = 0.1 → 100 × 0.3 = 30;
    // saves 50/100 → 50 × 0.2 = 10; shares 30/50 → 60 × 0.2 = 12. Total 67.
    const m = metrics({ views: 2500, reach: 2000, likes: 100, comments: 20, saves: 50, shares: 30 });
    expect(performanceScore(m)).toBe(67);
    expect(engagementRatePercent(m)).toBe(10);
  });

  it('each part stops at full marks', () => {
    const m = metrics({ views: 10_000, reach: 1000, likes: 300, saves: 200, shares: 100 });
    expect(performanceScore(m)).toBe(100);
    expect(engagementRatePercent(m)).toBe(60);
  });

  it('a post without reach (YouTube) measures engagement against views; nothing at all scores 0', () => {
    // ER 50/1000 = 0.05 → 50 × 0.3 = 15; views 1000/5000 → 20 × 0.3 = 6. Total 21.
    expect(performanceScore(metrics({ views: 1000, likes: 40, comments: 10 }))).toBe(21);
    expect(engagementRatePercent(metrics({ views: 1000, likes: 40, comments: 10 }))).toBe(5);
    expect(performanceScore(metrics({}))).toBe(0);
    expect(engagementRatePercent(metrics({}))).toBe(0);
  });

  it('the first hour of a small reel: 100 views, 80 reached, 16 interactions', () => {
    // views 2 × 0.3 = 0.6; ER 16/80 = 0.2 → capped 100 × 0.3 = 30; saves 3 × 0.2 = 0.6; shares 2 × 0.2 = 0.4.
    const m = metrics({ views: 100, reach: 80, likes: 10, comments: 2, saves: 3, shares: 1 });
    expect(performanceScore(m)).toBe(31.6);
    expect(engagementRatePercent(m)).toBe(20);
  });

  it('rounds halves up even where binary floating point falls just short', () => {
    expect(Math.round(1.005 * 100) / 100).toBe(1); // the trap
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(72.45, 1)).toBe(72.5);
  });
});

describe('relative score against the brand’s own median', () => {
  const peers = [
    metrics({ views: 490, reach: 1000, likes: 40, saves: 3, shares: 2 }), // ER 0.045
    metrics({ views: 990, reach: 1000, likes: 20, saves: 1, shares: 1 }), // ER 0.022
    metrics({ views: 1490, reach: 1000, likes: 50, saves: 5, shares: 0 }), // ER 0.055
  ];

  it('medians: views 990, ER 0.045, saves 3, shares 1', () => {
    expect(median(peers.map((p) => p.views))).toBe(990);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('twice the median views and engagement, four times the saves, half the shares: 70', () => {
    // views (1990+10)/(990+10) = 2 → 75; ER (0.095+0.005)/(0.045+0.005) = 2 → 75;
    // saves (15+1)/(3+1) = 4 → 100; shares (0+1)/(1+1) = ½ → 25.
    // 0.3·75 + 0.3·75 + 0.2·100 + 0.2·25 = 70.
    const post = metrics({ views: 1990, reach: 1000, likes: 80, saves: 15, shares: 0 });
    expect(relativeScore(post, peers)).toBe(70);
  });

  it('the median post scores 50, a brand’s first post 50, and each part is clamped to 0–100', () => {
    expect(relativeScore(peers[0]!, [peers[0]!])).toBe(50);
    expect(relativeScore(metrics({ views: 5 }), [])).toBe(50);
    // 100× everything: each part capped at 100.
    const huge = metrics({ views: 99_000, reach: 1000, likes: 900, saves: 300, shares: 100 });
    expect(relativeScore(huge, peers)).toBe(100);
    expect(
      relativeScore(metrics({}), [
        metrics({ views: 100_000, reach: 50_000, likes: 5000, saves: 800, shares: 400 }),
      ]),
    ).toBe(0);
  });

  it('lets a small account’s good post score above a big account’s ordinary one', () => {
    const smallPeers = [metrics({ views: 490, reach: 400, likes: 20, saves: 1, shares: 1 })];
    const bigPeers = [metrics({ views: 99_990, reach: 80_000, likes: 4000, saves: 300, shares: 100 })];
    const smallGood = metrics({ views: 1990, reach: 1600, likes: 80, saves: 4, shares: 3 });
    const bigOrdinary = metrics({ views: 99_990, reach: 80_000, likes: 4000, saves: 300, shares: 100 });
    expect(performanceScore(bigOrdinary)).toBeGreaterThan(performanceScore(smallGood));
    expect(relativeScore(bigOrdinary, bigPeers)).toBe(50);
    // views 2000/500 = 4 → 100; ER 0.0594/0.06 → 49.6; saves 5/2 → 83.0; shares 4/2 → 75:
    // 30 + 14.9 + 16.6 + 15 = 76.5.
    expect(relativeScore(smallGood, smallPeers)).toBe(76.5);
  });
});

describe('percentile rank per brand', () => {
  it('mid-rank: a lone post is 50, four posts 12.5 / 37.5 / 62.5 / 87.5, ties share', () => {
    expect(percentileRanks([10])).toEqual([50]);
    expect(percentileRanks([40, 10, 30, 20])).toEqual([87.5, 12.5, 62.5, 37.5]);
    // 5 and 5: (0 + ½·2)/3 = 33.3; 10: (2 + ½)/3 = 83.3.
    expect(percentileRanks([5, 5, 10])).toEqual([33.3, 33.3, 83.3]);
    expect(percentileRanks([])).toEqual([]);
  });
});
