import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SettingsValues } from '@contract';
import { useApi } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';

export function useSettings() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.settings.all, queryFn: () => api['settings.get']() });
}

export function useSaveSettings() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: Partial<SettingsValues>) => api['settings.set']({ values }),
    // The answer is the new view: show it without another round trip.
    onSuccess: (view) => queryClient.setQueryData(queryKeys.settings.all, view),
  });
}

/** Secrets go in and never come back out; afterwards only the "is it set" flag is refetched. */
export function useApiKey(
  key:
    'llm.apiKey' | 'images.apiKey' | 'meta.appSecret' | 'google.clientSecret' | 'mediaHost.secretAccessKey',
) {
  const api = useApi();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.settings.all });
  const set = useMutation({
    mutationFn: (value: string) => api['secrets.set']({ key, value }),
    onSettled: refresh,
  });
  const clear = useMutation({
    mutationFn: () => api['secrets.clear']({ key }),
    onSettled: refresh,
  });
  return { set, clear };
}
