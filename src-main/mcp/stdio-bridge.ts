import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createAssistantServer } from './assistant-server';
import { DESKTOP_BRIDGE_FLAG } from './paths';
import { remoteBackend } from './remote-backend';

/**
 * The flag an MCP client passes to the desktop executable (`Maestro --mcp-stdio --data-dir DIR`)
 * to get this bridge instead of the app. The installed app cannot run as plain Node (its
 * runAsNode fuse is off), so it serves the bridge itself.
 */
export { DESKTOP_BRIDGE_FLAG };

/**
 * The data folder when this process was started as the bridge, else null. Lenient on purpose:
 * Electron and launchers add switches of their own (`--no-sandbox`, the app path in development).
 */
export function desktopBridgeDataDir(argv: readonly string[]): string | null | undefined {
  if (!argv.includes(DESKTOP_BRIDGE_FLAG)) return undefined;
  const at = argv.indexOf('--data-dir');
  const inline = argv.find((arg) => arg.startsWith('--data-dir='));
  return inline ? inline.slice('--data-dir='.length) : at >= 0 ? (argv[at + 1] ?? null) : null;
}

/**
 * MCP over stdio: lists Maestro's tools, resources and prompts itself and hands every call to
 * the Maestro that owns `dataDir` (desktop app or headless server), so one core serves the data
 * and the open window shows what the assistant changed. It loads no database and no native code.
 *
 * stdout carries the protocol: everything said to a person goes to stderr.
 */
export async function runStdioBridge(options: { dataDir: string; version: string }): Promise<void> {
  const backend = remoteBackend(options);
  const server = createAssistantServer(backend, options.version);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await server.close().catch(() => undefined);
    await backend.close();
    process.exit(0);
  };
  // The client closes our stdin when it is done with us; the SDK does not watch for that.
  process.stdin.once('end', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  await server.connect(new StdioServerTransport());
  console.error(`Maestro MCP (stdio) for the data in ${options.dataDir}`);
}
