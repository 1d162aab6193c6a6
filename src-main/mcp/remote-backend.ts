import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { AppErrorShape, Result } from '../core/contract/errors';
import type { AssistantBackend } from './assistant-server';
import { isProcessAlive, readEndpointFile, type AssistantEndpoint } from './endpoint-file';
import { toolErrorOf, type AssistantToolResult } from './tool-results';

/**
 * How long one forwarded call may take. A burst waits for the language model; the assistant's
 * own client decides how long it is willing to wait, this only keeps a dead call from hanging.
 */
export const BRIDGE_CALL_TIMEOUT_MS = 10 * 60_000;

/** The reason the server gave (its JSON-RPC error message) rather than the SDK's wrapping. */
function reasonOf(error: unknown): string {
  const message = String((error as Error)?.message ?? error);
  const json = /\{.*\}/s.exec(message)?.[0];
  if (json) {
    try {
      const parsed = JSON.parse(json) as { error?: { message?: string }; message?: string };
      const reason = parsed.error?.message ?? parsed.message;
      if (reason) return reason;
    } catch {
      // Not JSON after all: the message as it is.
    }
  }
  return message;
}

/**
 * The stdio bridge's backend: every call goes to the Maestro that owns the data folder, over its
 * `/mcp` (found in the folder's endpoint file), so there is only ever one core per data file, a
 * change shows live in its open window, and the activity log is written where the data is. The
 * file is read before every call, so a restarted Maestro (new port, new token) is found again
 * without restarting the assistant.
 */
export function remoteBackend(options: { dataDir: string; version: string }): AssistantBackend & {
  close(): Promise<void>;
} {
  const { dataDir } = options;
  let connected: { endpoint: AssistantEndpoint; client: Client } | null = null;

  const unreachable = (message: string): AppErrorShape => ({
    code: 'unavailable',
    message,
    details: { dataDir },
  });

  const forget = async () => {
    const previous = connected;
    connected = null;
    await previous?.client.close().catch(() => undefined);
  };

  const connect = async (): Promise<Client | AppErrorShape> => {
    const endpoint = readEndpointFile(dataDir);
    if (!endpoint || !isProcessAlive(endpoint.pid)) {
      await forget();
      return unreachable(
        `Maestro is not running for ${dataDir}, or AI assistants are off there. Open Maestro (the desktop app, or \`npm run serve -- --data-dir ${dataDir}\`), turn on Settings → AI assistants (MCP), and try again.`,
      );
    }
    if (connected && connected.endpoint.url === endpoint.url && connected.endpoint.token === endpoint.token)
      return connected.client;
    await forget();
    const client = new Client({ name: 'maestro-stdio-bridge', version: options.version });
    const transport = new StreamableHTTPClientTransport(new URL(endpoint.url), {
      requestInit: { headers: { authorization: `Bearer ${endpoint.token}` } },
    });
    try {
      await client.connect(transport);
    } catch (error) {
      await client.close().catch(() => undefined);
      return unreachable(`Maestro did not answer at ${endpoint.url}: ${reasonOf(error)}`);
    }
    connected = { endpoint, client };
    return client;
  };

  /** Runs one forwarded request; a failed exchange drops the connection so the next call reconnects. */
  const forward = async <T>(request: (client: Client) => Promise<T>): Promise<Result<T>> => {
    const client = await connect();
    if (!(client instanceof Client)) return { ok: false, error: client };
    try {
      return { ok: true, value: await request(client) };
    } catch (error) {
      // Maestro answered, with a protocol error: the client should see exactly that.
      if (error instanceof McpError) throw error;
      await forget();
      return { ok: false, error: unreachable(`The call to Maestro failed: ${reasonOf(error)}`) };
    }
  };

  const orThrow = <T>(result: Result<T>): T => {
    if (!result.ok)
      throw new McpError(ErrorCode.InternalError, result.error.message, { error: result.error });
    return result.value;
  };

  const requestOptions = { timeout: BRIDGE_CALL_TIMEOUT_MS };
  return {
    async callTool(name, args) {
      const result = await forward(
        (client) =>
          client.callTool(
            { name, arguments: args },
            undefined,
            requestOptions,
          ) as Promise<AssistantToolResult>,
      );
      return result.ok ? result.value : toolErrorOf(result.error);
    },
    readResource: async (uri) =>
      orThrow(await forward((client) => client.readResource({ uri }, requestOptions))),
    getPrompt: async (name) => orThrow(await forward((client) => client.getPrompt({ name }, requestOptions))),
    close: forget,
  };
}
