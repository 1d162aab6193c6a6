import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTempCore, sampleBrand, type TempCore } from '../../helpers/temp-core';

const KEY = 'sk-images-test-123456';
const png = readFileSync(join(__dirname, '../../../resources/tray-icon.png'));

interface Seen {
  path: string;
  authorization: string | undefined;
  body: { model?: string; prompt?: string; size?: string; response_format?: string };
}

/** A strict stand-in for POST /v1/images/generations (OpenAI images API shape). */
async function startFakeImages(
  mode: 'ok' | 'fail',
): Promise<{ baseUrl: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(text || '{}') as Seen['body'];
      seen.push({ path: req.url ?? '', authorization: req.headers.authorization, body });
      if (req.headers.authorization !== `Bearer ${KEY}`) {
        res
          .writeHead(401, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'bad key' } }));
      } else if (mode === 'fail' || !body.model || !body.prompt) {
        res
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'overloaded' } }));
      } else {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ created: 1, data: [{ b64_json: png.toString('base64') }] }));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, seen, server };
}

let t: TempCore | undefined;
let fake: Awaited<ReturnType<typeof startFakeImages>> | undefined;
afterEach(async () => {
  await t?.close();
  fake?.server.close();
});

async function renderWithImages(mode: 'ok' | 'fail') {
  fake = await startFakeImages(mode);
  t = await openTempCore();
  await t.call('settings.set', { values: { imagesBaseUrl: fake.baseUrl, imagesModel: 'gpt-image-1' } });
  await t.call('secrets.set', { key: 'images.apiKey', value: KEY });
  await t.call('brands.create', sampleBrand);
  const job = await t.call('jobs.create', {
    brandId: sampleBrand.id,
    variant: 'dark',
    title: 'WHY MAGNESIUM CHANGES YOUR SLEEP',
    contentLines: ['Magnesium - calms the nervous system', 'Evening dose - supports deeper sleep'],
    imagePrompt: 'A calm bedroom at dawn. No text, no letters, no numbers, no symbols, no logos.',
  });
  await t.core.jobs.queue.idle();
  return t.call('jobs.get', { id: job.id });
}

describe('reel backgrounds from a configured images API', () => {
  it('asks the configured service with the stored key and uses its picture', async () => {
    const job = await renderWithImages('ok');
    expect(job.status).toBe('completed');
    expect(job.render?.background).toBe(`gpt-image-1 at ${fake!.baseUrl}`);
    expect(fake!.seen).toHaveLength(1);
    expect(fake!.seen[0]).toMatchObject({
      path: '/v1/images/generations',
      authorization: `Bearer ${KEY}`,
      body: {
        model: 'gpt-image-1',
        size: '1024x1792',
        response_format: 'b64_json',
        prompt: expect.stringContaining('calm bedroom'),
      },
    });
    expect((await t!.call('settings.get')).secrets.imagesApiKey).toBe(true);
  });

  it('falls back to the brand gradient when the service fails, saying why, and still finishes', async () => {
    const job = await renderWithImages('fail');
    expect(job.status).toBe('completed');
    expect(job.render?.background).toMatch(/^generated gradient \(gpt-image-1 at .* failed: .*500/);
  });
});
