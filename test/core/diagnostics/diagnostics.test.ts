import { chmodSync, copyFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../../src-main/core/app';
import {
  diagnosticCheckNames,
  type DiagnosticCheckName,
  type DiagnosticsReport,
} from '../../../src-main/core/contract/diagnostics';
import type { ContractEvent } from '../../../src-main/core/contract/events';
import { writeCycleRecord } from '../../../src-main/core/orchestrator/cycle-store';
import { mediaBinaries } from '../../helpers/media-probe';
import { openTempCore, sampleBrand, type TempCore } from '../../helpers/temp-core';
import { insertScheduledPost } from '../../helpers/publishing-rows';
import { insertConnection, insertRender } from './diagnostics-rows';

/** The ten checks on a real SQLite file, each condition set by hand in the data it reads. */

const H = 3_600_000;
let t: TempCore | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

async function open(options: Parameters<typeof openTempCore>[0] = {}): Promise<TempCore> {
  t = await openTempCore({ startRenderQueue: false, ...options });
  return t;
}

function checkOf(report: DiagnosticsReport, name: DiagnosticCheckName) {
  return report.checks.find((c) => c.name === name)!;
}

async function run(core: TempCore, name: DiagnosticCheckName) {
  return checkOf(await core.call('diagnostics.run'), name);
}

const ago = (core: TempCore, ms: number) => new Date(core.clock.now().getTime() - ms).toISOString();
const ahead = (core: TempCore, ms: number) => new Date(core.clock.now().getTime() + ms).toISOString();

describe('diagnostics.run', () => {
  it('returns the ten checks in order with the installation checks, stores the run and announces it', async () => {
    const core = await open();
    const events: ContractEvent[] = [];
    core.core.events.subscribe((e) => events.push(e));

    const report = await core.call('diagnostics.run');

    expect(report.checks.map((c) => c.name)).toEqual([...diagnosticCheckNames]);
    // A fresh install: paused, no LLM key, the orchestrator not ticking (tests drive it by hand).
    expect(Object.fromEntries(report.checks.map((c) => [c.name, c.status]))).toEqual({
      db_connection: 'pass',
      agent_population: 'pass',
      dna_integrity: 'pass',
      content_pipeline: 'warn',
      scheduler_health: 'warn',
      evolution_integrity: 'pass',
      api_connectivity: 'fail',
      publishing_pipeline: 'pass',
      cycle_freshness: 'pass',
      data_consistency: 'pass',
    });
    expect(report).toMatchObject({
      status: 'degraded',
      totalChecks: 10,
      passed: 7,
      warnings: 2,
      failures: 1,
      trigger: 'manual',
      createdAt: '2026-11-25T10:00:00.000Z',
      snapshot: {
        activeAgents: 2,
        avgSurvivalScore: 0,
        genePoolSize: 0,
        pendingJobs: 0,
        failedJobs24h: 0,
        totalScheduled: 0,
      },
    });
    for (const check of report.checks) {
      expect(check.durationMs).toBeGreaterThanOrEqual(0);
      expect(check.detail.length).toBeGreaterThan(10);
    }
    expect(checkOf(report, 'api_connectivity').detail).toContain('No LLM API key for api.deepseek.com');
    expect(report.installation.map((c) => c.name)).toEqual([
      'database',
      'data folder',
      'secret storage',
      'ffmpeg',
      'ffprobe',
      'render fonts',
      'music',
    ]);
    expect(report.installation.every((c) => c.ok)).toBe(true);

    // Stored: latest and history read it back as it was returned.
    expect(await core.call('diagnostics.latest')).toEqual(report);
    expect(await core.call('diagnostics.history', {})).toEqual([report]);
    const row = await core.core.store.db
      .selectFrom('system_diagnostics')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'degraded',
      total_checks: 10,
      passed: 7,
      warnings: 2,
      failures: 1,
      active_agents: 2,
    });
    expect(events).toContainEqual({
      stream: 'data.changed',
      payload: { entity: 'diagnostics', id: String(report.id) },
    });
    const [logged] = await core.core.store.db
      .selectFrom('activity_log')
      .select(['action', 'detail', 'level'])
      .where('action', 'like', 'Diagnostics%')
      .execute();
    expect(logged).toEqual({
      action: 'Diagnostics: degraded',
      detail: 'degraded: 7 of 10 pass; failing api_connectivity; warning content_pipeline, scheduler_health',
      level: 'action',
    });
  });

  it('runs as the diagnostics cycle every 4 hours, which stores a scheduled run', async () => {
    const core = await open();
    const cycles = await core.call('maestro.cycles');
    expect(cycles.find((c) => c.id === 'diagnostics')).toMatchObject({
      schedule: 'every 4 h',
      runsWhenPaused: true,
    });

    const status = await core.call('maestro.runCycle', { id: 'diagnostics' });
    expect(status).toMatchObject({ lastOutcome: 'ok' });
    expect(status.lastDetail).toMatch(/^degraded: 7 of 10 pass; failing api_connectivity/);
    const [latest] = await core.call('diagnostics.history', { limit: 5 });
    expect(latest).toMatchObject({ trigger: 'schedule', status: 'degraded' });
  });

  it('keeps the history newest first, up to the limit asked', async () => {
    const core = await open();
    for (let i = 0; i < 4; i++) {
      await core.call('diagnostics.run');
      core.clock.advance(4 * H);
    }
    const history = await core.call('diagnostics.history', { limit: 3 });
    expect(history.map((r) => r.createdAt)).toEqual([
      '2026-11-25T22:00:00.000Z',
      '2026-11-25T18:00:00.000Z',
      '2026-11-25T14:00:00.000Z',
    ]);
    expect((await core.call('diagnostics.history', {})).length).toBe(4);
  });

  it('drops runs older than 90 days as it stores a new one', async () => {
    const core = await open();
    await core.call('diagnostics.run');
    core.clock.advance(91 * 24 * H);
    await core.call('diagnostics.run');
    const history = await core.call('diagnostics.history', {});
    expect(history.map((r) => r.createdAt)).toEqual(['2027-02-24T10:00:00.000Z']);
  });
});

