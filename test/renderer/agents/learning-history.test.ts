import { describe, expect, it } from 'vitest';
import {
  describeEvolution,
  describeSurvival,
  filterGenePool,
  nextTimelineCursor,
  strategyColor,
  survivalPoints,
  typesOf,
  weightTimeline,
  type AgentHistory,
  type EvolutionReport,
  type GenePoolEntry,
  type TimelineEntry,
} from '../../../src-renderer/features/agents/learning-history';

const at = (iso: string) => Date.parse(iso);

describe('survival over time', () => {
  it('turns the core’s points into times a chart plots, dropping any it cannot read', () => {
    const points = survivalPoints([
      { at: '2026-11-10T10:00:00.000Z', survivalScore: 17.8, avgViews: 2000, posts: 3 },
      { at: 'not a time', survivalScore: 20, avgViews: 1, posts: 1 },
      { at: '2026-11-11T10:00:00.000Z', survivalScore: 42.4, avgViews: 2500, posts: 5 },
    ]);
    expect(points).toEqual([
      { at: at('2026-11-10T10:00:00.000Z'), survivalScore: 17.8, avgViews: 2000, posts: 3 },
      { at: at('2026-11-11T10:00:00.000Z'), survivalScore: 42.4, avgViews: 2500, posts: 5 },
    ]);
    expect(describeSurvival(points)).toBe('Survival 18 → 42 over 2 measurements.');
    expect(describeSurvival(points.slice(0, 1))).toBe('Survival 18 after its first measurement.');
    expect(describeSurvival([])).toBe('No survival measurements yet.');
  });
});

describe('strategy weights over time', () => {
  const history: AgentHistory['weights'] = [
    {
      at: '2026-11-03T10:00:00.000Z',
      weights: { explore: 0.3, iterate: 0.2, double_down: 0.3, trending: 0.2 },
    },
    // A strategy swap: trending gone, analyze in.
    {
      at: '2026-11-10T10:00:00.000Z',
      weights: { double_down: 0.6, explore: 0.1, iterate: 0.1, analyze: 0.2 },
    },
  ];

  it('gives every strategy ever used a share at every point (0 when unused), in the catalogue’s order', () => {
    const { strategies, rows, mixes } = weightTimeline(history, null);
    expect(strategies).toEqual(['explore', 'analyze', 'iterate', 'double_down', 'trending']);
    expect(mixes).toBe(2);
    expect(rows).toEqual([
      {
        at: at('2026-11-03T10:00:00.000Z'),
        explore: 0.3,
        analyze: 0,
        iterate: 0.2,
        double_down: 0.3,
        trending: 0.2,
      },
      {
        at: at('2026-11-10T10:00:00.000Z'),
        explore: 0.1,
        analyze: 0.2,
        iterate: 0.1,
        double_down: 0.6,
        trending: 0,
      },
    ]);
  });

  it('carries the last mix on to the latest measurement, and only forwards', () => {
    const carried = weightTimeline(history, at('2026-11-20T10:00:00.000Z'));
    expect(carried.mixes).toBe(2);
    expect(carried.rows).toHaveLength(3);
    expect(carried.rows[2]).toEqual({
      ...carried.rows[1],
      at: at('2026-11-20T10:00:00.000Z'),
      carried: true,
    });
    expect(weightTimeline(history, at('2026-11-05T10:00:00.000Z')).rows).toHaveLength(2);
    expect(weightTimeline([], at('2026-11-05T10:00:00.000Z'))).toEqual({
      strategies: [],
      rows: [],
      mixes: 0,
    });
  });

  it('keeps a strategy’s colour whoever weights it; an unknown one is grey', () => {
    expect(strategyColor('double_down')).toBe(strategyColor('double_down'));
    const known = [
      'explore',
      'analyze',
      'iterate',
      'refine',
      'double_down',
      'systematic',
      'compound',
      'trending',
    ];
    expect(new Set(known.map(strategyColor)).size).toBe(8);
    expect(strategyColor('telepathy')).toBe('#5f6b7a');
  });
});

