import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const root = resolve(import.meta.dirname, '../..');

/**
 * `npm run test:smoke`: the packaged-app smoke test on its own, after `npm run dist:smoke`. Kept
 * out of `npm test` because it needs a packaged app and a display (xvfb-run on Linux).
 */
export default defineConfig({
  root,
  resolve: { alias: { '@contract': resolve(root, 'src-main/core/contract') } },
  test: {
    include: ['test/electron/packaged-app.smoke.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    reporters: ['default', ['json', { outputFile: 'test-results/smoke.json' }]],
  },
});
