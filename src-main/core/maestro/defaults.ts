export const burstDefaults = {
  /** A burst retries missing slots (dedup drops, failed calls) at most this many rounds. */
  maxRounds: 3,
  /** optimize-now: proposals per agent per content type, without a brand, not examined. */
  optimizeNowPerType: 5,
} as const;
