/** The diagnostics' thresholds (reference §5.2, adapted to this app), each with its why. */
export const diagnosticsDefaults = {
  /** Overall: critical at this many failing checks; degraded at one failure or this many warnings. */
  overall: { criticalFailures: 3, degradedWarnings: 3 },

  /** agent_population: fewer active agents than this and the weekly evolution cannot select. */
  population: { minActiveAgents: 2, weakSurvivalBelow: 30 },

  /** dna_integrity: weights add up to 1 within the same tolerance the contract accepts on edits. */
  dna: { weightSumTolerance: 0.011, maxIssuesListed: 3 },

  /** content_pipeline: the window looked at, and the failed share of renders that warns. */
  pipeline: { windowHours: 48, failedShareWarnAbove: 0.5 },

  /**
   * scheduler_health: a render without a heartbeat for this long is stalled (healing stops it at
   * 30 min, so one still here means healing is not running either); a queued render counts only
   * when no render moved for as long, i.e. the queue is not draining (a long queue behind busy
   * renders is not a fault, the reference's "created more than 60 min ago" was).
   */
  scheduler: { stalledAfterMinutes: 60, failAbove: 3 },

  /**
   * evolution_integrity: a post should be attributed by 72 h (feedback every 6 h): one still
   * waiting at 84 h means feedback is not running; the weekly evolution should run every 7 days.
   */
  evolution: { windowDays: 14, attributionOverdueHours: 84, evolutionOverdueDays: 8 },

  /** api_connectivity: a key this short is not a real key; the recent LLM attempts looked at. */
  api: { minKeyLength: 10, recentAttempts: 5, recentWindowHours: 24 },

  /**
   * publishing_pipeline: nothing due within a day while Maestro runs and a brand is connected
   * warns; more than 5 failed platform attempts in a week warns, and only failures (at least 3,
   * nothing published) fails; a post still "scheduled" this long after its time was never picked up.
   */
  publishing: {
    upcomingHours: 24,
    failedWindowDays: 7,
    failedWarnAbove: 5,
    failAtLeast: 3,
    overdueMinutes: 30,
  },

  /**
   * cycle_freshness: nothing is judged in the first hour after start (every cycle gets its first
   * run); a cycle is stale when it has not started for this long since its last run or since the
   * app started (whichever is later: time the app was closed is not staleness). The reference's
   * four (feedback 12 h, healing 2 h, observe 8 h, scout 10 h), then the app's other cycles at
   * two to three times their interval. Cycles not listed are not judged.
   */
  cycles: {
    warmUpMinutes: 60,
    failAtStale: 3,
    staleAfterMinutes: {
      check: 60,
      publish: 30,
      observe: 8 * 60,
      scout: 10 * 60,
      feedback: 12 * 60,
      healing: 2 * 60,
      diagnostics: 10 * 60,
      bootstrap: 2 * 60,
      learning: 10 * 60,
      consolidation: 14 * 60,
      burst: 26 * 60,
      evolution: 8 * 24 * 60,
      backup: 3 * 60,
      retention: 3 * 60,
    } as Readonly<Record<string, number>>,
  },

  /** data_consistency: the window of recent rows looked at (bounded work at any data size). */
  consistency: { windowDays: 7 },

  /** Runs are kept this long (6 a day: about 540 rows), so the trend never grows without bound. */
  keepDays: 90,
} as const;
