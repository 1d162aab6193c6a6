import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import packageJson from '../../package.json';
import { createAssistantServer } from './assistant-server';
import { remoteBackend } from './remote-backend';

/**
 * `npm run --silent mcp -- --data-dir DIR` (built: `node out/main/mcp.js --data-dir DIR`): MCP
 * over stdio for clients that start a process. It lists Maestro's tools, resources and prompts
 * itself and hands every call to the Maestro that owns DIR (desktop app or headless server), so
 * one core serves the data and the open window shows what the assistant changed. It loads no
 * database and no native code, so any Node (or the desktop app run as Node) can start it.
 *
 * stdout carries the protocol: everything said to a person goes to stderr.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      // The same default as `npm run serve`.
      'data-dir': { type: 'string', default: process.env.MAESTRO_DATA_DIR ?? join(homedir(), '.maestro') },
    },
    strict: true,
  });
  const dataDir = resolve(values['data-dir']);
  const backend = remoteBackend({ dataDir, version: packageJson.version });
  const server = createAssistantServer(backend, packageJson.version);
  const transport = new StdioServerTransport();

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

  await server.connect(transport);
  console.error(`Maestro MCP (stdio) for the data in ${dataDir}`);
}

main().catch((error: unknown) => {
  console.error(`Maestro MCP could not start.\n${String((error as Error)?.stack ?? error)}`);
  process.exit(1);
});
