import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../src-main/core/contract/errors';
import { manualClock } from '../../src-main/core/ports/clock';
import { createRestartableCore, type RestartableCore } from '../../src-main/core/restartable-core';
import { sampleBrand } from '../helpers/temp-core';
import { makeTempDir } from '../helpers/temp-dir';

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('restore in headless mode: the core restarts in-process on the restored file', () => {
  let core: RestartableCore | undefined;
  const temp = makeTempDir();
  afterEach(async () => {
    await core?.close();
    temp.cleanup();
  });

  it('answers the restore, restarts, serves the restored data, and keeps its event listeners', async () => {
    const clock = manualClock('2026-11-25T10:00:00.000Z');
    core = await createRestartableCore({
      dataDir: temp.dir,
      appVersion: '0.0.0-test',
      clock,
      autoStart: false,
    });
    value(await core.invoke('brands.create', sampleBrand));
    const backup = value<{ id: string }>(await core.invoke('backups.now', {}));
    clock.advance(60_000);
    value(await core.invoke('brands.create', { ...sampleBrand, id: 'after-backup', displayName: 'After' }));
    const heard: string[] = [];
    core.events.subscribe((event) => {
      if (event.stream === 'activity') heard.push(event.payload.action);
    });
    const storeBefore = core.store;
    const orchestratorBefore = core.orchestrator;
    // Every part of the core is reachable through the restartable one, not only the first few.
    for (const part of ['orchestrator', 'healing', 'diagnostics', 'notifications', 'search'] as const)
      expect(core[part], part).toBeDefined();

    const restore = value<{ restarting: boolean; keptAsideIn: string }>(
      await core.invoke('backups.restore', { id: backup.id }),
    );
    expect(restore.restarting).toBe(true);
    // A call made while the core restarts waits for the new one, which has the restored data.
    await new Promise<void>((resolve) => {
      const stop = core!.events.subscribe((event) => {
        if (event.stream === 'activity' && event.payload.action === 'Restored from backup') {
          stop();
          resolve();
        }
      });
    });
    const brands = value<Array<{ id: string }>>(await core.invoke('brands.list', { includeInactive: true }));
    expect(brands.map((b) => b.id)).toEqual([sampleBrand.id]);
    expect(core.store).not.toBe(storeBefore);
    expect(core.orchestrator).not.toBe(orchestratorBefore);
    expect(heard).toContain('Restored from backup');
    const [entry] = value<Array<{ detail: string }>>(await core.invoke('activity.list', { limit: 1 }));
    expect(entry?.detail).toContain(restore.keptAsideIn);
  });
});
