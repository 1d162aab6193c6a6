import { Cron } from 'croner';
import type { z } from 'zod';
import type { cycleIdSchema } from '../contract/maestro';

/** When a cycle runs: every N minutes (first run a little after start), or at local times. */
export type CycleTiming =
  | { kind: 'every'; minutes: number; firstAfterSeconds: number }
  | { kind: 'cron'; pattern: string; label: string };

export interface CycleDefinition {
  id: CycleId;
  label: string;
  timing: CycleTiming;
  /** Whether it runs while Maestro is paused (pause stops generation and learning, not upkeep). */
  runsWhenPaused: boolean;
}

/** The contract names the cycles (maestro.runCycle takes one). */
export type CycleId = z.infer<typeof cycleIdSchema>;

/**
 * The next time a cycle is due. Interval cycles: an interval after their last run, and never
 * before their start-up stagger (so a restart spreads the catch-up over the first minutes).
 * Cron cycles: the first scheduled local time after their last run (or after start when they
 * never ran), in the creator's time zone with DST. Either way a cycle that missed many ticks
 * (a closed laptop) is due once, at once, not once per missed tick.
 */
export function nextDueAt(input: {
  timing: CycleTiming;
  lastRunAt: Date | null;
  startedAt: Date;
  timeZone: string;
}): Date | null {
  const { timing, lastRunAt, startedAt } = input;
  if (timing.kind === 'every') {
    const stagger = startedAt.getTime() + timing.firstAfterSeconds * 1000;
    const after = lastRunAt ? lastRunAt.getTime() + timing.minutes * 60_000 : Number.NEGATIVE_INFINITY;
    return new Date(Math.max(stagger, after));
  }
  const from = lastRunAt ?? startedAt;
  return nextCronRun(timing.pattern, input.timeZone, from);
}

/** Parsed rules and their last answer, kept: a tick asks the same question every 20 seconds. */
const crons = new Map<string, { cron: Cron; from: number; next: Date | null }>();

/** The first run of a cron rule after `from`, in `timeZone` (DST included). */
export function nextCronRun(pattern: string, timeZone: string, from: Date): Date | null {
  const key = `${pattern}|${timeZone}`;
  let entry = crons.get(key);
  if (!entry) {
    entry = { cron: new Cron(pattern, { timezone: timeZone, paused: true }), from: Number.NaN, next: null };
    crons.set(key, entry);
  }
  if (entry.from !== from.getTime()) {
    entry.from = from.getTime();
    entry.next = entry.cron.nextRun(from);
  }
  return entry.next;
}
