import type { Clock } from '../ports/clock';

/** Something that decides for itself whether it has work at `now` (retention, backups…). */
export type RunDue = (now: Date) => Promise<unknown>;

/**
 * The smallest scheduler that works until the orchestrator (issue 11) takes over: asks `runDue`
 * once a little after start and then every `everyMs`, one call at a time, reporting failures
 * instead of throwing. The timers never keep the process alive. `stop` waits for a call in flight.
 */
export function startDueTimer(
  runDue: RunDue,
  options: { clock: Clock; firstAfterMs: number; everyMs: number; onError: (error: unknown) => void },
): { stop(): Promise<void> } {
  let inFlight: Promise<void> | null = null;
  const tick = () => {
    if (inFlight) return;
    inFlight = runDue(options.clock.now())
      .then(() => undefined, options.onError)
      .finally(() => {
        inFlight = null;
      });
  };
  const first = setTimeout(tick, options.firstAfterMs);
  const every = setInterval(tick, options.everyMs);
  first.unref();
  every.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      await inFlight;
    },
  };
}
