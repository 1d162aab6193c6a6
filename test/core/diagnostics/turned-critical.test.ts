import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ActivityLog } from '../../../src-main/core/activity/activity-log';
import { DATABASE_FILE_NAME } from '../../../src-main/core/app';
import type { DiagnosticCheckStatus } from '../../../src-main/core/contract/diagnostics';
import type { SystemCheck } from '../../../src-main/core/diagnostics/checks/check';
import {
  DiagnosticsService,
  type CriticalNotice,
} from '../../../src-main/core/diagnostics/diagnostics-service';
import { openTempCore, type TempCore } from '../../helpers/temp-core';

/**
 * The seam for "diagnostics turned critical": called inside the transaction that stores the run,
 * once per transition from a run that was not critical, even when runs race.
 */

let t: TempCore | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/** A service on a real core's file whose three checks say what the test sets. */
async function openService(reportCritical?: (notice: CriticalNotice) => Promise<void>) {
  t = await openTempCore({ startRenderQueue: false });
  const { db } = t.core.store;
  const statuses: DiagnosticCheckStatus[] = ['pass', 'pass', 'pass'];
  const names = ['db_connection', 'content_pipeline', 'api_connectivity'] as const;
  const checks: SystemCheck[] = names.map((name, i) => ({
    name,
    run: async () => ({ status: statuses[i]!, detail: `${name} is ${statuses[i]}` }),
  }));
  const notices: CriticalNotice[] = [];
  const service = new DiagnosticsService({
    db,
    clock: t.clock,
    activity: new ActivityLog(db, t.clock, t.core.events),
    events: t.core.events,
    databaseFile: join(t.dir, DATABASE_FILE_NAME),
    startedAt: t.clock.now(),
    installation: async () => [],
    maestro: t.core.maestro,
    cycles: () => t!.core.orchestrator.status(),
    schedulerRunning: () => false,
    llm: async () => ({
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'llama3.1',
      keyLength: 0,
      budgetBlocked: null,
    }),
    checks,
    reportCritical: async (trx, notice) => {
      // Written in the run's transaction: a row here commits with the run or not at all.
      await trx
        .insertInto('maestro_config')
        .values({
          key: `test.critical.${notice.reportId}`,
          value: JSON.stringify(notice),
          updated_at: notice.at,
        })
        .execute();
      await reportCritical?.(notice);
      notices.push(notice);
    },
  });
  const set = (...next: DiagnosticCheckStatus[]) => next.forEach((s, i) => (statuses[i] = s));
  return { service, set, notices, db };
}

describe('diagnostics turned critical', () => {
  it('is reported once per transition from a run that was not critical', async () => {
    const { service, set, notices } = await openService();
    expect((await service.run()).turnedCritical).toBe(false); // healthy

    set('fail', 'fail', 'fail');
    const first = await service.run('schedule');
    expect(first).toMatchObject({
      previous: 'healthy',
      turnedCritical: true,
      report: { status: 'critical' },
    });
    expect(notices).toEqual([
      {
        reportId: first.report.id,
        previous: 'healthy',
        failing: [
          { name: 'db_connection', detail: 'db_connection is fail' },
          { name: 'content_pipeline', detail: 'content_pipeline is fail' },
          { name: 'api_connectivity', detail: 'api_connectivity is fail' },
        ],
        at: '2026-11-25T10:00:00.000Z',
      },
    ]);

    // Still critical: not again.
    expect((await service.run()).turnedCritical).toBe(false);
    set('fail', 'pass', 'pass');
    expect((await service.run()).report.status).toBe('degraded');
    set('fail', 'fail', 'fail');
    expect((await service.run()).turnedCritical).toBe(true);
    expect(notices.map((n) => n.previous)).toEqual(['healthy', 'degraded']);
  });

  it('is reported by exactly one of two runs racing into critical', async () => {
    const { service, set, notices } = await openService();
    await service.run();
    set('fail', 'fail', 'fail');
    const runs = await Promise.all([service.run(), service.run()]);
    expect(runs.map((r) => r.turnedCritical).sort()).toEqual([false, true]);
    expect(notices).toHaveLength(1);
  });

  it('counts the first run ever as a transition, and logs it as one', async () => {
    const { service, set, db } = await openService();
    set('fail', 'fail', 'fail');
    expect(await service.run()).toMatchObject({ previous: null, turnedCritical: true });
    const [entry] = await db
      .selectFrom('activity_log')
      .select(['action', 'level'])
      .where('action', 'like', 'Diagnostics%')
      .execute();
    expect(entry).toEqual({ action: 'Diagnostics turned critical', level: 'error' });
  });

  it('stores nothing when the report fails: the run and its notice commit together', async () => {
    const { service, set, db } = await openService(async () => {
      throw new Error('outbox is full');
    });
    set('fail', 'fail', 'fail');
    await expect(service.run()).rejects.toThrow('outbox is full');
    expect(await db.selectFrom('system_diagnostics').selectAll().execute()).toEqual([]);
    expect(
      await db.selectFrom('maestro_config').select('key').where('key', 'like', 'test.critical.%').execute(),
    ).toEqual([]);
    expect(await service.latest()).toBeNull();
  });
});
