import { describe, expect, it } from 'vitest';
import { renderParallelismFor } from '../../../src-main/core/render/parallelism';

describe('render parallelism from the core count', () => {
  it.each([
    [1, { jobs: 2, threadsPerFfmpeg: 1 }],
    [2, { jobs: 3, threadsPerFfmpeg: 1 }],
    [6, { jobs: 7, threadsPerFfmpeg: 1 }],
    // The setting allows at most 8 jobs; cores beyond them go to the FFmpegs as threads.
    [7, { jobs: 8, threadsPerFfmpeg: 1 }],
    [12, { jobs: 8, threadsPerFfmpeg: 1 }],
    [16, { jobs: 8, threadsPerFfmpeg: 2 }],
    [0, { jobs: 2, threadsPerFfmpeg: 1 }],
  ])('%i cores: %o', (cores, expected) => {
    expect(renderParallelismFor(cores)).toEqual(expected);
  });
});
