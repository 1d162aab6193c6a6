export const burstDefaults = {
  /** A burst retries missing slots (dedup drops, failed calls) at most this many rounds. */
  maxRounds: 3,
  /** optimize-now: proposals per agent per content type, without a brand, not examined. */
  optimizeNowPerType: 5,
  /**
   * A daily burst that ends short (failed calls, a budget stop) leaves the day open: the next
   * catch-up (start, resume, or this many minutes later) fills the rest, at most
   * `maxDailyAttempts` daily bursts a day so an LLM that is down is not hammered.
   */
  shortfallRetryMinutes: 30,
  maxDailyAttempts: 4,
} as const;
