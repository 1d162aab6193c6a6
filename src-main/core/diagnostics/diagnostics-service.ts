import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import type { ActivityEntry } from '../contract/activity';
import type { DiagnosticCheck, DiagnosticsReport, DiagnosticsStatus } from '../contract/diagnostics';
import type { CycleStatus, MaestroStatus } from '../contract/maestro';
import type { Health } from '../contract/system';
import type { EventHub } from '../events/event-hub';
import type { Clock } from '../ports/clock';
import type { Database } from '../store/database';
import type { CheckContext, LlmSettingsFacts, SystemCheck } from './checks/check';
import { fileIdentity, type FileIdentity } from './checks/db-connection';
import { diagnosticsDefaults } from './defaults';
import { deleteReportsBefore, insertReport, latestReports, latestStatus } from './diagnostics-repository';
import { countChecks, overallStatus, turnedCritical } from './overall-status';
import { runChecks, systemChecks } from './run-checks';
import { takeSnapshot } from './snapshot';
import { DAY_MS } from '../ports/clock';

/** What the creator is told when a run finds the system critical and the run before did not. */
export interface CriticalNotice {
  reportId: number;
  /** The previous run's overall status (null: this is the first run). */
  previous: DiagnosticsStatus | null;
  failing: ReadonlyArray<Pick<DiagnosticCheck, 'name' | 'detail'>>;
  at: string;
}

export interface DiagnosticsRun {
  report: DiagnosticsReport;
  previous: DiagnosticsStatus | null;
  turnedCritical: boolean;
}

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  activity: ActivityLog;
  events: EventHub;
  /** The data file as opened at start (db_connection compares what is at the path now). */
  databaseFile: string;
  /** When the core started: cycle_freshness waits an hour, content_pipeline a day. */
  startedAt: Date;
  /** The installation checks (app.health's list), taken with each run. */
  installation(): Promise<Health['checks']>;
  maestro: { status(): Promise<Pick<MaestroStatus, 'paused' | 'changedAt'>> };
  cycles(): Promise<CycleStatus[]>;
  schedulerRunning(): boolean;
  llm(): Promise<LlmSettingsFacts>;
  /**
   * The "diagnostics turned critical" seam: called inside the transaction that stores a critical
   * run whose previous run was not critical (exactly once per transition, however many runs race),
   * so a notification written here commits with the run or not at all.
   */
  reportCritical?(trx: Kysely<Database>, notice: CriticalNotice): Promise<void>;
  /** Tests replace the ten checks (e.g. with one that throws). */
  checks?: readonly SystemCheck[];
}

/**
 * The ten system checks (reference §5.2) with the installation checks beside them: run on the
 * 4-hour cycle and on demand, each run stored with its snapshot so the page can show the trend.
 */
export class DiagnosticsService {
  private readonly opened: FileIdentity | null;

  constructor(private readonly deps: Deps) {
    // Taken now, right after the store opened the file: what "the data file" means from here on.
    this.opened = fileIdentity(deps.databaseFile);
  }

  async run(trigger: DiagnosticsReport['trigger'] = 'manual'): Promise<DiagnosticsRun> {
    const { db, clock, activity, events } = this.deps;
    const started = performance.now();
    const now = clock.now();
    const installation = await this.deps.installation().catch((error: unknown) => [
      {
        name: 'installation checks',
        ok: false,
        detail: `Could not run: ${(error as Error)?.message ?? error}`,
      },
    ]);
    const ctx: CheckContext = {
      db,
      now,
      startedAt: this.deps.startedAt,
      databaseFile: { path: this.deps.databaseFile, opened: this.opened },
      installation,
      maestro: () => this.deps.maestro.status(),
      cycles: () => this.deps.cycles(),
      schedulerRunning: () => this.deps.schedulerRunning(),
      llm: () => this.deps.llm(),
    };
    const checks = await runChecks(this.deps.checks ?? systemChecks, ctx);
    const counts = countChecks(checks);
    const snapshot = await takeSnapshot(db, now);
    const unsaved: Omit<DiagnosticsReport, 'id'> = {
      status: overallStatus(counts),
      ...counts,
      checks,
      snapshot,
      installation,
      trigger,
      durationMs: Math.round(performance.now() - started),
      createdAt: now.toISOString(),
    };

    const announce: ActivityEntry[] = [];
    const stored = await db.transaction().execute(async (trx) => {
      // Read inside the transaction: two runs at once see each other in order, so a transition
      // to critical is reported by exactly one of them.
      const previous = await latestStatus(trx);
      const id = await insertReport(trx, unsaved);
      await deleteReportsBefore(
        trx,
        new Date(now.getTime() - diagnosticsDefaults.keepDays * DAY_MS).toISOString(),
      );
      const report: DiagnosticsReport = { id, ...unsaved };
      const critical = turnedCritical(previous, report.status);
      announce.push(
        await activity.insert(trx, {
          agent: 'maestro',
          action: critical ? 'Diagnostics turned critical' : `Diagnostics: ${report.status}`,
          detail: DiagnosticsService.describe(report),
          level: report.status === 'critical' ? 'error' : report.status === 'degraded' ? 'action' : 'detail',
          emoji: report.status === 'healthy' ? '🩺' : report.status === 'degraded' ? '⚠️' : '🚨',
        }),
      );
      if (critical)
        await this.deps.reportCritical?.(trx, {
          reportId: id,
          previous,
          failing: checks.filter((c) => c.status === 'fail').map(({ name, detail }) => ({ name, detail })),
          at: report.createdAt,
        });
      return { report, previous, turnedCritical: critical };
    });
    announce.forEach((entry) => activity.announce(entry));
    events.emit('data.changed', { entity: 'diagnostics', id: String(stored.report.id) });
    return stored;
  }

  async latest(): Promise<DiagnosticsReport | null> {
    return (await latestReports(this.deps.db, 1))[0] ?? null;
  }

  /** The newest `limit` runs, newest first: the page's trend. */
  history(limit: number): Promise<DiagnosticsReport[]> {
    return latestReports(this.deps.db, limit);
  }

  /** A run in one line (the cycle's detail and the activity entry). */
  static describe(report: Pick<DiagnosticsReport, 'status' | 'checks'>): string {
    const named = (status: DiagnosticCheck['status']) => report.checks.filter((c) => c.status === status);
    const fails = named('fail');
    const warns = named('warn');
    const passed = named('pass').length;
    const list = (checks: DiagnosticCheck[]) => checks.map((c) => c.name).join(', ');
    return [
      `${report.status}: ${passed} of ${report.checks.length} pass`,
      fails.length ? `failing ${list(fails)}` : '',
      warns.length ? `warning ${list(warns)}` : '',
    ]
      .filter(Boolean)
      .join('; ');
  }
}
