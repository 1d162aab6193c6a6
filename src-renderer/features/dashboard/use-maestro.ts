import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';

export function useMaestroStatus() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.maestro.status, queryFn: () => api['maestro.status']() });
}

export function useSetPaused() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (paused: boolean) => (paused ? api['maestro.pause']() : api['maestro.resume']()),
    onSuccess: (status) => queryClient.setQueryData(queryKeys.maestro.status, status),
  });
}
