import { diagnosticsDefaults } from '../defaults';
import { HOUR_MS } from '../../ports/clock';
import { plural } from '../../wording';
import { ago, type SystemCheck, type Verdict } from './check';

export interface EvolutionFacts {
  mutations: number;
  performanceSnapshots: number;
  genePool: number;
  /** Published posts past the attribution deadline and still not attributed. */
  overdueAttributions: number;
  lastEvolutionAt: Date | null;
  /** When the first agent was created (the install's age, for "never ran"). */
  installedAt: Date | null;
  now: Date;
}

/**
 * Reference §5.2 #6, adapted: the original warned whenever there were no performance or learning
 * rows in two weeks, i.e. on every new install. Here it warns on what shows the learning loop is
 * broken: posts past their attribution deadline (feedback is not running) and a weekly evolution
 * that has not run for more than a week.
 */
export function judgeEvolution(f: EvolutionFacts): Verdict {
  const { windowDays, attributionOverdueHours, evolutionOverdueDays } = diagnosticsDefaults.evolution;
  const last = f.lastEvolutionAt ? `${ago(f.now.getTime() - f.lastEvolutionAt.getTime())} ago` : 'never';
  const summary =
    `${windowDays} d: ${plural(f.mutations, 'change')} to agents, ${plural(f.performanceSnapshots, 'performance snapshot')}; ` +
    `gene pool ${f.genePool}; last evolution ${last}`;
  const issues: string[] = [];
  if (f.overdueAttributions > 0)
    issues.push(
      `${plural(f.overdueAttributions, 'published post')} still unattributed after ${attributionOverdueHours} h: feedback is not running (see its cycle)`,
    );
  const since = f.lastEvolutionAt ?? f.installedAt;
  if (since && f.now.getTime() - since.getTime() > evolutionOverdueDays * 24 * HOUR_MS)
    issues.push(
      f.lastEvolutionAt
        ? `the weekly evolution has not run for ${ago(f.now.getTime() - since.getTime())}`
        : `the weekly evolution has never run in ${ago(f.now.getTime() - since.getTime())}`,
    );
  if (issues.length) return { status: 'warn', detail: `${issues.join('; ')}. (${summary}.)` };
  return { status: 'pass', detail: `${summary}.` };
}

export const evolutionIntegrityCheck: SystemCheck = {
  name: 'evolution_integrity',
  async run({ db, now }) {
    const { windowDays, attributionOverdueHours } = diagnosticsDefaults.evolution;
    const since = new Date(now.getTime() - windowDays * 24 * HOUR_MS).toISOString();
    const countAll = (table: 'agent_learning' | 'agent_performance') =>
      db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('created_at', '>=', since)
        .executeTakeFirstOrThrow();
    const [mutations, snapshots, pool, overdue, evolution, firstAgent] = await Promise.all([
      countAll('agent_learning'),
      countAll('agent_performance'),
      db
        .selectFrom('gene_pool')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      // The feedback's own rule (learning/feedback-repository) at the deadline: every post published
      // before it, made by an agent, is due whatever its metrics say.
      db
        .selectFrom('post_performance')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('attributed_at', 'is', null)
        .where('agent_id', 'is not', null)
        .where(
          'published_at',
          '<=',
          new Date(now.getTime() - attributionOverdueHours * HOUR_MS).toISOString(),
        )
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('evolution_runs')
        .select((eb) => eb.fn.max('ran_at').as('at'))
        .executeTakeFirst(),
      db
        .selectFrom('agents')
        .select((eb) => eb.fn.min('created_at').as('at'))
        .executeTakeFirst(),
    ]);
    return judgeEvolution({
      mutations: Number(mutations.n),
      performanceSnapshots: Number(snapshots.n),
      genePool: Number(pool.n),
      overdueAttributions: Number(overdue.n),
      lastEvolutionAt: evolution?.at ? new Date(evolution.at) : null,
      installedAt: firstAgent?.at ? new Date(firstAgent.at) : null,
      now,
    });
  },
};
