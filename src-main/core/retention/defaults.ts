export const retentionDefaults = {
  /** Rows removed per transaction: small enough that a write waits a few milliseconds at most. */
  batchSize: 500,
  /** How often the orchestrator's retention cycle asks whether a run is due. */
  checkEveryMs: 60 * 60 * 1000,
  /** The first check after start waits a little, so start-up work and the first views go first. */
  firstCheckAfterMs: 30 * 1000,
} as const;

/** maestro_config key: the local day the last run finished. */
export const LAST_RUN_KEY = 'retention_last_run_day';
