import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The packaged app, launched as a user would (Playwright's Electron support): the dashboard shows,
 * one operation goes over IPC, a rendered thumbnail and video load from maestro://app/media under
 * the CSP (the video seeks), and it quits cleanly. Build it first: `npm run dist:smoke`.
 */
const root = resolve(__dirname, '../..');
const smokeDir = join(root, 'dist', 'smoke');

function packagedExecutable(): string | undefined {
  if (process.env.MAESTRO_SMOKE_APP) return process.env.MAESTRO_SMOKE_APP;
  if (!existsSync(smokeDir)) return undefined;
  if (process.platform === 'linux') return join(smokeDir, 'linux-unpacked', 'maestro');
  if (process.platform === 'win32') return join(smokeDir, 'win-unpacked', 'Maestro.exe');
  const macDir = readdirSync(smokeDir).find((name) => name === 'mac' || name.startsWith('mac-'));
  return macDir ? join(smokeDir, macDir, 'Maestro.app', 'Contents', 'MacOS', 'Maestro') : undefined;
}

/** The Electron binary of node_modules/electron, or why there is none. */
function electronBinary(): { path?: string; missing?: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as string;
    return existsSync(path) ? { path } : { missing: `${path} does not exist` };
  } catch (error) {
    return { missing: (error as Error).message };
  }
}

const executable = packagedExecutable();
const binary = electronBinary();
const skipReason =
  executable && existsSync(executable)
    ? undefined
    : binary.missing
      ? `SKIPPED: the packaged-app smoke test needs Electron, and its binary is missing here ` +
        `(${binary.missing}; installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1?). It runs in CI after \`npm run dist:smoke\`.`
      : undefined;
if (skipReason) console.warn(skipReason);

describe.skipIf(skipReason !== undefined)('packaged app (Playwright + Electron)', () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;
  const logs: string[] = [];

  beforeAll(async () => {
    if (!executable || !existsSync(executable)) {
      throw new Error(`No packaged app at ${executable ?? smokeDir}: run \`npm run dist:smoke\` first.`);
    }
    dataDir = mkdtempSync(join(tmpdir(), 'maestro-smoke-'));
    // A rendered reel's files, made with the FFmpeg the app ships: a thumbnail and a 3 s video.
    const jobDir = join(dataDir, 'media', 'jobs', 'SMOKE-1');
    mkdirSync(jobDir, { recursive: true });
    const ffmpeg = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;
    const lavfi = ['-f', 'lavfi', '-i', 'testsrc=size=320x568:rate=25'];
    execFileSync(ffmpeg, ['-v', 'error', '-y', ...lavfi, '-frames:v', '1', join(jobDir, 'thumbnail.png')]);
    execFileSync(ffmpeg, [
      '-v',
      'error',
      '-y',
      ...lavfi,
      '-t',
      '3',
      '-c:v',
      'libx264',
      '-pix_fmt',
      'yuv420p',
      '-movflags',
      '+faststart',
      join(jobDir, 'video.mp4'),
    ]);
    app = await electron.launch({
      executablePath: executable,
      env: { ...process.env, MAESTRO_DATA_DIR: dataDir, MAESTRO_DISABLE_UPDATES: '1' },
      timeout: 120_000,
    });
    app.process().stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
    page = await app.firstWindow();
  });

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the dashboard from maestro://app', async () => {
    try {
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor({ timeout: 60_000 });
      expect(page.url()).toMatch(/^maestro:\/\/app\/index\.html/);
    } catch (error) {
      await page
        .screenshot({ path: join(root, 'test-results', 'smoke-dashboard.png') })
        .catch(() => undefined);
      throw new Error(`${(error as Error).message}\n${logs.join('')}`, { cause: error });
    }
  });

  it('answers an operation over IPC', async () => {
    const status = await page.evaluate(() =>
      (window as unknown as { maestro: { invoke(n: string, i: unknown): Promise<unknown> } }).maestro.invoke(
        'maestro.status',
        {},
      ),
    );
    expect(status).toMatchObject({ ok: true, value: { paused: expect.any(Boolean) } });
  });

  it('loads a rendered thumbnail and video from its own origin under the CSP, and seeks', async () => {
    const result = await page.evaluate(async () => {
      const image = new Image();
      image.src = '/media/jobs/SMOKE-1/thumbnail.png';
      await image.decode();
      const video = document.createElement('video');
      video.muted = true;
      video.src = '/media/jobs/SMOKE-1/video.mp4';
      await new Promise((done, fail) => {
        video.onloadedmetadata = done;
        video.onerror = () => fail(new Error(`video error ${video.error?.code}`));
      });
      video.currentTime = 2;
      await new Promise((done) => (video.onseeked = done));
      const head = await fetch('/media/jobs/SMOKE-1/video.mp4', { headers: { range: 'bytes=0-99' } });
      return {
        imageWidth: image.naturalWidth,
        duration: Math.round(video.duration),
        seekedTo: video.currentTime,
        rangeStatus: head.status,
        csp: head.headers.get('content-security-policy'),
      };
    });
    expect(result).toMatchObject({ imageWidth: 320, duration: 3, rangeStatus: 206 });
    expect(result.seekedTo).toBeGreaterThanOrEqual(1.9);
    expect(result.csp).toContain("media-src 'self' blob:");
  });

  it('quits cleanly', async () => {
    const exited = new Promise<number | null>((done) => app.process().once('exit', (code) => done(code)));
    await app.evaluate(({ app: electronApp }) => electronApp.quit());
    expect(await exited).toBe(0);
  });
});
