import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { ActivityLog } from '../activity/activity-log';
import type { EventHub } from '../events/event-hub';
import { dnaFromRow, type AgentRow } from '../agents/agents-repository';
import { familyOf, sourceTypeOf } from '../agents/strategies';
import type { Brand } from '../contract/brands';
import { AppError } from '../contract/errors';
import { defaultContentProfile } from '../examiner/defaults';
import { isoNow, type Clock } from '../ports/clock';
import type { LlmClient } from '../ports/llm';
import type { Random } from '../ports/random';
import type { Database, ProposalsTable } from '../store/database';
import type { Selectable } from 'kysely';
import type { ContentHistory } from './content-history';
import { proposalDefaults } from './defaults';
import type { StrategyAdvisor } from '../learning/strategy-advisor';
import { gatherIntelligence } from './intelligence';
import { postOutputSchema, reelOutputSchema } from './proposal-output';
import { systemPrompt, userPrompt } from './prompts';
import { checkPostQuality } from './quality';
import { drawStrategy, redirectUnavailable } from './strategy-plan';
import { classifyTopic, topicsForNiche } from './topics';

export type ProposalRow = Selectable<ProposalsTable>;

/** Either LLM answer shape, reel or post. */
type ProposalOutput = {
  title: string;
  content_lines?: string[];
  slide_texts?: string[];
  image_prompt: string;
  caption: string;
  reasoning: string;
};
type ContentType = 'reel' | 'post';

export interface GenerateRequest {
  agent: AgentRow;
  brand: Brand | null;
  contentType: ContentType;
  count: number;
  /** The burst day this fills (local date), or null outside bursts. */
  burstDay: string | null;
  /** Set when this is the one regeneration after an examiner reject. */
  replaces?: ProposalRow;
}

export interface GenerateResult {
  created: ProposalRow[];
  dropped: Array<{ reason: string }>;
  failedCalls: number;
  /** Set when the LLM budget ran out part-way; `created` still holds what was written. */
  stopped?: AppError;
}

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  random: Random;
  llm: LlmClient;
  history: ContentHistory;
  activity: ActivityLog;
  events: EventHub;
  /** Evidence-based strategy choice; without it agents plan from their DNA weights. */
  advisor?: StrategyAdvisor;
}

/** Writes proposals for one agent: plan strategies, ask the LLM, validate, dedup, store. */
export class ProposalGenerator {
  constructor(private readonly deps: Deps) {}

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const { db, clock, random, llm, history, activity } = this.deps;
    const { agent, brand, contentType } = request;
    const dna = dnaFromRow(agent);
    const brandId = brand?.id ?? null;
    const intel = await gatherIntelligence(db, clock, agent.agent_id, contentType, brandId);
    const availability = {
      hasTopPerformers: intel.topPerformers.length > 0,
      hasUnderperformers: intel.underperformers.length > 0,
      hasTrending: intel.trending.length > 0,
    };
    // Each proposal draws its strategy for its topic: from the evidence shares once there is
    // evidence, from the DNA weights before (and with the original rule). The reference instead
    // rounded each weight's share of the agent's count, so an agent writing one proposal always
    // wrote its first strategy, whatever its weights said.
    const chooser = (await this.deps.advisor?.forGeneration(agent, brandId, contentType)) ?? null;
    const profile = brand?.contentProfile ?? { ...defaultContentProfile, custom: false };
    const topics = topicsForNiche(profile.niche, !profile.custom);
    const cooldown = await history.topicsOnCooldown(contentType);
    const available = topics.filter((t) => !cooldown.has(t.id));
    const recentTitles = await history.recentTitles(
      contentType,
      brandId,
      proposalDefaults.recentTitlesInPrompt,
    );
    const avoidance = await history.avoidancePrompt(brandId, contentType);
    const system = systemPrompt(agent.display_name, dna.personality, profile, contentType);

