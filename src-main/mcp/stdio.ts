import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json';
import { runStdioBridge } from './stdio-bridge';

/**
 * `npm run --silent mcp -- --data-dir DIR` (built: `node out/main/mcp.js --data-dir DIR`): MCP
 * over stdio for clients that start a process, as a bridge to the running Maestro of DIR. Any
 * Node can start it; the desktop app serves the same bridge as `Maestro --mcp-stdio`.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      // The same default as `npm run serve`.
      'data-dir': { type: 'string', default: process.env.MAESTRO_DATA_DIR ?? join(homedir(), '.maestro') },
    },
    strict: true,
  });
  await runStdioBridge({ dataDir: resolve(values['data-dir']), version: packageJson.version });
}

main().catch((error: unknown) => {
  console.error(`Maestro MCP could not start.\n${String((error as Error)?.stack ?? error)}`);
  process.exit(1);
});