describe('db_connection: the data file at its path', () => {
  it('fails when the file is moved away, replaced or made read-only, and passes once it is back', async () => {
    const core = await open();
    const file = join(core.dir, DATABASE_FILE_NAME);
    const aside = `${file}.moved`;
    expect((await run(core, 'db_connection')).status).toBe('pass');

    renameSync(file, aside);
    const moved = await run(core, 'db_connection');
    expect(moved).toMatchObject({ status: 'fail', detail: expect.stringContaining(`no longer at ${file}`) });
    // SQLite still answers SELECT 1 (and stores the run) on the file it opened.
    expect((await core.call('diagnostics.latest'))!.checks[0]!.status).toBe('fail');

    copyFileSync(aside, file);
    expect((await run(core, 'db_connection')).detail).toContain('Another file replaced the data file');
    rmSync(file);
    renameSync(aside, file);
    expect((await run(core, 'db_connection')).status).toBe('pass');

    chmodSync(file, 0o444);
    try {
      expect(await run(core, 'db_connection')).toMatchObject({
        status: 'fail',
        detail: expect.stringContaining('is read-only'),
      });
    } finally {
      chmodSync(file, 0o644);
    }
    expect((await run(core, 'db_connection')).status).toBe('pass');
  });
});

describe('a broken FFmpeg path', () => {
  it.each([
    ['MAESTRO_FFMPEG_PATH', (missing: string) => ({ env: { MAESTRO_FFMPEG_PATH: missing } })],
    [
      'CoreConfig.mediaBinaries',
      (missing: string) => ({ mediaBinaries: { ffmpeg: missing, ffprobe: mediaBinaries().ffprobe } }),
    ],
  ])('(%s) fails the FFmpeg installation check and content_pipeline', async (_how, config) => {
    const missing = join('/nonexistent', 'bin', 'ffmpeg');
    const core = await open(config(missing));
    const report = await core.call('diagnostics.run');
    const ffmpeg = report.installation.find((c) => c.name === 'ffmpeg')!;
    expect(ffmpeg).toMatchObject({ ok: false, detail: expect.stringContaining(`${missing} cannot run`) });
    expect(checkOf(report, 'content_pipeline')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining(`Renders cannot run: ffmpeg: ${missing} cannot run`),
    });
    expect(report.failures).toBe(2); // with the missing LLM key
  });
});

