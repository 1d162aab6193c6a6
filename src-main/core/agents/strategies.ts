import type { StrategyName } from '../contract/agents';

/**
 * The strategy catalogue (names and labels live in the contract): eight names an agent can weight, each belonging to one of four
 * prompt families. The family decides which intelligence the prompt uses and the proposal's
 * source_type.
 */
export const strategyFamilies = ['explore', 'iterate', 'double_down', 'trending'] as const;
export type StrategyFamily = (typeof strategyFamilies)[number];

export const strategyCatalogue = {
  explore: { family: 'explore', sourceType: 'exploration' },
  analyze: { family: 'explore', sourceType: 'exploration' },
  iterate: { family: 'iterate', sourceType: 'iteration' },
  refine: { family: 'iterate', sourceType: 'iteration' },
  double_down: { family: 'double_down', sourceType: 'amplification' },
  systematic: { family: 'double_down', sourceType: 'amplification' },
  compound: { family: 'double_down', sourceType: 'amplification' },
  trending: { family: 'trending', sourceType: 'trending' },
} as const satisfies Record<StrategyName, { family: StrategyFamily; sourceType: string }>;

export type { StrategyName };
export const strategyNames = Object.keys(strategyCatalogue) as StrategyName[];

export function isStrategyName(name: string): name is StrategyName {
  return Object.prototype.hasOwnProperty.call(strategyCatalogue, name);
}

/** Unknown names fall back to the explore family, as in the original. */
export function familyOf(name: string): StrategyFamily {
  return isStrategyName(name) ? strategyCatalogue[name].family : 'explore';
}

export function sourceTypeOf(name: string): string {
  return isStrategyName(name) ? strategyCatalogue[name].sourceType : 'exploration';
}
