import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAppRequest, type AppProtocolOptions } from '../../src-main/electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../src-main/shared/content-security-policy';
import { makeTempDir } from '../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let options: AppProtocolOptions;
const video = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

beforeAll(() => {
  temp = makeTempDir();
  const rendererDir = join(temp.dir, 'renderer');
  const mediaDir = join(temp.dir, 'data', 'media');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Maestro</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  mkdirSync(join(mediaDir, 'jobs', 'GEN-1'), { recursive: true });
  writeFileSync(join(mediaDir, 'jobs', 'GEN-1', 'video.mp4'), video);
  writeFileSync(join(mediaDir, 'jobs', 'GEN-1', 'thumbnail.png'), Buffer.from('png'));
  writeFileSync(join(mediaDir, 'jobs', 'GEN-1', '.tmp-video.mp4'), video);
  writeFileSync(join(mediaDir, 'jobs', 'GEN-1', 'notes.txt'), 'not media');
  writeFileSync(join(temp.dir, 'data', 'maestro.db'), 'SQLite format 3');
  options = { rendererDir, mediaDir, policy: CONTENT_SECURITY_POLICY };
});
afterAll(() => temp.cleanup());

const get = (url: string, init: RequestInit = {}) => serveAppRequest(new Request(url, init), options);
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('maestro://app', () => {
  it('serves the built renderer; a route without a file extension gets index.html', async () => {
    for (const path of ['/', '/index.html', '/brands/new']) {
      const page = await get(`maestro://app${path}`);
      expect(page.status, path).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect((await bytes(page)).toString()).toContain('<title>Maestro</title>');
    }
    const script = await get('maestro://app/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toContain('immutable');
    expect((await get('maestro://app/assets/missing.js')).status).toBe(404);
  });

  it('answers byte ranges for the video player: 206 with the exact bytes, 416 past the end', async () => {
    const whole = await get('maestro://app/media/jobs/GEN-1/video.mp4');
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('content-length')).toBe('1000');
    expect(await bytes(whole)).toEqual(video);

    const part = await get('maestro://app/media/jobs/GEN-1/video.mp4', {
      headers: { range: 'bytes=100-199' },
    });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(part.headers.get('content-length')).toBe('100');
    expect(part.headers.get('content-type')).toBe('video/mp4');
    expect(await bytes(part)).toEqual(video.subarray(100, 200));

    const open = await get('maestro://app/media/jobs/GEN-1/video.mp4', { headers: { range: 'bytes=990-' } });
    expect(open.headers.get('content-range')).toBe('bytes 990-999/1000');
    const suffix = await get('maestro://app/media/jobs/GEN-1/video.mp4', { headers: { range: 'bytes=-5' } });
    expect(await bytes(suffix)).toEqual(video.subarray(995));

    const past = await get('maestro://app/media/jobs/GEN-1/video.mp4', { headers: { range: 'bytes=5000-' } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe('bytes */1000');

    const head = await get('maestro://app/media/jobs/GEN-1/video.mp4', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('1000');
    expect(head.body).toBeNull();
  });

  it('never serves anything outside the two folders, hidden temp files or other types', async () => {
    for (const url of [
      'maestro://app/media/jobs/GEN-1/.tmp-video.mp4',
      'maestro://app/media/jobs/GEN-1/notes.txt',
      'maestro://app/media/%2e%2e/maestro.db',
      'maestro://app/media/jobs/..%2f..%2fmaestro.db',
      'maestro://app/media/jobs/GEN-1/video.mp4%00.png',
      'maestro://app/%2e%2e/data/maestro.db',
      'maestro://other/media/jobs/GEN-1/video.mp4',
      'https://app/media/jobs/GEN-1/video.mp4',
    ]) {
      const answer = await get(url);
      expect(answer.status, url).toBe(404);
      expect((await bytes(answer)).toString('latin1'), url).not.toContain('SQLite');
    }
    // Dot segments are resolved by URL parsing, so they land in the renderer folder, never above it.
    expect((await bytes(await get('maestro://app/media/../../data/maestro.db'))).toString()).not.toContain(
      'SQLite',
    );
    const post = await get('maestro://app/index.html', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
  });

  it('puts the one CSP, nosniff and a fullscreen-only permissions policy on every answer', async () => {
    for (const answer of [
      await get('maestro://app/'),
      await get('maestro://app/media/jobs/GEN-1/thumbnail.png'),
      await get('maestro://app/media/jobs/GEN-1/video.mp4', { headers: { range: 'bytes=0-1' } }),
      await get('maestro://app/nothing.js'),
      await get('maestro://app/media/nothing.mp4'),
    ]) {
      expect(answer.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('permissions-policy')).toMatch(/^fullscreen=\(self\), camera=\(\)/);
    }
  });

  describe('in development', () => {
    let dev: Server;
    let devUrl: string;
    beforeAll(async () => {
      dev = createServer((req, res) => {
        res.writeHead(200, { 'content-type': 'text/javascript', 'content-security-policy': 'script-src *' });
        res.end(`// ${req.url}`);
      });
      await new Promise<void>((r) => dev.listen(0, '127.0.0.1', r));
      devUrl = `http://127.0.0.1:${(dev.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((r) => dev.close(() => r())));

    it('takes the page from the dev server under our policy, and the media still from disk', async () => {
      const devOptions: AppProtocolOptions = {
        ...options,
        policy: 'dev-policy',
        devServer: { url: devUrl, fetch },
      };
      const module = await serveAppRequest(new Request('maestro://app/src/main.tsx?t=1'), devOptions);
      expect((await bytes(module)).toString()).toBe('// /src/main.tsx?t=1');
      expect(module.headers.get('content-security-policy')).toBe('dev-policy');
      const media = await serveAppRequest(
        new Request('maestro://app/media/jobs/GEN-1/video.mp4', { headers: { range: 'bytes=0-9' } }),
        devOptions,
      );
      expect(media.status).toBe(206);
    });
  });
});
