import { request } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { repoRoot } from '../helpers/serve-process';

export const stdioEntry = join(repoRoot, 'out/main/mcp.js');

/** The SDK's own client over Streamable HTTP, with the run's token as a bearer header. */
export async function httpClient(mcpUrl: string, token: string): Promise<Client> {
  const client = new Client({ name: 'maestro-test-assistant', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(mcpUrl), {
      requestInit: { headers: { authorization: `Bearer ${token}` } },
    }),
  );
  return client;
}

/** The SDK's own client starting `node out/main/mcp.js --data-dir DIR`, as an assistant would. */
export async function stdioClient(dataDir: string): Promise<{ client: Client; stderr: () => string }> {
  if (!existsSync(stdioEntry)) throw new Error(`${stdioEntry} is missing: run \`npm run build\` first.`);
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [stdioEntry, '--data-dir', dataDir],
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'maestro-test-assistant', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

/** A raw POST, so headers fetch will not let us forge (Host) can be set. */
export function rawPost(
  port: number,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', fail);
    req.end(body);
  });
}

/** A complete MCP tools/call message, as a client would POST it. */
export function toolCallMessage(name: string, args: Record<string, unknown>): string {
  return JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args } });
}

export const mcpPostHeaders = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
} as const;
