import { join } from 'node:path';
import { DESKTOP_BRIDGE_FLAG } from './paths';

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
 * The headless server's bridge: Node running the built entry. Absolute paths only: clients
 * start the command from a folder of their choosing, and some do not let the creator set one.
 */
export function stdioLaunch(options: { execPath: string; entry: string; dataDir: string }): StdioLaunch {
  return { command: options.execPath, args: [options.entry, '--data-dir', options.dataDir] };
}

/**
 * The desktop app's bridge: its own executable with DESKTOP_BRIDGE_FLAG (no separate Node needed,
 * and the installed app cannot be run as Node). Unpackaged, Electron also needs the app folder.
 */
export function desktopLaunch(options: {
  execPath: string;
  appPath: string | null;
  dataDir: string;
}): StdioLaunch {
  return {
    command: options.execPath,
    args: [...(options.appPath ? [options.appPath] : []), DESKTOP_BRIDGE_FLAG, '--data-dir', options.dataDir],
  };
}

export function clientConfigOf(launch: StdioLaunch): AssistantClientConfig {
  return { mcpServers: { maestro: launch } };
}
