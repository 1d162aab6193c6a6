import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from '../fakes/fake-electron';
import { makeTempDir } from '../helpers/temp-dir';

vi.mock('electron', () => import('../fakes/fake-electron'));

const { runDesktopApp } = await import('../../src-main/electron/desktop-app');
const { ipcChannels } = await import('../../src-main/core/contract/transport');

let temp: ReturnType<typeof makeTempDir>;
const outDir = '/opt/maestro/out';
const appOrigin = `file://${outDir}/renderer/index.html`;

beforeEach(() => {
  fake.resetFakeElectron();
  temp = makeTempDir();
  process.env.MAESTRO_DATA_DIR = temp.dir;
  delete process.env.ELECTRON_RENDERER_URL;
});
afterEach(async () => {
  fake.app.emit('before-quit', { preventDefault: () => undefined });
  await new Promise((r) => setTimeout(r, 20));
  delete process.env.MAESTRO_DATA_DIR;
  temp.cleanup();
});

async function start() {
  const desktop = await runDesktopApp(outDir);
  if (!desktop) throw new Error('the shell did not start');
  return desktop;
}

function invokeFrom(url: string, name: string, payload: unknown) {
  const handler = fake.ipcMain.handlers.get(ipcChannels.invoke)!;
  return handler({ senderFrame: { url } }, name, payload);
}

