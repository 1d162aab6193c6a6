import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { operationNames } from '../../src-main/core/contract/operations';
import { ipcChannels } from '../../src-main/core/contract/transport';
import { buildBridge } from '../../src-preload/bridge';
import { buildDesktopBridge, desktopChannels } from '../../src-preload/desktop-bridge';

vi.mock('electron', () => import('../fakes/fake-electron'));

function fakeIpc() {
  const emitter = new EventEmitter();
  const calls: unknown[][] = [];
  return {
    calls,
    emitter,
    invoke: async (...args: unknown[]) => {
      calls.push(args);
      return { ok: true, value: null };
    },
    on: (channel: string, listener: (...a: unknown[]) => void) => emitter.on(channel, listener),
    removeListener: (channel: string, listener: (...a: unknown[]) => void) =>
      emitter.removeListener(channel, listener),
  };
}

describe('preload bridge', () => {
  it('exposes exactly one function per contract operation, all on the one invoke channel', async () => {
    const ipc = fakeIpc();
    const bridge = buildBridge(ipc);
    expect(Object.keys(bridge.operations).sort()).toEqual([...operationNames].sort());
    await bridge.operations['brands.list']!({ includeInactive: true });
    await bridge.operations['app.health']!();
    expect(ipc.calls).toEqual([
      [ipcChannels.invoke, 'brands.list', { includeInactive: true }],
      [ipcChannels.invoke, 'app.health', {}],
    ]);
  });

  it('delivers events until the renderer unsubscribes', () => {
    const ipc = fakeIpc();
    const bridge = buildBridge(ipc);
    const seen: unknown[] = [];
    const stop = bridge.subscribe((e) => seen.push(e));
    ipc.emitter.emit(
      ipcChannels.event,
      {},
      { stream: 'maestro.state', payload: { paused: false, changedAt: null } },
    );
    stop();
    ipc.emitter.emit(
      ipcChannels.event,
      {},
      { stream: 'maestro.state', payload: { paused: true, changedAt: null } },
    );
    expect(seen).toEqual([{ stream: 'maestro.state', payload: { paused: false, changedAt: null } }]);
    expect(ipc.emitter.listenerCount(ipcChannels.event)).toBe(0);
  });

  it('puts only the bridges on window: no ipcRenderer, no Node', async () => {
    const fake = await import('../fakes/fake-electron');
    await import('../../src-preload/index');
    const exposed = fake.contextBridge.exposed.get('maestro') as Record<string, unknown>;
    expect(Object.keys(exposed).sort()).toEqual(['invoke', 'operations', 'subscribe']);
    // Beside it, only the desktop calls a browser page cannot make (login window, system browser).
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['maestro', 'maestroDesktop']);
    const desktop = fake.contextBridge.exposed.get('maestroDesktop') as Record<string, unknown>;
    expect(Object.keys(desktop).sort()).toEqual([
      'assistantConfig',
      'metaLogin',
      'navigation',
      'openExternal',
      'updates',
    ]);
  });

  it('gives the renderer the update state, its changes and the restart, on fixed channels only', async () => {
    const ipc = fakeIpc();
    const desktop = buildDesktopBridge(ipc);
    await desktop.updates.state();
    await desktop.updates.restart();
    expect(ipc.calls).toEqual([[desktopChannels.updateState], [desktopChannels.restartToUpdate]]);
    const seen: unknown[] = [];
    const stop = desktop.updates.onChange((state) => seen.push(state));
    ipc.emitter.emit(desktopChannels.updateChanged, {}, { status: 'ready', version: '1.2.3' });
    stop();
    ipc.emitter.emit(desktopChannels.updateChanged, {}, { status: 'idle' });
    expect(seen).toEqual([{ status: 'ready', version: '1.2.3' }]);
    expect(ipc.emitter.listenerCount(desktopChannels.updateChanged)).toBe(0);
  });

  it('tells the renderer which page a clicked notification opens, pushed or taken once it runs', async () => {
    const ipc = fakeIpc();
    const desktop = buildDesktopBridge(ipc);
    await desktop.navigation.pendingRoute();
    expect(ipc.calls).toEqual([[desktopChannels.pendingRoute]]);
    const seen: string[] = [];
    const stop = desktop.navigation.onNavigate((route) => seen.push(route));
    ipc.emitter.emit(desktopChannels.navigate, {}, '/calendar?item=SCH-1');
    // Anything but a path is ignored.
    ipc.emitter.emit(desktopChannels.navigate, {}, { route: '/jobs' });
    stop();
    ipc.emitter.emit(desktopChannels.navigate, {}, '/jobs');
    expect(seen).toEqual(['/calendar?item=SCH-1']);
    expect(ipc.emitter.listenerCount(desktopChannels.navigate)).toBe(0);
  });
});
