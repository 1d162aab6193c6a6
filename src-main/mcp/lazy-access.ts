import type { AssistantAccess, AssistantAccessOptions } from './http-endpoint';
import { assistantsEnabled } from './assistant-setting';
import { clientConfigOf } from './client-config';

/**
 * AssistantAccess whose MCP server (the SDK's server and its schemas, a fifth of a second to
 * load) is loaded on first use, so starting the app does not wait for it (issue 10's start-up
 * budget). The client configuration and the on/off switch need none of it.
 */
export function lazyAssistantAccess(options: AssistantAccessOptions): AssistantAccess {
  let loaded: Promise<AssistantAccess> | undefined;
  const access = () => (loaded ??= import('./http-endpoint').then((m) => m.createAssistantAccess(options)));
  return {
    isEnabled: () => assistantsEnabled(options.core),
    handle: async (req, res, port) => (await access()).handle(req, res, port),
    clientConfig: () => clientConfigOf(options.launch),
  };
}
