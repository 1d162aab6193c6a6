import type { JobCreateInput } from '../contract/jobs';
import type { Proposal } from '../contract/proposals';

/**
 * The render jobs an accepted proposal becomes: its own brand (or, for a brand-less idea the
 * creator accepted, every active brand), with the proposal's own title, lines and caption.
 * The original regenerated captions and post slides here, throwing the accepted text away.
 */
export function jobInputsForProposal(
  proposal: Proposal,
  activeBrandIds: readonly string[],
): JobCreateInput[] {
  const brandIds = proposal.brandId ? [proposal.brandId] : activeBrandIds;
  const isPost = proposal.contentType === 'post';
  const lines = (isPost ? proposal.slideTexts : proposal.contentLines)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  if (lines.length === 0) return [];
  const variant = isPost ? 'post' : proposal.variant === 'light' ? 'light' : 'dark';
  return brandIds.map((brandId) => ({
    proposalId: proposal.proposalId,
    brandId,
    variant,
    title: proposal.title.slice(0, 300),
    contentLines: lines.map((l) => l.slice(0, 1500)),
    caption: proposal.caption,
    imagePrompt: proposal.imagePrompt,
    platforms: isPost ? ['instagram', 'facebook'] : ['instagram', 'facebook', 'youtube'],
  }));
}
