import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';

export interface ExaminerScope {
  days: number;
  brandId?: string;
  agentId?: string;
}

/** The examiner views' rejected list shows this many; the total says how many there are. */
const REJECTED_SHOWN = 20;

/**
 * Under the proposals key on purpose: every proposal change (an examination during a burst, a
 * review here or elsewhere) invalidates it with the queue, so the numbers stay live.
 */
const examinerKey = (view: 'stats' | 'rejected', scope: ExaminerScope) =>
  [...queryKeys.proposals.all, 'examiner', view, scope] as const;

export function useExaminerStats(scope: ExaminerScope) {
  const api = useApi();
  return useQuery({
    queryKey: examinerKey('stats', scope),
    queryFn: () => api['examiner.stats'](scope),
    // Another period or filter keeps the old numbers on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

export function useExaminerRejected(scope: ExaminerScope, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: examinerKey('rejected', scope),
    queryFn: () => api['examiner.rejected']({ ...scope, limit: REJECTED_SHOWN }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
