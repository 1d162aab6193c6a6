import type { Kysely, Selectable } from 'kysely';
import type { DiagnosticCheck, DiagnosticsReport, DiagnosticsStatus } from '../contract/diagnostics';
import type { Health } from '../contract/system';
import type { Database, SystemDiagnosticsTable } from '../store/database';

type Row = Selectable<SystemDiagnosticsTable>;

function parseList<T>(text: string): T[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

export function reportFromRow(row: Row): DiagnosticsReport {
  return {
    id: row.id,
    status: row.status,
    totalChecks: row.total_checks,
    passed: row.passed,
    warnings: row.warnings,
    failures: row.failures,
    checks: parseList<DiagnosticCheck>(row.checks),
    snapshot: {
      activeAgents: row.active_agents,
      avgSurvivalScore: row.avg_survival_score,
      genePoolSize: row.gene_pool_size,
      pendingJobs: row.pending_jobs,
      failedJobs24h: row.failed_jobs_24h,
      totalScheduled: row.total_scheduled,
    },
    installation: parseList<Health['checks'][number]>(row.installation),
    trigger: row.trigger,
    durationMs: row.duration_ms,
    createdAt: row.created_at,
  };
}

/** Stores one run; returns its id. */
export async function insertReport(
  trx: Kysely<Database>,
  report: Omit<DiagnosticsReport, 'id'>,
): Promise<number> {
  const { snapshot } = report;
  const { id } = await trx
    .insertInto('system_diagnostics')
    .values({
      status: report.status,
      total_checks: report.totalChecks,
      passed: report.passed,
      warnings: report.warnings,
      failures: report.failures,
      checks: JSON.stringify(report.checks),
      active_agents: snapshot.activeAgents,
      avg_survival_score: snapshot.avgSurvivalScore,
      gene_pool_size: snapshot.genePoolSize,
      pending_jobs: snapshot.pendingJobs,
      failed_jobs_24h: snapshot.failedJobs24h,
      total_scheduled: snapshot.totalScheduled,
      installation: JSON.stringify(report.installation),
      trigger: report.trigger,
      duration_ms: report.durationMs,
      created_at: report.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The newest runs first (the id orders them: runs are stored as they finish). */
export async function latestReports(db: Kysely<Database>, limit: number): Promise<DiagnosticsReport[]> {
  const rows = await db
    .selectFrom('system_diagnostics')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(reportFromRow);
}

export async function latestStatus(db: Kysely<Database>): Promise<DiagnosticsStatus | null> {
  const row = await db
    .selectFrom('system_diagnostics')
    .select('status')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.status ?? null;
}

/** Drops runs older than `before` (the trend keeps a bounded window). */
export async function deleteReportsBefore(trx: Kysely<Database>, before: string): Promise<number> {
  const result = await trx
    .deleteFrom('system_diagnostics')
    .where('created_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
