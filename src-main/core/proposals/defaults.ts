export const proposalDefaults = {
  /** The same idea may not come back for the same brand within this many days. */
  brandDuplicateDays: 60,
  /** Nor for any other brand within this many days (the original only discouraged it). */
  crossBrandDuplicateDays: 7,
  recentTitlesInPrompt: 20,
  brandAvoidanceTitles: 60,
  crossBrandAvoidanceTitles: 40,
  /** A performance score at or above this counts as a proven winner worth repeating. */
  highPerformerScore: 85,
  idDigits: 6,
  /** The review queue's page when the caller does not say. */
  pageSize: 100,
  maxTokens: { reel: 1500, post: 2500 },
} as const;
