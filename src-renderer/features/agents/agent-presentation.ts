import { strategyLabels, type Agent, type StrategyName } from '@contract';
import type { BadgeTone } from '../../ui/badge';

/** The strategies an agent can weight, with what each does, in the contract's order. */
export const strategyCatalogue = (Object.keys(strategyLabels) as StrategyName[]).map((name) => ({
  name,
  label: strategyLabels[name],
}));

export type { StrategyName };

export function strategyLabel(name: string): string {
  return strategyLabels[name as StrategyName] ?? name;
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
