import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { MaestroStatus } from '@contract';
import { useApi } from './api-context';
import { queryKeys } from './query-keys';

/**
 * Maestro's controls (paused, a burst running) as every view shows them: the sidebar's pill,
 * the dashboard's Pause/Resume and Burst now, the review queue's Burst now. The tray shows the
 * same state from the same event, so they agree as long as each view shows only what the core
 * said last, never what it expects the core to say.
 *
 * The `maestro.state` event is applied as it arrives (events come in order). An answer to a
 * read or an action was taken at some moment during its request; if an event arrived meanwhile,
 * the answer may be older than that event, so it is dropped: the events still to come carry
 * anything newer.
 */
const eventsSeen = new WeakMap<QueryClient, number>();

function seen(queryClient: QueryClient): number {
  return eventsSeen.get(queryClient) ?? 0;
}

/** For live-updates: every `maestro.state` event goes straight into the cache. */
export function applyMaestroStateEvent(queryClient: QueryClient, status: MaestroStatus): void {
  eventsSeen.set(queryClient, seen(queryClient) + 1);
  queryClient.setQueryData(queryKeys.maestro.status, status);
}

/** Runs a call that answers with the status, and keeps its answer unless an event overtook it. */
export async function withMaestroStatusAnswer(
  queryClient: QueryClient,
  call: () => Promise<MaestroStatus>,
): Promise<MaestroStatus> {
  const before = seen(queryClient);
  const answer = await call();
  const current = queryClient.getQueryData<MaestroStatus>(queryKeys.maestro.status);
  if (seen(queryClient) !== before && current) return current;
  queryClient.setQueryData(queryKeys.maestro.status, answer);
  return answer;
}

export function useMaestroStatus() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.maestro.status,
    queryFn: () => withMaestroStatusAnswer(queryClient, () => api['maestro.status']()),
  });
}
