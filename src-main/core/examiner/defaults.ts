import type { ContentProfile, ExaminerConfig } from '../contract/brands';

/** The original's gate: 0.35 avatar fit, 0.35 engagement, 0.30 quality, pass at 6.0. */
export const examinerDefaults: ExaminerConfig = {
  threshold: 6.0,
  weights: { avatarFit: 0.35, engagementPotential: 0.35, contentQuality: 0.3 },
};

export const examinerCall = {
  temperature: 0.3,
  maxTokens: 500,
  /** Proposals shown to the examiner: at most this many lines / slides. */
  maxReelLines: 8,
  maxPostSlides: 6,
  /** A rejected proposal is regenerated once; the replacement is final. */
  regenerationsAfterReject: 1,
} as const;

/**
 * The niche and audience a brand gets until the creator describes their own (the original
 * system's, which was the same for every brand).
 */
export const defaultContentProfile: ContentProfile = {
  niche: 'health & wellness',
  audience:
    'Women aged 45+ in the US, Canada and UK interested in natural remedies, supplements, healthy ageing and longevity, ' +
    'who prefer short educational videos and value accessible science.',
};
