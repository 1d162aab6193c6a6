import { learningDefaults } from './defaults';

/** One agent's attributed posts, summed (reference 4.1). */
export interface AgentPostStats {
  /** Views of each post (the consistency term needs them one by one). */
  views: readonly number[];
  likes: number;
  comments: number;
  saves: number;
  reach: number;
  /** Examiner composites (0–10) of the posts that were examined. */
  examinerScores: readonly number[];
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Mean views; 0 without posts. */
export function averageViews(views: readonly number[]): number {
  return views.length === 0 ? 0 : views.reduce((a, b) => a + b, 0) / views.length;
}

/** (likes + comments + saves) / reach, a fraction; 0 when nothing was reached. */
export function engagementRate(
  stats: Pick<AgentPostStats, 'likes' | 'comments' | 'saves' | 'reach'>,
): number {
  return stats.reach > 0 ? (stats.likes + stats.comments + stats.saves) / stats.reach : 0;
}

/**
 * How steady an agent's results are: (1 − sample stdev / mean) × 100, clamped to 0–100, with at
 * least two posts; one post is a neutral 50; none (or no views at all) is 0.
 */
export function consistency(views: readonly number[]): number {
  if (views.length === 1) return 50;
  const mean = averageViews(views);
  if (views.length < 2 || mean <= 0) return 0;
  const variance = views.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (views.length - 1);
  return Math.min(100, Math.max(0, (1 - Math.sqrt(variance) / mean) * 100));
}

/**
 * The survival score (0–100, 1 dp) as the reference defines it: 40 % views (100 k average is
 * full marks), 30 % engagement (10 % is full marks), 20 % consistency, 10 % the examiner's
 * average (5/10 when nothing was examined).
 */
export function survivalScore(stats: AgentPostStats): number {
  const { survival } = learningDefaults;
  const views = Math.min(100, (averageViews(stats.views) / survival.fullMarksViews) * 100);
  const engagement = Math.min(100, (engagementRate(stats) / survival.fullMarksEngagementRate) * 100);
  const examined = stats.examinerScores.length
    ? averageViews(stats.examinerScores)
    : survival.neutralExaminer;
  return round1(
    views * survival.weights.views +
      engagement * survival.weights.engagement +
      consistency(stats.views) * survival.weights.consistency +
      (examined / 10) * 100 * survival.weights.examiner,
  );
}

/**
 * Temperature after a feedback cycle (reference 4.2): a thriving agent (> 60) exploits (−0.03),
 * a struggling one (< 30) explores (+0.03), always within 0.60–0.98; 2 dp.
 */
export function nextTemperature(temperature: number, survival: number): number {
  const { step, exploitAbove, exploreBelow, bounds } = learningDefaults.temperature;
  const moved =
    survival > exploitAbove ? temperature - step : survival < exploreBelow ? temperature + step : temperature;
  return Math.round(Math.min(bounds[1], Math.max(bounds[0], moved)) * 100) / 100;
}
