import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { startServeProcess } from '../helpers/serve-process';

/** Shared by every browser journey: a real headless server on a throwaway data folder, and Chromium. */

export const repoRoot = resolve(__dirname, '../..');
const rendererIndex = join(repoRoot, 'out/renderer/index.html');
const STOP_TIMEOUT_MS = 5_000;

export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'maestro-e2e-'));
}

export interface RunningServer {
  /** The address with the run's token, as printed by the server; opening it logs the browser in. */
  url: string;
  /** http://127.0.0.1:PORT and the token, for calling the contract directly. */
  base: string;
  token: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the built headless server (the same helper the server tests use) on a data folder;
 * `args` adds command-line arguments (e.g. --clock-start), `env` environment variables (e.g.
 * MAESTRO_FFMPEG_PATH).
 */
export async function startServer(
  dataDir: string,
  options: { args?: string[]; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  if (!existsSync(rendererIndex)) {
    throw new Error('The app is not built. Run `npx electron-vite build` before the e2e tests.');
  }
  const server = await startServeProcess(dataDir, options.args, options.env);
  return {
    url: server.url,
    base: server.base,
    token: server.token,
    dataDir,
    async stop() {
      // SIGTERM lets the server close the database cleanly; SIGKILL only if it hangs.
      const timer = setTimeout(() => server.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await server.stop('SIGTERM');
      clearTimeout(timer);
    },
  };
}

/** Debian's Chromium by default; MAESTRO_CHROMIUM points elsewhere (e.g. on a developer Mac). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.MAESTRO_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Best effort: a failing journey should still report its own error, not a screenshot error. */
export async function saveFailureScreenshot(page: Page | undefined, name: string): Promise<void> {
  if (!page) return;
  const dir = join(repoRoot, 'test-results');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `e2e-${name}.png`), fullPage: true }).catch(() => undefined);
}
