import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { ActivityLog } from '../core/activity/activity-log';
import type { Core } from '../core/app';
import type { Clock } from '../core/ports/clock';
import { MAX_BODY_BYTES, readBody } from '../server/request-body';
import { createAssistantServer } from './assistant-server';
import { assistantsEnabled } from './assistant-setting';
import { clientConfigOf, type AssistantClientConfig, type StdioLaunch } from './client-config';
import { coreBackend } from './core-backend';
import { assistantHttpPaths } from './paths';

/** The path both the headless server and the desktop's assistant listener serve MCP on. */
export const MCP_PATH = assistantHttpPaths.mcp;

export const ASSISTANTS_OFF_MESSAGE =
  'AI assistants are turned off in Maestro. Turn on Settings → AI assistants (MCP) to let an assistant use it.';

export interface AssistantAccessOptions {
  core: Pick<Core, 'invoke' | 'events' | 'store'>;
  /** The core's clock: activity entries and "the next 7 days" agree with everything else. */
  clock: Clock;
  version: string;
  /** How a client starts the stdio bridge to this process (shown in Settings). */
  launch: StdioLaunch;
}

/** MCP over Streamable HTTP for one process that owns the data, behind its caller's auth. */
export interface AssistantAccess {
  /** Settings → AI assistants (MCP); off by default. */
  isEnabled(): Promise<boolean>;
  /**
   * Answers one request to MCP_PATH. The caller has already checked the Host header and the
   * run's token; this refuses pages from other origins and everything while assistants are off.
   */
  handle(req: IncomingMessage, res: ServerResponse, port: number): Promise<void>;
  clientConfig(): AssistantClientConfig;
}

function sendRpcError(res: ServerResponse, status: number, code: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
}

/**
 * Assistants call from a process, not a page. A browser always says where a request comes from;
 * one from a page on another origin is refused even with a stolen token (MCP's DNS-rebinding
 * advice, on top of the Host check).
 */
function isForeignOrigin(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return (
    origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`
  );
}

/** JSON-RPC's "server error" range: the request was understood and refused. */
const REFUSED = -32000;

export function createAssistantAccess(options: AssistantAccessOptions): AssistantAccess {
  const { core, clock, version, launch } = options;
  // The store is read per entry: the headless core reopens it after a restore from backup.
  const backend = coreBackend({
    invoke: (name, payload) => core.invoke(name, payload),
    record: (entry) => new ActivityLog(core.store.db, clock, core.events).record(entry),
    clock,
  });

  return {
    isEnabled: () => assistantsEnabled(core),
    clientConfig: () => clientConfigOf(launch),
    async handle(req, res, port) {
      if (isForeignOrigin(req, port)) {
        sendRpcError(res, 403, REFUSED, 'Requests from web pages are refused.');
        return;
      }
      // Stateless: every POST stands alone, so there is no event stream to GET and no session
      // to DELETE (the spec's answer for both is 405).
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        sendRpcError(res, 405, REFUSED, 'MCP messages are sent with POST; this server keeps no sessions.');
        return;
      }
      if (!(await assistantsEnabled(core))) {
        sendRpcError(res, 403, REFUSED, ASSISTANTS_OFF_MESSAGE);
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch (error) {
        const tooLarge = (error as Error).message === 'too_large';
        sendRpcError(
          res,
          tooLarge ? 413 : 400,
          ErrorCode.ParseError,
          tooLarge
            ? `The request body is larger than ${MAX_BODY_BYTES} bytes.`
            : 'The request body is not valid JSON.',
        );
        return;
      }
      // A fresh server and transport per request: nothing from one client leaks into another's.
      const server = createAssistantServer(backend, version);
      const transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: undefined,
        enableJsonResponse: true,
      });
      res.on('close', () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(req, res, body);
    },
  };
}
