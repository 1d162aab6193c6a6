import type { Job } from '@contract';
import { useCancelJob, useRetryJob } from './use-jobs';

export function JobActions({ job }: { job: Job }) {
  const cancel = useCancelJob();
  const retry = useRetryJob();
  return (
    <div className="button-row">
      {(job.status === 'pending' || job.status === 'generating') && (
        <button
          type="button"
          className="button button-small button-danger-quiet"
          disabled={cancel.isPending || job.cancelRequested}
          onClick={() => cancel.mutate(job.id)}
        >
          Cancel
        </button>
      )}
      {(job.status === 'failed' || job.status === 'cancelled') && (
        <button
          type="button"
          className="button button-small"
          disabled={retry.isPending}
          onClick={() => retry.mutate(job.id)}
        >
          Retry
        </button>
      )}
    </div>
  );
}
