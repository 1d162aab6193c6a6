import { resolve } from 'node:path';

const __dirname = import.meta.dirname;
import { defineConfig } from 'vitest/config';

const alias = { '@contract': resolve(__dirname, 'src-main/core/contract') };

export default defineConfig({
  resolve: { alias },
  test: {
    // better-sqlite3 is a native addon: child processes isolate it more reliably than threads.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**'] },
      },
      {
        extends: true,
        // Browser journeys drive the built renderer through the headless server.
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], fileParallelism: false },
      },
    ],
  },
});
