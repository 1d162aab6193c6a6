/**
 * npm run simulate [-- --seed N] [--weeks N] [--world FILE]
 *
 * Runs the simulated world (bench/simulate/default-world.json unless --world) through the real
 * core, once with the app's adaptation rule and once with the original system's rule (reference
 * §4.2, fed the same correct metrics), for each seed (1, 2 and 3 unless --seed), and prints each
 * run's regret against an oracle that always picks the best strategy, then `regret ratio R`: the
 * app's total regret over the original rule's. The output is deterministic: same arguments, same
 * text. Runs go two at a time in child processes (one per core on this machine).
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { runWorld, type Rule, type RunResult } from './run-world';
import { loadWorld } from './world';

// The AWS SDK's notice about Node 20 support is not part of the simulation's output.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (!`${warning.name} ${warning.message}`.includes('NodeVersionSupportWarning')) console.error(warning);
});

interface Args {
  seeds: number[];
  weeks: number;
  world: string;
  child: { seed: number; rule: Rule } | null;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    seeds: [],
    weeks: 12,
    world: resolve(__dirname, 'default-world.json'),
    child: null,
  };
  let childRule: Rule | null = null;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    const number = () => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1)
        throw new Error(`${flag} takes a whole number ≥ 1, not "${value ?? ''}"`);
      i++;
      return n;
    };
    if (flag === '--seed') args.seeds.push(number());
    else if (flag === '--weeks') args.weeks = number();
    else if (flag === '--world') {
      if (!value) throw new Error('--world takes a file');
      args.world = resolve(value);
      i++;
    } else if (flag === '--child-rule') {
      if (value !== 'evidence' && value !== 'original')
        throw new Error('--child-rule is evidence or original');
      childRule = value;
      i++;
    } else
      throw new Error(
        `Unknown argument "${flag}". Usage: npm run simulate -- [--seed N] [--weeks N] [--world FILE]`,
      );
  }
  if (args.seeds.length === 0) args.seeds = [1, 2, 3];
  if (childRule) args.child = { seed: args.seeds[0]!, rule: childRule };
  return args;
}

/** One run in a child process (the same script), its result read back as JSON. */
function runInChild(args: Args, seed: number, rule: Rule): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [
        ...process.execArgv,
        __filename,
        '--seed',
        String(seed),
        '--weeks',
        String(args.weeks),
        '--world',
        args.world,
        '--child-rule',
        rule,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`the run for seed ${seed} (${rule}) exited with ${code}`));
      try {
        done(JSON.parse(out.trim().split('\n').at(-1)!) as RunResult);
      } catch (error) {
        fail(new Error(`the run for seed ${seed} (${rule}) printed no result: ${(error as Error).message}`));
      }
    });
  });
}

async function pool<T>(tasks: Array<() => Promise<T>>, width: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, tasks.length) }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}

const fixed = (x: number, dp = 3) => x.toFixed(dp);

function describeRun(r: RunResult): string {
  const perPost = r.posts ? r.regret / r.posts : 0;
  const top = Object.entries(r.strategies)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  return `${r.rule.padEnd(8)} posts ${String(r.posts).padStart(4)}  regret ${fixed(r.regret, 3).padStart(7)}  per post ${fixed(perPost * 100, 3)} pts  last 4 weeks ${fixed(
    (r.regretByWeek.slice(-4).reduce((a, b) => a + b, 0) /
      Math.max(
        1,
        r.postsByWeek.slice(-4).reduce((a, b) => a + b, 0),
      )) *
      100,
    3,
  )} pts/post  agents ${r.agents.active} active, ${r.agents.retired} retired  most used: ${top}`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const world = loadWorld(args.world);
  if (args.child) {
    const result = await runWorld({ world, seed: args.child.seed, rule: args.child.rule, weeks: args.weeks });
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  console.log(`World: ${world.name} (${args.world.endsWith('default-world.json') ? 'default' : args.world})`);
  console.log(
    `Weeks: ${args.weeks}; seeds: ${args.seeds.join(', ')}; regret in engagement-rate points against the best strategy for each post's brand, topic and week`,
  );
  const tasks = args.seeds.flatMap((seed) =>
    (['evidence', 'original'] as const).map((rule) => () => runInChild(args, seed, rule)),
  );
  const results = await pool(tasks, Math.max(1, Math.min(availableParallelism(), 4)));
  let app = 0;
  let original = 0;
  for (const seed of args.seeds) {
    const mine = results.find((r) => r.seed === seed && r.rule === 'evidence')!;
    const theirs = results.find((r) => r.seed === seed && r.rule === 'original')!;
    app += mine.regret;
    original += theirs.regret;
    console.log(`seed ${seed}`);
    console.log(`  app      ${describeRun(mine).slice(9)}`);
    console.log(`  original ${describeRun(theirs).slice(9)}`);
    console.log(
      `  regret ratio for seed ${seed}: ${fixed(theirs.regret > 0 ? mine.regret / theirs.regret : 0)}`,
    );
  }
  console.log(`regret ratio ${fixed(original > 0 ? app / original : 0)}`);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
