import { lacksItsRender } from '../../proposals/render-dispatch';
import { diagnosticsDefaults } from '../defaults';
import { HOUR_MS } from '../../ports/clock';
import { plural } from '../../wording';
import { type SystemCheck, type Verdict } from './check';

export interface ConsistencyFacts {
  proposalsChecked: number;
  /** Recent proposals whose stored agent id matches no agent. */
  proposalsWithoutAgent: number;
  /** Recent accepted proposals of a brand with no render of that brand (and why, when known). */
  acceptedWithoutRender: number;
  /** Active agents (not built-in) created for a brand that is deleted or gone. */
  agentsOfGoneBrands: readonly string[];
  /** Posts still to publish for a brand that is deleted. */
  postsOfDeletedBrands: number;
  /** Recent measured posts whose stored agent id matches no agent (their feedback goes nowhere). */
  measuredWithoutAgent: number;
}

/**
 * Reference §5.2 #10 on stored ids (the original matched proposals to agents by display name,
 * which a rename or a namesake broke), plus the links the foreign keys cannot hold: an accepted
 * proposal needs its render, an agent's or a post's brand must still exist.
 */
export function judgeConsistency(f: ConsistencyFacts): Verdict {
  const issues: string[] = [];
  if (f.proposalsWithoutAgent)
    issues.push(`${plural(f.proposalsWithoutAgent, 'proposal')} of an agent that does not exist`);
  if (f.acceptedWithoutRender)
    issues.push(
      `${plural(f.acceptedWithoutRender, 'accepted proposal')} without a render (see Proposals; restarting repairs what it can)`,
    );
  if (f.agentsOfGoneBrands.length)
    issues.push(
      `active agents of a deleted brand: ${f.agentsOfGoneBrands.slice(0, 3).join(', ')} (retire them in Agents)`,
    );
  if (f.postsOfDeletedBrands)
    issues.push(`${plural(f.postsOfDeletedBrands, 'post')} of a deleted brand still to publish`);
  if (f.measuredWithoutAgent)
    issues.push(`${plural(f.measuredWithoutAgent, 'measured post')} of an agent that does not exist`);
  if (issues.length) return { status: 'warn', detail: `${issues.join('; ')}.` };
  return {
    status: 'pass',
    detail: `${plural(f.proposalsChecked, 'proposal')} of the last ${diagnosticsDefaults.consistency.windowDays} d, the agents, posts and measurements: every stored id resolves.`,
  };
}

export const dataConsistencyCheck: SystemCheck = {
  name: 'data_consistency',
  async run({ db, now }) {
    const since = new Date(
      now.getTime() - diagnosticsDefaults.consistency.windowDays * 24 * HOUR_MS,
    ).toISOString();
    const [proposals, orphanProposals, withoutRender, agents, posts, measured] = await Promise.all([
      db
        .selectFrom('proposals')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('created_at', '>=', since)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('proposals as p')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('p.created_at', '>=', since)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(selectFrom('agents as a').select('a.agent_id').whereRef('a.agent_id', '=', 'p.agent_id')),
          ),
        )
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('proposals as p')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('p.status', '=', 'accepted')
        .where('p.brand_id', 'is not', null)
        .where('p.created_at', '>=', since)
        .where(lacksItsRender)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('agents as a')
        .leftJoin('brands as b', 'b.id', 'a.created_for_brand')
        .select('a.agent_id')
        .where('a.active', '=', 1)
        .where('a.is_builtin', '=', 0)
        .where('a.created_for_brand', 'is not', null)
        .where((eb) => eb.or([eb('b.id', 'is', null), eb('b.deleted_at', 'is not', null)]))
        .orderBy('a.agent_id')
        .execute(),
      db
        .selectFrom('scheduled_posts as s')
        .innerJoin('brands as b', 'b.id', 's.brand_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('s.status', 'in', ['scheduled', 'waiting'])
        .where('b.deleted_at', 'is not', null)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('post_performance as m')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('m.published_at', '>=', since)
        .where('m.agent_id', 'is not', null)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(selectFrom('agents as a').select('a.agent_id').whereRef('a.agent_id', '=', 'm.agent_id')),
          ),
        )
        .executeTakeFirstOrThrow(),
    ]);
    return judgeConsistency({
      proposalsChecked: Number(proposals.n),
      proposalsWithoutAgent: Number(orphanProposals.n),
      acceptedWithoutRender: Number(withoutRender.n),
      agentsOfGoneBrands: agents.map((a) => a.agent_id),
      postsOfDeletedBrands: Number(posts.n),
      measuredWithoutAgent: Number(measured.n),
    });
  },
};
