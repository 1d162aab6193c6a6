import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MaestroOverview } from '@contract';
import { useApi, useContractEvent } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';

export function useMaestroStatus() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.maestro.status, queryFn: () => api['maestro.status']() });
}

export function useSetPaused() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (paused: boolean) => (paused ? api['maestro.pause']() : api['maestro.resume']()),
    onSuccess: (status) => queryClient.setQueryData(queryKeys.maestro.status, status),
  });
}

/**
 * Bursts, quotas and the daily schedule. `burst.progress` events patch the running burst's
 * counts in at once; the `data.changed` refetch that follows each of them fills in the rest.
 */
export function useMaestroOverview() {
  const api = useApi();
  const queryClient = useQueryClient();
  useContractEvent('burst.progress', (burst) => {
    queryClient.setQueryData<MaestroOverview>(queryKeys.bursts.overview, (current) =>
      current && (!current.latestBurst || current.latestBurst.id <= burst.id)
        ? { ...current, latestBurst: burst, burstRunning: burst.status === 'running' }
        : current,
    );
  });
  return useQuery({ queryKey: queryKeys.bursts.overview, queryFn: () => api['maestro.overview']() });
}

/** "Burst now": fills what today still lacks; the answer is the burst as it starts. */
export function useTriggerBurst() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api['maestro.triggerBurst'](),
    onSuccess: (burst) => {
      queryClient.setQueryData<MaestroOverview>(queryKeys.bursts.overview, (current) =>
        current ? { ...current, latestBurst: burst, burstRunning: burst.status === 'running' } : current,
      );
    },
    // A conflict means one is already running: either way the overview should be re-read.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.bursts.all }),
  });
}

/** optimize-now: every agent drafts brand-less ideas in the background, reported like a burst. */
export function useOptimizeNow() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api['maestro.optimizeNow'](),
    onSuccess: (burst) => {
      queryClient.setQueryData<MaestroOverview>(queryKeys.bursts.overview, (current) =>
        current ? { ...current, latestBurst: burst, burstRunning: burst.status === 'running' } : current,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.bursts.all }),
  });
}

export function useResetDaily() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api['maestro.resetDaily'](),
    onSuccess: (overview) => queryClient.setQueryData(queryKeys.bursts.overview, overview),
  });
}

/**
 * Running only if the latest burst says so too: the overview's flag and the burst row are read
 * separately, and right at a burst's end a refetch can catch the flag a moment late.
 */
export function isBurstRunning(overview: MaestroOverview | undefined): boolean {
  return Boolean(overview?.burstRunning && overview.latestBurst?.status === 'running');
}