describe('the learnings timeline', () => {
  const entry = (id: number) => ({ id }) as TimelineEntry;

  it('asks for the next page below the oldest entry shown, and stops after a short page', () => {
    expect(nextTimelineCursor([entry(40), entry(39), entry(38)], 3)).toBe(38);
    expect(nextTimelineCursor([entry(2), entry(1)], 3)).toBeUndefined();
    expect(nextTimelineCursor([], 3)).toBeUndefined();
  });

  it('filters by kind with the core’s mutation types', () => {
    expect(typesOf('all')).toEqual([]);
    expect(typesOf('weights')).toEqual(['weight_shift', 'strategy_swap']);
    expect(typesOf('evolution')).toEqual(['spawn', 'death', 'top_performer']);
  });
});

describe('the weekly evolution in words', () => {
  const report: EvolutionReport = {
    week: '2026-11-15',
    ranAt: '2026-11-18T10:00:00.000Z',
    ran: true,
    totalAgents: 4,
    thriving: [{ agentId: 'toby', survivalScore: 72 }],
    surviving: [{ agentId: 'lexi', survivalScore: 45 }],
    struggling: [
      {
        agentId: 'nova',
        survivalScore: 11,
        eligibleForDeath: true,
        died: true,
        protectedBy: null,
        reason: 'last 4 snapshots all under 30',
      },
      {
        agentId: 'max',
        survivalScore: 5,
        eligibleForDeath: true,
        died: false,
        protectedBy: 'builtin',
        reason: 'last 4 snapshots all under 30',
      },
    ],
    archived: ['toby'],
    deaths: [{ agentId: 'nova', survivalScore: 11.4, generation: 3 }],
    births: [
      { agentId: 'orion', displayName: 'Orion', replaced: 'nova', inheritedFrom: 'toby', brandId: 'hc' },
    ],
    prunedFromPool: 1,
    genePoolSize: 6,
  };
  const names = new Map([
    ['toby', 'Toby'],
    ['nova', 'Nova'],
    ['max', 'Max'],
  ]);

  it('says who was retired and why, who replaced them from whose DNA, and who was kept', () => {
    expect(describeEvolution(report, names)).toEqual({
      headline: '4 agents: 1 thriving, 1 surviving, 2 struggling; 1 retired, 1 born.',
      lines: [
        'Retired Nova (survival 11, generation 3): last 4 snapshots all under 30.',
        'Born Orion in place of Nova, inheriting Toby’s DNA.',
        'Kept Max although weak enough to retire (built-in).',
        'Archived to the gene pool: Toby.',
        'Gene pool: 6 entries (1 pruned).',
      ],
    });
  });

  it('reads a quiet week plainly, and names an agent it does not know by its id', () => {
    const quiet: EvolutionReport = {
      ...report,
      struggling: [],
      archived: [],
      deaths: [],
      births: [{ ...report.births[0]!, inheritedFrom: null, replaced: 'ghost' }],
      prunedFromPool: 0,
      genePoolSize: 1,
    };
    expect(describeEvolution({ ...quiet, births: [] }, names)).toEqual({
      headline: '4 agents: 1 thriving, 1 surviving, 0 struggling; no retirements.',
      lines: ['Gene pool: 1 entry.'],
    });
    expect(describeEvolution(quiet, names).lines[0]).toBe('Born Orion in place of ghost, with random DNA.');
  });
});

describe('the gene pool browser', () => {
  const entry = (id: number, reason: GenePoolEntry['reason']) => ({ id, reason }) as GenePoolEntry;

  it('narrows to one reason and keeps the core’s order', () => {
    const pool = [entry(3, 'top_performer'), entry(1, 'retirement'), entry(2, 'top_performer')];
    expect(filterGenePool(pool, 'all').map((e) => e.id)).toEqual([3, 1, 2]);
    expect(filterGenePool(pool, 'top_performer').map((e) => e.id)).toEqual([3, 2]);
    expect(filterGenePool(pool, 'manual')).toEqual([]);
  });
});
