import { keepPreviousData, useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { ActivityEntry } from '@contract';
import { useApi, useContractEvent } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';
import { activityQueryOf, isFiltered, matchesActivityFilter, type ActivityFilter } from './activity-filter';

const PAGE_SIZE = 50;

type Feed = InfiniteData<ActivityEntry[], number | undefined>;

/**
 * The activity feed, newest first, a page at a time as it scrolls (by keyset: entries before
 * the last one shown), narrowed to an agent, a brand and a kind when asked. Live `activity`
 * events are prepended where they belong; with a search, the core's full-text search answers
 * and each entry carries its highlight.
 */
export function useActivityFeed(filter: ActivityFilter) {
  const api = useApi();
  const queryClient = useQueryClient();
  const queryKey = isFiltered(filter)
    ? queryKeys.activity.list(activityQueryOf(filter, { limit: PAGE_SIZE }))
    : queryKeys.activity.feed;
  const feed = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) =>
      api['activity.list'](activityQueryOf(filter, { limit: PAGE_SIZE, beforeId: pageParam })),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => (page.length === PAGE_SIZE ? page.at(-1)?.id : undefined),
    placeholderData: keepPreviousData,
  });

  useContractEvent('activity', (entry) => {
    if (!matchesActivityFilter(entry, filter)) return;
    queryClient.setQueryData<Feed>(queryKey, (current) => {
      if (!current) return current;
      // A refetch may already hold the entry the event announces.
      if (current.pages.some((page) => page.some((e) => e.id === entry.id))) return current;
      const [first = [], ...rest] = current.pages;
      return { ...current, pages: [[entry, ...first], ...rest] };
    });
  });

  return { ...feed, entries: feed.data?.pages.flat() ?? [] };
}
