import type { Kysely } from 'kysely';
import { dnaFromRow, type AgentRow } from '../agents/agents-repository';
import type { Clock } from '../ports/clock';
import type { SettingsService } from '../settings/settings-service';
import type { Database } from '../store/database';
import { strategyNames, type StrategyName } from '../agents/strategies';
import { learningDefaults } from './defaults';
import { repertoireSwap, type RepertoireSwap } from './repertoire';
import { scoredPosts } from './evidence-repository';
import { evidenceWeights, strategyBeliefs, type ScoredPost, type StrategyBelief } from './strategy-evidence';

type ContentType = 'reel' | 'post';
type Evidence = Array<ScoredPost & { brandId: string; topic: string | null }>;

/**
 * Chooses an agent's strategy shares from evidence. With the `evidence` rule (the default) the
 * shares for a proposal are each of the agent's strategies' chance of being the best for that
 * brand and topic: a three-level normal model where the belief across brands is the prior of the
 * brand's belief, and the brand's is the prior of the brand-and-topic belief, each widened by how
 * far the lower level may plausibly differ. So a new brand or topic starts from what works
 * elsewhere and its own posts take over as they come in. Evidence is shared by all agents: what
 * an audience rewards is a fact about the audience, not about the agent that asked.
 *
 * The agent's DNA decides which strategies it may use (its `strategyNames`) and how much it keeps
 * exploring (`riskTolerance` sets the floor every strategy keeps). With the `original` rule, or
 * before there is enough evidence for the content type, the agent plans from its DNA weights as
 * the reference did.
 */
export class StrategyAdvisor {
  constructor(private readonly deps: { db: Kysely<Database>; clock: Clock; settings: SettingsService }) {}

  /**
   * A chooser for one generation run, or null when the agent should plan from its DNA weights.
   * The evidence is read once; each proposal's shares are then computed in memory.
   */
  async forGeneration(
    agent: AgentRow,
    brandId: string | null,
    contentType: ContentType,
  ): Promise<StrategyChooser | null> {
    const { values } = await this.deps.settings.values();
    if (values.adaptationRule === 'original') return null;
    const posts = await scoredPosts(this.deps.db, { now: this.deps.clock.now(), contentType });
    if (posts.length < learningDefaults.minPostsForEvidence) return null;
    const dna = dnaFromRow(agent);
    const floor = learningDefaults.explorationFloor[dna.riskTolerance];
    const brandBeliefs = beliefsFor(posts, dna.strategyNames, brandId);
    return {
      shares: (topic) => evidenceWeights(topicBeliefs(posts, brandBeliefs, brandId, topic), floor),
    };
  }

  /**
   * What the evidence asks of an agent's DNA: possibly a repertoire swap (see repertoireSwap), and
   * the shares of its (new) strategies — the weights shown, logged and inherited — for the brand
   * it was made for (across brands when none), all content types together. Null with the original
   * rule or too little evidence.
   */
  async dnaTarget(agent: AgentRow): Promise<DnaTarget | null> {
    const { values } = await this.deps.settings.values();
    if (values.adaptationRule === 'original') return null;
    const posts = await scoredPosts(this.deps.db, { now: this.deps.clock.now() });
    if (posts.length < learningDefaults.minPostsForEvidence) return null;
    const dna = dnaFromRow(agent);
    const brands = agent.created_for_brand
      ? [agent.created_for_brand]
      : [...new Set(posts.map((p) => p.brandId))].sort();
    const catalogue = new Map(brands.map((b) => [b, beliefsFor(posts, strategyNames, b)]));
    const swap = repertoireSwap(dna.strategyNames, catalogue);
    const names = swap ? dna.strategyNames.map((n) => (n === swap.drop ? swap.adopt : n)) : dna.strategyNames;
    const beliefs = beliefsFor(posts, names, agent.created_for_brand);
    return {
      strategyNames: names as StrategyName[],
      weights: evidenceWeights(beliefs, learningDefaults.explorationFloor[dna.riskTolerance]),
      beliefs,
      swap,
    };
  }
}

export interface DnaTarget {
  strategyNames: StrategyName[];
  weights: Record<string, number>;
  beliefs: StrategyBelief[];
  swap: RepertoireSwap | null;
}

export interface StrategyChooser {
  /** Plan shares of the agent's strategies for a proposal on this topic (adding up to 1). */
  shares(topic: string): Record<string, number>;
}

/** Pooled beliefs across brands, then (when a brand is given) the brand's, with the pooled as prior. */
function beliefsFor(
  posts: Evidence,
  strategies: readonly string[],
  brandId: string | null,
): StrategyBelief[] {
  const pooled = strategyBeliefs(posts, strategies);
  if (!brandId) return pooled;
  return narrow(
    posts.filter((p) => p.brandId === brandId),
    pooled,
    learningDefaults.brandSpreadSd,
  );
}

function topicBeliefs(
  posts: Evidence,
  brandBeliefs: StrategyBelief[],
  brandId: string | null,
  topic: string,
): StrategyBelief[] {
  const own = posts.filter((p) => p.topic === topic && (brandId === null || p.brandId === brandId));
  return narrow(own, brandBeliefs, learningDefaults.topicSpreadSd);
}

/** Each strategy's belief from `posts`, with the wider level's belief (widened by `spread`) as prior. */
function narrow(posts: Evidence, wider: readonly StrategyBelief[], spread: number): StrategyBelief[] {
  return wider.map((outer) => {
    const [inner] = strategyBeliefs(posts, [outer.strategy], {
      ...learningDefaults.evidence,
      priorMean: outer.mean,
      priorSd: Math.sqrt(outer.sd ** 2 + spread ** 2),
    });
    return inner!;
  });
}
