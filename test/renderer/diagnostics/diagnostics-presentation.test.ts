import { describe, expect, it } from 'vitest';
import type { DiagnosticsReport } from '../../../src-main/core/contract/diagnostics';
import {
  checkLabels,
  describeTrend,
  formatMs,
  trendPoints,
} from '../../../src-renderer/features/diagnostics/diagnostics-presentation';
import { diagnosticCheckNames } from '../../../src-main/core/contract/diagnostics';

function report(
  id: number,
  status: DiagnosticsReport['status'],
  counts: [number, number, number],
): DiagnosticsReport {
  const [passed, warnings, failures] = counts;
  return {
    id,
    status,
    totalChecks: 10,
    passed,
    warnings,
    failures,
    checks: [],
    snapshot: {
      activeAgents: 2,
      avgSurvivalScore: 0,
      genePoolSize: 0,
      pendingJobs: 0,
      failedJobs24h: 0,
      totalScheduled: 0,
    },
    installation: [],
    trigger: 'schedule',
    durationMs: 40,
    createdAt: new Date(Date.UTC(2026, 10, 25, id * 4)).toISOString(),
  };
}

describe('the Diagnostics page presentation', () => {
  it('names every one of the ten checks', () => {
    expect(Object.keys(checkLabels).sort()).toEqual([...diagnosticCheckNames].sort());
  });

  it('turns the history (newest first) into chart points, oldest first', () => {
    const history = [
      report(3, 'critical', [5, 2, 3]),
      report(2, 'degraded', [8, 1, 1]),
      report(1, 'healthy', [10, 0, 0]),
    ];
    expect(trendPoints(history)).toEqual([
      { id: 1, at: Date.UTC(2026, 10, 25, 4), status: 'healthy', pass: 10, warn: 0, fail: 0 },
      { id: 2, at: Date.UTC(2026, 10, 25, 8), status: 'degraded', pass: 8, warn: 1, fail: 1 },
      { id: 3, at: Date.UTC(2026, 10, 25, 12), status: 'critical', pass: 5, warn: 2, fail: 3 },
    ]);
  });

  it('says the trend in words: runs per status, and for how long it is what it is now', () => {
    expect(describeTrend([])).toBe('No runs yet.');
    expect(describeTrend(trendPoints([report(1, 'healthy', [10, 0, 0])]))).toBe(
      '1 run: 1 healthy; healthy throughout.',
    );
    const history = [
      report(4, 'degraded', [9, 0, 1]),
      report(3, 'degraded', [9, 0, 1]),
      report(2, 'healthy', [10, 0, 0]),
      report(1, 'critical', [6, 1, 3]),
    ];
    expect(describeTrend(trendPoints(history))).toBe(
      '4 runs: 1 healthy, 2 degraded, 1 critical; degraded for the last 2 runs.',
    );
  });

  it('formats durations', () => {
    expect(formatMs(0.4)).toBe('0 ms');
    expect(formatMs(153)).toBe('153 ms');
    expect(formatMs(1450)).toBe('1.4 s');
  });
});
