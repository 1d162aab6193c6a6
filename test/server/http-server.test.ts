import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHeadlessServer, type HeadlessServer, MAX_BODY_BYTES } from '../../src-main/server/http-server';
import { resolveInside } from '../../src-main/server/static-files';
import { openTempCore, sampleBrand, type TempCore } from '../helpers/temp-core';
import { callOperation } from '../helpers/serve-process';

const TOKEN = 'test-token-0123456789abcdef';
let t: TempCore;
let server: HeadlessServer;
let base: string;

beforeEach(async () => {
  t = await openTempCore();
  const rendererDir = join(t.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Maestro</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startHeadlessServer({ core: t.core, token: TOKEN, port: 0, rendererDir });
  base = `http://127.0.0.1:${server.port}`;
});
afterEach(async () => {
  await server.close();
  await t.close();
});

/** Raw request so the Host header can be forged (fetch forbids setting it). */
function rawGet(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('headless server', () => {
  it('prints a URL bound to 127.0.0.1 carrying the run token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=${TOKEN}$`));
  });

  it('refuses every request without the token, API and pages alike', async () => {
    expect((await callOperation(base, null, 'app.health', {})).status).toBe(401);
    expect((await callOperation(base, 'wrong-token-0123456789abcd', 'app.health', {})).body).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect((await fetch(`${base}/`)).status).toBe(401);
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
  });

  it('answers operations with the bearer token', async () => {
    const { status, body } = await callOperation(base, TOKEN, 'app.health', {});
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, value: { status: 'ok' } });
  });

  it('trades ?token= for a same-site cookie and strips it from the address', async () => {
    const first = await fetch(`${base}/brands?token=${TOKEN}`, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/brands');
    const cookie = first.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(`${base}/brands`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Maestro</title>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const asset = await fetch(`${base}/assets/app.js`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    expect(await rawGet('/', { host: `evil.example:${server.port}`, authorization: `Bearer ${TOKEN}` })).toBe(
      401,
    );
    expect(await rawGet('/', { host: `localhost:${server.port}`, authorization: `Bearer ${TOKEN}` })).toBe(
      200,
    );
  });

  it('rejects bodies that are not JSON or too large with typed errors', async () => {
    const notJson = await callOperation(base, TOKEN, 'brands.create', '{"id": "oops",');
    expect(notJson).toMatchObject({ status: 400, body: { ok: false, error: { code: 'invalid_input' } } });
    const huge = await callOperation(
      base,
      TOKEN,
      'brands.create',
      JSON.stringify({ id: 'x'.repeat(MAX_BODY_BYTES + 10) }),
    );
    expect(huge).toMatchObject({
      status: 400,
      body: { ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/larger/) } },
    });
  });

  it('maps error codes to HTTP statuses: unknown operation 404, conflict 409', async () => {
    expect((await callOperation(base, TOKEN, 'nope.nothing', {})).status).toBe(404);
    await callOperation(base, TOKEN, 'brands.create', sampleBrand);
    expect((await callOperation(base, TOKEN, 'brands.create', sampleBrand)).status).toBe(409);
    const get = await fetch(`${base}/api/op/app.health`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(get.status).toBe(405);
  });

  it('streams events to a browser over server-sent events', async () => {
    const controller = new AbortController();
    const response = await fetch(`${base}/api/events`, {
      headers: { authorization: `Bearer ${TOKEN}` },
      signal: controller.signal,
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    await reader.read(); // ": connected"
    await callOperation(base, TOKEN, 'brands.create', sampleBrand);
    let text = '';
    while (!text.includes('event: data.changed'))
      text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain('event: activity');
    expect(text).toContain(`data: {"entity":"brands","id":"${sampleBrand.id}"}`);
    controller.abort();
  });

  it('never serves files outside the renderer folder', () => {
    expect(resolveInside('/srv/renderer', '/../../etc/passwd')).toBeUndefined();
    expect(resolveInside('/srv/renderer', '/%2e%2e/%2e%2e/etc/passwd')).toBeUndefined();
    expect(resolveInside('/srv/renderer', '/assets/../index.html')).toBe('/srv/renderer/index.html');
    expect(resolveInside('/srv/renderer', '/a%00b')).toBeUndefined();
    expect(resolveInside('/srv/renderer', '/%E0%A4%A')).toBeUndefined();
    expect(resolveInside('/srv/renderer', '/assets/app.js')).toBe('/srv/renderer/assets/app.js');
  });
});
