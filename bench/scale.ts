/**
 * `npm run bench scale`: a year of an agency's data (issue 10: 20 brands, 40 agents, 60,000
 * proposals, 20,000 renders, 20,000 scheduled posts with their metric snapshots, 200,000
 * activity rows, 100,000 usage rows) written into a freshly migrated file, then every figure
 * the issue names, each as a ratio to its target (1.0 = on target, lower is better):
 *
 * - p95 of every list and filter operation, over every filter combination the UI offers, at
 *   pages of 100 and 500 rows (first and next page): target 25 ms;
 * - the dashboard overview: 25 ms;
 * - the headless server from start to its printed URL: 1 s;
 * - Chromium from navigation to the dashboard painted with data: 1.5 s;
 * - a keystroke in the Proposals search box to the list showing its results: 50 ms;
 * - the server's resident memory after a minute idle with the dashboard open: 120 MB;
 * - the data file's size: 500 MB (the issue names no number; this keeps the 11 rotated
 *   backups of a year under 6 GB).
 *
 * The operations are timed in-process through the core's own dispatcher (validation
 * included). The file keeps its year (retention set to 400 days) and the daily backup is off,
 * so the idle minute is idle; the backup of the file is timed on its own, for information.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, type Core } from '../src-main/core/app';
import { manualClock } from '../src-main/core/ports/clock';
import { openStore } from '../src-main/core/store/open-database';
import { launchBrowser } from '../test/e2e/helpers';
import { startServeProcess } from '../test/helpers/serve-process';
import { writeYearOfData } from '../test/helpers/year-of-data';
import type { BenchGoal } from './scale-goals';
import { formatGoal, percentile } from './scale-goals';

export interface ScaleBenchResult {
  name: string;
  lines: string[];
  /** The worst ratio (the older `npm run bench` reads this one). */
  ratio: number;
  target: number;
  goals: BenchGoal[];
}

const END = new Date();
const SAMPLES = 12;
const WARMUP = 2;
const LIST_TARGET_MS = 25;

type Input = Record<string, unknown>;

/** Every combination of the given choices (undefined: the filter is not set). */
function combinations(options: Record<string, unknown[]>): Input[] {
  let out: Input[] = [{}];
  for (const [key, values] of Object.entries(options)) {
    out = out.flatMap((partial) => values.map((v) => (v === undefined ? partial : { ...partial, [key]: v })));
  }
  return out;
}

async function timeCalls(
  core: Core,
  name: string,
  inputs: Input[],
): Promise<{ samples: number[]; worst: string }> {
  const samples: number[] = [];
  let worst = { ms: 0, input: '' };
  for (const input of inputs) {
    for (let i = 0; i < WARMUP; i++) await core.invoke(name, input);
    const own: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const started = performance.now();
      const result = await core.invoke(name, input);
      own.push(performance.now() - started);
      if (!result.ok) throw new Error(`${name} ${JSON.stringify(input)}: ${result.error.message}`);
    }
    samples.push(...own);
    const p95 = percentile(own, 95);
    if (p95 > worst.ms) worst = { ms: p95, input: JSON.stringify(input) };
  }
  return { samples, worst: `${worst.ms.toFixed(1)} ms at ${worst.input}` };
}

/** A page after the first: the cursor is the first page's last row. */
async function withNextPages(
  core: Core,
  name: string,
  inputs: Input[],
  cursorOf: (value: unknown) => Input | null,
): Promise<Input[]> {
  const all: Input[] = [];
  for (const input of inputs) {
    all.push(input);
    const first = await core.invoke(name, input);
    if (!first.ok) throw new Error(first.error.message);
    const cursor = cursorOf(first.value);
    if (cursor) all.push({ ...input, ...cursor });
  }
  return all;
}

