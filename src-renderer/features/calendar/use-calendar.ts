import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarItem, InputOf, Platform } from '@contract';
import { create } from 'zustand';
import { useApi, useContractEvent } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';
import { describeError } from '../../ui/errors';
import { toast } from '../../ui/toast-store';
import { movePost } from './move-post';

/** The most posts one visible range can hold: a month of six reels and two posts a day per brand. */
const RANGE_LIMIT = 2000;

export interface CalendarRange {
  from: string;
  to: string;
  brandId?: string;
}

/**
 * The posts of the visible range. The previous range's posts stay shown while the next loads,
 * so paging months does not flash an empty grid. `data.changed` for the calendar (and for jobs:
 * a finished render is scheduled at once) refetches through live-updates.ts.
 */
export function useCalendarRange(range: CalendarRange | null) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.calendar.range(range ?? {}),
    queryFn: () =>
      api['calendar.list']({
        from: range!.from,
        to: range!.to,
        ...(range!.brandId ? { brandId: range!.brandId } : {}),
        limit: RANGE_LIMIT,
      }),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
}

export function useCalendarItem(scheduleId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.calendar.item(scheduleId ?? ''),
    queryFn: () => api['calendar.get']({ scheduleId: scheduleId! }),
    enabled: scheduleId !== null,
  });
}

/** Upload percent per post and platform, from `publish.progress`; not stored by the core. */
interface ProgressState {
  percent: Record<string, number>;
  set(scheduleId: string, platform: Platform, percent: number | null): void;
}

const useProgressStore = create<ProgressState>()((set) => ({
  percent: {},
  set(scheduleId, platform, percent) {
    set((state) => {
      const next = { ...state.percent };
      if (percent === null) delete next[`${scheduleId}:${platform}`];
      else next[`${scheduleId}:${platform}`] = percent;
      return { percent: next };
    });
  },
}));

export function useUploadPercent(scheduleId: string, platform: Platform): number | null {
  return useProgressStore((s) => s.percent[`${scheduleId}:${platform}`] ?? null);
}

/**
 * Patches each platform's state into the cached posts as `publish.progress` arrives (the core
 * sends `data.changed` too, but only when a step ends), and keeps the upload percent.
 */
export function usePublishProgress(): void {
  const queryClient = useQueryClient();
  const setPercent = useProgressStore((s) => s.set);
  useContractEvent('publish.progress', (progress) => {
    setPercent(
      progress.scheduleId,
      progress.platform,
      progress.status === 'uploading' ? progress.percent : null,
    );
    const patch = (item: CalendarItem): CalendarItem =>
      item.scheduleId !== progress.scheduleId
        ? item
        : {
            ...item,
            targets: item.targets.map((t) =>
              t.platform === progress.platform ? { ...t, status: progress.status, step: progress.step } : t,
            ),
          };
    queryClient.setQueriesData<{ items: CalendarItem[] }>(
      { queryKey: [...queryKeys.calendar.all, 'range'] },
      (list) => (list ? { ...list, items: list.items.map(patch) } : list),
    );
    queryClient.setQueryData<CalendarItem>(queryKeys.calendar.item(progress.scheduleId), (item) =>
      item ? patch(item) : item,
    );
  });
}

function useInvalidateCalendar() {
  const queryClient = useQueryClient();
  // data.changed does this too; doing it here as well keeps the view right if an event is lost.
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.calendar.all });
}

/** Puts a post the core returned into every cached view at once, before the refetch. */
function useStoreItem() {
  const queryClient = useQueryClient();
  return (item: CalendarItem) => {
    queryClient.setQueryData(queryKeys.calendar.item(item.scheduleId), item);
    queryClient.setQueriesData<{ items: CalendarItem[] }>(
      { queryKey: [...queryKeys.calendar.all, 'range'] },
      (list) =>
        list
          ? { ...list, items: list.items.map((i) => (i.scheduleId === item.scheduleId ? item : i)) }
          : list,
    );
  };
}

/** Check, then move; the outcome says why when the post stays where it was. */
export function useMovePost() {
  const api = useApi();
  const storeItem = useStoreItem();
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: ({ scheduleId, at }: { scheduleId: string; at: string }) =>
      movePost(
        {
          checkSlot: (when) => api['calendar.checkSlot']({ scheduleId, at: when }),
          reschedule: (when) => api['calendar.reschedule']({ scheduleId, at: when }),
        },
        at,
      ),
    onSuccess: (outcome) => {
      if (outcome.moved) storeItem(outcome.item);
      void invalidate();
    },
  });
}

type Patch = InputOf<'calendar.update'>['patch'];

export function useUpdatePost() {
  const api = useApi();
  const storeItem = useStoreItem();
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: ({ scheduleId, patch }: { scheduleId: string; patch: Patch }) =>
      api['calendar.update']({ scheduleId, patch }),
    onSuccess: (item) => {
      storeItem(item);
      void invalidate();
    },
  });
}

/** Unschedule, publish now and retry: one call, a toast either way. */
function usePostAction<I>(call: (input: I) => Promise<CalendarItem>, done: (item: CalendarItem) => string) {
  const storeItem = useStoreItem();
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: call,
    onSuccess: (item) => {
      storeItem(item);
      toast.success(done(item));
      void invalidate();
    },
    onError: (error) => toast.error(describeError(error)),
  });
}

export function usePublishNow() {
  const api = useApi();
  return usePostAction(
    (scheduleId: string) => api['calendar.publishNow']({ scheduleId }),
    (item) => `${item.title}: publishing now.`,
  );
}

export function useRetryPost() {
  const api = useApi();
  return usePostAction(
    (input: { scheduleId: string; platform?: Platform }) => api['calendar.retry'](input),
    (item) => `${item.title}: trying again.`,
  );
}

export function useUnschedulePost() {
  const api = useApi();
  const storeItem = useStoreItem();
  const invalidate = useInvalidateCalendar();
  return useMutation({
    mutationFn: (item: CalendarItem) => api['calendar.unschedule']({ scheduleId: item.scheduleId }),
    onSuccess: (unscheduled, before) => {
      storeItem(unscheduled);
      void invalidate();
      // Undo puts it back at its old time through the same rules as any move. It calls the API
      // directly: the toast outlives the panel that asked, and a mutation hook with it.
      const undo = async () => {
        const { scheduleId, scheduledTime, title } = before;
        const outcome = await movePost(
          {
            checkSlot: (at) => api['calendar.checkSlot']({ scheduleId, at }),
            reschedule: (at) => api['calendar.reschedule']({ scheduleId, at }),
          },
          scheduledTime,
        );
        if (outcome.moved) toast.success(`${title} is back on the calendar.`);
        else toast.error(`${title} could not go back: ${outcome.reason}`);
        void invalidate();
      };
      toast.success(`${unscheduled.title} is off the calendar.`, { label: 'Undo', run: () => void undo() });
    },
    onError: (error) => toast.error(describeError(error)),
  });
}

export function useExportPost() {
  const api = useApi();
  return useMutation({
    mutationFn: (scheduleId: string) => api['calendar.export']({ scheduleId }),
    onError: (error) => toast.error(describeError(error)),
  });
}
