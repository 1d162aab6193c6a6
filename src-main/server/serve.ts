import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createRestartableCore } from '../core/restartable-core';
import { AppError } from '../core/contract/errors';
import { offsetClock, systemClock } from '../core/ports/clock';
import { publishEndpointWhileEnabled } from '../mcp/assistant-listener';
import { stdioEntryBeside, stdioLaunch } from '../mcp/client-config';
import { lazyAssistantAccess } from '../mcp/lazy-access';
import { assistantHttpPaths } from '../mcp/paths';
import packageJson from '../../package.json';
import { newRunToken } from './auth';
import { startHeadlessServer } from './http-server';

/** `npm run serve -- --port 0 --data-dir DIR`: the whole app in a browser, without Electron. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.MAESTRO_PORT ?? '7357' },
      'data-dir': { type: 'string', default: process.env.MAESTRO_DATA_DIR ?? join(homedir(), '.maestro') },
      /** Run as if it were this time (real speed from there): for demos and tests. */
      'clock-start': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, got "${values.port}"`);
  const dataDir = resolve(values['data-dir']);

  const clockStart = values['clock-start'];
  if (clockStart !== undefined && Number.isNaN(Date.parse(clockStart)))
    throw new Error(`--clock-start must be an ISO date-time, got "${clockStart}"`);
  const clock = clockStart ? offsetClock(new Date(clockStart)) : systemClock;
  // Restarted in-process after a restore from backup; the server keeps serving this object.
  const core = await createRestartableCore({ dataDir, appVersion: packageJson.version, clock });
  const token = newRunToken();
  const assistants = lazyAssistantAccess({
    core,
    clock,
    version: packageJson.version,
    launch: stdioLaunch({ execPath: process.execPath, entry: stdioEntryBeside(__dirname), dataDir }),
  });
  const server = await startHeadlessServer({
    core,
    token,
    port,
    rendererDir: join(__dirname, '../renderer'),
    assistants,
  });
  const mcpUrl = `http://127.0.0.1:${server.port}${assistantHttpPaths.mcp}`;
  const published = publishEndpointWhileEnabled({ core, access: assistants, dataDir, url: mcpUrl, token });
  console.log(`Maestro headless control room (data in ${dataDir})`);
  console.log(`Open: ${server.url}`);
  console.log(`AI assistants (MCP, when on in Settings): ${mcpUrl} with this run's token as Bearer`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await published.stop();
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  const message =
    error instanceof AppError ? `${error.code}: ${error.message}` : String((error as Error)?.stack ?? error);
  console.error(`Maestro could not start.\n${message}`);
  process.exit(1);
});
