import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Platform } from '@contract';
import { useApi } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';

/** Every active brand's connections, or one brand's (an inactive brand on its edit page too). */
export function useConnections(brandId?: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.connections.all, brandId ?? 'all'],
    queryFn: () => api['connections.list'](brandId ? { brandId } : {}),
  });
}

function useRefreshConnections() {
  const queryClient = useQueryClient();
  // data.changed does this too; doing it here keeps the view right if an event is lost.
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.connections.all });
}

export function useConnectMeta() {
  const api = useApi();
  const refresh = useRefreshConnections();
  return useMutation({
    mutationFn: (input: { brandId: string; userToken: string; pageId?: string }) =>
      api['connections.connectMeta'](input),
    onSuccess: refresh,
  });
}

export function useYouTubeBegin() {
  const api = useApi();
  return useMutation({ mutationFn: (brandId: string) => api['connections.youtubeBegin']({ brandId }) });
}

export function useMetaLoginUrl() {
  const api = useApi();
  return useMutation({ mutationFn: (brandId: string) => api['connections.metaLoginUrl']({ brandId }) });
}

export function useTestConnection() {
  const api = useApi();
  const refresh = useRefreshConnections();
  return useMutation({
    mutationFn: (input: { brandId: string; platform: Platform }) => api['connections.test'](input),
    onSettled: refresh,
  });
}

export function useDisconnect() {
  const api = useApi();
  const refresh = useRefreshConnections();
  return useMutation({
    mutationFn: (input: { brandId: string; platform: Platform }) => api['connections.disconnect'](input),
    onSettled: refresh,
  });
}
