import { bootstrapDefaults } from './defaults';

export interface MaturityCounts {
  /** trending_content rows found on the brands' own accounts. */
  own: number;
  /** … on competitors (business discovery). */
  competitor: number;
  /** … by hashtag search. */
  hashtag: number;
  /** Published posts with real metrics (at least their 24 h stamp). */
  measuredPosts: number;
}

/**
 * The cold-start rule (reference §9.3): the bootstrap is done when the app has seen enough —
 * own ≥ 50 AND own + competitor + hashtag ≥ 150 — OR has measured ≥ 100 of its own posts, OR 14
 * days have passed since it started. Fixed against the original: "measured" means posts with
 * their 24 h metrics (the original counted rows that only had a score, which were zeros), and
 * the 14 days run from the first tick that could reach Instagram, not from installation.
 */
export function bootstrapMaturity(
  counts: MaturityCounts,
  startedAt: Date | null,
  now: Date,
): { mature: boolean; reason: string } {
  const d = bootstrapDefaults;
  const total = counts.own + counts.competitor + counts.hashtag;
  if (counts.own >= d.minOwnItems && total >= d.minTotalItems) {
    return { mature: true, reason: `${counts.own} own and ${total} items in all were collected.` };
  }
  if (counts.measuredPosts >= d.minMeasuredPosts) {
    return { mature: true, reason: `${counts.measuredPosts} of the brands' own posts are measured.` };
  }
  if (startedAt && now.getTime() - startedAt.getTime() >= d.maxDurationMs) {
    return { mature: true, reason: `${d.maxDurationMs / 86_400_000} days have passed since it started.` };
  }
  return {
    mature: false,
    reason: `Needs ${Math.max(0, d.minOwnItems - counts.own)} more own item(s) and ${Math.max(0, d.minTotalItems - total)} more in all, or ${d.minMeasuredPosts - counts.measuredPosts} more measured post(s).`,
  };
}