describe('each check on hand-set data', () => {
  it('agent_population and dna_integrity follow the active agents', async () => {
    const core = await open();
    const { db } = core.core.store;
    await db.updateTable('agents').set({ active: 0 }).execute();
    expect((await run(core, 'agent_population')).status).toBe('fail');

    await db.updateTable('agents').set({ active: 1 }).where('agent_id', '=', 'toby').execute();
    expect(await run(core, 'agent_population')).toEqual(
      expect.objectContaining({ status: 'warn', detail: expect.stringContaining('needs at least 2') }),
    );

    await db.updateTable('agents').set({ active: 1 }).execute();
    await db.updateTable('agents').set({ survival_score: 18 }).execute();
    for (const agentId of ['toby', 'lexi'])
      await db
        .insertInto('agent_performance')
        .values({ agent_id: agentId, period: 'feedback', survival_score: 18, created_at: ago(core, H) })
        .execute();
    expect((await run(core, 'agent_population')).detail).toContain('every measured agent is below 30');

    expect((await run(core, 'dna_integrity')).status).toBe('pass');
    await db
      .updateTable('agents')
      .set({
        strategy_weights: JSON.stringify({ explore: 0.6, iterate: 0.2, double_down: 0.3, trending: 0.2 }),
      })
      .where('agent_id', '=', 'toby')
      .execute();
    expect(await run(core, 'dna_integrity')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('toby: weights add up to 1.30'),
    });
  });

  it('content_pipeline: nothing made while running fails; renders that all fail fail; more than half warns', async () => {
    const core = await open();
    await core.call('brands.create', sampleBrand);
    await core.core.maestro.resume();
    core.clock.advance(30 * H);
    expect(await run(core, 'content_pipeline')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('Nothing written or rendered in 48 h while Maestro runs'),
    });

    const { db } = core.core.store;
    for (const jobId of ['GEN-1', 'GEN-2'])
      await insertRender(db, {
        jobId,
        status: 'failed',
        createdAt: ago(core, H),
        error: 'FFmpeg exited with code 1',
      });
    expect(await run(core, 'content_pipeline')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining(
        'every finished render failed. The last error: FFmpeg exited with code 1',
      ),
    });
    await insertRender(db, { jobId: 'GEN-3', status: 'completed', createdAt: ago(core, H) });
    expect((await run(core, 'content_pipeline')).status).toBe('warn');
    await insertRender(db, { jobId: 'GEN-4', status: 'completed', createdAt: ago(core, H) });
    expect(await run(core, 'content_pipeline')).toEqual(
      expect.objectContaining({ status: 'pass', detail: '48 h: 0 proposals, 4 renders (2 done, 2 failed).' }),
    );
  });

  it('scheduler_health judges renders by heartbeat and the queue by whether it moves', async () => {
    const core = await open();
    const { db } = core.core.store;
    core.core.orchestrator.start();
    // Created long ago, but it progressed 10 minutes ago: not stalled (the reference counted it).
    await insertRender(db, {
      jobId: 'GEN-busy',
      status: 'generating',
      createdAt: ago(core, 5 * H),
      updatedAt: ago(core, 10 * 60_000),
    });
    await insertRender(db, { jobId: 'GEN-queued', status: 'pending', createdAt: ago(core, 3 * H) });
    expect(await run(core, 'scheduler_health')).toEqual(
      expect.objectContaining({
        status: 'pass',
        detail: '1 rendering, 1 waiting, none stalled; the scheduler is running.',
      }),
    );

    await db
      .updateTable('generation_jobs')
      .set({ updated_at: ago(core, 2 * H) })
      .where('job_id', '=', 'GEN-busy')
      .execute();
    // Nothing moved for 2 h: the stalled render and the render queued behind it.
    expect(await run(core, 'scheduler_health')).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('1 render without progress for over 60 min (the oldest 2 h'),
    });
    expect((await run(core, 'scheduler_health')).detail).toContain(
      '1 render queued for over 60 min while the queue has not moved',
    );

    for (const jobId of ['GEN-a', 'GEN-b'])
      await insertRender(db, {
        jobId,
        status: 'generating',
        createdAt: ago(core, 4 * H),
        updatedAt: ago(core, 3 * H),
      });
    expect((await run(core, 'scheduler_health')).status).toBe('fail'); // 3 stalled + 1 queued > 3

    core.core.orchestrator.stop();
    await db.deleteFrom('generation_jobs').execute();
    expect((await run(core, 'scheduler_health')).detail).toContain("Maestro's scheduler is not running");
  });

  it('evolution_integrity warns on posts feedback left unattributed and on an evolution that never ran', async () => {
    const core = await open();
    await core.call('brands.create', sampleBrand);
    const { db } = core.core.store;
    await db
      .insertInto('post_performance')
      .values({
        platform: 'instagram',
        media_id: '17900000000000001',
        brand_id: sampleBrand.id,
        content_type: 'reel',
        views: 1000,
        likes: 50,
        comments: 3,
        saves: 9,
        shares: 2,
        reach: 900,
        engagement_rate: 0.07,
        performance_score: 60,
        published_at: ago(core, 4 * 24 * H),
        metrics_48h_at: ago(core, 2 * 24 * H),
        agent_id: 'toby',
      })
      .execute();
    expect(await run(core, 'evolution_integrity')).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('1 published post still unattributed after 84 h'),
    });
    await db
      .updateTable('post_performance')
      .set({ attributed_at: ago(core, 2 * H) })
      .execute();
    expect((await run(core, 'evolution_integrity')).status).toBe('pass');

    core.clock.advance(9 * 24 * H);
    expect((await run(core, 'evolution_integrity')).detail).toContain(
      'the weekly evolution has never run in 9 d',
    );
    await db
      .insertInto('evolution_runs')
      .values({ week: '2026-W49', ran_at: ago(core, 2 * 24 * H), trigger: 'schedule', report: '{}' })
      .execute();
    expect((await run(core, 'evolution_integrity')).detail).toContain('last evolution 2 d ago');
  });

  it('api_connectivity reads the key and endpoint settings and the recorded attempts, without a call', async () => {
    const core = await open({ env: {} });
    expect((await run(core, 'api_connectivity')).status).toBe('fail');
    await core.call('secrets.set', { key: 'llm.apiKey', value: 'sk-1234' });
    expect((await run(core, 'api_connectivity')).detail).toContain('too short to be a real key');
    await core.call('secrets.set', { key: 'llm.apiKey', value: 'sk-diagnostics-0123456789abcdef' });
    const pass = await run(core, 'api_connectivity');
    expect(pass).toMatchObject({ status: 'pass' });
    expect(pass.detail).not.toContain('0123456789');

    for (let i = 0; i < 5; i++)
      await core.core.store.db
        .insertInto('api_usage')
        .values({
          service: 'llm',
          operation: 'proposal',
          outcome: 'timeout',
          error: 'Request timed out after 60 s',
          created_at: ago(core, (10 - i) * 60_000),
        })
        .execute();
    expect(await run(core, 'api_connectivity')).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('the last 5 calls got no answer: Request timed out after 60 s'),
    });

    await core.call('secrets.clear', { key: 'llm.apiKey' });
    await core.call('settings.set', { values: { llmBaseUrl: 'http://127.0.0.1:11434/v1' } });
    core.clock.advance(25 * H); // the failed attempts are older than a day
    expect(await run(core, 'api_connectivity')).toMatchObject({
      status: 'pass',
      detail: expect.stringContaining('a local server, no key needed'),
    });
  });

  it('publishing_pipeline: an empty day ahead while connected warns, a week of only failures fails', async () => {
    const core = await open();
    await core.call('brands.create', sampleBrand);
    await core.core.maestro.resume();
    const { db } = core.core.store;
    const now = core.clock.now().toISOString();
    expect(await run(core, 'publishing_pipeline')).toMatchObject({
      status: 'pass',
      detail: expect.stringContaining('no brand connected yet'),
    });

    await insertConnection(db, {
      brandId: sampleBrand.id,
      platform: 'instagram',
      status: 'connected',
      at: now,
    });
    expect((await run(core, 'publishing_pipeline')).detail).toContain('nothing scheduled for the next 24 h');
    await insertScheduledPost(core.core, {
      scheduleId: 'SCH-next',
      brandId: sampleBrand.id,
      at: ahead(core, 3 * H),
      targets: {},
    });
    expect((await run(core, 'publishing_pipeline')).status).toBe('pass');

    for (const n of [1, 2, 3])
      await insertScheduledPost(core.core, {
        scheduleId: `SCH-failed-${n}`,
        brandId: sampleBrand.id,
        at: ago(core, n * 24 * H),
        status: 'failed',
        targets: { instagram: 'failed' },
        error: 'Media upload has failed',
        writtenAt: ago(core, n * 24 * H),
      });
    expect(await run(core, 'publishing_pipeline')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining(
        'nothing went out, every attempt failed. The last error: Media upload has failed',
      ),
    });

    await insertScheduledPost(core.core, {
      scheduleId: 'SCH-out',
      brandId: sampleBrand.id,
      at: ago(core, 5 * H),
      status: 'published',
      targets: { instagram: 'published' },
      publishedAt: ago(core, 5 * H),
      writtenAt: ago(core, 5 * H),
    });
    await insertScheduledPost(core.core, {
      scheduleId: 'SCH-late',
      brandId: sampleBrand.id,
      at: ago(core, 2 * H),
      targets: {},
      writtenAt: ago(core, 2 * H),
    });
    await db.updateTable('platform_connections').set({ status: 'expired' }).execute();
    expect(await run(core, 'publishing_pipeline')).toMatchObject({
      status: 'warn',
      detail: expect.stringMatching(
        /reconnect healthy-college\/instagram in Brands.*1 post still not out 30 min after its time/,
      ),
    });
  });

  it('cycle_freshness reads the orchestrator records: on time passes, a failed run warns', async () => {
    const core = await open();
    core.clock.advance(3 * H);
    const statuses = await core.core.store.db.selectFrom('maestro_config').select('key').execute();
    expect(statuses.filter((s) => s.key.startsWith('cycle.'))).toEqual([]);
    const recent = ago(core, 5 * 60_000);
    const ids = [
      'check',
      'publish',
      'observe',
      'scout',
      'feedback',
      'healing',
      'bootstrap',
      'backup',
      'retention',
    ] as const;
    for (const id of ids)
      await writeCycleRecord(
        core.core.store.db,
        id,
        {
          lastStartedAt: recent,
          lastFinishedAt: recent,
          lastOutcome: id === 'backup' ? 'failed' : 'ok',
          lastError: id === 'backup' ? 'ENOSPC: no space left on device' : null,
          lastDetail: null,
          runs: 3,
          failures: id === 'backup' ? 1 : 0,
        },
        recent,
      );
    expect(await run(core, 'cycle_freshness')).toEqual(
      expect.objectContaining({
        status: 'warn',
        detail:
          'last run failed: Backup (ENOSPC: no space left on device). See Dashboard → cycles and the activity feed.',
      }),
    );
  });

  it('cycle_freshness fails when three or more cycles have not run since the app started long enough ago', async () => {
    const core = await open();
    expect((await run(core, 'cycle_freshness')).detail).toContain('Warming up');
    core.clock.advance(3 * H);
    const check = await run(core, 'cycle_freshness');
    expect(check.status).toBe('fail');
    expect(check.detail).toContain(
      'stale: Check (never ran); Publishing (never ran); Healing (never ran); Bootstrap (never ran)',
    );
  });

  it('data_consistency follows stored ids: an accepted proposal without its render, a deleted brand’s agent and posts', async () => {
    const core = await open();
    await core.call('brands.create', sampleBrand);
    expect((await run(core, 'data_consistency')).status).toBe('pass');
    const { db, sqlite } = core.core.store;
    const now = core.clock.now().toISOString();
    const proposal = {
      agent_id: 'toby',
      brand_id: sampleBrand.id,
      content_type: 'reel' as const,
      variant: 'dark',
      strategy: 'explore',
      reasoning: 'Sleep is trending.',
      title: 'Why magnesium helps you sleep',
      created_at: now,
      updated_at: now,
    };
    await db
      .insertInto('proposals')
      .values({ ...proposal, proposal_id: 'TOBY-001', status: 'accepted' })
      .execute();
    // A proposal whose agent row is gone: only possible with the foreign keys off (an outside edit).
    sqlite.pragma('foreign_keys = OFF');
    await db
      .insertInto('proposals')
      .values({ ...proposal, proposal_id: 'GHST-001', agent_id: 'ghost', status: 'pending' })
      .execute();
    sqlite.pragma('foreign_keys = ON');
    await insertScheduledPost(core.core, {
      scheduleId: 'SCH-orphan',
      brandId: sampleBrand.id,
      at: new Date(Date.parse(now) + 3 * H).toISOString(),
      targets: {},
    });
    await core.call('brands.delete', { id: sampleBrand.id });
    const spawned = await db
      .selectFrom('agents')
      .select('agent_id')
      .where('created_for_brand', '=', sampleBrand.id)
      .where('active', '=', 1)
      .execute();

    const check = await run(core, 'data_consistency');
    expect(check.status).toBe('warn');
    expect(check.detail).toContain('1 proposal of an agent that does not exist');
    expect(check.detail).toContain('1 accepted proposal without a render');
    expect(check.detail).toContain('1 post of a deleted brand still to publish');
    // The agent the brand got at creation is still active after the brand went to the trash.
    expect(spawned).toHaveLength(1);
    expect(check.detail).toContain(`active agents of a deleted brand: ${spawned[0]!.agent_id}`);
  });
});
