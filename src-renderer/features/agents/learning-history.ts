import { strategyLabels, type OutputOf } from '@contract';

export type AgentHistory = OutputOf<'learning.agentHistory'>;
export type TimelineEntry = OutputOf<'learning.timeline'>[number];
export type EvolutionReport = OutputOf<'learning.evolutionHistory'>[number];
export type GenePoolEntry = OutputOf<'learning.genePool'>[number];

/**
 * What the learning loop's charts and lists show, as plain functions of the core's answers: one
 * row per chart point with a time in milliseconds (recharts plots numbers), and the weekly
 * evolution reports in words.
 */

export interface SurvivalPoint {
  at: number;
  survivalScore: number;
  avgViews: number;
  posts: number;
}

export function survivalPoints(history: AgentHistory['survival']): SurvivalPoint[] {
  return history.flatMap((point) => {
    const at = Date.parse(point.at);
    return Number.isNaN(at) ? [] : [{ ...point, at }];
  });
}

/** "Survival 18 → 42 over 4 measurements", for the chart's caption and screen readers. */
export function describeSurvival(points: readonly SurvivalPoint[]): string {
  if (points.length === 0) return 'No survival measurements yet.';
  const first = Math.round(points[0]!.survivalScore);
  const last = Math.round(points.at(-1)!.survivalScore);
  if (points.length === 1) return `Survival ${last} after its first measurement.`;
  return `Survival ${first} → ${last} over ${points.length} measurements.`;
}

/** One point of the weights chart: its time and each strategy's share (0–1). */
export interface WeightRow {
  at: number;
  /** Not a change: the last mix carried on to the agent's latest measurement. */
  carried?: boolean;
  [strategy: string]: number | boolean | undefined;
}

export interface WeightTimeline {
  /** Every strategy the agent has weighted, in the catalogue's order (so colours stay put). */
  strategies: string[];
  rows: WeightRow[];
  /** How many mixes the core recorded (its first is the one the agent started with). */
  mixes: number;
}

const catalogueOrder = Object.keys(strategyLabels);

