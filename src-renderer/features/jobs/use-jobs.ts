import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { Job } from '@contract';
import { useApi, useContractEvent } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';
import { describeError } from '../../ui/errors';
import { toast } from '../../ui/toast-store';

const listKey = [...queryKeys.jobs.all, 'list'] as const;
/** One page of the list; the next is read by keyset (after the last job shown). */
const PAGE_SIZE = 100;

/**
 * Jobs newest first, a page at a time as the list scrolls, with live progress patched in from
 * `job.progress` events between refetches.
 */
export function useJobs() {
  const api = useApi();
  const queryClient = useQueryClient();
  useContractEvent('job.progress', (progress) => {
    queryClient.setQueryData<InfiniteData<Job[], string | undefined>>(listKey, (data) =>
      data
        ? {
            ...data,
            pages: data.pages.map((page) =>
              page.map((job) =>
                job.id === progress.jobId
                  ? {
                      ...job,
                      status: progress.status,
                      currentStep: progress.step,
                      progressPercent: progress.percent,
                    }
                  : job,
              ),
            ),
          }
        : data,
    );
  });
  const query = useInfiniteQuery({
    queryKey: listKey,
    queryFn: ({ pageParam }) =>
      api['jobs.list']({ limit: PAGE_SIZE, ...(pageParam ? { beforeJobId: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => (page.length === PAGE_SIZE ? page.at(-1)?.id : undefined),
  });
  return { ...query, jobs: query.data?.pages.flat() ?? [] };
}

function useJobAction(name: 'jobs.cancel' | 'jobs.retry', done: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api[name]({ id }),
    onSuccess: (job) => {
      toast.success(`${job.id} ${done}.`);
      void queryClient.invalidateQueries({ queryKey: queryKeys.jobs.all });
    },
    onError: (error) => toast.error(describeError(error)),
  });
}

export const useCancelJob = () => useJobAction('jobs.cancel', 'cancelled');
export const useRetryJob = () => useJobAction('jobs.retry', 'queued again');

/**
 * Where a rendered file is served: `/media/` on the page's own origin in both transports (the
 * headless server's token-protected route, the desktop's `maestro://app/media/`), so the one CSP
 * allows it as `'self'`. Both serve only the data folder's media directory.
 */
export function useMediaUrl(): (relativePath: string) => string {
  return (relativePath) => `/media/${relativePath.split('/').map(encodeURIComponent).join('/')}`;
}
