import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Job } from '@contract';
import { useApi, useContractEvent } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';
import { describeError } from '../../ui/errors';
import { toast } from '../../ui/toast-store';

const listKey = [...queryKeys.jobs.all, 'list'] as const;

/** Jobs newest first, with live progress patched in from `job.progress` events between refetches. */
export function useJobs() {
  const api = useApi();
  const queryClient = useQueryClient();
  useContractEvent('job.progress', (progress) => {
    queryClient.setQueryData<Job[]>(listKey, (jobs) =>
      jobs?.map((job) =>
        job.id === progress.jobId
          ? { ...job, status: progress.status, currentStep: progress.step, progressPercent: progress.percent }
          : job,
      ),
    );
  });
  return useQuery({ queryKey: listKey, queryFn: () => api['jobs.list']({ limit: 200 }) });
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
