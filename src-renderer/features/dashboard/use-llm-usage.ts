import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi, useContractEvent } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';

/** Spend changes with every LLM call; nothing announces calls, so recheck now and then. */
const RECHECK_MS = 30_000;

export function useLlmUsage() {
  const api = useApi();
  const queryClient = useQueryClient();
  // Bursts are where the calls come from: refresh as one progresses.
  useContractEvent('burst.progress', () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.llm.usage });
  });
  return useQuery({
    queryKey: queryKeys.llm.usage,
    queryFn: () => api['llm.usage'](),
    refetchInterval: RECHECK_MS,
  });
}
