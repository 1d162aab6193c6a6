import type { Agent } from '@contract';
import type { BadgeTone } from '../../ui/badge';

/**
 * The strategies an agent can weight, with what each does. The contract validates the names
 * (agents.update) but does not export the list, so it is repeated here for the editor.
 */
export const strategyCatalogue = [
  { name: 'explore', label: 'New topic or unexpected angle' },
  { name: 'analyze', label: 'Pattern-matched from top performers' },
  { name: 'iterate', label: 'Better version of an underperformer' },
  { name: 'refine', label: 'A/B-improve one variable' },
  { name: 'double_down', label: 'Variation of our own winner' },
  { name: 'systematic', label: 'Structured content experiment' },
  { name: 'compound', label: 'Extend a winning series' },
  { name: 'trending', label: 'Adapt external viral content' },
] as const;

export type StrategyName = (typeof strategyCatalogue)[number]['name'];

export function strategyLabel(name: string): string {
  return strategyCatalogue.find((s) => s.name === name)?.label ?? name;
}

/** Survival is 0–100: red below 30, amber below 60, green from 60. */
export function survivalTone(score: number): BadgeTone {
  return score < 30 ? 'bad' : score < 60 ? 'warn' : 'good';
}

export const tierTones: Record<NonNullable<Agent['tier']>, BadgeTone> = {
  thriving: 'good',
  surviving: 'info',
  struggling: 'warn',
};

export const riskTones: Record<Agent['riskTolerance'], BadgeTone> = {
  low: 'good',
  medium: 'neutral',
  high: 'warn',
};

export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${rate}%`;
}

export function formatWeight(weight: number): string {
  return `${Math.round(weight * 100)}%`;
}