async function listGoals(core: Core, lines: string[]): Promise<BenchGoal[]> {
  const goals: BenchGoal[] = [];
  const month = (offset: number) => {
    const d = new Date(Date.UTC(END.getUTCFullYear(), END.getUTCMonth() + offset, 1));
    return d.toISOString();
  };
  // The month grid shows six weeks around the month; the week view a week; the agenda a month.
  const ranges = [
    {
      from: new Date(Date.parse(month(0)) - 6 * 86_400_000).toISOString(),
      to: new Date(Date.parse(month(1)) + 6 * 86_400_000).toISOString(),
    },
    {
      from: new Date(END.getTime() - 3 * 86_400_000).toISOString(),
      to: new Date(END.getTime() + 4 * 86_400_000).toISOString(),
    },
    { from: month(0), to: month(1) },
    { from: month(-6), to: month(-5) },
  ];
  for (const limit of [100, 500]) {
    const cases: Array<{ name: string; inputs: Input[] }> = [];
    const proposals = combinations({
      statuses: [['pending'], ['needs_review'], ['accepted'], ['rejected'], ['expired']],
      brandId: [undefined, 'brand-03'],
      agentId: [undefined, 'agent_05'],
      contentType: [undefined, 'reel', 'post'],
      search: [undefined, 'magn', 'why sleep'],
    }).map((input) => ({ ...input, limit }));
    cases.push({
      name: 'proposals.list',
      inputs: await withNextPages(core, 'proposals.list', proposals, (v) => {
        const page = v as { items: Array<{ proposalId: string }>; hasMore: boolean };
        return page.hasMore ? { beforeProposalId: page.items.at(-1)!.proposalId } : null;
      }),
    });
    const jobs = combinations({
      status: [undefined, 'pending', 'generating', 'completed', 'failed', 'cancelled'],
    }).map((input) => ({ ...input, limit }));
    cases.push({
      name: 'jobs.list',
      inputs: await withNextPages(core, 'jobs.list', jobs, (v) => {
        const page = v as Array<{ id: string }>;
        return page.length === limit ? { beforeJobId: page.at(-1)!.id } : null;
      }),
    });
    const calendar = ranges.flatMap((range) =>
      combinations({ brandId: [undefined, 'brand-04'] }).map((input) => ({ ...range, ...input, limit })),
    );
    cases.push({
      name: 'calendar.list',
      inputs: await withNextPages(core, 'calendar.list', calendar, (v) => {
        const page = v as { items: Array<{ scheduleId: string }>; hasMore: boolean };
        return page.hasMore ? { afterScheduleId: page.items.at(-1)!.scheduleId } : null;
      }),
    });
    const activity = combinations({ search: [undefined, 'render', 'magnesium sleep', 'agent'] }).map(
      (input) => ({
        ...input,
        limit,
      }),
    );
    cases.push({
      name: 'activity.list',
      inputs: await withNextPages(core, 'activity.list', activity, (v) => {
        const page = v as Array<{ id: number }>;
        return page.length === limit ? { beforeId: page.at(-1)!.id } : null;
      }),
    });
    cases.push({
      name: 'examiner.rejected',
      inputs: combinations({
        days: [7, 30, 90, 365],
        brandId: [undefined, 'brand-03'],
        agentId: [undefined, 'agent_05'],
      }).map((input) => ({ ...input, limit: Math.min(limit, 200) })),
    });
    for (const { name, inputs } of cases) {
      const { samples, worst } = await timeCalls(core, name, inputs);
      const p95 = percentile(samples, 95);
      const goal = {
        label: `${name} p95 @${name === 'examiner.rejected' ? Math.min(limit, 200) : limit}`,
        value: p95 / LIST_TARGET_MS,
        target: 1,
      };
      goals.push(goal);
      lines.push(
        formatGoal(
          goal,
          `${p95.toFixed(1)} ms over ${inputs.length} combinations × ${SAMPLES} (worst combination: ${worst})`,
        ),
      );
    }
  }
  // Not a paged list (no target in the issue): the examiner panel's figures, for information.
  for (const days of [7, 30, 90, 365]) {
    const figures = await timeCalls(
      core,
      'examiner.stats',
      combinations({ brandId: [undefined, 'brand-03'], agentId: [undefined, 'agent_05'] }).map((input) => ({
        ...input,
        days,
      })),
    );
    lines.push(
      `  (info) examiner.stats, last ${days} days: p95 ${percentile(figures.samples, 95).toFixed(1)} ms (worst combination: ${figures.worst})`,
    );
  }
  // The dashboard reads maestro.dashboard (every card but three); the review queue's burst
  // banner reads maestro.overview. The goal is the slower of the two.
  const reads = [];
  for (const name of ['maestro.dashboard', 'maestro.overview'] as const) {
    const timed = await timeCalls(
      core,
      name,
      Array.from({ length: 5 }, () => ({})),
    );
    reads.push({ name, p95: percentile(timed.samples, 95) });
  }
  const slowest = reads.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  const overviewGoal = {
    label: 'dashboard overview p95',
    value: slowest.p95 / LIST_TARGET_MS,
    target: 1,
  };
  goals.push(overviewGoal);
  lines.push(
    formatGoal(overviewGoal, reads.map((read) => `${read.p95.toFixed(1)} ms (${read.name})`).join(', ')),
  );
  return goals;
}

