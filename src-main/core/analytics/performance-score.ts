import { performanceScoreWeights, relativePointsPerDoubling, relativeScoreParts } from './defaults';

/** Cumulative counts of one post at one moment. */
export interface PostMetrics {
  views: number;
  reach: number;
  likes: number;
  comments: number;
  saves: number;
  shares: number;
}

/** Rounds to `places` decimals; toFixed first, since e.g. 1.005 is 1.00499… in binary. */
export function roundTo(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(Number((value * factor).toFixed(6))) / factor;
}

/**
 * Interactions per account reached, as a fraction: (likes + comments + saves + shares) / reach.
 * Where the platform reports no reach (YouTube, Facebook feed posts) views stand in for it; with
 * neither it is 0.
 */
export function engagementFraction(m: PostMetrics): number {
  const interactions = m.likes + m.comments + m.saves + m.shares;
  const audience = m.reach > 0 ? m.reach : m.views;
  return audience > 0 ? interactions / audience : 0;
}

/** The stored engagement rate: percent, 2 decimals (reference §9.1 item 4). */
export function engagementRatePercent(m: PostMetrics): number {
  return roundTo(engagementFraction(m) * 100, 2);
}

/**
 * The reference's performance score (§9.1 item 5), 0–100 with 1 decimal:
 * 0.30·min(100, views/5000·100) + 0.30·min(100, ER·1000) + 0.20·min(100, saves/100·100)
 * + 0.20·min(100, shares/50·100). Absolute, so a big account always scores higher; the relative
 * score below is what compares a post with its own brand.
 */
export function performanceScore(m: PostMetrics): number {
  const w = performanceScoreWeights;
  const part = (value: number, fullMarks: number) => Math.min(100, (value / fullMarks) * 100);
  const raw =
    w.views.weight * part(m.views, w.views.fullMarks) +
    w.engagement.weight * part(engagementFraction(m), w.engagement.fullMarks) +
    w.saves.weight * part(m.saves, w.saves.fullMarks) +
    w.shares.weight * part(m.shares, w.shares.fullMarks);
  return roundTo(raw, 1);
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A post against its brand's own recent posts measured at the same age (the caller picks the
 * peers), 0–100 with 1 decimal, 50 = the peers' median. Each part (views, engagement, saves,
 * shares, weighted as in the performance score) earns 50 + 25·log2((x + s) / (median + s))
 * points, clamped to 0–100: twice the median is 75, four times 100, half 25. A small account's
 * good post scores as high as a big account's, which is what lets the loop learn per brand.
 * Without peers (a brand's first post) there is nothing to compare with: 50.
 */
export function relativeScore(post: PostMetrics, peers: readonly PostMetrics[]): number {
  if (peers.length === 0) return 50;
  const parts = relativeScoreParts;
  const valueOf: Record<keyof typeof parts, (m: PostMetrics) => number> = {
    views: (m) => m.views,
    engagement: engagementFraction,
    saves: (m) => m.saves,
    shares: (m) => m.shares,
  };
  let total = 0;
  for (const key of Object.keys(parts) as Array<keyof typeof parts>) {
    const { weight, smoothing } = parts[key];
    const mid = median(peers.map(valueOf[key]))!;
    const ratio = (valueOf[key](post) + smoothing) / (mid + smoothing);
    const points = Math.min(100, Math.max(0, 50 + relativePointsPerDoubling * Math.log2(ratio)));
    total += weight * points;
  }
  return roundTo(total, 1);
}

/**
 * Percentile rank of each score among all of them, 0–100 with 1 decimal, by mid-rank:
 * (scores below + half the scores equal, itself included) / n × 100. A lone post is 50, the best
 * of four 87.5, the worst 12.5, and ties share a rank. (The original's i/n×100 put a brand's only
 * post at 0, among its "underperformers".)
 */
export function percentileRanks(scores: readonly number[]): number[] {
  const n = scores.length;
  return scores.map((score) => {
    let below = 0;
    let equal = 0;
    for (const other of scores) {
      if (other < score) below += 1;
      else if (other === score) equal += 1;
    }
    return roundTo(((below + 0.5 * equal) / n) * 100, 1);
  });
}
