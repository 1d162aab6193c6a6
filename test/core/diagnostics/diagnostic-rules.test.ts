import { describe, expect, it } from 'vitest';
import { judgePopulation } from '../../../src-main/core/diagnostics/checks/agent-population';
import { judgeApi, type ApiFacts } from '../../../src-main/core/diagnostics/checks/api-connectivity';
import type { CheckContext, SystemCheck } from '../../../src-main/core/diagnostics/checks/check';
import {
  judgePipeline,
  type PipelineFacts,
} from '../../../src-main/core/diagnostics/checks/content-pipeline';
import {
  judgeFreshness,
  type FreshnessFacts,
} from '../../../src-main/core/diagnostics/checks/cycle-freshness';
import {
  judgeConsistency,
  type ConsistencyFacts,
} from '../../../src-main/core/diagnostics/checks/data-consistency';
import {
  judgeDatabaseFile,
  type DatabaseFileFacts,
} from '../../../src-main/core/diagnostics/checks/db-connection';
import { dnaIssues, judgeDna, type StoredDna } from '../../../src-main/core/diagnostics/checks/dna-integrity';
import {
  judgeEvolution,
  type EvolutionFacts,
} from '../../../src-main/core/diagnostics/checks/evolution-integrity';
import {
  judgePublishing,
  type PublishingFacts,
} from '../../../src-main/core/diagnostics/checks/publishing-pipeline';
import {
  judgeScheduler,
  type SchedulerFacts,
} from '../../../src-main/core/diagnostics/checks/scheduler-health';
import {
  countChecks,
  overallStatus,
  turnedCritical,
} from '../../../src-main/core/diagnostics/overall-status';
import { runChecks } from '../../../src-main/core/diagnostics/run-checks';

/** The diagnostics' decisions as plain functions of their facts, with hand-set numbers. */

const H = 3_600_000;
const MIN = 60_000;

describe('the overall status (reference §5.2)', () => {
  it.each([
    [0, 0, 'healthy'],
    [0, 2, 'healthy'],
    [0, 3, 'degraded'],
    [1, 0, 'degraded'],
    [2, 7, 'degraded'],
    [3, 0, 'critical'],
    [10, 0, 'critical'],
  ] as const)('%i failing and %i warning checks: %s', (failures, warnings, expected) => {
    expect(overallStatus({ failures, warnings })).toBe(expected);
  });

  it('counts the checks by status', () => {
    const statuses = ['pass', 'warn', 'fail', 'pass', 'warn', 'pass'] as const;
    expect(countChecks(statuses.map((status) => ({ status })))).toEqual({
      totalChecks: 6,
      passed: 3,
      warnings: 2,
      failures: 1,
    });
  });

  it('turns critical only from a run that was not critical (or from no run)', () => {
    expect(turnedCritical(null, 'critical')).toBe(true);
    expect(turnedCritical('healthy', 'critical')).toBe(true);
    expect(turnedCritical('degraded', 'critical')).toBe(true);
    expect(turnedCritical('critical', 'critical')).toBe(false);
    expect(turnedCritical('critical', 'degraded')).toBe(false);
    expect(turnedCritical('healthy', 'degraded')).toBe(false);
  });
});

describe('running the checks', () => {
  it('turns an exception inside a check into that check failing with its message; the others run', async () => {
    const checks: SystemCheck[] = [
      { name: 'db_connection', run: async () => ({ status: 'pass', detail: 'fine' }) },
      {
        name: 'agent_population',
        run: async () => {
          throw new Error('no such table: agents');
        },
      },
      { name: 'dna_integrity', run: async () => ({ status: 'warn', detail: 'hmm' }) },
    ];
    const results = await runChecks(checks, {} as CheckContext);
    expect(results.map(({ name, status, detail }) => ({ name, status, detail }))).toEqual([
      { name: 'db_connection', status: 'pass', detail: 'fine' },
      { name: 'agent_population', status: 'fail', detail: 'Exception: no such table: agents' },
      { name: 'dna_integrity', status: 'warn', detail: 'hmm' },
    ]);
    for (const r of results) expect(r.durationMs).toBeGreaterThanOrEqual(0);
  });
});

