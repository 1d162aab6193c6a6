/** The learning loop's constants (reference §4), each with its why, in one place. */
export const learningDefaults = {
  /** Posts are attributed once, when at least this old (their 48 h metrics are in). */
  feedbackMinAgeHours: 48,
  /** The reference's window ends at 72 h; an older post a stopped app never attributed is still
   * attributed once (late), rather than never. */
  feedbackMaxAgeHours: 72,
  /** Agents need this many attributed posts before their DNA is adapted (reference 4.2). */
  minPostsForAdaptation: 3,
  /**
   * With the evidence rule an agent's DNA weights are rewritten only when some share moves by at
   * least this much, so the log records changes of mind, not noise.
   */
  minWeightChange: 0.02,
  /** Survival is measured over the agent's attributed posts published in this many days. */
  survivalWindowDays: 14,

  /** Survival score (reference 4.1): 100 k average views and a 10 % engagement rate are full marks. */
  survival: {
    fullMarksViews: 100_000,
    fullMarksEngagementRate: 0.1,
    weights: { views: 0.4, engagement: 0.3, consistency: 0.2, examiner: 0.1 },
    /** Used when no post of the agent was examined. */
    neutralExaminer: 5,
  },

  /** Temperature (reference 4.2): > 60 survival exploits, < 30 explores, within the bounds. */
  temperature: { step: 0.03, exploitAbove: 60, exploreBelow: 30, bounds: [0.6, 0.98] as const },

  /**
   * The strategy evidence model: scores relative to the brand's median (50 = median) are normal
   * around each strategy's true mean. Prior: the median itself, wide enough (sd 15) that a dozen
   * posts dominate it; noise sd 20 until the data says otherwise. Older posts count less (half
   * weight after 28 days), so a drifting audience is followed rather than averaged away.
   */
  evidence: {
    priorMean: 50,
    priorSd: 15,
    defaultNoiseSd: 20,
    /** The noise is re-estimated from the data once there are this many posts. */
    minPostsForNoise: 12,
    halfLifeDays: 28,
    /** Posts older than this are ignored altogether. */
    maxAgeDays: 120,
  },

  /**
   * The minimum share every strategy keeps, by the agent's risk tolerance (the DNA field the
   * original stored and never used). Shares from the chance of being best already explore while
   * the evidence is uncertain; the floor only makes sure a strategy that fell behind is still
   * tried now and then, so a drifting audience is noticed. Exploration never stops, a bolder agent
   * explores more, and a settled agent wastes 3–16 % of its posts on it rather than a third.
   */
  explorationFloor: { low: 0.01, medium: 0.02, high: 0.04 } as const,
  /** Shares follow P(best)^sharpness (see evidenceWeights). */
  sharpness: 2,
  /**
   * An agent adopts a strategy it lacks when the evidence gives it this chance of beating every
   * strategy the agent has, for a brand it writes for (see repertoireSwap).
   */
  adoptAt: 0.8,

  /**
   * Until this many measured posts of a content type exist (across brands), agents plan from
   * their DNA weights: probabilities of being best from two or three posts would only be noise.
   */
  minPostsForEvidence: 5,
  /**
   * How far a brand's strategy mean may plausibly sit from the same strategy across brands, and a
   * topic's from the brand's (score points, sd): the prior of each level is the level above
   * widened by this much. Audiences differ more between brands than between a brand's topics.
   */
  brandSpreadSd: 15,
  topicSpreadSd: 4,

  /** The original rule (reference 4.2), kept as the baseline the simulation compares against. */
  original: {
    weightShiftCap: 0.05,
    minWeight: 0.05,
    confidenceThreshold: 0.7,
    dominanceRatio: 1.5,
  },
} as const;
