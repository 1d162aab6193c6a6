import { QueryClient } from '@tanstack/react-query';
import { AppError } from '@contract';

/** Codes where asking again cannot help, so the error shows at once instead of after retries. */
const finalCodes = new Set([
  'invalid_input',
  'not_found',
  'conflict',
  'protected',
  'unauthorized',
  'unknown_operation',
]);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Events keep the cache fresh, so refetching on every window focus is wasted work.
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          !(error instanceof AppError && finalCodes.has(error.code)) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}