describe('db_connection', () => {
  const fine: DatabaseFileFacts = {
    path: '/data/maestro.db',
    exists: true,
    sameFile: true,
    fileWritable: true,
    folderWritable: true,
    bytes: 3 * 1_048_576,
    selectMs: 0,
  };

  it('passes while the opened file is at its path and writable', () => {
    expect(judgeDatabaseFile(fine)).toEqual({
      status: 'pass',
      detail: 'SELECT 1 answered in 0 ms; /data/maestro.db (3.0 MB) is in place and writable.',
    });
  });

  it('fails when the file is gone, replaced, read-only, or its folder is read-only', () => {
    expect(judgeDatabaseFile({ ...fine, exists: false })).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('no longer at /data/maestro.db'),
    });
    expect(judgeDatabaseFile({ ...fine, sameFile: false }).detail).toContain('Another file replaced');
    expect(judgeDatabaseFile({ ...fine, fileWritable: false }).detail).toContain('is read-only');
    expect(judgeDatabaseFile({ ...fine, folderWritable: false })).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('The folder /data is read-only'),
    });
  });
});

describe('agent_population', () => {
  const agent = (survival: number, measured = true) => ({ survival, measured });

  it('fails with no active agent and warns with one (the evolution needs two)', () => {
    expect(judgePopulation({ agents: [] }).status).toBe('fail');
    expect(judgePopulation({ agents: [agent(70)] })).toEqual({
      status: 'warn',
      detail:
        '1 active agent, 1 measured, average survival 70: the weekly evolution needs at least 2 to select from.',
    });
  });

  it('warns when every measured agent is below 30, and never for agents nobody measured yet', () => {
    expect(judgePopulation({ agents: [agent(20), agent(25), agent(0, false)] })).toEqual({
      status: 'warn',
      detail:
        "3 active agents, 2 measured, average survival 22.5: every measured agent is below 30, so their posts underperform the brands' own.",
    });
    // A fresh install: survival 0 by default means "not measured", not "weak".
    expect(judgePopulation({ agents: [agent(0, false), agent(0, false)] })).toEqual({
      status: 'pass',
      detail: '2 active agents, 0 measured.',
    });
    expect(judgePopulation({ agents: [agent(20), agent(40)] })).toEqual({
      status: 'pass',
      detail: '2 active agents, 2 measured, average survival 30.',
    });
  });
});

