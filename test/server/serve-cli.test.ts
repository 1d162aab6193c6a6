import BetterSqlite3 from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir';
import { callOperation, serveEntry, startServeProcess, type ServeProcess } from '../helpers/serve-process';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(): Promise<{ server: ServeProcess; dir: string }> {
  const temp = makeTempDir();
  const server = await startServeProcess(temp.dir);
  cleanups.push(temp.cleanup, () => server.stop());
  return { server, dir: temp.dir };
}

describe('npm run serve (built headless server)', () => {
  it('prints a URL with a per-run token, refuses requests without it and answers health with it', async () => {
    const { server, dir } = await serve();
    expect(server.output()).toContain(`data in ${dir}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
    expect((await callOperation(server.base, null, 'app.health', {})).status).toBe(401);
    const health = await callOperation(server.base, server.token, 'app.health', {});
    expect(health).toMatchObject({ status: 200, body: { ok: true, value: { status: 'ok' } } });
    const info = await callOperation(server.base, server.token, 'app.info', {});
    expect(info.body.value).toMatchObject({ name: 'Maestro Desktop', databaseFile: join(dir, 'maestro.db') });
  });

  it('uses a new token on every run', async () => {
    const a = await serve();
    const b = await serve();
    expect(a.server.token).not.toBe(b.server.token);
    expect((await callOperation(b.server.base, a.server.token, 'app.health', {})).status).toBe(401);
  });

  it('serves the built control room to a browser that opened the printed URL', async () => {
    const { server } = await serve();
    const redirect = await fetch(server.url, { redirect: 'manual' });
    const cookie = redirect.headers.get('set-cookie')!.split(';')[0]!;
    const page = await fetch(`${server.base}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<div id="root">/);
    const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${server.base}/${script!}`, { headers: { cookie } });
    expect(asset.status).toBe(200);
  });

  it('shuts down cleanly on SIGTERM, leaving a consistent database', async () => {
    const { server, dir } = await serve();
    await callOperation(server.base, server.token, 'maestro.resume', {});
    await server.stop('SIGTERM');
    // Windows has no SIGTERM: Node ends the process at once (TerminateProcess) and reports the
    // signal, so no shutdown code runs there. The database must be consistent all the same.
    expect(await server.exited).toBe(process.platform === 'win32' ? 'SIGTERM' : 0);
    const sqlite = new BetterSqlite3(join(dir, 'maestro.db'), { readonly: true });
    expect(sqlite.prepare("SELECT value FROM maestro_config WHERE key = 'is_paused'").get()).toEqual({
      value: 'false',
    });
    sqlite.close();
  });

  it('refuses to start on a database from a newer version, saying why', () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const sqlite = new BetterSqlite3(join(temp.dir, 'maestro.db'));
    sqlite.pragma('user_version = 999');
    sqlite.close();
    const run = spawnSync(process.execPath, [serveEntry, '--port', '0', '--data-dir', temp.dir], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/db_newer_version: .*newer version of Maestro/);
  });

  it('rejects a bad --port with a clear message', () => {
    const run = spawnSync(process.execPath, [serveEntry, '--port', 'abc'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--port must be 0–65535');
  });
});