/** The server's RSS from /proc (Linux), in MB. */
async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

async function browserGoals(dataDir: string, lines: string[]): Promise<BenchGoal[]> {
  const goals: BenchGoal[] = [];
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const server = await startServeProcess(dataDir);
    starts.push(performance.now() - started);
    await server.stop('SIGTERM');
  }
  const coldStart = percentile(starts, 50);
  const startGoal = { label: 'headless start to URL (median of 5)', value: coldStart / 1000, target: 1 };
  goals.push(startGoal);
  lines.push(formatGoal(startGoal, `${starts.map((ms) => ms.toFixed(0)).join(', ')} ms`));

  const server = await startServeProcess(dataDir);
  const browser = await launchBrowser();
  try {
    const paints: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(server.url);
      await page
        .getByRole('list', { name: 'Activity feed, newest first' })
        .getByRole('listitem')
        .first()
        .waitFor();
      // Today's quota per brand: maestro.overview has answered and painted.
      await page.locator('.quota-list li').first().waitFor();
      paints.push(performance.now() - started);
      await context.close();
    }
    const paint = percentile(paints, 50);
    const paintGoal = {
      label: 'Chromium to dashboard with data (median of 5)',
      value: paint / 1500,
      target: 1,
    };
    goals.push(paintGoal);
    lines.push(formatGoal(paintGoal, `${paints.map((ms) => ms.toFixed(0)).join(', ')} ms`));

    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.goto(server.url);
    const keystrokes: number[] = [];
    for (const tab of ['pending', 'rejected']) {
      await page.goto(`${server.base}/#/proposals?status=${tab}`);
      const column = page.locator('.review-list-column[data-results-for=""]');
      await column.waitFor();
      const box = page.getByRole('searchbox', { name: 'Search' });
      await box.click();
      let typed = '';
      for (const char of 'magnesium sleep') {
        typed += char;
        const expected = typed.trim();
        // Timed inside the page: from the key going down to the frame after the list shows it.
        // Strings, not functions: the bench runs through tsx, whose helpers do not exist in the
        // page. Timed inside the page, from the key going down to the frame after the list
        // shows that search's results (at most 10 s).
        await page.evaluate(`(() => {
          window.__keyDownAt = 0;
          window.addEventListener('keydown', () => { window.__keyDownAt = performance.now(); }, { capture: true, once: true });
        })()`);
        await page.keyboard.type(char);
        const latency = await page.evaluate<number>(`new Promise((done, fail) => {
          const want = ${JSON.stringify(expected)};
          const timer = setTimeout(() => fail(new Error('the list never showed ' + want)), 10000);
          const check = () => {
            const el = document.querySelector('.review-list-column');
            if (!el || el.getAttribute('data-results-for') !== want) return false;
            requestAnimationFrame(() => { clearTimeout(timer); done(performance.now() - window.__keyDownAt); });
            return true;
          };
          if (check()) return;
          const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
          observer.observe(document.body, { subtree: true, attributes: true, childList: true });
        })`);
        keystrokes.push(latency);
      }
      await box.fill('');
    }
    const typing = percentile(keystrokes, 95);
    const typingGoal = { label: 'search keystroke to list updated p95', value: typing / 50, target: 1 };
    goals.push(typingGoal);
    lines.push(
      formatGoal(
        typingGoal,
        `${typing.toFixed(1)} ms over ${keystrokes.length} keystrokes ("magnesium sleep" in Pending and Rejected; max ${Math.max(...keystrokes).toFixed(1)} ms)`,
      ),
    );

    // A minute with the dashboard open and nothing to do.
    await page.goto(server.url);
    await page.getByRole('list', { name: 'Activity feed, newest first' }).waitFor();
    await new Promise((done) => setTimeout(done, 60_000));
    const rss = await rssMb(server.child.pid!);
    const rssGoal = { label: 'idle RSS after a minute', value: rss / 120, target: 1 };
    goals.push(rssGoal);
    lines.push(formatGoal(rssGoal, `${rss.toFixed(0)} MB`));
    await context.close();
  } finally {
    await browser.close();
    await server.stop('SIGTERM');
  }
  return goals;
}