describe('dna_integrity', () => {
  const toby: StoredDna = {
    agentId: 'toby',
    temperature: 0.9,
    strategyNames: '["explore","iterate","double_down","trending"]',
    strategyWeights: '{"explore":0.3,"iterate":0.2,"double_down":0.3,"trending":0.2}',
    contentTypes: '["reel","post"]',
    proposalsPerBrand: 3,
  };

  it('accepts valid DNA, with float sums and the contract tolerance', () => {
    expect(dnaIssues(toby)).toEqual([]);
    expect(
      dnaIssues({
        ...toby,
        strategyWeights: '{"explore":0.34,"iterate":0.33,"double_down":0.33,"trending":0.01}',
      }),
    ).toEqual([]); // 1.01
    expect(judgeDna([toby, { ...toby, agentId: 'lexi' }])).toEqual({
      status: 'pass',
      detail: 'The DNA of 2 active agents is valid.',
    });
  });

  it('names what is wrong: sums, ranges, temperature, unreadable or unknown parts', () => {
    expect(
      dnaIssues({
        ...toby,
        strategyWeights: '{"explore":0.6,"iterate":0.2,"double_down":0.3,"trending":0.2}',
      }),
    ).toEqual(['weights add up to 1.30']);
    expect(
      dnaIssues({ ...toby, strategyWeights: '{"explore":1.2,"iterate":-0.2,"double_down":0,"trending":0}' }),
    ).toEqual(['a weight missing or outside 0–1']);
    expect(dnaIssues({ ...toby, strategyWeights: '{"explore":1}' })).toEqual([
      'a weight missing or outside 0–1',
    ]);
    expect(dnaIssues({ ...toby, temperature: 0.5 })).toEqual(['temperature 0.5 outside 0.6–0.98']);
    expect(dnaIssues({ ...toby, strategyNames: 'not json' })).toEqual(['no readable strategies']);
    expect(
      dnaIssues({
        ...toby,
        strategyNames: '["explore","moonshot"]',
        strategyWeights: '{"explore":0.5,"moonshot":0.5}',
      }),
    ).toEqual(['unknown strategies moonshot']);
    expect(dnaIssues({ ...toby, contentTypes: '[]', proposalsPerBrand: 0 })).toEqual([
      'no readable content types',
      'proposals per brand 0',
    ]);
  });

  it('fails listing the first three issues and how many more', () => {
    const bad = (agentId: string) => ({ ...toby, agentId, temperature: 1.5 });
    expect(judgeDna([bad('a'), bad('b'), toby, bad('c'), bad('d')])).toEqual({
      status: 'fail',
      detail:
        'a: temperature 1.5 outside 0.6–0.98; b: temperature 1.5 outside 0.6–0.98; c: temperature 1.5 outside 0.6–0.98; and 1 more. Fix it in Agents (edit the DNA) or retire the agent.',
    });
  });
});

describe('content_pipeline (48 h)', () => {
  const base: PipelineFacts = {
    brokenTools: [],
    paused: false,
    runningForMs: 30 * H,
    activeBrands: 2,
    proposals: 16,
    renders: { total: 10, completed: 8, failed: 2, lastError: null },
  };

  it('fails first when FFmpeg cannot run: nothing accepted would render', () => {
    expect(
      judgePipeline({ ...base, brokenTools: [{ name: 'ffmpeg', detail: '/x/ffmpeg cannot run' }] }),
    ).toEqual({
      status: 'fail',
      detail: 'Renders cannot run: ffmpeg: /x/ffmpeg cannot run',
    });
  });

  it('judges "nothing made" by whether something should have been made', () => {
    const idle = { ...base, proposals: 0, renders: { total: 0, completed: 0, failed: 0, lastError: null } };
    expect(judgePipeline({ ...idle, paused: true }).status).toBe('warn');
    expect(judgePipeline({ ...idle, activeBrands: 0 }).status).toBe('warn');
    expect(judgePipeline({ ...idle, runningForMs: 3 * H })).toEqual({
      status: 'warn',
      detail: 'Nothing written yet; Maestro has been running for 3 h and the daily burst writes next.',
    });
    expect(judgePipeline(idle).status).toBe('fail');
  });

  it('fails when every finished render failed, warns above half, passes otherwise', () => {
    expect(
      judgePipeline({
        ...base,
        renders: { total: 3, completed: 0, failed: 3, lastError: 'FFmpeg exited 1' },
      }),
    ).toEqual({
      status: 'fail',
      detail:
        '48 h: 16 proposals, 3 renders (0 done, 3 failed): every finished render failed. The last error: FFmpeg exited 1',
    });
    expect(
      judgePipeline({ ...base, renders: { total: 5, completed: 2, failed: 3, lastError: null } }).status,
    ).toBe('warn');
    // Exactly half is not more than half.
    expect(
      judgePipeline({ ...base, renders: { total: 4, completed: 2, failed: 2, lastError: null } }).status,
    ).toBe('pass');
    expect(judgePipeline(base)).toEqual({
      status: 'pass',
      detail: '48 h: 16 proposals, 10 renders (8 done, 2 failed).',
    });
  });
});

