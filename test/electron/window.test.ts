import { describe, expect, it } from 'vitest';
import * as fake from '../fakes/fake-electron';
import { handleRendererFailures, rendererSource } from '../../src-main/electron/window';
import { guardNavigation } from '../../src-main/electron/navigation';

describe('renderer source', () => {
  const dev = {
    ELECTRON_RENDERER_URL: 'http://localhost:5173',
    MAESTRO_DEV_CSP_NONCE: 'n0nce-n0nce-n0nce-n0nce',
  };
  it('always loads maestro://app; proxies to the dev server only in a development build on loopback', () => {
    expect(rendererSource(false, {})).toEqual({
      entryUrl: 'maestro://app/index.html',
      origin: 'maestro://app',
    });
    expect(rendererSource(false, dev)).toEqual({
      entryUrl: 'maestro://app/index.html',
      origin: 'maestro://app',
      devServer: {
        url: 'http://localhost:5173',
        policy: { nonce: dev.MAESTRO_DEV_CSP_NONCE, hmrOrigin: 'ws://localhost:5173' },
      },
    });
    const packaged = rendererSource(true, dev);
    expect(packaged.devServer).toBeUndefined();
    expect(packaged.warning).toBe('ELECTRON_RENDERER_URL is ignored in the installed app.');
    expect(
      rendererSource(false, { ...dev, ELECTRON_RENDERER_URL: 'https://evil.example/' }).devServer,
    ).toBeUndefined();
    expect(
      rendererSource(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173' }).devServer,
    ).toBeUndefined();
  });
});

describe('window failures', () => {
  it('offers a reload when the page crashes or hangs, and reloads only when asked', async () => {
    fake.resetFakeElectron();
    const window = new fake.BrowserWindow({});
    const log: string[] = [];
    handleRendererFailures(window as never, fake.dialog as never, (m) => log.push(m));
    fake.dialog.nextResponse = 0;
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await new Promise((r) => setImmediate(r));
    expect(window.webContents.reloads).toBe(1);
    expect(fake.dialog.messages[0]).toEqual({
      message: 'The Maestro window stopped working.',
      buttons: ['Reload', 'Close'],
    });
    fake.dialog.nextResponse = 1;
    window.emit('unresponsive');
    await new Promise((r) => setImmediate(r));
    expect(window.webContents.reloads).toBe(1);
    expect(fake.dialog.messages[1]!.buttons).toEqual(['Reload', 'Wait']);
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(fake.dialog.messages).toHaveLength(2);
    expect(log[0]).toBe("The window's page stopped (crashed, exit code 139).");
  });
});

describe('frames', () => {
  it('keeps every frame on our origin without opening the browser for a frame', () => {
    fake.resetFakeElectron();
    const contents = new fake.FakeWebContents();
    guardNavigation(contents as never, 'maestro://app', (url) => fake.shell.opened.push(url));
    expect(contents.tryFrameNavigate('https://evil.example/frame', false)).toBe(true);
    expect(contents.tryFrameNavigate('maestro://app/index.html#/jobs', false)).toBe(false);
    // The main frame is decided by will-navigate (once), not twice.
    expect(contents.tryFrameNavigate('https://evil.example/', true)).toBe(false);
    expect(fake.shell.opened).toEqual([]);
  });
});
