/** The publishing calendar's constants (reference §7.4, platform APIs §1.6), each with its why. */

export type ReelVariant = 'light' | 'dark';
export type SlotKind = 'reel' | 'post';
export type SlotVariant = ReelVariant | 'post';

export const scheduleDefaults = {
  /**
   * Six reel slots a day alternating the two looks, so a brand's feed alternates light and dark.
   * Each hour is shifted by the brand's `scheduleOffset` (mod 24) and keeps its label; brands with
   * different offsets do not all publish on the same hour.
   */
  reelBaseSlots: [
    { hour: 0, variant: 'light' },
    { hour: 4, variant: 'dark' },
    { hour: 8, variant: 'light' },
    { hour: 12, variant: 'dark' },
    { hour: 16, variant: 'light' },
    { hour: 20, variant: 'dark' },
  ] as const satisfies readonly { hour: number; variant: ReelVariant }[],
  /**
   * Two post (carousel) slots a day, shifted by the same offset. The original backend used
   * 08:00/14:00 while its UI text said 08:00/20:00 (reference §12.3); the backend is what ran.
   */
  postBaseHours: [8, 14] as const,
  /** How far ahead a slot may be given or picked: a month of calendar is what the creator reviews. */
  horizonDays: 30,
  /** Instagram: 50 API-published posts per professional account per rolling 24 h (platform APIs §1.6). */
  instagramLimit: 50,
  rollingWindowHours: 24,
  /**
   * A reel keeps its own variant unless that variant's earliest free slot is more than this much
   * later than the other variant's. A day keeps the light/dark alternation under ordinary load
   * (a variant one or two slots deeper than the other still waits for its own slot) and stops the
   * original's failure, where one variant backed up days ahead while the other's slots stayed empty
   * (reference §7.4, §12.2 item 8). Smaller values mix the looks in the feed at the first imbalance;
   * larger ones let a one-variant agent population delay its reels by days.
   */
  variantBackupHours: 24,
} as const;
