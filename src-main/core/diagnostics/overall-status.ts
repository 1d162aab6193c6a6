import type { DiagnosticCheckStatus, DiagnosticsStatus } from '../contract/diagnostics';
import { diagnosticsDefaults } from './defaults';

export interface CheckCounts {
  totalChecks: number;
  passed: number;
  warnings: number;
  failures: number;
}

export function countChecks(checks: ReadonlyArray<{ status: DiagnosticCheckStatus }>): CheckCounts {
  const count = (status: DiagnosticCheckStatus) => checks.filter((c) => c.status === status).length;
  return {
    totalChecks: checks.length,
    passed: count('pass'),
    warnings: count('warn'),
    failures: count('fail'),
  };
}

/** Reference §5.2: critical if 3 or more checks fail; degraded if any fails or 3 or more warn. */
export function overallStatus(counts: Pick<CheckCounts, 'warnings' | 'failures'>): DiagnosticsStatus {
  const { criticalFailures, degradedWarnings } = diagnosticsDefaults.overall;
  if (counts.failures >= criticalFailures) return 'critical';
  if (counts.failures >= 1 || counts.warnings >= degradedWarnings) return 'degraded';
  return 'healthy';
}

/** Whether this run is the one that made the system critical (the previous run was not). */
export function turnedCritical(previous: DiagnosticsStatus | null, current: DiagnosticsStatus): boolean {
  return current === 'critical' && previous !== 'critical';
}
