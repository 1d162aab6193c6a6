import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MaestroDashboard, MaestroOverview } from '@contract';
import { useApi, useContractEvent } from '../../app/api-context';
import { useMaestroStatus, withMaestroStatusAnswer } from '../../app/maestro-status';
import { queryKeys } from '../../app/query-keys';

export { useMaestroStatus };

/** Pause or resume: the button shows the core's answer (or a newer event), never a guess. */
export function useSetPaused() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (paused: boolean) =>
      withMaestroStatusAnswer(queryClient, () => (paused ? api['maestro.pause']() : api['maestro.resume']())),
  });
}

/**
 * Whether a burst holds the runner, as the tray shows it: from `maestro.status` and the
 * `maestro.state` event only. Undefined until known (the buttons stay off meanwhile).
 */
export function useBurstRunning(): boolean | undefined {
  return useMaestroStatus().data?.burstRunning;
}

function patchLatestBurst<T extends MaestroOverview>(
  current: T | undefined,
  burst: MaestroOverview['latestBurst'],
) {
  return current && burst && (!current.latestBurst || current.latestBurst.id <= burst.id)
    ? { ...current, latestBurst: burst, burstRunning: burst.status === 'running' }
    : current;
}

/**
 * Bursts, quotas and the daily schedule (the review queue's banner). `burst.progress` events
 * patch the running burst's counts in at once; the `data.changed` refetch that follows each of
 * them fills in the rest.
 */
export function useMaestroOverview() {
  const api = useApi();
  const queryClient = useQueryClient();
  useContractEvent('burst.progress', (burst) => {
    queryClient.setQueryData<MaestroOverview>(queryKeys.bursts.overview, (current) =>
      patchLatestBurst(current, burst),
    );
  });
  return useQuery({ queryKey: queryKeys.bursts.overview, queryFn: () => api['maestro.overview']() });
}

/**
 * Spend and platform quota move with every LLM and platform call, and nothing announces those
 * calls (announcing each would refetch the page several times a second in a burst); today turns
 * into tomorrow unannounced too. A minute-old figure there is fine: everything else follows events.
 */
const UNANNOUNCED_RECHECK_MS = 60_000;

/**
 * Everything the dashboard shows in one read, kept current by the events that concern it (the
 * `data.changed` ones through live-updates).
 */
export function useDashboard() {
  const api = useApi();
  const queryClient = useQueryClient();
  // Pausing moves the cycles' next runs (those that wait for Resume have none while paused).
  useContractEvent(
    'maestro.state',
    () => void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard.all }),
  );
  useContractEvent('burst.progress', (burst) => {
    queryClient.setQueryData<MaestroDashboard>(queryKeys.dashboard.all, (current) =>
      current ? { ...current, burst: patchLatestBurst(current.burst, burst)! } : current,
    );
  });
  return useQuery({
    queryKey: queryKeys.dashboard.all,
    queryFn: () => api['maestro.dashboard'](),
    refetchInterval: UNANNOUNCED_RECHECK_MS,
  });
}

/** "Burst now": fills what today still lacks; the answer is the burst as it starts. */
export function useTriggerBurst() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api['maestro.triggerBurst'](),
    // The running state comes with maestro.state; the counts come with burst.progress.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.bursts.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard.all });
    },
  });
}

/** optimize-now: every agent drafts brand-less ideas in the background, reported like a burst. */
export function useOptimizeNow() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api['maestro.optimizeNow'](),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.bursts.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard.all });
    },
  });
}

export function useResetDaily() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api['maestro.resetDaily'](),
    onSuccess: (overview) => {
      queryClient.setQueryData(queryKeys.bursts.overview, overview);
      void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard.all });
    },
  });
}

/**
 * The latest burst is shown as running (its counts rather than its closing sentence) while its
 * row says so and the runner is held: right at a burst's end the two are read separately and
 * one can lag the other a moment.
 */
export function isBurstShownRunning(
  overview: MaestroOverview | undefined,
  burstRunning: boolean | undefined,
): boolean {
  return Boolean(burstRunning && overview?.latestBurst?.status === 'running');
}
