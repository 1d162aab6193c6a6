import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder per test; removed afterwards unless MAESTRO_KEEP_TEST_DIRS is set. */
export function makeTempDir(prefix = 'maestro-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    cleanup: () => {
      if (!process.env.MAESTRO_KEEP_TEST_DIRS) rmSync(dir, { recursive: true, force: true });
    },
  };
}
