import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';

/** The last run of the ten checks (null before the first): the page, and the dashboard's tile. */
export function useLatestDiagnostics() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.diagnostics.latest,
    queryFn: () => api['diagnostics.latest'](),
  });
}

/** The last `limit` runs, newest first: the trend. */
export function useDiagnosticsHistory(limit: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.diagnostics.history(limit),
    queryFn: () => api['diagnostics.history']({ limit }),
  });
}

/** Runs the checks now; the run's `data.changed` refreshes the views, this makes it instant here. */
export function useRunDiagnostics() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api['diagnostics.run'](),
    onSuccess: (report) => {
      queryClient.setQueryData(queryKeys.diagnostics.latest, report);
      void queryClient.invalidateQueries({ queryKey: queryKeys.diagnostics.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.app.health });
    },
  });
}
