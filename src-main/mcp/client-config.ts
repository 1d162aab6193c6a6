import { join } from 'node:path';

/** How an MCP client starts the stdio bridge: the `mcpServers` entry most clients read. */
export interface StdioLaunch {
  command: string;
  args: string[];
  env?: Record<string, string>;
}

/** What Settings → AI assistants shows, ready to paste into a client's configuration. */
export interface AssistantClientConfig {
  mcpServers: { maestro: StdioLaunch };
}

/** The built stdio entry beside this process's own entry (`out/main/mcp.js`). */
export function stdioEntryBeside(mainOutDir: string): string {
  return join(mainOutDir, 'mcp.js');
}

/**
 * Absolute paths only: clients start the command from a folder of their choosing, and some do
 * not let the creator set one. In the desktop app the command is the app's own executable run as
 * Node (ELECTRON_RUN_AS_NODE), so no separate Node install is needed.
 */
export function stdioLaunch(options: {
  execPath: string;
  entry: string;
  dataDir: string;
  runAsNode?: boolean;
}): StdioLaunch {
  return {
    command: options.execPath,
    args: [options.entry, '--data-dir', options.dataDir],
    ...(options.runAsNode ? { env: { ELECTRON_RUN_AS_NODE: '1' } } : {}),
  };
}

export function clientConfigOf(launch: StdioLaunch): AssistantClientConfig {
  return { mcpServers: { maestro: launch } };
}
