import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHeadlessServer, type HeadlessServer } from '../../src-main/server/http-server';
import { openTempCore, type TempCore } from '../helpers/temp-core';

const TOKEN = 'media-token-0123456789abcdef';
let t: TempCore;
let server: HeadlessServer;
let base: string;
const video = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

beforeAll(async () => {
  t = await openTempCore({ autoStart: false });
  const jobDir = join(t.core.jobs.mediaDir, 'jobs', 'GEN-123456');
  mkdirSync(jobDir, { recursive: true });
  writeFileSync(join(jobDir, 'video.mp4'), video);
  writeFileSync(join(jobDir, '.tmp-a1-video.mp4'), video);
  writeFileSync(join(jobDir, 'notes.txt'), 'not media');
  mkdirSync(join(t.dir, 'renderer'));
  server = await startHeadlessServer({
    core: t.core,
    token: TOKEN,
    port: 0,
    rendererDir: join(t.dir, 'renderer'),
  });
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  await t.close();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { headers: { authorization: `Bearer ${TOKEN}`, ...headers } });

describe('GET /media/…', () => {
  it('serves a rendered file with its type, and byte ranges for seeking', async () => {
    const whole = await get('/media/jobs/GEN-123456/video.mp4');
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(video);
    const part = await get('/media/jobs/GEN-123456/video.mp4', { range: 'bytes=10-19' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 10-19/1000');
    expect(Buffer.from(await part.arrayBuffer())).toEqual(video.subarray(10, 20));
    expect((await get('/media/jobs/GEN-123456/video.mp4', { range: 'bytes=5000-' })).status).toBe(416);
  });

  it('needs the token', async () => {
    expect((await fetch(`${base}/media/jobs/GEN-123456/video.mp4`)).status).toBe(401);
  });

  it('serves nothing outside the media folder, no temp files and no other file types', async () => {
    for (const path of [
      '/media/..%2fmaestro.db',
      '/media/jobs/GEN-123456/.tmp-a1-video.mp4',
      '/media/jobs/GEN-123456/notes.txt',
      '/media/jobs/GEN-999999/video.mp4',
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
    // Dot segments are resolved by URL parsing before routing: they never reach the media folder.
    const dotted = await get('/media/%2e%2e/maestro.db');
    expect(dotted.status).not.toBe(200);
    expect(Buffer.from(await dotted.arrayBuffer()).toString('latin1')).not.toContain('SQLite format');
  });
});
