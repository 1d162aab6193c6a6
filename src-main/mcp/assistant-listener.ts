import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/app';
import { isAllowedHost, newRunToken, tokenSource } from '../server/auth';
import type { AssistantClientConfig } from './client-config';
import { removeEndpointFile, writeEndpointFile } from './endpoint-file';
import type { AssistantAccess, AssistantAccessOptions } from './http-endpoint';
import { lazyAssistantAccess } from './lazy-access';
import { assistantHttpPaths } from './paths';

const MCP_PATH = assistantHttpPaths.mcp;

export interface SettingFollower {
  /** Resolves once the latest change has been applied (tests, shutdown). */
  settled(): Promise<void>;
  /** Stops following and applies "off" one last time. */
  stop(): Promise<void>;
}

/**
 * Applies Settings → AI assistants now and after every settings change, one change at a time,
 * so a quick on-off-on never leaves two listeners or a file for a closed one.
 */
export function followAssistantSetting(
  core: Pick<Core, 'events'>,
  access: AssistantAccess,
  apply: (on: boolean) => Promise<void>,
): SettingFollower {
  let queue = Promise.resolve();
  let stopped = false;
  const enqueue = (decide: () => Promise<boolean>) => {
    queue = queue
      .then(async () => apply(await decide()))
      .catch((error: unknown) => console.error('AI assistants: could not apply the setting', error));
  };
  enqueue(() => access.isEnabled());
  const unsubscribe = core.events.subscribe((event) => {
    if (!stopped && event.stream === 'data.changed' && event.payload.entity === 'settings')
      enqueue(() => access.isEnabled());
  });
  return {
    settled: () => queue,
    stop: async () => {
      stopped = true;
      unsubscribe();
      enqueue(async () => false);
      await queue;
    },
  };
}

/**
 * The headless server already listens: while assistants are on, its `/mcp` and token are
 * published in the data folder for the stdio bridge; while off, the file is gone.
 */
export function publishEndpointWhileEnabled(options: {
  core: Pick<Core, 'events'>;
  access: AssistantAccess;
  dataDir: string;
  url: string;
  token: string;
}): SettingFollower {
  const { dataDir, url, token } = options;
  return followAssistantSetting(options.core, options.access, async (on) => {
    if (on) writeEndpointFile(dataDir, { url, token, pid: process.pid });
    else removeEndpointFile(dataDir, token);
  });
}

export interface AssistantListener {
  clientConfig(): AssistantClientConfig;
  /** The listener's address while assistants are on (tests). */
  url(): string | null;
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * For the desktop app, which has no HTTP server of its own: while Settings → AI assistants is
 * on, a listener on 127.0.0.1 (a free port, a fresh token) that serves only `/mcp`, with the
 * same Host and token checks as the headless server, published in the data folder. While it is
 * off, nothing listens at all.
 */
export function startAssistantListener(
  options: AssistantAccessOptions & { dataDir: string },
): AssistantListener {
  const access = lazyAssistantAccess(options);
  let running: { server: Server; url: string; token: string } | null = null;

  const open = async () => {
    const token = newRunToken();
    let port = 0;
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      if (!isAllowedHost(req, port)) {
        res.writeHead(403).end('Requests must be addressed to 127.0.0.1 or localhost.');
      } else if (!tokenSource(req, new URL(req.url ?? '/', 'http://127.0.0.1'), token)) {
        res.writeHead(401, { 'www-authenticate': 'Bearer' }).end('Missing or wrong token.');
      } else if (path !== MCP_PATH) {
        res.writeHead(404).end();
      } else {
        access.handle(req, res, port).catch((error: unknown) => {
          if (!res.headersSent) res.writeHead(500);
          res.end(String((error as Error)?.message ?? error));
        });
      }
    });
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(0, '127.0.0.1', () => done());
    });
    port = (server.address() as AddressInfo).port;
    running = { server, url: `http://127.0.0.1:${port}${MCP_PATH}`, token };
    writeEndpointFile(options.dataDir, { url: running.url, token, pid: process.pid });
  };

  const shut = async () => {
    if (!running) return;
    const { server, token } = running;
    running = null;
    removeEndpointFile(options.dataDir, token);
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  };

  const follower = followAssistantSetting(options.core, access, async (on) => {
    if (on && !running) await open();
    else if (!on) await shut();
  });

  return {
    clientConfig: () => access.clientConfig(),
    url: () => running?.url ?? null,
    settled: () => follower.settled(),
    close: () => follower.stop(),
  };
}
