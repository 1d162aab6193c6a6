import { z } from 'zod';
import type { ContentProfile, ExaminerConfig } from '../contract/brands';
import type { LlmClient } from '../ports/llm';
import { examinerCall } from './defaults';
import { clampScore, judge, type DimensionScores } from './examiner-score';
import { examinerSystem, examinerUserPrompt, type ExaminedProposal } from './examiner-prompt';

const score = z.union([z.number(), z.string()]).optional();

const examinerOutputSchema = z.object({
  avatar_fit: score,
  engagement_potential: score,
  content_quality: score,
  verdict: z.string().optional(),
  reason: z.string().max(2000).default(''),
  red_flags_found: z.array(z.string().max(500)).max(20).default([]),
});

export interface ExaminerVerdict extends DimensionScores {
  composite: number;
  passed: boolean;
  threshold: number;
  weights: ExaminerConfig['weights'];
  reason: string;
  redFlags: string[];
}

/**
 * The quality gate. It throws when the LLM cannot give an answer: the caller then holds the
 * proposal for the human (`needs_review`). The original silently passed such proposals.
 */
export async function examineProposal(
  llm: LlmClient,
  proposal: ExaminedProposal & { agentId: string },
  profile: ContentProfile,
  config: ExaminerConfig,
): Promise<ExaminerVerdict> {
  const answer = await llm.completeJson({
    operation: 'examiner.examine',
    agentId: proposal.agentId,
    system: examinerSystem,
    user: examinerUserPrompt(proposal, profile, config),
    temperature: examinerCall.temperature,
    maxTokens: examinerCall.maxTokens,
    schema: examinerOutputSchema,
  });
  const scores: DimensionScores = {
    avatarFit: clampScore(answer.avatar_fit),
    engagementPotential: clampScore(answer.engagement_potential),
    contentQuality: clampScore(answer.content_quality),
  };
  const { composite, passed } = judge(scores, config);
  return {
    ...scores,
    composite,
    passed,
    threshold: config.threshold,
    weights: config.weights,
    reason: answer.reason,
    redFlags: answer.red_flags_found,
  };
}
