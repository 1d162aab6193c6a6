import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';

/** Shared by every browser journey: a real headless server on a throwaway data folder, and Chromium. */

export const repoRoot = resolve(__dirname, '../..');
const serveScript = join(repoRoot, 'out/main/serve.js');
const rendererIndex = join(repoRoot, 'out/renderer/index.html');
const STARTUP_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'maestro-e2e-'));
}

export interface RunningServer {
  /** The address with the run's token, as printed by the server; opening it logs the browser in. */
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts `out/main/serve.js` on a free port and resolves once it prints its address. */
export function startServer(dataDir: string): Promise<RunningServer> {
  if (!existsSync(serveScript) || !existsSync(rendererIndex)) {
    throw new Error('The app is not built. Run `npx electron-vite build` before the e2e tests.');
  }
  const child = spawn(process.execPath, [serveScript, '--port', '0', '--data-dir', dataDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));

  return new Promise((resolveServer, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The server did not print its address within ${STARTUP_TIMEOUT_MS} ms.\n${output}`));
    }, STARTUP_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with code ${code} before it was ready.\n${output}`));
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /Open: (http:\/\/\S+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolveServer({ url: match[1], dataDir, stop: () => stopProcess(child) });
    });
  });
}

/** SIGTERM lets the server close the database cleanly; SIGKILL only if it hangs. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
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
