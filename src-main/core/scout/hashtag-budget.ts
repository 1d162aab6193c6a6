/**
 * Instagram lets one account search 30 unique hashtags in a rolling 7 days (platform APIs §3.3):
 * a hashtag counts from its first search for 7 days, searching it again meanwhile is free and does
 * not restart its timer, and after the 7 days a new search counts again. The original only
 * approximated this by rotating tags every 24 h (reference §9.2); these pure rules keep the scout
 * from ever asking for a 31st.
 */

export interface HashtagSearchRecord {
  hashtag: string;
  /** When the current count began (the first search in its window). */
  firstSearchedAt: string;
  lastSearchedAt: string;
}

export interface BudgetRule {
  limit: number;
  windowMs: number;
}

/** Whether a search record still counts at `now`. */
function counts(record: HashtagSearchRecord, now: Date, windowMs: number): boolean {
  return now.getTime() - Date.parse(record.firstSearchedAt) < windowMs;
}

export interface HashtagBudget {
  used: number;
  remaining: number;
  /** Hashtags counted in the window: free to search again. */
  counted: Set<string>;
  /** When the earliest counted hashtag leaves the window (a slot frees); null when none counts. */
  nextFreedAt: Date | null;
}

export function hashtagBudget(
  records: readonly HashtagSearchRecord[],
  now: Date,
  rule: BudgetRule,
): HashtagBudget {
  const live = records.filter((r) => counts(r, now, rule.windowMs));
  const firsts = live.map((r) => Date.parse(r.firstSearchedAt));
  return {
    used: live.length,
    remaining: Math.max(0, rule.limit - live.length),
    counted: new Set(live.map((r) => r.hashtag)),
    nextFreedAt: firsts.length ? new Date(Math.min(...firsts) + rule.windowMs) : null,
  };
}

/**
 * The hashtags to search now, at most `perRun`: candidates not searched within `minGapMs`, those
 * searched longest ago (or never) first, keeping the candidates' order otherwise. A counted
 * hashtag costs nothing; an uncounted one takes one of the remaining slots, and is skipped when
 * none is left.
 */
export function planHashtagSearches(
  candidates: readonly string[],
  records: readonly HashtagSearchRecord[],
  now: Date,
  rule: BudgetRule & { perRun: number; minGapMs: number },
): string[] {
  const budget = hashtagBudget(records, now, rule);
  const lastSearched = new Map(records.map((r) => [r.hashtag, Date.parse(r.lastSearchedAt)]));
  const eligible = [...new Set(candidates)]
    .map((hashtag, order) => ({ hashtag, order, last: lastSearched.get(hashtag) ?? -Infinity }))
    .filter((c) => now.getTime() - c.last >= rule.minGapMs)
    .sort((a, b) => a.last - b.last || a.order - b.order);
  const plan: string[] = [];
  let remaining = budget.remaining;
  for (const { hashtag } of eligible) {
    if (plan.length >= rule.perRun) break;
    if (budget.counted.has(hashtag)) plan.push(hashtag);
    else if (remaining > 0) {
      plan.push(hashtag);
      remaining -= 1;
    }
  }
  return plan;
}

/** The record after searching `hashtag` at `now`: a counted one keeps its start; otherwise a new count begins. */
export function afterSearch(
  existing: HashtagSearchRecord | undefined,
  hashtag: string,
  now: Date,
  windowMs: number,
): HashtagSearchRecord {
  const at = now.toISOString();
  if (existing && counts(existing, now, windowMs)) return { ...existing, lastSearchedAt: at };
  return { hashtag, firstSearchedAt: at, lastSearchedAt: at };
}
