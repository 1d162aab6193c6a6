import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAssistantListener, type AssistantListener } from '../../src-main/mcp/assistant-listener';
import { readEndpointFile } from '../../src-main/mcp/endpoint-file';
import { openTempCore, sampleBrand, type TempCore } from '../helpers/temp-core';
import { httpClient, mcpPostHeaders, rawPost, stdioClient, toolCallMessage } from './mcp-test-clients';

let t: TempCore;
let listener: AssistantListener;

beforeEach(async () => {
  t = await openTempCore();
  listener = startAssistantListener({
    core: t.core,
    clock: t.clock,
    version: '0.0.0-test',
    dataDir: t.dir,
    launch: { command: '/opt/Maestro/maestro', args: ['/opt/Maestro/resources/app.asar/out/main/mcp.js'] },
  });
  await listener.settled();
});
afterEach(async () => {
  await listener.close();
  await t.close();
});

const setAssistants = async (on: boolean) => {
  await t.call('settings.set', { values: { mcpEnabled: on } });
  await listener.settled();
};

describe("the desktop app's assistant listener", () => {
  it('listens only while Settings → AI assistants is on, and publishes itself for the stdio bridge', async () => {
    expect(listener.url()).toBeNull();
    expect(readEndpointFile(t.dir)).toBeNull();

    await setAssistants(true);
    const url = listener.url()!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const endpoint = readEndpointFile(t.dir)!;
    expect(endpoint).toMatchObject({ url, pid: process.pid });

    const client = await httpClient(url, endpoint.token);
    const created = await client.callTool({ name: 'brands_create', arguments: { ...sampleBrand } });
    expect(created.structuredContent).toMatchObject({ id: sampleBrand.id });
    await client.close();
    expect(await t.call('activity.list', {})).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ agent: 'assistant', action: 'Assistant: Add a brand' }),
      ]),
    );

    // The stdio bridge a client starts finds this listener through the data folder.
    const { client: bridged } = await stdioClient(t.dir);
    try {
      const listed = await bridged.callTool({ name: 'brands_list', arguments: {} });
      expect(listed.structuredContent).toMatchObject({ items: [{ id: sampleBrand.id }] });
    } finally {
      await bridged.close();
    }

    await setAssistants(false);
    expect(listener.url()).toBeNull();
    expect(readEndpointFile(t.dir)).toBeNull();
    await expect(fetch(url, { method: 'POST' })).rejects.toThrow();
  });

  it('answers only /mcp, to the token, addressed to the loopback', async () => {
    await setAssistants(true);
    const { url, token } = readEndpointFile(t.dir)!;
    const port = Number(new URL(url).port);
    const own = `127.0.0.1:${port}`;
    const message = toolCallMessage('brands_create', { ...sampleBrand });
    const post = (path: string, headers: Record<string, string>) =>
      rawPost(port, path, { ...mcpPostHeaders, ...headers }, message);

    expect((await post('/mcp', { host: own })).status).toBe(401);
    expect((await post('/mcp', { host: own, authorization: 'Bearer not-the-token-0123456789' })).status).toBe(
      401,
    );
    expect(
      (await post('/mcp', { host: `evil.example:${port}`, authorization: `Bearer ${token}` })).status,
    ).toBe(403);
    expect(
      (await post('/api/op/brands.create', { host: own, authorization: `Bearer ${token}` })).status,
    ).toBe(404);
    expect(await t.call('brands.list', {})).toEqual([]);
    expect((await post('/mcp', { host: own, authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await t.call('brands.list', {})).map((b) => b.id)).toEqual([sampleBrand.id]);
  });

  it('gives Settings the configuration to paste', () => {
    expect(listener.clientConfig()).toEqual({
      mcpServers: {
        maestro: {
          command: '/opt/Maestro/maestro',
          args: ['/opt/Maestro/resources/app.asar/out/main/mcp.js'],
        },
      },
    });
  });
});
