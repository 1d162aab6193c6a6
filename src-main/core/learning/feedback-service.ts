import type { Kysely } from 'kysely';
import type { ActivityLog } from '../activity/activity-log';
import { recordLearning } from '../agents/agent-records';
import { dnaColumns, dnaFromRow, findAgentRow } from '../agents/agents-repository';
import type { AgentDna } from '../agents/dna';
import type { ActivityEntry } from '../contract/activity';
import type { FeedbackReport } from '../contract/learning';
import type { EventHub } from '../events/event-hub';
import type { Clock } from '../ports/clock';
import type { SettingsService } from '../settings/settings-service';
import type { Database } from '../store/database';
import { adaptationStep } from './adaptation-step';
import { summariseAgentPosts } from './agent-summary';
import { learningDefaults } from './defaults';
import {
  attributedPosts,
  markAttributed,
  postsDueForAttribution,
  proposalsSince,
  snapshotHistory,
} from './feedback-repository';
import type { StrategyAdvisor } from './strategy-advisor';
import { DAY_MS } from '../ports/clock';

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  settings: SettingsService;
  advisor: StrategyAdvisor;
  activity: ActivityLog;
  events: EventHub;
}

/**
 * Feedback and adaptation (reference 4.1–4.2, with its data flow fixed): each published post is
 * attributed once to the agent, strategy and examiner score stored with it; each agent that got
 * new posts gets a snapshot (survival from real metrics over its window) and one adaptation step.
 * Per agent, everything — marking the posts, lifetime views, the snapshot, the DNA change and its
 * log — is one transaction that starts with the conditional update marking the posts, so a second
 * run (or a crash and restart) never counts a post twice.
 */
export class FeedbackService {
  constructor(private readonly deps: Deps) {}

  async run(): Promise<FeedbackReport> {
    const { db, clock, settings } = this.deps;
    const now = clock.now();
    const ranAt = now.toISOString();
    const { values } = await settings.values();
    const due = await postsDueForAttribution(db, {
      now,
      minAgeHours: values.feedbackMinAgeHours,
      maxAgeHours: Math.max(values.feedbackMinAgeHours, values.feedbackMaxAgeHours),
    });
    const byAgent = new Map<string, number[]>();
    for (const post of due) byAgent.set(post.agentId, [...(byAgent.get(post.agentId) ?? []), post.id]);

    const report: FeedbackReport = { ranAt, attributedPosts: 0, agents: [] };
    for (const [agentId, ids] of byAgent) {
      const outcome = await this.attribute(agentId, ids, now, values.adaptationRule);
      if (!outcome) continue;
      report.attributedPosts += outcome.attributed;
      report.agents.push(outcome.summary);
      this.deps.activity.announce(outcome.entry);
      this.deps.events.emit('data.changed', { entity: 'agents', id: agentId });
    }
    return report;
  }

  private async attribute(
    agentId: string,
    ids: number[],
    now: Date,
    rule: 'evidence' | 'original',
  ): Promise<{ attributed: number; summary: FeedbackReport['agents'][number]; entry: ActivityEntry } | null> {
    const { db, clock, advisor, activity } = this.deps;
    const agent = await findAgentRow(db, agentId);
    if (!agent) return null;
    // Reads that need the whole database happen before the transaction (one connection).
    const evidence = agent.active ? await advisor.dnaTarget(agent) : null;
    const history = await snapshotHistory(db, agentId);
    const at = now.toISOString();
    return db.transaction().execute(async (trx) => {
      const attributed = await markAttributed(trx, ids, at);
      if (attributed.length === 0) return null;
      const views = attributed.reduce((sum, p) => sum + p.views, 0);
      const since = new Date(now.getTime() - learningDefaults.survivalWindowDays * DAY_MS).toISOString();
      const summary = summariseAgentPosts(await attributedPosts(trx, agentId, since));
      const proposals = await proposalsSince(trx, agentId, history.last);
      await trx
        .insertInto('agent_performance')
        .values({
          agent_id: agentId,
          period: 'feedback',
          published_count: summary.publishedCount,
          total_views: summary.totalViews,
          avg_views: summary.avgViews,
          total_likes: summary.totalLikes,
          total_comments: summary.totalComments,
          avg_engagement_rate: summary.engagementRate,
          strategy_breakdown: JSON.stringify(summary.breakdown),
          best_strategy: summary.bestStrategy,
          worst_strategy: summary.worstStrategy,
          avg_examiner_score: summary.avgExaminerScore,
          survival_score: summary.survival,
          total_proposals: proposals.total,
          accepted_proposals: proposals.accepted,
          created_at: at,
        })
        .execute();

      // The row as it is now, inside the transaction: a retirement or an edit that committed
      // since the read above is respected.
      const fresh = (await findAgentRow(trx, agentId))!;
      const dna = dnaFromRow(fresh);
      const step = fresh.active
        ? adaptationStep({
            rule,
            dna,
            survival: summary.survival,
            posts: summary.publishedCount,
            strategyViews: summary.strategyViews,
            evidence,
          })
        : {
            strategyNames: dna.strategyNames,
            strategyWeights: dna.strategyWeights,
            temperature: dna.temperature,
            mutations: [],
            skipped: 'retired',
          };
      const mutated = step.mutations.length > 0;
      await trx
        .updateTable('agents')
        .set((eb) => ({
          lifetime_views: eb('lifetime_views', '+', views),
          survival_score: summary.survival,
          updated_at: at,
          ...(mutated
            ? {
                ...dnaColumns({
                  ...dna,
                  strategyNames: step.strategyNames as AgentDna['strategyNames'],
                  strategyWeights: step.strategyWeights,
                  temperature: step.temperature,
                }),
                mutation_count: eb('mutation_count', '+', step.mutations.length),
                generation: eb('generation', '+', 1),
                last_mutation_at: at,
              }
            : {}),
        }))
        .where('agent_id', '=', agentId)
        .execute();
      for (const m of step.mutations) {
        await recordLearning(trx, clock, {
          agentId,
          type: m.type,
          description: m.description,
          oldValue: m.before,
          newValue: m.after,
          trigger: 'feedback',
          confidence: m.confidence,
          survival: summary.survival,
        });
      }
      const entry = await activity.insert(trx, {
        agent: agentId,
        action: 'Feedback',
        detail:
          `${attributed.length} post${attributed.length === 1 ? '' : 's'} attributed; survival ${summary.survival}` +
          (mutated ? `; ${step.mutations.map((m) => m.description).join('; ')}` : ''),
        level: mutated ? 'action' : 'data',
        emoji: mutated ? '🧬' : '📈',
      });
      return {
        attributed: attributed.length,
        entry,
        summary: {
          agentId,
          posts: summary.publishedCount,
          survivalScore: summary.survival,
          changes: step.mutations.map((m) => m.description),
          skipped: step.skipped,
        },
      };
    });
  }
}