export async function benchScale(): Promise<ScaleBenchResult> {
  const lines: string[] = [];
  // Progress as it goes (a run takes minutes); the summary is printed at the end.
  const push = lines.push.bind(lines);
  lines.push = (...added: string[]) => {
    for (const line of added) process.stderr.write(`[scale] ${line}\n`);
    return push(...added);
  };
  const goals: BenchGoal[] = [];
  if (process.env.MAESTRO_BENCH_SKIP_BUILD !== '1') {
    const build = spawnSync('npx', ['electron-vite', 'build'], {
      cwd: resolve(__dirname, '..'),
      stdio: 'ignore',
    });
    if (build.status !== 0)
      throw new Error('npx electron-vite build failed; the scale bench needs the built server');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'maestro-scale-'));
  try {
    const file = join(dataDir, 'maestro.db');
    const building = performance.now();
    const store = await openStore(file);
    const counts = writeYearOfData(store.sqlite, { end: END });
    store.sqlite
      .prepare(
        `INSERT INTO app_settings (key, value, updated_at) VALUES
         ('retentionActivityDays', '400', ?), ('retentionUsageDays', '400', ?),
         ('retentionMetricSnapshotsDays', '400', ?), ('backupDaily', 'false', ?)`,
      )
      .run(...Array.from({ length: 4 }, () => END.toISOString()));
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await store.close();
    lines.push(
      `scale: a year written in ${((performance.now() - building) / 1000).toFixed(1)} s: ${counts.brands} brands, ` +
        `${counts.agents} agents, ${counts.proposals} proposals, ${counts.renders} renders, ${counts.scheduledPosts} ` +
        `scheduled posts, ${counts.metricSnapshots} metric snapshots, ${counts.activity} activity rows, ${counts.usage} usage rows`,
    );

    const core = await createCore({
      dataDir,
      appVersion: 'bench',
      clock: manualClock(END),
      autoStart: false,
      startRenderQueue: false,
    });
    try {
      goals.push(...(await listGoals(core, lines)));
      const backupStarted = performance.now();
      const backup = await core.backups.backUp('manual', false);
      lines.push(
        `  (info) online backup of the year, verified with integrity_check: ${((performance.now() - backupStarted) / 1000).toFixed(1)} s, ${(backup.databaseBytes / 1_048_576).toFixed(0)} MB`,
      );
      rmSync(backup.path, { recursive: true, force: true });
    } finally {
      await core.close();
    }

    const sizeMb = statSync(file).size / 1_048_576;
    goals.push(...(await browserGoals(dataDir, lines)));
    const sizeGoal = { label: 'data file size', value: sizeMb / 500, target: 1 };
    goals.push(sizeGoal);
    lines.push(formatGoal(sizeGoal, `${sizeMb.toFixed(0)} MB`));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const worst = Math.max(...goals.map((g) => g.value));
  lines.push(`  worst ratio ${worst.toFixed(3)} (target ≤ 1.0 each)`);
  return { name: 'scale', lines, ratio: worst, target: 1, goals };
}
