import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operationNames } from '../../src-main/core/contract/operations';
import { createAssistantAccess } from '../../src-main/mcp/http-endpoint';
import { startHeadlessServer, type HeadlessServer } from '../../src-main/server/http-server';
import { openBurstHarness, type BurstHarness } from '../helpers/burst-harness';
import { sampleBrand } from '../helpers/temp-core';
import { tapEvents, type EventTap } from '../helpers/event-tap';
import { httpClient, mcpPostHeaders, rawPost, toolCallMessage } from './mcp-test-clients';

const TOKEN = 'test-token-0123456789abcdef';
let h: BurstHarness;
let server: HeadlessServer;
let base: string;
let mcpUrl: string;
let client: Client | undefined;
let tap: EventTap | undefined;

beforeEach(async () => {
  // One brand whose proposals the examiner rejects, so there is something to accept.
  h = await openBurstHarness({
    brands: 1,
    llm: { rejectTitle: () => true },
    settings: { reelsPerBrand: 2, postsPerBrand: 0 },
  });
  const rendererDir = join(h.t.dir, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Maestro</title>');
  const assistants = createAssistantAccess({
    core: h.t.core,
    clock: h.t.clock,
    version: '0.0.0-test',
    launch: { command: '/usr/bin/node', args: ['/app/out/main/mcp.js', '--data-dir', h.t.dir] },
  });
  server = await startHeadlessServer({ core: h.t.core, token: TOKEN, port: 0, rendererDir, assistants });
  base = `http://127.0.0.1:${server.port}`;
  mcpUrl = `${base}/mcp`;
});
afterEach(async () => {
  tap?.close();
  await client?.close();
  client = undefined;
  await server.close();
  await h.close();
});

const turnOn = () => h.t.call('settings.set', { values: { mcpEnabled: true } });
const brandRows = () => h.query<{ id: string }>('SELECT id FROM brands ORDER BY id');
const assistantEntries = () =>
  h.query<{ action: string; detail: string; level: string }>(
    "SELECT action, detail, level FROM activity_log WHERE agent = 'assistant' ORDER BY id",
  );

describe('MCP over Streamable HTTP on the headless server', () => {
  it('is off by default: an assistant is told how to turn it on, and nothing runs', async () => {
    await expect(httpClient(mcpUrl, TOKEN)).rejects.toThrow(/Settings → AI assistants \(MCP\)/);
    const post = await rawPost(
      server.port,
      '/mcp',
      { ...mcpPostHeaders, host: `127.0.0.1:${server.port}`, authorization: `Bearer ${TOKEN}` },
      toolCallMessage('brands_create', { ...sampleBrand }),
    );
    expect(post.status).toBe(403);
    expect(brandRows()).toEqual([{ id: 'brand-1' }]);
  });

  it('lists one tool per operation, each with an input schema and annotations from the contract', async () => {
    await turnOn();
    client = await httpClient(mcpUrl, TOKEN);
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(operationNames.length);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.description).toBeTruthy();
    }
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    expect(byName.get('brands_list')?.annotations).toMatchObject({ readOnlyHint: true });
    expect(byName.get('proposals_accept')?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: false,
    });
    expect(byName.get('brands_delete')?.annotations).toMatchObject({
      readOnlyHint: false,
      destructiveHint: true,
    });
    expect(client.getServerVersion()?.name).toBe('maestro');
  });

  it('reads, creates a brand and accepts a proposal through the dispatcher; the UI hears each change live and the activity log names the assistant', async () => {
    await turnOn();
    await h.t.core.bursts.runner.start('smart');
    await h.t.core.bursts.runner.settled();
    const [rejected] = h.query<{ proposal_id: string }>(
      "SELECT proposal_id FROM proposals WHERE status = 'rejected' ORDER BY id",
    );
    expect(rejected).toBeDefined();
    tap = await tapEvents(base, TOKEN);
    client = await httpClient(mcpUrl, TOKEN);

    const list = await client.callTool({ name: 'brands_list', arguments: {} });
    expect(list.isError).toBeFalsy();
    expect(list.structuredContent).toMatchObject({ items: [{ id: 'brand-1' }] });
    expect((list.content as Array<{ text: string }>)[0]!.text).toMatch(/^brands\.list: 1 item\./);

    const created = await client.callTool({ name: 'brands_create', arguments: { ...sampleBrand } });
    expect(created.isError).toBeFalsy();
    expect(created.structuredContent).toMatchObject({
      id: sampleBrand.id,
      displayName: sampleBrand.displayName,
    });
    expect(brandRows().map((b) => b.id)).toContain(sampleBrand.id);
    await tap.waitFor(
      (e) =>
        e.stream === 'data.changed' &&
        (e.payload as { entity: string; id?: string }).entity === 'brands' &&
        (e.payload as { id?: string }).id === sampleBrand.id,
    );

    const accepted = await client.callTool({
      name: 'proposals_accept',
      arguments: { proposalId: rejected!.proposal_id, note: 'Good hook after all' },
    });
    expect(accepted.isError).toBeFalsy();
    expect(accepted.structuredContent).toMatchObject({
      proposalId: rejected!.proposal_id,
      status: 'accepted',
    });
    expect(h.query('SELECT status FROM proposals WHERE proposal_id = ?', rejected!.proposal_id)).toEqual([
      { status: 'accepted' },
    ]);
    await tap.waitFor(
      (e) => e.stream === 'data.changed' && (e.payload as { entity: string }).entity === 'proposals',
    );
    await tap.waitFor(
      (e) =>
        e.stream === 'activity' &&
        (e.payload as { agent: string; action: string }).agent === 'assistant' &&
        (e.payload as { action: string }).action === 'Assistant: Accept a proposal',
    );

    expect(assistantEntries()).toEqual([
      { action: 'Assistant: Brands, newest last', detail: 'brands.list {} (tool) → done', level: 'api' },
      expect.objectContaining({ action: 'Assistant: Add a brand', level: 'action' }),
      {
        action: 'Assistant: Accept a proposal',
        detail: `proposals.accept {"proposalId":"${rejected!.proposal_id}","note":"Good hook after all"} (tool) → done`,
        level: 'action',
      },
    ]);
  });

  it('answers bad input with the field errors the UI gets, as a tool error, and writes nothing', async () => {
    await turnOn();
    client = await httpClient(mcpUrl, TOKEN);
    const before = h.query('SELECT COUNT(*) AS n FROM brands');
    const result = await client.callTool({
      name: 'brands_create',
      arguments: { id: 'Not An Id!', displayName: '', colors: { primary: 'red' } },
    });
    expect(result.isError).toBe(true);
    const { error } = result.structuredContent as {
      error: { code: string; details: { fields: Array<{ path: string; message: string }> } };
    };
    expect(error.code).toBe('invalid_input');
    const paths = error.details.fields.map((f) => f.path);
    expect(paths).toEqual(['id', 'displayName', 'colors.primary', 'colors.accent']);
    const text = (result.content as Array<{ text: string }>)[0]!.text;
    expect(text).toMatch(/^invalid_input: Invalid input for brands\.create/);
    expect(text).toMatch(/^- displayName: Required$/m);
    expect(h.query('SELECT COUNT(*) AS n FROM brands')).toEqual(before);
    // The refusal is in the log too, so the creator sees what the assistant tried.
    expect(assistantEntries()).toEqual([
      expect.objectContaining({ action: 'Assistant: Add a brand', level: 'error' }),
    ]);
  });

  it('refuses a call without the token, from a foreign Host or from a web page, before anything runs', async () => {
    await turnOn();
    const message = toolCallMessage('brands_create', { ...sampleBrand });
    const own = `127.0.0.1:${server.port}`;
    const noToken = await rawPost(server.port, '/mcp', { ...mcpPostHeaders, host: own }, message);
    expect(noToken.status).toBe(401);
    await expect(httpClient(mcpUrl, 'wrong-token-0123456789abcd')).rejects.toThrow(/401|token/i);

    const foreignHost = await rawPost(
      server.port,
      '/mcp',
      {
        ...mcpPostHeaders,
        host: `maestro.attacker.example:${server.port}`,
        authorization: `Bearer ${TOKEN}`,
      },
      message,
    );
    expect(foreignHost.status).toBe(401);
    expect(foreignHost.body).toMatch(/127\.0\.0\.1 or localhost/);

    const fromPage = await rawPost(
      server.port,
      '/mcp',
      { ...mcpPostHeaders, host: own, origin: 'https://attacker.example', authorization: `Bearer ${TOKEN}` },
      message,
    );
    expect(fromPage.status).toBe(403);
    expect(brandRows()).toEqual([{ id: 'brand-1' }]);
    expect(assistantEntries()).toEqual([]);

    // The same message with everything right does run: the refusals above were the checks.
    const allowed = await rawPost(
      server.port,
      '/mcp',
      { ...mcpPostHeaders, host: own, authorization: `Bearer ${TOKEN}` },
      message,
    );
    expect(allowed.status).toBe(200);
    expect(brandRows().map((b) => b.id)).toContain(sampleBrand.id);
  });

  it('offers today, the review queue and the next 7 days as resources, and a review prompt with the queue attached', async () => {
    await turnOn();
    await h.t.core.bursts.runner.start('smart');
    await h.t.core.bursts.runner.settled();
    client = await httpClient(mcpUrl, TOKEN);
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual([
      'maestro://today',
      'maestro://review-queue',
      'maestro://calendar/next-7-days',
    ]);
    const today = await client.readResource({ uri: 'maestro://today' });
    expect(JSON.parse((today.contents[0] as { text: string }).text)).toMatchObject({
      latestBurst: { kind: 'smart', status: 'completed' },
      quota: [{ brandId: 'brand-1' }],
    });
    const calendar = await client.readResource({ uri: 'maestro://calendar/next-7-days' });
    expect(JSON.parse((calendar.contents[0] as { text: string }).text)).toMatchObject({ items: [] });

    const { prompts } = await client.listPrompts();
    expect(prompts).toEqual([expect.objectContaining({ name: 'review_todays_proposals' })]);
    const prompt = await client.getPrompt({ name: 'review_todays_proposals' });
    expect(prompt.messages[0]!.content).toMatchObject({ type: 'text' });
    expect((prompt.messages[0]!.content as { text: string }).text).toMatch(/proposals_accept/);
    expect(prompt.messages[1]!.content).toMatchObject({
      type: 'resource',
      resource: { uri: 'maestro://review-queue', mimeType: 'application/json' },
    });
    await expect(client.readResource({ uri: 'maestro://nowhere' })).rejects.toThrow(/no resource/);
    await expect(client.callTool({ name: 'brands_explode', arguments: {} })).rejects.toThrow(/no tool/);
  });

  it('tells the settings page what to paste into a client', async () => {
    const response = await fetch(`${base}/api/assistant-config`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(await response.json()).toEqual({
      ok: true,
      value: {
        mcpServers: {
          maestro: { command: '/usr/bin/node', args: ['/app/out/main/mcp.js', '--data-dir', h.t.dir] },
        },
      },
    });
  });
});
