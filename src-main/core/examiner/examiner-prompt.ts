import type { ContentProfile, ExaminerConfig } from '../contract/brands';
import { examinerCall } from './defaults';

export const redFlags = [
  'Physical challenges unsuitable for the audience (extreme rep counts, marathon prep)',
  'Youth-only aesthetics or beauty standards',
  'Dangerous supplement advice or unproven medical claims',
  'Gym-bro, bodybuilding or hardcore-fitness content aimed at the wrong audience',
  'Aggressive weight-loss tactics or crash diets',
  'Assuming a high fitness level as baseline',
  'Clickbait hook with no substance',
  "Content aimed at a different audience than the brand's",
];

export interface ExaminedProposal {
  contentType: 'reel' | 'post';
  agentName: string;
  strategy: string;
  sourceType: string | null;
  title: string;
  lines: string[];
  reasoning: string;
}

export const examinerSystem =
  'You are Maestro, a strict but fair examiner of social media content proposals. Answer with one JSON object only.';

/** The examiner's brief: the brand's audience, the proposal, the criteria and red flags. */
export function examinerUserPrompt(
  p: ExaminedProposal,
  profile: ContentProfile,
  config: ExaminerConfig,
): string {
  const lines =
    p.contentType === 'reel'
      ? p.lines.slice(0, examinerCall.maxReelLines)
      : p.lines.slice(0, examinerCall.maxPostSlides);
  const w = config.weights;
  return [
    `You are the final examiner for a ${profile.niche} brand.`,
    `Target audience: ${profile.audience}`,
    `Content type: ${p.contentType === 'post' ? 'carousel image post' : 'short-form video reel'}`,
    `Agent: ${p.agentName}, strategy: ${p.strategy}${p.sourceType ? ` (from ${p.sourceType})` : ''}`,
    '',
    `TITLE: ${p.title}`,
    ...lines.map((l, i) => `${i + 1}. ${l}`),
    '',
    `AGENT'S REASONING: ${p.reasoning}`,
    '',
    'Score each criterion from 0 to 10:',
    `- avatar_fit (weight ${w.avatarFit}): realistic and relevant for this audience?`,
    `- engagement_potential (weight ${w.engagementPotential}): scroll-stopping hook, shareable, saveable, a "didn't know that" factor?`,
    `- content_quality (weight ${w.contentQuality}): sound, evidence-informed, actionable, warm; low for platitudes, danger or pure shock.`,
    '',
    'Red flags (any should lower the scores):',
    ...redFlags.map((f) => `- ${f}`),
    '',
    'Viral is not automatically good for this audience, and not viral is not automatically bad: the best content is proven value presented engagingly. When in doubt, lean towards accepting.',
    '',
    'Respond with JSON: {"avatar_fit": 0-10, "engagement_potential": 0-10, "content_quality": 0-10, "verdict": "accept" or "reject", "reason": "1-2 sentences", "red_flags_found": ["..."]}',
  ].join('\n');
}
