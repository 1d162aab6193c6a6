import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';

/** One brand's analytics over the last `days` days (the core's window, in the creator's zone). */
export function useBrandAnalytics(brandId: string | null, days: number) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.analytics.brand(brandId ?? '', days),
    queryFn: () => api['analytics.brand']({ brandId: brandId!, days }),
    enabled: brandId !== null,
  });
}

/** Takes the measurements due now for one brand; the page refetches what it shows afterwards. */
export function useCollectNow() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (brandId: string) => api['analytics.collectNow']({ brandId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.analytics.all }),
  });
}