describe('scheduler_health (by heartbeat)', () => {
  const idle: SchedulerFacts = {
    stalledRenders: 0,
    oldestStalledMs: 0,
    stuckInQueue: 0,
    rendering: 2,
    waiting: 30,
    schedulerRunning: true,
  };

  it('passes a long queue that moves', () => {
    expect(judgeScheduler(idle)).toEqual({
      status: 'pass',
      detail: '2 rendering, 30 waiting, none stalled; the scheduler is running.',
    });
  });

  it('warns from one stalled render, fails above three', () => {
    expect(judgeScheduler({ ...idle, stalledRenders: 1, oldestStalledMs: 95 * MIN }).status).toBe('warn');
    expect(judgeScheduler({ ...idle, stalledRenders: 2, stuckInQueue: 1 }).status).toBe('warn');
    expect(
      judgeScheduler({ ...idle, stalledRenders: 3, stuckInQueue: 1, oldestStalledMs: 3 * H }),
    ).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('3 renders without progress for over 60 min (the oldest 3 h'),
    });
  });

  it('warns when the orchestrator is not ticking', () => {
    expect(judgeScheduler({ ...idle, schedulerRunning: false }).status).toBe('warn');
  });
});

describe('evolution_integrity', () => {
  const now = new Date('2026-11-25T10:00:00Z');
  const base: EvolutionFacts = {
    mutations: 12,
    performanceSnapshots: 8,
    genePool: 3,
    overdueAttributions: 0,
    lastEvolutionAt: new Date('2026-11-22T02:00:00Z'),
    installedAt: new Date('2026-09-01T00:00:00Z'),
    now,
  };

  it('passes a loop that attributes and evolves on time', () => {
    expect(judgeEvolution(base)).toEqual({
      status: 'pass',
      detail: '14 d: 12 changes to agents, 8 performance snapshots; gene pool 3; last evolution 3 d ago.',
    });
  });

  it('passes a new install with nothing to learn from yet (the reference warned)', () => {
    expect(
      judgeEvolution({
        ...base,
        mutations: 0,
        performanceSnapshots: 0,
        lastEvolutionAt: null,
        installedAt: new Date('2026-11-22T00:00:00Z'),
      }),
    ).toMatchObject({ status: 'pass' });
  });

  it('warns on posts past the attribution deadline and on an evolution overdue (or never run)', () => {
    expect(judgeEvolution({ ...base, overdueAttributions: 2 }).detail).toContain(
      '2 published posts still unattributed after 84 h: feedback is not running',
    );
    expect(judgeEvolution({ ...base, lastEvolutionAt: new Date('2026-11-15T02:00:00Z') })).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('the weekly evolution has not run for 10 d'),
    });
    expect(judgeEvolution({ ...base, lastEvolutionAt: null }).detail).toContain(
      'the weekly evolution has never run',
    );
  });
});

describe('api_connectivity (no network call)', () => {
  const deepseek: ApiFacts = {
    baseUrl: 'https://api.deepseek.com/v1',
    model: 'deepseek-chat',
    keyLength: 35,
    budgetBlocked: null,
    recent: [],
  };
  const failed = { outcome: 'server_error', error: '503 Service Unavailable' };

  it('fails without a key for a remote server, passes a local server without one', () => {
    expect(judgeApi({ ...deepseek, keyLength: 0 })).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('No LLM API key for api.deepseek.com'),
    });
    expect(
      judgeApi({ ...deepseek, baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1', keyLength: 0 }),
    ).toEqual({
      status: 'pass',
      detail: '127.0.0.1:11434, model llama3.1, a local server, no key needed; no call in the last day.',
    });
  });

  it('fails an address that is not http(s) and warns on a key too short to be real', () => {
    expect(judgeApi({ ...deepseek, baseUrl: 'ftp://models.local' }).status).toBe('fail');
    expect(judgeApi({ ...deepseek, keyLength: 6 }).status).toBe('warn');
  });

  it('warns after five recorded attempts in a row without an answer, or while the budget refuses calls', () => {
    expect(judgeApi({ ...deepseek, recent: Array(5).fill(failed) })).toEqual({
      status: 'warn',
      detail:
        'api.deepseek.com, model deepseek-chat, key set (35 characters); the last 5 calls got no answer: 503 Service Unavailable',
    });
    expect(
      judgeApi({ ...deepseek, recent: [...Array(4).fill(failed), { outcome: 'ok', error: null }] }),
    ).toEqual({
      status: 'pass',
      detail:
        'api.deepseek.com, model deepseek-chat, key set (35 characters); the last 4 calls got no answer, the one before was answered.',
    });
    expect(
      judgeApi({ ...deepseek, recent: [{ outcome: 'repaired', error: null }, failed] }).detail,
    ).toContain('the last call was answered');
    expect(judgeApi({ ...deepseek, budgetBlocked: 'Daily budget of $1.00 used up' }).status).toBe('warn');
  });
});

