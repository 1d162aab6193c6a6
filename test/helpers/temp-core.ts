import { createCore, type Core, type CoreConfig } from '../../src-main/core/app';
import type { Result } from '../../src-main/core/contract/errors';
import type { InputOf, OperationName, OutputOf } from '../../src-main/core/contract/operations';
import { manualClock } from '../../src-main/core/ports/clock';
import { makeTempDir } from './temp-dir';

export interface TempCore {
  core: Core;
  dir: string;
  clock: ReturnType<typeof manualClock>;
  /** Calls an operation and returns its value, failing the test on an error result. */
  call<K extends OperationName>(name: K, input?: InputOf<K>): Promise<OutputOf<K>>;
  /** Calls an operation and returns the raw result. */
  invoke(name: string, input?: unknown): Promise<Result<unknown>>;
  reopen(): Promise<TempCore>;
  close(): Promise<void>;
}

type TempCoreOptions = Partial<CoreConfig> & { dir?: string; start?: string };

export async function openTempCore(options: TempCoreOptions = {}): Promise<TempCore> {
  const temp = options.dir ? { dir: options.dir, cleanup: () => undefined } : makeTempDir();
  return openIn(temp, options);
}

/** A core on `temp.dir`; closing it removes the folder when the test did not hand one in. */
async function openIn(temp: { dir: string; cleanup(): void }, options: TempCoreOptions): Promise<TempCore> {
  const clock = manualClock(options.start ?? '2026-11-25T10:00:00.000Z');
  const core = await createCore({
    appVersion: '0.0.0-test',
    clock,
    autoStart: false,
    ...options,
    dataDir: temp.dir,
  });
  const self: TempCore = {
    core,
    dir: temp.dir,
    clock,
    async call(name, input) {
      const result = await core.invoke(name, input ?? {});
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
      return result.value as never;
    },
    invoke: (name, input) => core.invoke(name, input ?? {}),
    // The reopened core owns the folder as this one did, so a reopening test leaves nothing behind.
    async reopen() {
      await core.close();
      return openIn(temp, options);
    },
    async close() {
      await core.close();
      temp.cleanup();
    },
  };
  return self;
}

export const sampleBrand = {
  id: 'healthy-college',
  displayName: 'The Healthy College',
  instagramHandle: '@TheHealthyCollege',
  colors: { primary: '#004F00', accent: '#dcf6c8' },
} as const;
