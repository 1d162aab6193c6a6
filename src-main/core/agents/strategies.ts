/**
 * The strategy catalogue: eight names an agent can weight, each belonging to one of four
 * prompt families. The family decides which intelligence the prompt uses and the proposal's
 * source_type.
 */
export const strategyFamilies = ['explore', 'iterate', 'double_down', 'trending'] as const;
export type StrategyFamily = (typeof strategyFamilies)[number];

export const strategyCatalogue = {
  explore: { family: 'explore', sourceType: 'exploration', label: 'New topic or unexpected angle' },
  analyze: { family: 'explore', sourceType: 'exploration', label: 'Pattern-matched from top performers' },
  iterate: { family: 'iterate', sourceType: 'iteration', label: 'Better version of an underperformer' },
  refine: { family: 'iterate', sourceType: 'iteration', label: 'A/B-improve one variable' },
  double_down: { family: 'double_down', sourceType: 'amplification', label: 'Variation of our own winner' },
  systematic: { family: 'double_down', sourceType: 'amplification', label: 'Structured content experiment' },
  compound: { family: 'double_down', sourceType: 'amplification', label: 'Extend a winning series' },
  trending: { family: 'trending', sourceType: 'trending', label: 'Adapt external viral content' },
} as const satisfies Record<string, { family: StrategyFamily; sourceType: string; label: string }>;

export type StrategyName = keyof typeof strategyCatalogue;
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
