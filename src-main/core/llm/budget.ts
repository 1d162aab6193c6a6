import type { LlmBudgetWindow } from '../contract/llm';
import { DAY_MS, HOUR_MS } from '../ports/clock';

/** The UTC calendar day and UTC clock hour that contain `now`, as [start, end). */
export function budgetWindows(now: Date): {
  day: { start: Date; end: Date };
  hour: { start: Date; end: Date };
} {
  const dayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const hourStart = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  return {
    day: { start: new Date(dayStart), end: new Date(dayStart + DAY_MS) },
    hour: { start: new Date(hourStart), end: new Date(hourStart + HOUR_MS) },
  };
}

/** Dollars as people read them: cents for dollars, more decimals for the tiny sums LLM calls cost. */
export function formatUsd(value: number): string {
  const magnitude = Math.abs(value);
  let text = value.toFixed(magnitude >= 1 ? 2 : magnitude >= 0.01 ? 4 : 6).replace(/0+$/, '');
  if ((text.split('.')[1] ?? '').length < 2) text = value.toFixed(2);
  return `$${text}`;
}

export interface BudgetVerdict {
  day: LlmBudgetWindow;
  hour: LlmBudgetWindow;
  blocked: boolean;
  blockedReason: string | null;
}

function window(spentUsd: number, limitUsd: number, bounds: { start: Date; end: Date }): LlmBudgetWindow {
  const budgetUsd = limitUsd > 0 ? limitUsd : null;
  return {
    spentUsd,
    budgetUsd,
    startsAt: bounds.start.toISOString(),
    resetsAt: bounds.end.toISOString(),
    exhausted: budgetUsd !== null && spentUsd >= budgetUsd,
  };
}

function describe(kind: 'daily' | 'hourly', w: LlmBudgetWindow): string {
  const resetsAt = w.resetsAt.slice(11, 16);
  const period = kind === 'daily' ? 'today (UTC)' : `since ${w.startsAt.slice(11, 16)} UTC`;
  return (
    `The ${kind} LLM budget is used up: ${formatUsd(w.spentUsd)} spent of ${formatUsd(w.budgetUsd ?? 0)} ${period}. ` +
    `New LLM calls resume when it resets at ${resetsAt} UTC (${w.resetsAt}); raise the budget in Settings to go on now.`
  );
}

/**
 * Whether new LLM calls may start, given what was spent in the current windows and the
 * limits (0 = no limit). When both are used up, the reason names the one that resets last.
 */
export function evaluateBudget(
  now: Date,
  spent: { dayUsd: number; hourUsd: number },
  limits: { dailyUsd: number; hourlyUsd: number },
): BudgetVerdict {
  const bounds = budgetWindows(now);
  const day = window(spent.dayUsd, limits.dailyUsd, bounds.day);
  const hour = window(spent.hourUsd, limits.hourlyUsd, bounds.hour);
  const blockedReason = day.exhausted
    ? describe('daily', day)
    : hour.exhausted
      ? describe('hourly', hour)
      : null;
  return { day, hour, blocked: blockedReason !== null, blockedReason };
}
