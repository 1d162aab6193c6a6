import { describe, expect, it, vi } from 'vitest';
import * as fake from '../fakes/fake-electron';
import { appOrigin, useDesktopShell } from './desktop-shell';

vi.mock('electron', () => import('../fakes/fake-electron'));

const { desktopNotifier, isAppRoute } = await import('../../src-main/electron/desktop-notifier');
const { desktopChannels } = await import('../../src-preload/desktop-bridge');
const { renderFailedNotice } = await import('../../src-main/core/notifications/notification-texts');

/**
 * The core's notifications on the desktop: native ones through Electron's Notification, and a
 * click opens the window on the page the notification is about.
 */

const { start } = useDesktopShell();

const notice = (jobId: string) =>
  renderFailedNotice({
    jobId,
    title: 'WHY MAGNESIUM CHANGES YOUR SLEEP',
    brandId: null,
    action: 'Retry it from Jobs.',
    reportedAt: '2026-11-25T10:00:00.000Z',
  });

function navigationsSent(window: fake.BrowserWindow): unknown[] {
  return window.webContents.sent.filter((m) => m.channel === desktopChannels.navigate).map((m) => m.args[0]);
}

function takePendingRoute(url: string) {
  return fake.ipcMain.handlers.get(desktopChannels.pendingRoute)!({ senderFrame: { url } });
}

describe('desktop notifications', () => {
  it('shows each notification natively; a click brings the window back on its page', async () => {
    const desktop = await start();
    const [window] = fake.BrowserWindow.windows;
    expect(await desktop.core.notifications.record(notice('GEN-1'))).toBe(true);
    await desktop.core.notifications.settled();
    expect(fake.Notification.shown).toEqual([
      { title: 'Render failed', body: 'WHY MAGNESIUM CHANGES YOUR SLEEP: Retry it from Jobs.' },
    ]);

    window!.minimized = true;
    const shownBefore = window!.shown;
    fake.Notification.instances[0]!.click();
    expect(window!.minimized).toBe(false);
    expect(window!.shown).toBe(shownBefore + 1);
    expect(window!.focused).toBeGreaterThan(0);
    expect(navigationsSent(window!)).toEqual(['/jobs']);
    // Nothing waits for a renderer that was already told.
    expect(await takePendingRoute(appOrigin)).toBeNull();
  });

  it('opens a new window on the page after the window was closed; its renderer takes the page once', async () => {
    const desktop = await start();
    fake.BrowserWindow.windows[0]!.close();
    await desktop.core.notifications.record(notice('GEN-2'));
    await desktop.core.notifications.settled();
    fake.Notification.instances[0]!.click();

    const opened = fake.BrowserWindow.getAllWindows();
    expect(opened).toHaveLength(1);
    expect(opened[0]!.shown).toBe(1);
    // A page that is still loading cannot hear a push: the route waits for it to ask.
    expect(navigationsSent(opened[0]!)).toEqual([]);
    expect(await takePendingRoute('https://evil.example/')).toBeNull();
    expect(await takePendingRoute(appOrigin)).toBe('/jobs');
    expect(await takePendingRoute(appOrigin)).toBeNull();
  });

  it('shows nothing natively for a kind turned off in Settings (the bell still lists it)', async () => {
    const desktop = await start();
    await desktop.core.invoke('settings.set', { values: { notifyRenderFailed: false } });
    await desktop.core.notifications.record(notice('GEN-3'));
    await desktop.core.notifications.settled();
    expect(fake.Notification.shown).toEqual([]);
    const list = await desktop.core.invoke('notifications.list', {});
    expect(list).toMatchObject({
      ok: true,
      value: { unread: 0, items: [{ title: 'Render failed', shown: false }] },
    });
  });
});

describe('the desktop notifier', () => {
  function notifierWith(supported: boolean) {
    const opened: string[] = [];
    const created: fake.Notification[] = [];
    const notifier = desktopNotifier({
      create: (options) => {
        const n = new fake.Notification(options);
        created.push(n);
        return n;
      },
      isSupported: () => supported,
      open: (route) => opened.push(route),
    });
    return { notifier, opened, created };
  }
  const message = (route: string) => ({
    id: 1,
    kind: 'publish_failed' as const,
    severity: 'error' as const,
    title: 'Instagram publish failed',
    body: 'Unsupported video format',
    route,
  });

  it('opens only in-app paths; anything else opens the dashboard', () => {
    const { notifier, opened, created } = notifierWith(true);
    notifier.notify(message('/calendar?item=SCH-1'));
    notifier.notify(message('https://evil.example/'));
    notifier.notify(message('//evil.example/x'));
    created.forEach((n) => n.click());
    expect(opened).toEqual(['/calendar?item=SCH-1', '/', '/']);
    expect(isAppRoute('/brands/alpha/edit')).toBe(true);
    expect(isAppRoute('javascript:alert(1)')).toBe(false);
  });

  it('shows nothing where the desktop has no notifications', () => {
    const { notifier, created } = notifierWith(false);
    notifier.notify(message('/'));
    expect(created).toEqual([]);
  });
});
