import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActivityEntry } from '@contract';
import { useApi, useContractEvent } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';

const PAGE_SIZE = 50;
/** Live entries pile up on a long-open dashboard; keep the list to a readable length. */
const MAX_SHOWN = 200;

/** The latest entries, with live `activity` events prepended as they happen. */
export function useActivityFeed() {
  const api = useApi();
  const queryClient = useQueryClient();
  const feed = useQuery({
    queryKey: queryKeys.activity.feed,
    queryFn: () => api['activity.list']({ limit: PAGE_SIZE }),
  });

  useContractEvent('activity', (entry) => {
    queryClient.setQueryData<ActivityEntry[]>(queryKeys.activity.feed, (current) => {
      if (!current) return current;
      // A refetch may already hold the entry the event announces.
      if (current.some((e) => e.id === entry.id)) return current;
      return [entry, ...current].slice(0, MAX_SHOWN);
    });
  });

  return feed;
}