    const result: GenerateResult = { created: [], dropped: [], failedCalls: 0 };
    for (let i = 0; i < request.count; i++) {
      const pool = available.length ? available : topics;
      const topic = pool[Math.floor(random.next() * pool.length)]!;
      const shares = chooser ? chooser.shares(topic.id) : dna.strategyWeights;
      const strategy = drawStrategy(
        dna.strategyNames,
        redirectUnavailable(dna.strategyNames, shares, availability),
        random,
      );
      const { text, trendingItemId } = userPrompt({
        family: familyOf(strategy),
        contentType,
        brandId,
        handle: brand?.instagramHandle ?? null,
        topic,
        intel,
        recentTitles,
        avoidance,
        random,
      });
      let output: ProposalOutput;
      try {
        output = await llm.completeJson({
          operation: `proposal.${contentType}`,
          agentId: agent.agent_id,
          system,
          user: text,
          temperature: dna.temperature,
          maxTokens: proposalDefaults.maxTokens[contentType],
          schema: (contentType === 'reel' ? reelOutputSchema : postOutputSchema) as z.ZodType<ProposalOutput>,
        });
      } catch (error) {
        if (error instanceof AppError && error.code === 'budget_exhausted') {
          // The spend limit stops this agent here; what it already wrote is kept and reported.
          result.stopped = error;
          return result;
        }
        result.failedCalls++;
        await activity.record({
          agent: agent.agent_id,
          action: 'Proposal failed',
          detail: `${brandId ?? 'no brand'} ${contentType}: ${(error as Error).message}`,
          level: 'error',
          emoji: '⚠️',
          brandId: brandId,
        });
        continue;
      }
      const stored = await this.store(request, strategy, topic.id, trendingItemId, output);
      if ('dropped' in stored) {
        result.dropped.push({ reason: stored.dropped });
        await activity.record({
          agent: agent.agent_id,
          action: 'Duplicate blocked',
          detail: `${output.title}: ${stored.dropped}`,
          level: 'detail',
          emoji: '🚫',
          brandId: brandId,
        });
      } else {
        result.created.push(stored.row);
        this.deps.events.emit('data.changed', { entity: 'proposals', id: stored.row.proposal_id });
        await activity.record({
          agent: agent.agent_id,
          action: 'Proposed',
          detail: `${stored.row.proposal_id} ${brandId ?? ''} ${contentType}: ${stored.row.title}`,
          level: 'action',
          emoji: '💡',
          brandId: brandId,
        });
      }
    }
    return result;
  }

  /** Dedup and insert in one transaction, so two concurrent writers cannot both pass the check. */
  private async store(
    request: GenerateRequest,
    strategy: string,
    topicId: string,
    trendingItemId: number | null,
    output: ProposalOutput,
  ): Promise<{ row: ProposalRow } | { dropped: string }> {
    const { db, clock, history } = this.deps;
    const { agent, brand, contentType } = request;
    const brandId = brand?.id ?? null;
    const title = output.title.trim();
    return db.transaction().execute(async (trx) => {
      const duplicate = await history.duplicateOf(title, brandId, trx);
      if (duplicate) return { dropped: duplicate };
      const { next } = await trx
        .selectFrom('proposals')
        .select(sql<number>`coalesce(max(id), 0)`.as('next'))
        .executeTakeFirstOrThrow();
      const proposalId = `${agent.proposal_prefix}-${String(Number(next) + 1).padStart(proposalDefaults.idDigits, '0')}`;
      const now = isoNow(clock);
      // Title only (reference 2.10): reel captions carry no source, so caption checks would mark every reel down.
      const quality = checkPostQuality(title);
      const topicBucket = topicId === 'general' ? classifyTopic(title) : topicId;
      const row = await trx
        .insertInto('proposals')
        .values({
          proposal_id: proposalId,
          agent_id: agent.agent_id,
          brand_id: brandId,
          content_type: contentType,
          status: 'pending',
          variant: contentType === 'post' ? 'post' : agent.variant,
          strategy,
          reasoning: output.reasoning,
          title,
          content_lines: output.content_lines ? JSON.stringify(output.content_lines) : null,
          slide_texts: output.slide_texts ? JSON.stringify(output.slide_texts) : null,
          image_prompt: output.image_prompt || null,
          caption: output.caption || null,
          topic_bucket: topicBucket,
          source_type: sourceTypeOf(strategy),
          source_ref: trendingItemId === null ? null : `trending:${trendingItemId}`,
          quality_score: quality.score,
          burst_day: request.burstDay,
          attempt: request.replaces ? 2 : 1,
          replaces_proposal_id: request.replaces?.proposal_id ?? null,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await history.record(
        {
          contentType,
          title,
          topicBucket,
          brandId,
          qualityScore: quality.score,
          imagePrompt: row.image_prompt,
          caption: row.caption,
          proposalId,
        },
        trx,
      );
      // A trending item is consumed once; the original offered the same five forever.
      if (trendingItemId !== null) {
        await trx
          .updateTable('trending_content')
          .set({ used_for_proposal: 1, proposal_id: proposalId })
          .where('id', '=', trendingItemId)
          .execute();
      }
      await trx
        .updateTable('agents')
        .set((eb) => ({ lifetime_proposals: eb('lifetime_proposals', '+', 1) }))
        .where('agent_id', '=', agent.agent_id)
        .execute();
      return { row };
    });
  }
}
