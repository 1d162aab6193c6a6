import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, OperationName } from '../../../src-main/core/contract/operations';
import { proposalStatuses } from '../../../src-main/core/contract/proposals';
import { jobStatuses } from '../../../src-main/core/contract/jobs';
import { openStore } from '../../../src-main/core/store/open-database';
import { planOf, recordStatements, type RecordedStatement } from '../../helpers/recorded-statements';
import { openTempCore, type TempCore } from '../../helpers/temp-core';
import { makeTempDir } from '../../helpers/temp-dir';
import { writeYearOfData } from '../../helpers/year-of-data';

/**
 * Every list the UI offers, with every filter combination it offers, must be an index range
 * read in order: the plan of each statement it runs may not scan a big table (read every row)
 * or sort what it matched (a temporary B-tree for ORDER BY). Only a statement without any WHERE
 * may walk an index or the table in order, because LIMIT then stops it after one page.
 * The data is a small year (the planner has no statistics, as in the app), so the plans are the
 * ones the app gets.
 */

const END = '2026-11-25T10:00:00.000Z';
/** Tables that grow with every day of use; the rest stay small (brands, agents, settings…). */
const bigTables = new Set([
  'proposals',
  'p',
  'content_history',
  'generation_jobs',
  'j',
  'scheduled_posts',
  'publish_targets',
  'post_performance',
  'pp',
  'metric_snapshots',
  'ms',
  'activity_log',
  'api_usage',
]);

interface Finding {
  operation: string;
  input: unknown;
  sql: string;
  plan: string[];
  problem: string;
}

function problemsOf(statement: RecordedStatement, plan: string[]): string[] {
  const problems: string[] = [];
  const unfiltered = !/\bwhere\b/i.test(statement.sql);
  for (const step of plan) {
    const scan = /^SCAN (\S+)/.exec(step);
    if (scan && bigTables.has(scan[1]!) && !step.includes('VIRTUAL TABLE') && !unfiltered) {
      problems.push(`full scan: ${step}`);
    }
    if (
      /USE TEMP B-TREE FOR (RIGHT PART OF |LAST TERM OF )?ORDER BY/.test(step) &&
      plan.some(touchesBigTable)
    ) {
      problems.push(`sorts every match: ${step}`);
    }
  }
  return problems;
}

function touchesBigTable(step: string): boolean {
  const match = /^(?:SCAN|SEARCH) (\S+)/.exec(step);
  return match !== null && bigTables.has(match[1]!);
}

let t: TempCore;
let recorder: ReturnType<typeof recordStatements>;
const cleanups: Array<() => void> = [];

beforeAll(async () => {
  const temp = makeTempDir();
  cleanups.push(temp.cleanup);
  const store = await openStore(join(temp.dir, 'maestro.db'));
  writeYearOfData(store.sqlite, { end: new Date(END), scale: 0.03 });
  await store.close();
  t = await openTempCore({ dir: temp.dir, start: END, startRenderQueue: false });
  recorder = recordStatements(t.core.store.sqlite);
}, 60_000);

afterAll(async () => {
  recorder?.stop();
  await t?.close();
  cleanups.forEach((cleanup) => cleanup());
});

async function findingsOf<K extends OperationName>(operation: K, input: InputOf<K>): Promise<Finding[]> {
  recorder.take();
  await t.call(operation, input);
  const statements = recorder.take().filter((s) => /^\s*select\b/i.test(s.sql));
  expect(statements.length, `${operation} ran no query`).toBeGreaterThan(0);
  const findings: Finding[] = [];
  for (const statement of statements) {
    const plan = planOf(t.core.store.sqlite, statement);
    for (const problem of problemsOf(statement, plan)) {
      findings.push({ operation, input, sql: statement.sql, plan, problem });
    }
  }
  recorder.take();
  return findings;
}

/** Every combination of the optional narrowings, including none. */
function combinations<T extends Record<string, unknown>>(options: {
  [K in keyof T]: Array<T[K] | undefined>;
}): T[] {
  let out: Array<Record<string, unknown>> = [{}];
  for (const [key, values] of Object.entries(options) as Array<[string, unknown[]]>) {
    out = out.flatMap((partial) =>
      values.map((value) => (value === undefined ? partial : { ...partial, [key]: value })),
    );
  }
  return out as T[];
}

const narrowings = combinations<{ brandId: string; agentId: string; contentType: 'reel' | 'post' }>({
  brandId: [undefined, 'brand-02'],
  agentId: [undefined, 'agent_03'],
  contentType: [undefined, 'reel', 'post'],
});

