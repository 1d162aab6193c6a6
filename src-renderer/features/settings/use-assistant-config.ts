import { useQuery } from '@tanstack/react-query';
import { AppError, appErrorSchema } from '@contract';
import type { AssistantClientConfig } from '../../../src-main/mcp/client-config';
import { assistantHttpPaths } from '../../../src-main/mcp/paths';
import { desktopBridge } from '../../app/desktop-bridge';

/** Not an entity of the contract: it changes only when the app is moved or updated. */
const assistantConfigKey = ['settings', 'assistant-config'] as const;

/** In a browser tab: the headless server answers it beside the contract, with the same cookie. */
async function fetchFromServer(): Promise<AssistantClientConfig> {
  const response = await fetch(assistantHttpPaths.clientConfig, { credentials: 'same-origin' });
  const body = (await response.json().catch(() => null)) as {
    ok?: boolean;
    value?: AssistantClientConfig;
    error?: unknown;
  } | null;
  if (body?.ok === true && body.value) return body.value;
  const error = appErrorSchema.safeParse(body?.error);
  if (error.success) throw new AppError(error.data.code, error.data.message);
  throw new AppError('unavailable', `The server answered ${response.status} without the configuration.`);
}

/**
 * What Settings → AI assistants (MCP) shows to paste into an assistant: the command that starts
 * Maestro's stdio bridge for this data folder. The desktop app says it over its own IPC (its
 * executable and paths); the headless server over HTTP.
 */
export function useAssistantConfig(enabled: boolean) {
  return useQuery({
    queryKey: assistantConfigKey,
    enabled,
    staleTime: Infinity,
    queryFn: async () => {
      const desktop = desktopBridge();
      if (!desktop) return fetchFromServer();
      const config = await desktop.assistantConfig();
      if (!config) throw new AppError('unauthorized', 'Only the Maestro window can ask for this.');
      return config;
    },
  });
}
