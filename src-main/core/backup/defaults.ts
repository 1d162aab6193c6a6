export const backupDefaults = {
  /** Automatic copies kept: the newest of each of the last 7 days that have one… */
  keepDaily: 7,
  /** …and of each of the last 4 weeks (Monday to Sunday) that have one. */
  keepWeekly: 4,
  /** The folder inside the data folder when Settings name none. */
  folderName: 'backups',
  /** Brand archives go in this folder inside the backup folder. */
  brandsFolderName: 'brands',
  /** How often the orchestrator's backup cycle asks whether today's backup is due. */
  checkEveryMs: 60 * 60 * 1000,
  /** The first check waits a little after start, so start-up and the first views go first. */
  firstCheckAfterMs: 60 * 1000,
  /** A restore restarts this long after answering, so the answer reaches the window first. */
  restartDelayMs: 250,
} as const;

/** Inside the data folder: the staged restore, and what restores replaced. */
export const RESTORE_PENDING_DIR = 'restore-pending';
export const REPLACED_DIR = 'replaced';
export const MANIFEST_FILE = 'manifest.json';
