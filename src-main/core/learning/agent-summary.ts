import type { StrategyViews } from './original-rule';
import { averageViews, engagementRate, survivalScore } from './survival-score';

/** One attributed post, platforms summed. */
export interface SummaryPost {
  strategy: string | null;
  views: number;
  likes: number;
  comments: number;
  saves: number;
  reach: number;
  examinerScore: number | null;
}

export interface StrategyBreakdown {
  count: number;
  avgViews: number;
  totalViews: number;
}

/** An agent's feedback numbers over its window (reference 4.1), as one snapshot stores them. */
export interface AgentSummary {
  publishedCount: number;
  totalViews: number;
  avgViews: number;
  totalLikes: number;
  totalComments: number;
  /** Fraction, 4 dp. */
  engagementRate: number;
  breakdown: Record<string, StrategyBreakdown>;
  bestStrategy: string | null;
  worstStrategy: string | null;
  /** 2 dp, null when nothing was examined. */
  avgExaminerScore: number | null;
  survival: number;
  strategyViews: StrategyViews[];
}

const round = (value: number, dp: number) => Math.round(value * 10 ** dp) / 10 ** dp;

/**
 * Sums an agent's posts: totals, engagement (likes + comments + saves over reach), per-strategy
 * average views (rounded, first strategy seen wins ties for best and worst), the examiner's
 * average and the survival score. A post without a stored strategy counts as `explore`, the
 * reference's fallback.
 */
export function summariseAgentPosts(posts: readonly SummaryPost[]): AgentSummary {
  const views = posts.map((p) => p.views);
  const sum = (pick: (p: SummaryPost) => number) => posts.reduce((total, p) => total + pick(p), 0);
  const totals = {
    likes: sum((p) => p.likes),
    comments: sum((p) => p.comments),
    saves: sum((p) => p.saves),
    reach: sum((p) => p.reach),
  };
  const examined = posts.map((p) => p.examinerScore).filter((s): s is number => s !== null);
  const breakdown: Record<string, StrategyBreakdown> = {};
  for (const p of posts) {
    const key = p.strategy ?? 'explore';
    const entry = (breakdown[key] ??= { count: 0, avgViews: 0, totalViews: 0 });
    entry.count += 1;
    entry.totalViews += p.views;
  }
  for (const entry of Object.values(breakdown)) entry.avgViews = Math.round(entry.totalViews / entry.count);
  const strategyViews = Object.entries(breakdown).map(([strategy, b]) => ({
    strategy,
    avgViews: b.avgViews,
  }));
  let best: StrategyViews | null = null;
  let worst: StrategyViews | null = null;
  for (const s of strategyViews) {
    if (!best || s.avgViews > best.avgViews) best = s;
    if (!worst || s.avgViews < worst.avgViews) worst = s;
  }
  return {
    publishedCount: posts.length,
    totalViews: sum((p) => p.views),
    avgViews: round(averageViews(views), 1),
    totalLikes: totals.likes,
    totalComments: totals.comments,
    engagementRate: round(engagementRate(totals), 4),
    breakdown,
    bestStrategy: best?.strategy ?? null,
    worstStrategy: worst?.strategy ?? null,
    avgExaminerScore: examined.length ? round(averageViews(examined), 2) : null,
    survival: survivalScore({ views, ...totals, examinerScores: examined }),
    strategyViews,
  };
}
