import type { ExaminerConfig } from '../contract/brands';

export interface DimensionScores {
  avatarFit: number;
  engagementPotential: number;
  contentQuality: number;
}

/** A missing score counts as 5; anything outside 0–10 is clamped. */
export function clampScore(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isFinite(n)) return 5;
  return Math.min(10, Math.max(0, n));
}

/** Weighted composite (2 dp) and the verdict by threshold; the LLM's own verdict is ignored. */
export function judge(
  scores: DimensionScores,
  config: ExaminerConfig,
): { composite: number; passed: boolean } {
  const { weights } = config;
  const raw =
    weights.avatarFit * scores.avatarFit +
    weights.engagementPotential * scores.engagementPotential +
    weights.contentQuality * scores.contentQuality;
  // toFixed first: 7.825 is 7.82499… in binary and would round down.
  const composite = Math.round(Number((raw * 100).toFixed(6))) / 100;
  return { composite, passed: composite >= config.threshold };
}