describe('list query plans at a year of data', () => {
  it('the review queue: every status tab × brand × agent × type, first and next page, and search', async () => {
    const findings: Finding[] = [];
    const anchor = (await t.call('proposals.list', { statuses: ['rejected'], limit: 5 })).items.at(-1)!;
    for (const status of proposalStatuses) {
      for (const narrowing of narrowings) {
        for (const page of [{}, { beforeProposalId: anchor.proposalId }]) {
          for (const search of [undefined, 'magn', 'why sleep']) {
            findings.push(
              ...(await findingsOf('proposals.list', {
                statuses: [status],
                limit: 100,
                ...narrowing,
                ...page,
                ...(search ? { search } : {}),
              })),
            );
          }
        }
      }
    }
    // Callers other than the UI may ask for several statuses, or none (every status).
    findings.push(...(await findingsOf('proposals.list', { limit: 500 })));
    findings.push(
      ...(await findingsOf('proposals.list', { statuses: ['accepted', 'rejected'], brandId: 'brand-02' })),
    );
    expect(findings).toEqual([]);
  });

  it('the Jobs list: every status and a proposal, first and next page', async () => {
    const findings: Finding[] = [];
    const jobs = await t.call('jobs.list', { limit: 3 });
    for (const status of [undefined, ...jobStatuses]) {
      for (const page of [{}, { beforeJobId: jobs.at(-1)!.id }]) {
        findings.push(
          ...(await findingsOf('jobs.list', { limit: 100, ...(status ? { status } : {}), ...page })),
        );
      }
    }
    findings.push(...(await findingsOf('jobs.list', { proposalId: jobs[0]!.proposalId! })));
    expect(findings).toEqual([]);
  });

  it('the calendar: a month, a week and the agenda, all brands or one, first and next page', async () => {
    const findings: Finding[] = [];
    const ranges = [
      { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' },
      { from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' },
    ];
    for (const range of ranges) {
      for (const brandId of [undefined, 'brand-02']) {
        const first = await t.call('calendar.list', { ...range, limit: 5, ...(brandId ? { brandId } : {}) });
        findings.push(
          ...(await findingsOf('calendar.list', { ...range, limit: 500, ...(brandId ? { brandId } : {}) })),
        );
        const last = first.items.at(-1);
        if (last) {
          findings.push(
            ...(await findingsOf('calendar.list', {
              ...range,
              limit: 100,
              afterScheduleId: last.scheduleId,
              ...(brandId ? { brandId } : {}),
            })),
          );
        }
      }
    }
    expect(findings).toEqual([]);
  });

  it('the activity feed, its next page and its search', async () => {
    const findings: Finding[] = [];
    const first = await t.call('activity.list', { limit: 10 });
    findings.push(...(await findingsOf('activity.list', { limit: 100 })));
    findings.push(...(await findingsOf('activity.list', { limit: 100, beforeId: first.at(-1)!.id })));
    findings.push(...(await findingsOf('activity.list', { limit: 100, search: 'render' })));
    findings.push(
      ...(await findingsOf('activity.list', { limit: 100, search: 'render', beforeId: first.at(-1)!.id })),
    );
    findings.push(...(await findingsOf('search.query', { text: 'magnesium' })));
    expect(findings).toEqual([]);
  });

  it('the examiner panel: every period × brand × agent, its rejected list and its figures', async () => {
    const findings: Finding[] = [];
    for (const days of [7, 30, 90, 365]) {
      for (const narrowing of combinations<{ brandId: string; agentId: string }>({
        brandId: [undefined, 'brand-02'],
        agentId: [undefined, 'agent_03'],
      })) {
        findings.push(...(await findingsOf('examiner.rejected', { days, limit: 50, ...narrowing })));
        findings.push(...(await findingsOf('examiner.stats', { days, ...narrowing })));
      }
    }
    expect(findings).toEqual([]);
  });

  it('the dashboard overview', async () => {
    expect(await findingsOf('maestro.overview', {})).toEqual([]);
  });

  it('the dashboard: next posts, today’s published, waiting proposals, spend and platform quotas', async () => {
    expect(await findingsOf('maestro.dashboard', {})).toEqual([]);
    // Not a scan, yet as costly: reaching the window's published targets through their status
    // reads every target ever published. The quotas start from the posts' publish times.
    recorder.take();
    await t.call('maestro.dashboard');
    const steps = recorder
      .take()
      .filter((s) => /publish_targets/.test(s.sql) && /^\s*select\b/i.test(s.sql))
      .flatMap((s) => planOf(t.core.store.sqlite, s));
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.filter((step) => /publish_targets_by_status/.test(step))).toEqual([]);
  });

  it('fails on a full scan: a filter no index fits is reported', async () => {
    const statement = {
      sql: 'select * from proposals where caption = ? order by id desc limit 100',
      params: ['x'],
    };
    expect(problemsOf(statement, planOf(t.core.store.sqlite, statement))).toEqual([
      expect.stringMatching(/^full scan: SCAN proposals/),
    ]);
    const sorted = {
      sql: 'select * from proposals where status = ? order by title limit 100',
      params: ['accepted'],
    };
    expect(problemsOf(sorted, planOf(t.core.store.sqlite, sorted))).toEqual([
      expect.stringMatching(/^sorts every match: USE TEMP B-TREE FOR ORDER BY/),
    ]);
  });
});