describe('Electron shell', () => {
  it('opens one isolated, sandboxed window without Node, loading the built renderer', async () => {
    await start();
    expect(fake.BrowserWindow.windows).toHaveLength(1);
    const [window] = fake.BrowserWindow.windows;
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: join(outDir, 'preload', 'index.js'),
    });
    expect(window!.loadedUrl).toBe(appOrigin);
  });

  it('quits at once when another instance already runs, and focuses the existing window instead', async () => {
    await start();
    fake.app.emit('second-instance');
    expect(fake.BrowserWindow.windows[0]!.focused).toBeGreaterThanOrEqual(2);

    fake.app.singleInstanceLock = false;
    const quitsBefore = fake.app.quitCalls;
    expect(await runDesktopApp(outDir)).toBeNull();
    expect(fake.app.quitCalls).toBe(quitsBefore + 1);
  });

  it('never lets the window navigate away from the app; web links open in the browser', async () => {
    await start();
    const contents = fake.BrowserWindow.windows[0]!.webContents;
    expect(contents.tryNavigate('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(contents.tryNavigate('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.tryNavigate('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(contents.tryNavigate('will-navigate', `${appOrigin}#/brands`)).toBe(false);
    expect(contents.windowOpenHandler!({ url: 'https://instagram.com/x' })).toEqual({ action: 'deny' });
    expect(fake.shell.opened).toEqual(['https://evil.example/phish', 'https://instagram.com/x']);
  });

  it('guards any other web contents that gets created too', async () => {
    await start();
    const stray = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', {}, stray);
    expect(stray.tryNavigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(stray.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('sends a strict Content-Security-Policy with every response and denies permission prompts', async () => {
    await start();
    let headers: Record<string, string[]> = {};
    fake.session.defaultSession.headersListener!(
      { responseHeaders: { a: ['b'] } },
      (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders),
    );
    expect(headers['Content-Security-Policy']![0]).toContain("script-src 'self'");
    expect(headers['Content-Security-Policy']![0]).toContain("object-src 'none'");
    let granted: boolean | undefined;
    fake.session.defaultSession.permissionHandler!({}, 'media', (g: boolean) => (granted = g));
    expect(granted).toBe(false);
  });

  it('serves the contract over IPC to the app window only', async () => {
    await start();
    expect(await invokeFrom(appOrigin, 'maestro.status', {})).toMatchObject({
      ok: true,
      value: { paused: true },
    });
    expect(await invokeFrom('https://evil.example/', 'maestro.resume', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await invokeFrom(appOrigin, 'brands.create', { id: 7 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('pushes core events to the window', async () => {
    const desktop = await start();
    await desktop.core.invoke('maestro.resume', {});
    const sent = fake.BrowserWindow.windows[0]!.webContents.sent;
    expect(
      sent.some(
        (m) =>
          m.channel === ipcChannels.event && (m.args[0] as { stream: string }).stream === 'maestro.state',
      ),
    ).toBe(true);
  });

  it('pauses and resumes Maestro from the tray, persisting the state in maestro_config', async () => {
    await start();
    const tray = fake.Tray.instances[0]!;
    const item = (id: string) => tray.menu!.template.find((i) => i.id === id);
    expect(tray.tooltip).toBe('Maestro (paused)');
    expect(item('pause')).toBeUndefined();
    item('resume')!.click!();
    await vi.waitFor(() => expect(tray.tooltip).toBe('Maestro (running)'));
    expect(item('pause')!.label).toBe('Pause Maestro');

    const sqlite = new BetterSqlite3(join(temp.dir, 'maestro.db'), { readonly: true });
    expect(sqlite.prepare("SELECT value FROM maestro_config WHERE key = 'is_paused'").get()).toEqual({
      value: 'false',
    });
    sqlite.close();

    item('pause')!.click!();
    await vi.waitFor(() => expect(tray.tooltip).toBe('Maestro (paused)'));
  });

  it('tray Open shows the window again after it was closed', async () => {
    await start();
    fake.BrowserWindow.windows[0]!.destroyed = true;
    fake.Tray.instances[0]!.menu!.template.find((i) => i.id === 'open')!.click!();
    expect(fake.BrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('encrypts secrets with safeStorage and never returns them to the renderer', async () => {
    await start();
    const secret = 'sk-live-abcdefghijklmnop';
    expect(await invokeFrom(appOrigin, 'secrets.set', { key: 'llm.apiKey', value: secret })).toMatchObject({
      ok: true,
    });
    const view = await invokeFrom(appOrigin, 'settings.get', {});
    expect(view).toMatchObject({
      ok: true,
      value: { secrets: { llmApiKey: true }, secretProtection: 'OS keychain' },
    });
    expect(JSON.stringify(view)).not.toContain(secret);
    const sqlite = new BetterSqlite3(join(temp.dir, 'maestro.db'), { readonly: true });
    const row = sqlite.prepare("SELECT ciphertext FROM app_secrets WHERE key = 'llm.apiKey'").get() as {
      ciphertext: Buffer;
    };
    sqlite.close();
    expect(row.ciphertext.toString('utf8')).not.toContain(secret);
    expect(fake.safeStorage.decryptString(row.ciphertext)).toBe(secret);
  });

  it('refuses to store a secret when the OS keychain is unavailable', async () => {
    fake.safeStorage.available = false;
    await start();
    expect(await invokeFrom(appOrigin, 'secrets.set', { key: 'llm.apiKey', value: 'sk-x' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/OS keychain/) },
    });
  });

  it('shows a broken start to the user instead of dying silently', async () => {
    const sqlite = new BetterSqlite3(join(temp.dir, 'maestro.db'));
    sqlite.pragma('user_version = 999');
    sqlite.close();
    expect(await runDesktopApp(outDir)).toBeNull();
    expect(fake.dialog.errors).toEqual([
      { title: 'Maestro could not start', content: expect.stringMatching(/newer version of Maestro/) },
    ]);
    expect(fake.app.exitCode).toBe(1);
    expect(fake.BrowserWindow.windows).toHaveLength(0);
  });

  it('keeps running in the tray when the window is closed, and closes the database on quit', async () => {
    const desktop = await start();
    fake.app.emit('window-all-closed');
    expect(fake.app.quitCalls).toBe(0);
    const close = vi.spyOn(desktop.core, 'close');
    fake.Tray.instances[0]!.menu!.template.find((i) => i.id === 'quit')!.click!();
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
  });
});
