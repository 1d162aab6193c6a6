import type { Kysely } from 'kysely';
import type { DiagnosticsSnapshot } from '../contract/diagnostics';
import type { Database } from '../store/database';
import { DAY_MS } from '../ports/clock';

/** The numbers stored beside each run (reference §5.2's snapshot columns). */
export async function takeSnapshot(db: Kysely<Database>, now: Date): Promise<DiagnosticsSnapshot> {
  const [agents, pool, pending, failed, scheduled] = await Promise.all([
    db
      .selectFrom('agents')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.avg<number | null>('survival_score').as('avg'),
      ])
      .where('active', '=', 1)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('gene_pool')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('generation_jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['pending', 'generating'])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('generation_jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'failed')
      .where((eb) =>
        eb(
          eb.fn.coalesce('completed_at', 'updated_at', 'created_at'),
          '>=',
          new Date(now.getTime() - DAY_MS).toISOString(),
        ),
      )
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('scheduled_posts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'scheduled')
      .where('scheduled_time', '>=', now.toISOString())
      .executeTakeFirstOrThrow(),
  ]);
  return {
    activeAgents: Number(agents.n),
    avgSurvivalScore: agents.avg === null ? 0 : Math.round(Number(agents.avg) * 10) / 10,
    genePoolSize: Number(pool.n),
    pendingJobs: Number(pending.n),
    failedJobs24h: Number(failed.n),
    totalScheduled: Number(scheduled.n),
  };
}