describe('publishing_pipeline', () => {
  const base: PublishingFacts = {
    paused: false,
    connected: 3,
    expired: [],
    upcoming: 4,
    overdue: 0,
    published: 20,
    failed: 1,
    lastError: null,
  };

  it('passes a week that publishes', () => {
    expect(judgePublishing(base)).toEqual({
      status: 'pass',
      detail: '4 due in 24 h, 20 published and 1 failed in 7 d.',
    });
  });

  it('fails a week where every attempt (at least 3) failed', () => {
    expect(
      judgePublishing({ ...base, published: 0, failed: 3, lastError: 'Invalid OAuth access token' }),
    ).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining(
        'nothing went out, every attempt failed. The last error: Invalid OAuth access token',
      ),
    });
    expect(judgePublishing({ ...base, published: 0, failed: 2 }).status).toBe('pass');
  });

  it('warns on many failures, expired logins, posts left behind, an empty day ahead while running', () => {
    expect(judgePublishing({ ...base, failed: 6 }).detail).toContain('6 platform attempts failed this week');
    expect(judgePublishing({ ...base, expired: ['vital-roots/instagram'] }).detail).toContain(
      'reconnect vital-roots/instagram in Brands',
    );
    expect(judgePublishing({ ...base, overdue: 2 }).detail).toContain(
      '2 posts still not out 30 min after their time',
    );
    expect(judgePublishing({ ...base, upcoming: 0 }).status).toBe('warn');
    // Paused, or nothing connected: an empty day ahead is expected.
    expect(judgePublishing({ ...base, upcoming: 0, paused: true }).status).toBe('pass');
    expect(judgePublishing({ ...base, upcoming: 0, connected: 0 })).toEqual({
      status: 'pass',
      detail: '0 due in 24 h, 20 published and 1 failed in 7 d; no brand connected yet.',
    });
  });
});

