import { keepPreviousData, useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { ActivityEntry } from '@contract';
import { useApi, useContractEvent } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';

const PAGE_SIZE = 50;

type Feed = InfiniteData<ActivityEntry[], number | undefined>;

/**
 * The activity feed, newest first, a page at a time as it scrolls (by keyset: entries before
 * the last one shown). Without a search, live `activity` events are prepended as they happen;
 * with one, the core's full-text search answers and each entry carries its highlight.
 */
export function useActivityFeed(search: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  const text = search.trim();
  const feed = useInfiniteQuery({
    queryKey: text ? queryKeys.activity.search(text) : queryKeys.activity.feed,
    queryFn: ({ pageParam }) =>
      api['activity.list']({
        limit: PAGE_SIZE,
        ...(pageParam ? { beforeId: pageParam } : {}),
        ...(text ? { search: text } : {}),
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => (page.length === PAGE_SIZE ? page.at(-1)?.id : undefined),
    placeholderData: keepPreviousData,
  });

  useContractEvent('activity', (entry) => {
    queryClient.setQueryData<Feed>(queryKeys.activity.feed, (current) => {
      if (!current) return current;
      // A refetch may already hold the entry the event announces.
      if (current.pages.some((page) => page.some((e) => e.id === entry.id))) return current;
      const [first = [], ...rest] = current.pages;
      return { ...current, pages: [[entry, ...first], ...rest] };
    });
  });

  return { ...feed, entries: feed.data?.pages.flat() ?? [] };
}
