/** A measured figure as a ratio to its target: 1.0 is on target, lower is better. */
export interface BenchGoal {
  label: string;
  value: number;
  target: number;
}

/** The p-th percentile (nearest rank) of some samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function formatGoal(goal: BenchGoal, measured: string): string {
  return `  ${goal.value <= goal.target ? 'ok    ' : 'MISSED'} ${goal.value.toFixed(3)}  ${goal.label}: ${measured}`;
}
