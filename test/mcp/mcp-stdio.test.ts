import { statSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { operationNames } from '../../src-main/core/contract/operations';
import { endpointFilePath, readEndpointFile } from '../../src-main/mcp/endpoint-file';
import { contentLlm } from '../fakes/fake-content-llm';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/fake-openai-server';
import { callOperation, repoRoot, startServeProcess, type ServeProcess } from '../helpers/serve-process';
import { makeTempDir } from '../helpers/temp-dir';
import { tapEvents, type EventTap } from '../helpers/event-tap';
import { httpClient, stdioClient } from './mcp-test-clients';

const temp = makeTempDir();
let server: ServeProcess | undefined;
let fake: FakeOpenAi | undefined;
let assistant: Client | undefined;
let tap: EventTap | undefined;
afterAll(async () => {
  tap?.close();
  await assistant?.close();
  await server?.stop();
  await fake?.close();
  temp.cleanup();
});

async function ok(name: string, body: unknown) {
  const { status, body: result } = await callOperation(server!.base, server!.token, name, body);
  if (status !== 200) throw new Error(`${name}: ${JSON.stringify(result)}`);
  return result.value;
}

type ToolAnswer = { isError?: boolean; structuredContent?: Record<string, unknown>; content: unknown };
const call = async (name: string, args: Record<string, unknown> = {}) =>
  (await assistant!.callTool({ name, arguments: args })) as ToolAnswer;
const textOf = (answer: ToolAnswer) => (answer.content as Array<{ text: string }>)[0]!.text;
const brandIds = async () => ((await ok('brands.list', {})) as Array<{ id: string }>).map((b) => b.id);

const brand = (id: string) => ({
  id,
  displayName: id.toUpperCase(),
  instagramHandle: `@${id}`,
  colors: { primary: '#123456', accent: '#abcdef' },
});

describe('MCP over stdio (npm run mcp -- --data-dir DIR), bridged to the Maestro that owns the data', () => {
  it('lists every tool at once, says plainly when Maestro is not reachable, then drives the running server: reads, a brand, a burst and an accepted proposal, live in the UI', async () => {
    const started = await stdioClient(temp.dir);
    assistant = started.client;
    expect(started.stderr()).not.toMatch(/could not start/);

    // Nothing runs for this folder yet: the tools are listed anyway, and a call says what to do.
    const { tools } = await assistant.listTools();
    expect(tools).toHaveLength(operationNames.length);
    expect(tools.every((tool) => tool.inputSchema.type === 'object')).toBe(true);
    const early = await call('brands_list');
    expect(early.isError).toBe(true);
    expect(early.structuredContent).toMatchObject({ error: { code: 'unavailable' } });
    expect(textOf(early)).toMatch(/not running .*turn on Settings → AI assistants \(MCP\)/);

    fake = await startFakeOpenAi({
      apiKey: 'sk-mcp-stdio',
      respond: contentLlm({ rejectTitle: () => true }).respond,
    });
    server = await startServeProcess(temp.dir);
    await ok('settings.set', {
      values: {
        llmBaseUrl: fake.baseUrl,
        reelsPerBrand: 2,
        postsPerBrand: 0,
        spawnAgentPerBrand: false,
        renderConcurrency: 1,
      },
    });
    await ok('secrets.set', { key: 'llm.apiKey', value: 'sk-mcp-stdio' });
    await ok('brands.create', brand('alpha'));

    // Running, but assistants are still off (the default): no endpoint is published.
    expect(readEndpointFile(temp.dir)).toBeNull();
    expect(textOf(await call('brands_list'))).toMatch(/AI assistants are off/);

    await ok('settings.set', { values: { mcpEnabled: true } });
    await vi.waitFor(() => expect(readEndpointFile(temp.dir)?.url).toBe(`${server!.base}/mcp`));
    // Only the owner may read the token.
    expect(statSync(endpointFilePath(temp.dir)).mode & 0o777).toBe(0o600);

    tap = await tapEvents(server.base, server.token);
    const listed = await call('brands_list');
    expect(listed.isError).toBeFalsy();
    expect(listed.structuredContent).toMatchObject({ items: [{ id: 'alpha' }] });

    const created = await call('brands_create', brand('bravo'));
    expect(created.structuredContent).toMatchObject({ id: 'bravo', displayName: 'BRAVO' });
    expect(await brandIds()).toEqual(['alpha', 'bravo']);
    await tap.waitFor(
      (e) => e.stream === 'data.changed' && JSON.stringify(e.payload) === '{"entity":"brands","id":"bravo"}',
    );

    const refused = await call('brands_create', {
      ...brand('charlie'),
      colors: { primary: 'blue', accent: '#abcdef' },
    });
    expect(refused.isError).toBe(true);
    expect(refused.structuredContent).toMatchObject({
      error: { code: 'invalid_input', details: { fields: [{ path: 'colors.primary' }] } },
    });
    expect(textOf(refused)).toMatch(/^- colors\.primary: /m);
    expect(await brandIds()).toEqual(['alpha', 'bravo']);

    // A burst started by the assistant; the examiner rejects both reels; the assistant accepts one.
    expect((await call('maestro_trigger_burst')).isError).toBeFalsy();
    await vi.waitFor(
      async () =>
        expect(await ok('maestro.overview', {})).toMatchObject({ latestBurst: { status: 'completed' } }),
      { timeout: 30_000, interval: 100 },
    );
    const queue = await call('proposals_list', { statuses: ['rejected'] });
    const [first] = (queue.structuredContent as { items: Array<{ proposalId: string }> }).items;
    expect(first).toBeDefined();
    const accepted = await call('proposals_accept', { proposalId: first!.proposalId });
    expect(accepted.structuredContent).toMatchObject({ proposalId: first!.proposalId, status: 'accepted' });
    await tap.waitFor(
      (e) => e.stream === 'data.changed' && (e.payload as { entity: string }).entity === 'proposals',
    );
    await tap.waitFor(
      (e) =>
        e.stream === 'activity' &&
        (e.payload as { agent: string }).agent === 'assistant' &&
        (e.payload as { action: string }).action === 'Assistant: Accept a proposal',
    );

    const log = (await ok('activity.list', { limit: 200 })) as Array<{
      agent: string | null;
      action: string;
    }>;
    expect(
      log
        .filter((entry) => entry.agent === 'assistant')
        .map((entry) => entry.action)
        .reverse(),
    ).toEqual([
      'Assistant: Brands, newest last',
      'Assistant: Add a brand',
      'Assistant: Add a brand',
      'Assistant: Generate what today still lacks, now',
      'Assistant: Review queue, newest first',
      'Assistant: Accept a proposal',
    ]);
  });

  it('serves the same over Streamable HTTP, and shows Settings the command that starts this bridge', async () => {
    const client = await httpClient(`${server!.base}/mcp`, server!.token);
    try {
      expect((await client.listTools()).tools).toHaveLength(operationNames.length);
      const answer = (await client.callTool({
        name: 'brands_get',
        arguments: { id: 'bravo' },
      })) as ToolAnswer;
      expect(answer.structuredContent).toMatchObject({ id: 'bravo' });
    } finally {
      await client.close();
    }
    const response = await fetch(`${server!.base}/api/assistant-config`, {
      headers: { authorization: `Bearer ${server!.token}` },
    });
    expect(await response.json()).toEqual({
      ok: true,
      value: {
        mcpServers: {
          maestro: {
            command: process.execPath,
            args: [`${repoRoot}/out/main/mcp.js`, '--data-dir', temp.dir],
          },
        },
      },
    });
  });

  it('finds Maestro again after a restart (new port, new token) without restarting the assistant', async () => {
    await server!.stop();
    // A clean stop takes the endpoint down with it.
    expect(readEndpointFile(temp.dir)).toBeNull();
    expect((await call('brands_list')).structuredContent).toMatchObject({ error: { code: 'unavailable' } });

    server = await startServeProcess(temp.dir);
    await vi.waitFor(() => expect(readEndpointFile(temp.dir)?.url).toBe(`${server!.base}/mcp`));
    const listed = await call('brands_list');
    expect(listed.structuredContent).toMatchObject({ items: [{ id: 'alpha' }, { id: 'bravo' }] });
  });

  it('starts as the issue says, `npm run mcp -- --data-dir DIR`, from the repository', async () => {
    const other = makeTempDir();
    const client = new Client({ name: 'maestro-test-assistant', version: '1.0.0' });
    // npm prints its banner on stdout first; the SDK's client skips a line that is not JSON-RPC.
    client.onerror = () => undefined;
    await client.connect(
      new StdioClientTransport({
        command: process.platform === 'win32' ? 'npm.cmd' : 'npm',
        args: ['run', 'mcp', '--', '--data-dir', other.dir],
        cwd: repoRoot,
        stderr: 'pipe',
      }),
    );
    try {
      expect((await client.listTools()).tools).toHaveLength(operationNames.length);
      const answer = (await client.callTool({ name: 'brands_list', arguments: {} })) as ToolAnswer;
      expect(textOf(answer)).toContain(`Maestro is not running for ${other.dir}`);
    } finally {
      await client.close();
      other.cleanup();
    }
  });
});
