import type { Proposal } from '../contract/proposals';
import type { ProposalRow } from './proposal-generator';

function parseList(text: string | null): string[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function proposalFromRow(row: ProposalRow & { agent_name?: string | null }): Proposal {
  return {
    proposalId: row.proposal_id,
    agentId: row.agent_id,
    agentName: row.agent_name ?? row.agent_id,
    brandId: row.brand_id,
    contentType: row.content_type,
    status: row.status,
    variant: row.variant,
    strategy: row.strategy,
    reasoning: row.reasoning,
    title: row.title,
    contentLines: parseList(row.content_lines),
    slideTexts: parseList(row.slide_texts),
    imagePrompt: row.image_prompt,
    caption: row.caption,
    topicBucket: row.topic_bucket,
    sourceType: row.source_type,
    qualityScore: row.quality_score,
    examiner: row.examiner_breakdown ? (JSON.parse(row.examiner_breakdown) as Proposal['examiner']) : null,
    reviewerNotes: row.reviewer_notes,
    reviewedAt: row.reviewed_at,
    acceptedJobId: row.accepted_job_id,
    renderIssue: row.render_issue,
    regeneration: row.regeneration,
    burstDay: row.burst_day,
    attempt: row.attempt,
    replacesProposalId: row.replaces_proposal_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