describe('cycle_freshness (the orchestrator records)', () => {
  const now = new Date('2026-11-25T10:00:00Z');
  const at = (msBefore: number) => new Date(now.getTime() - msBefore).toISOString();
  const cycle = (
    id: string,
    label: string,
    lastStartedAt: string | null,
    extra: Partial<FreshnessFacts['cycles'][number]> = {},
  ) => ({
    id,
    label,
    runsWhenPaused: true,
    lastStartedAt,
    lastOutcome: lastStartedAt ? ('ok' as const) : null,
    lastError: null,
    ...extra,
  });
  const base: FreshnessFacts = {
    now,
    startedAt: new Date(now.getTime() - 5 * H),
    paused: false,
    resumedAt: null,
    cycles: [
      cycle('check', 'Check', at(5 * MIN)),
      cycle('healing', 'Healing', at(10 * MIN)),
      cycle('feedback', 'Feedback', at(3 * H)),
      cycle('observe', 'Metrics', at(2 * H)),
      cycle('unknown-cycle', 'Not judged', null),
    ],
  };

  it('passes in the first hour whatever the records say', () => {
    expect(
      judgeFreshness({
        ...base,
        startedAt: new Date(now.getTime() - 40 * MIN),
        cycles: [cycle('check', 'Check', null)],
      }),
    ).toEqual({
      status: 'pass',
      detail: 'Warming up: started 40 min ago; cycles are judged after the first 60 min.',
    });
  });

  it('passes cycles that ran within their limit; cycles without a limit are not judged', () => {
    expect(judgeFreshness(base)).toEqual({ status: 'pass', detail: '4 cycles ran on time.' });
  });

  it('counts the time since start, not since a run before the app was closed', () => {
    // Feedback last ran 20 h ago, but the app started 5 h ago: 5 h < 12 h, fresh.
    const facts = { ...base, cycles: [cycle('feedback', 'Feedback', at(20 * H))] };
    expect(judgeFreshness(facts).status).toBe('pass');
    // Started 13 h ago and feedback has not run since: stale, as is one that never ran.
    expect(judgeFreshness({ ...facts, startedAt: new Date(now.getTime() - 13 * H) })).toEqual({
      status: 'warn',
      detail: 'stale: Feedback (last 20 h ago). See Dashboard → cycles and the activity feed.',
    });
  });

  it('warns on one or two stale or failing cycles, fails from three', () => {
    const failing = cycle('check', 'Check', at(5 * MIN), {
      lastOutcome: 'failed',
      lastError: 'database is locked',
    });
    expect(judgeFreshness({ ...base, cycles: [...base.cycles.slice(1), failing] })).toEqual({
      status: 'warn',
      detail: 'last run failed: Check (database is locked). See Dashboard → cycles and the activity feed.',
    });
    const stale = [
      cycle('check', 'Check', at(2 * H)),
      cycle('healing', 'Healing', null),
      cycle('publish', 'Publishing', at(45 * MIN)),
    ];
    expect(judgeFreshness({ ...base, cycles: stale })).toEqual({
      status: 'fail',
      detail:
        'stale: Check (last 2 h ago); Healing (never ran); Publishing (last 45 min ago). See Dashboard → cycles and the activity feed.',
    });
  });

  it('does not judge cycles that wait for Resume while paused, and counts from the Resume after', () => {
    const burst = cycle('burst', 'Daily burst', at(3 * 24 * H), { runsWhenPaused: false });
    expect(judgeFreshness({ ...base, paused: true, cycles: [burst] })).toEqual({
      status: 'pass',
      detail: '0 cycles ran on time.',
    });
    // Resumed 2 h ago (app up 30 h): 2 h < 26 h.
    const longRun = { ...base, startedAt: new Date(now.getTime() - 30 * H), cycles: [burst] };
    expect(judgeFreshness({ ...longRun, resumedAt: new Date(now.getTime() - 2 * H) }).status).toBe('pass');
    expect(judgeFreshness(longRun).status).toBe('warn');
  });
});

describe('data_consistency', () => {
  const clean: ConsistencyFacts = {
    proposalsChecked: 40,
    proposalsWithoutAgent: 0,
    acceptedWithoutRender: 0,
    agentsOfGoneBrands: [],
    postsOfDeletedBrands: 0,
    measuredWithoutAgent: 0,
  };

  it('passes when every stored id resolves', () => {
    expect(judgeConsistency(clean)).toEqual({
      status: 'pass',
      detail: '40 proposals of the last 7 d, the agents, posts and measurements: every stored id resolves.',
    });
  });

  it('warns naming each kind of broken link', () => {
    expect(
      judgeConsistency({
        ...clean,
        proposalsWithoutAgent: 6,
        acceptedWithoutRender: 1,
        agentsOfGoneBrands: ['nova'],
        postsOfDeletedBrands: 2,
        measuredWithoutAgent: 1,
      }),
    ).toEqual({
      status: 'warn',
      detail:
        '6 proposals of an agent that does not exist; 1 accepted proposal without a render (see Proposals; restarting repairs what it can); active agents of a deleted brand: nova (retire them in Agents); 2 posts of a deleted brand still to publish; 1 measured post of an agent that does not exist.',
    });
  });
});
