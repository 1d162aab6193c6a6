import type { Kysely } from 'kysely';
import { dnaFromRow, type AgentRow } from '../agents/agents-repository';
import type { Clock } from '../ports/clock';
import type { SettingsService } from '../settings/settings-service';
import type { Database } from '../store/database';
import { learningDefaults } from './defaults';
import { scoredPosts } from './evidence-repository';
import { evidenceWeights, strategyBeliefs, type StrategyBelief } from './strategy-evidence';

/**
 * How far a brand's strategy can differ from the same strategy across brands (score points):
 * the brand-level prior is the cross-brand belief widened by this much, so a new brand starts
 * from what works elsewhere and its own posts quickly take over.
 */
const BRAND_SPREAD_SD = 10;

/**
 * The plan shares an agent uses for a brand. With the `evidence` rule: each of the agent's
 * strategies gets its chance of being the best for this brand, from every agent's measured posts
 * (what works for an audience is a fact about the audience, so the evidence is shared), with the
 * cross-brand belief as the prior and the agent's risk tolerance as the exploration floor. With
 * the `original` rule: the agent's DNA weights, as the reference did.
 */
export class StrategyAdvisor {
  constructor(private readonly deps: { db: Kysely<Database>; clock: Clock; settings: SettingsService }) {}

  async planWeights(agent: AgentRow, brandId: string | null, contentType: 'reel' | 'post'): Promise<Record<string, number>> {
    const dna = dnaFromRow(agent);
    const { values } = await this.deps.settings.values();
    if (values.adaptationRule === 'original') return dna.strategyWeights;
    const beliefs = await this.beliefs(dna.strategyNames, brandId, contentType);
    return evidenceWeights(beliefs, learningDefaults.explorationFloor[dna.riskTolerance]);
  }

  /** The beliefs behind a plan, for a brand (or across brands when null). */
  async beliefs(strategies: readonly string[], brandId: string | null, contentType: 'reel' | 'post'): Promise<StrategyBelief[]> {
    const now = this.deps.clock.now();
    const all = await scoredPosts(this.deps.db, { now, contentType });
    const pooled = strategyBeliefs(all, strategies);
    if (!brandId) return pooled;
    const own = all.filter((p) => p.brandId === brandId);
    return pooled.map((global) => {
      const [brand] = strategyBeliefs(own, [global.strategy], {
        ...learningDefaults.evidence,
        priorMean: global.mean,
        priorSd: Math.sqrt(global.sd ** 2 + BRAND_SPREAD_SD ** 2),
      });
      return brand!;
    });
  }
}
