import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../src-main/core/contract/jobs';
import { serveAppRequest } from '../../src-main/electron/app-protocol';
import { windowContentSecurityPolicy } from '../../src-main/electron/content-security';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_META,
  parseCsp,
} from '../../src-main/shared/content-security-policy';
import { openTempCore, sampleBrand, type TempCore } from '../helpers/temp-core';
import { launchBrowser, repoRoot, saveFailureScreenshot } from './helpers';

/**
 * The desktop window, as far as Chromium without Electron can show it: the built renderer and a
 * rendered reel served by the desktop's own maestro://app handler (serveAppRequest, put behind a
 * local HTTP origin because plain Chromium cannot register a custom scheme), with the desktop's
 * exact CSP as header and meta tag, and the contract reached the way the preload does it
 * (window.maestro). The reel's thumbnail and video load from that one origin and the video seeks
 * with byte ranges; nothing is refused by the policy, while a foreign origin would be.
 */
describe('Desktop journey: previews under the desktop CSP (Chromium)', () => {
  let t: TempCore;
  let server: Server;
  let foreign: Server;
  let base: string;
  let foreignBase: string;
  let browser: Browser;
  let page: Page | undefined;
  let job: Job;

  beforeAll(async () => {
    t = await openTempCore({ autoStart: false });
    await t.call('brands.create', sampleBrand);
    const { id } = await t.call('jobs.create', {
      brandId: sampleBrand.id,
      variant: 'dark',
      title: 'WHY MAGNESIUM CHANGES YOUR SLEEP',
      contentLines: ['Magnesium - calms the nervous system', 'Evening dose - supports deeper sleep'],
      caption: 'Sleep better tonight.',
    });
    // Rendering takes a few seconds: wait for the core's own job state to say it is done.
    const deadline = Date.now() + 150_000;
    for (;;) {
      job = (await t.call('jobs.get', { id })) as Job;
      if (job.status === 'completed') break;
      if (job.status === 'failed' || Date.now() > deadline)
        throw new Error(`render ${job.status}: ${job.error}`);
      await new Promise((r) => setTimeout(r, 250));
    }

    const options = {
      rendererDir: join(repoRoot, 'out', 'renderer'),
      mediaDir: t.core.jobs.mediaDir,
      policy: windowContentSecurityPolicy(),
    };
    server = createServer((req, res) => {
      const request = new Request(`maestro://app${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
      });
      void serveAppRequest(request, options).then((response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        if (response.body) Readable.fromWeb(response.body as never).pipe(res);
        else res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Another origin with the same picture: the policy must refuse it.
    foreign = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(readFileSync(join(t.core.jobs.mediaDir, job.files.thumbnail!)));
    });
    await new Promise<void>((r) => foreign.listen(0, '127.0.0.1', r));
    foreignBase = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 200_000);

  afterAll(async () => {
    await browser?.close();
    for (const open of [server, foreign]) if (open) await new Promise((r) => open.close(r));
    await t?.close();
  });

  it('shows the reel: thumbnail and video from the same origin, the video seeks, nothing refused', async () => {
    try {
      page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      // The preload's bridge, over Playwright instead of IPC: window.maestro.invoke reaches the core.
      await page.exposeFunction('__maestroInvoke', (name: string, input: unknown) =>
        t.core.invoke(name, input),
      );
      await page.addInitScript(() => {
        const w = window as unknown as Record<string, unknown>;
        w.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          (w.__violations as string[]).push(
            `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
          ),
        );
        w.maestro = {
          invoke: (name: string, input: unknown) =>
            (w.__maestroInvoke as (n: string, i: unknown) => Promise<unknown>)(name, input),
          subscribe: () => () => undefined,
        };
      });
      const requests: string[] = [];
      const ranges: Array<{ status: number; range: string | undefined }> = [];
      page.on('request', (request) => requests.push(request.url()));
      page.on('response', (response) => {
        if (response.url().includes('/media/') && response.url().includes('.mp4')) {
          ranges.push({ status: response.status(), range: response.request().headers().range });
        }
      });

      const entry = await page.goto(`${base}/index.html#/jobs`);
      // The exact desktop policy: as the handler's header, and as index.html's meta tag.
      expect(entry!.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(meta).toBe(CONTENT_SECURITY_POLICY_META);
      expect(parseCsp(meta!)['media-src']).toEqual(["'self'", 'blob:']);

      await page.getByRole('button', { name: job.id, exact: true }).click();
      const thumbnail = page.getByRole('img', { name: `Thumbnail of ${job.id}` });
      await thumbnail.waitFor();
      await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1080);
      expect(await thumbnail.getAttribute('src')).toMatch(/^\/media\/jobs\/.+/);

      const video = page.getByLabel(`Reel video of ${job.id}`);
      const played = await video.evaluate(async (element: HTMLVideoElement) => {
        if (element.readyState < 1) {
          await new Promise((done, fail) => {
            element.addEventListener('loadedmetadata', done, { once: true });
            element.addEventListener('error', () => fail(new Error(`media error ${element.error?.code}`)), {
              once: true,
            });
          });
        }
        const target = element.duration / 2;
        element.currentTime = target;
        await new Promise((done) => element.addEventListener('seeked', done, { once: true }));
        return { duration: element.duration, currentTime: element.currentTime, target };
      });
      expect(played.duration).toBeGreaterThan(1);
      expect(played.currentTime).toBeCloseTo(played.target, 0);
      // The player read the file in byte ranges, answered 206 by the handler.
      expect(ranges.some((r) => r.status === 206 && r.range?.startsWith('bytes='))).toBe(true);

      expect(
        await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
      ).toEqual([]);
      expect(requests.filter((url) => !url.startsWith(`${base}/`))).toEqual([]);

      // The policy is really in force: the same picture from another origin is refused.
      const refused = await page.evaluate(async (src) => {
        const image = new Image();
        image.src = src;
        return image.decode().then(
          () => 'loaded',
          () => 'refused',
        );
      }, `${foreignBase}/thumbnail.png`);
      expect(refused).toBe('refused');
      // (Chromium may report one violation twice; what matters is that this is the only one.)
      const violations = await page.evaluate(
        () => (window as unknown as { __violations: string[] }).__violations,
      );
      expect([...new Set(violations)]).toEqual([`img-src ${foreignBase}/thumbnail.png :0`]);
    } catch (error) {
      await saveFailureScreenshot(page, 'desktop-csp');
      throw error;
    }
  });

  it('offers "Restart to update" once an update has downloaded', async () => {
    const desktopPage = await browser.newPage();
    try {
      // The preload's window.maestroDesktop, with an update that finished downloading.
      await desktopPage.exposeFunction('__maestroInvoke', (name: string, input: unknown) =>
        t.core.invoke(name, input),
      );
      await desktopPage.addInitScript(() => {
        const w = window as unknown as Record<string, unknown>;
        w.__restarts = 0;
        w.maestro = {
          invoke: (name: string, input: unknown) =>
            (w.__maestroInvoke as (n: string, i: unknown) => Promise<unknown>)(name, input),
          subscribe: () => () => undefined,
        };
        w.maestroDesktop = {
          metaLogin: async () => ({ ok: false, reason: 'cancelled', message: '' }),
          openExternal: async () => ({ ok: true }),
          updates: {
            state: async () => ({ status: 'ready', version: '0.2.0' }),
            onChange: () => () => undefined,
            restart: async () => {
              w.__restarts = (w.__restarts as number) + 1;
              return true;
            },
          },
        };
      });
      await desktopPage.goto(`${base}/index.html#/`);
      const banner = desktopPage
        .getByRole('status')
        .filter({ hasText: 'Maestro 0.2.0 is ready to install.' });
      await banner.waitFor();
      await banner.getByRole('button', { name: 'Restart to update' }).click();
      await expect
        .poll(() => desktopPage.evaluate(() => (window as unknown as { __restarts: number }).__restarts))
        .toBe(1);
    } catch (error) {
      await saveFailureScreenshot(desktopPage, 'desktop-update-banner');
      throw error;
    } finally {
      await desktopPage.close();
    }
  });
});