function byCatalogue(a: string, b: string): number {
  const rank = (name: string) => {
    const index = catalogueOrder.indexOf(name);
    return index === -1 ? catalogueOrder.length : index;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/**
 * The agent's strategy shares after each change, 0 where a strategy was not used, so the areas
 * stack to 1. A mix holds until the next change, so the last one is carried on to `carryTo` (the
 * agent's latest survival measurement, a time on the core's clock) when that is later.
 */
export function weightTimeline(history: AgentHistory['weights'], carryTo: number | null): WeightTimeline {
  const points = history.flatMap((point) => {
    const at = Date.parse(point.at);
    return Number.isNaN(at) ? [] : [{ at, weights: point.weights, carried: false }];
  });
  const mixes = points.length;
  const last = points.at(-1);
  if (last && carryTo !== null && carryTo > last.at)
    points.push({ at: carryTo, weights: last.weights, carried: true });
  const names = new Set<string>();
  for (const point of points) for (const name of Object.keys(point.weights)) names.add(name);
  const strategies = [...names].sort(byCatalogue);
  const rows = points.map((point) => {
    const row: WeightRow = { at: point.at };
    if (point.carried) row.carried = true;
    for (const name of strategies) row[name] = point.weights[name] ?? 0;
    return row;
  });
  return { strategies, rows, mixes };
}

/**
 * A fixed colour per strategy (catalogue order), from the Tableau 10 palette: distinct side by
 * side when stacked, and the same strategy keeps its colour on every agent's chart.
 */
const strategyPalette = [
  '#4e79a7',
  '#b07aa1',
  '#76b7b2',
  '#ff9da7',
  '#f28e2b',
  '#59a14f',
  '#9c755f',
  '#e15759',
];

export function strategyColor(name: string): string {
  const index = catalogueOrder.indexOf(name);
  return index === -1 ? '#5f6b7a' : strategyPalette[index % strategyPalette.length]!;
}

/** The timeline's filter: which kinds of change to show (the core filters by `types`). */
export const timelineKinds = [
  { id: 'all', label: 'All changes', types: [] },
  { id: 'weights', label: 'Strategies', types: ['weight_shift', 'strategy_swap'] },
  { id: 'temperature', label: 'Temperature', types: ['temperature'] },
  { id: 'evolution', label: 'Evolution', types: ['spawn', 'death', 'top_performer'] },
  { id: 'manual', label: 'Your edits', types: ['manual_edit', 'manual_mutation'] },
] as const satisfies ReadonlyArray<{ id: string; label: string; types: readonly string[] }>;

export type TimelineKind = (typeof timelineKinds)[number]['id'];

export function typesOf(kind: TimelineKind): string[] {
  return [...(timelineKinds.find((k) => k.id === kind)?.types ?? [])];
}

/** The next page of an agent's timeline starts below the oldest entry shown; none after a short page. */
export function nextTimelineCursor(page: readonly TimelineEntry[], limit: number): number | undefined {
  return page.length < limit ? undefined : page.at(-1)?.id;
}

export interface EvolutionStory {
  headline: string;
  lines: string[];
}

/**
 * One week's selection in words: the tiers, who was retired and why, who was born in their place
 * and from whose DNA, what went into the gene pool. `names` maps agent ids to display names.
 */
export function describeEvolution(
  report: EvolutionReport,
  names: ReadonlyMap<string, string>,
): EvolutionStory {
  const name = (id: string) => names.get(id) ?? id;
  const list = (ids: readonly string[]) => ids.map(name).join(', ');
  const lines: string[] = [];
  for (const death of report.deaths) {
    const why = report.struggling.find((s) => s.agentId === death.agentId)?.reason;
    lines.push(
      `Retired ${name(death.agentId)} (survival ${Math.round(death.survivalScore)}, generation ${death.generation})${why ? `: ${why}` : ''}.`,
    );
  }
  for (const birth of report.births) {
    lines.push(
      `Born ${birth.displayName} in place of ${name(birth.replaced)}, ${
        birth.inheritedFrom ? `inheriting ${name(birth.inheritedFrom)}’s DNA` : 'with random DNA'
      }.`,
    );
  }
  for (const kept of report.struggling.filter((s) => s.eligibleForDeath && !s.died)) {
    const because = kept.protectedBy === 'builtin' ? 'built-in' : 'the population is at its minimum';
    lines.push(`Kept ${name(kept.agentId)} although weak enough to retire (${because}).`);
  }
  if (report.archived.length > 0) lines.push(`Archived to the gene pool: ${list(report.archived)}.`);
  lines.push(
    `Gene pool: ${report.genePoolSize} ${report.genePoolSize === 1 ? 'entry' : 'entries'}${
      report.prunedFromPool > 0 ? ` (${report.prunedFromPool} pruned)` : ''
    }.`,
  );
  const tiers = [
    `${report.thriving.length} thriving`,
    `${report.surviving.length} surviving`,
    `${report.struggling.length} struggling`,
  ].join(', ');
  const changes =
    report.deaths.length === 0 && report.births.length === 0
      ? 'no retirements'
      : `${report.deaths.length} retired, ${report.births.length} born`;
  return { headline: `${report.totalAgents} agents: ${tiers}; ${changes}.`, lines };
}

/** Why DNA is in the gene pool, in the creator's words. */
export const genePoolReasons = {
  top_performer: 'Top performer',
  retirement: 'Retired by evolution',
  manual: 'Retired by you',
} as const satisfies Record<GenePoolEntry['reason'], string>;

export type GenePoolFilter = GenePoolEntry['reason'] | 'all';

/** The pool as the core orders it (best survival first), narrowed to one reason. */
export function filterGenePool(entries: readonly GenePoolEntry[], filter: GenePoolFilter): GenePoolEntry[] {
  return filter === 'all' ? [...entries] : entries.filter((e) => e.reason === filter);
}
