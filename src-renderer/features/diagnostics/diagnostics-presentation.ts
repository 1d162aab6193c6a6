import type {
  DiagnosticCheckName,
  DiagnosticCheckStatus,
  DiagnosticsReport,
  DiagnosticsStatus,
} from '@contract';
import type { BadgeTone } from '../../ui/badge';

/** What each of the ten checks looks at, in the page's words (the code name is shown beside). */
export const checkLabels: Record<DiagnosticCheckName, string> = {
  db_connection: 'Database',
  agent_population: 'Agent population',
  dna_integrity: 'Agent DNA',
  content_pipeline: 'Content pipeline',
  scheduler_health: 'Scheduler and render queue',
  evolution_integrity: 'Learning loop',
  api_connectivity: 'LLM connection',
  publishing_pipeline: 'Publishing',
  cycle_freshness: 'Cycles on time',
  data_consistency: 'Data consistency',
};

export const checkStatusView: Record<DiagnosticCheckStatus, { label: string; tone: BadgeTone }> = {
  pass: { label: 'Pass', tone: 'good' },
  warn: { label: 'Warn', tone: 'warn' },
  fail: { label: 'Fail', tone: 'bad' },
};

export const overallView: Record<DiagnosticsStatus, { label: string; tone: BadgeTone }> = {
  healthy: { label: 'Healthy', tone: 'good' },
  degraded: { label: 'Degraded', tone: 'warn' },
  critical: { label: 'Critical', tone: 'bad' },
};

/** The chart's colours, one per check status, readable side by side. */
export const statusColors: Record<DiagnosticCheckStatus, string> = {
  pass: '#1e7a46',
  warn: '#d89b16',
  fail: '#b42318',
};

export interface TrendPoint {
  id: number;
  /** Milliseconds, for the time axis. */
  at: number;
  status: DiagnosticsStatus;
  pass: number;
  warn: number;
  fail: number;
}

/** History (newest first, as the core returns it) as chart points, oldest first. */
export function trendPoints(history: readonly DiagnosticsReport[]): TrendPoint[] {
  return [...history].reverse().map((r) => ({
    id: r.id,
    at: Date.parse(r.createdAt),
    status: r.status,
    pass: r.passed,
    warn: r.warnings,
    fail: r.failures,
  }));
}

/** The trend in one sentence: how many runs had each overall status, and since when it is what it is. */
export function describeTrend(points: readonly TrendPoint[]): string {
  if (points.length === 0) return 'No runs yet.';
  const count = (status: DiagnosticsStatus) => points.filter((p) => p.status === status).length;
  const parts = (['healthy', 'degraded', 'critical'] as const)
    .map((status) => [status, count(status)] as const)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`);
  const latest = points[points.length - 1]!;
  let streak = 0;
  for (let i = points.length - 1; i >= 0 && points[i]!.status === latest.status; i--) streak++;
  const runs = points.length === 1 ? '1 run' : `${points.length} runs`;
  const now =
    streak === points.length
      ? `${latest.status} throughout`
      : `${latest.status} for the last ${streak === 1 ? 'run' : `${streak} runs`}`;
  return `${runs}: ${parts.join(', ')}; ${now}.`;
}

/** "12 ms", "1.4 s". */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
