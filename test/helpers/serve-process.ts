import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../..');
export const serveEntry = join(repoRoot, 'out/main/serve.js');

export interface ServeProcess {
  child: ChildProcess;
  /** http://127.0.0.1:PORT */
  base: string;
  token: string;
  /** The URL exactly as printed, with the token. */
  url: string;
  output(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | NodeJS.Signals | null>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the built headless server (`node out/main/serve.js`) and waits for its URL line. */
export function startServeProcess(
  dataDir: string,
  extraArgs: string[] = [],
  env: Record<string, string> = {},
): Promise<ServeProcess> {
  if (!existsSync(serveEntry)) throw new Error(`${serveEntry} is missing: run \`npm run build\` first.`);
  const child = spawn(process.execPath, [serveEntry, '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  const exited = new Promise<number | NodeJS.Signals | null>((done) =>
    child.once('exit', (code, signal) => done(code ?? signal)),
  );
  return new Promise((resolveStart, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+)\/\?token=([A-Za-z0-9_-]+)/.exec(output);
      if (match) {
        child.stdout!.off('data', onData);
        resolveStart({
          child,
          base: match[1]!,
          token: match[2]!,
          url: `${match[1]}/?token=${match[2]}`,
          output: () => output,
          exited,
          async stop(signal = 'SIGTERM') {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) =>
      reject(new Error(`serve exited (${code}) before printing its URL:\n${output}`)),
    );
  });
}

/** POSTs one contract operation with the bearer token; returns HTTP status and parsed body. */
export async function callOperation(
  base: string,
  token: string | null,
  name: string,
  body: unknown,
): Promise<{
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}> {
  const response = await fetch(`${base}/api/op/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as never };
}
