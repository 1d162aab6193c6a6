import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ffmpegRetryDefaults } from '../../../src-main/core/render/defaults';
import {
  decideFfmpegRetry,
  isTransientFfmpegFailure,
  runFfmpegWithRetry,
  type FfmpegRetryNotice,
  type Sleep,
} from '../../../src-main/core/render/ffmpeg-runner';
import { RenderError } from '../../../src-main/core/render/render-error';
import { mediaBinaries, probe } from '../../helpers/media-probe';
import { makeTempDir } from '../../helpers/temp-dir';

describe('which FFmpeg failures are retried (reference 6.11)', () => {
  it.each([
    'Resource temporarily unavailable',
    'Error while opening encoder for output stream #0:0 - maybe incorrect parameters',
    'av_malloc: Cannot allocate memory',
    '[libx264 @ 0x55] Generic error in an external library',
    'error while opening encoder', // FFmpeg's capitalisation has changed between versions
  ])('"%s" is transient', (stderr) => {
    expect(isTransientFfmpegFailure(stderr)).toBe(true);
  });

  it.each([
    'Invalid data found when processing input',
    'No such file or directory',
    'No space left on device',
    'Error initializing complex filters.\nInvalid argument',
    '',
  ])('"%s" is not', (stderr) => {
    expect(isTransientFfmpegFailure(stderr)).toBe(false);
  });

  it('waits 8 s before the second attempt, 16 s before the third, and gives up after three', () => {
    const busy = 'Resource temporarily unavailable';
    expect(decideFfmpegRetry(busy, 1)).toEqual({ retry: true, delayMs: 8_000 });
    expect(decideFfmpegRetry(busy, 2)).toEqual({ retry: true, delayMs: 16_000 });
    expect(decideFfmpegRetry(busy, 3)).toEqual({ retry: false, why: 'no_attempts_left' });
    expect(decideFfmpegRetry('Invalid argument', 1)).toEqual({ retry: false, why: 'not_transient' });
  });

  it('repeats the last listed delay when a policy allows more attempts than it lists', () => {
    const policy = { ...ffmpegRetryDefaults, maxAttempts: 5 };
    expect(decideFfmpegRetry('Cannot allocate memory', 3, policy)).toEqual({ retry: true, delayMs: 16_000 });
    expect(decideFfmpegRetry('Cannot allocate memory', 5, policy)).toMatchObject({ retry: false });
  });
});

const temp = makeTempDir();
afterAll(() => temp.cleanup());
let scripts = 0;

/**
 * A stand-in for the FFmpeg binary (a real child process): the first `failures` calls write a
 * partial output and fail with `message`; later calls run the real FFmpeg. Every call appends
 * to a log whether a partial file from an earlier attempt was still there.
 */
function flakyFfmpeg(failures: number, message: string): { path: string; calls(): string[] } {
  const n = ++scripts;
  const path = join(temp.dir, `ffmpeg-${n}`);
  const log = join(temp.dir, `calls-${n}.log`);
  writeFileSync(
    path,
    [
      '#!/bin/sh',
      'for a in "$@"; do out="$a"; done',
      `if [ -e "$out" ]; then seen=partial-present; else seen=clean; fi`,
      `echo "$seen" >> "${log}"`,
      `if [ "$(wc -l < "${log}")" -le ${failures} ]; then`,
      '  echo "half an image" > "$out"',
      `  echo "${message}" >&2`,
      '  exit 1',
      'fi',
      `exec "${mediaBinaries().ffmpeg}" "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(path, 0o755);
  return {
    path,
    calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []),
  };
}

function recordingSleep(): { sleep: Sleep; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

/** A small real encode: one grey 64×64 PNG frame. */
function pngArgs(output: string): string[] {
  return ['-f', 'lavfi', '-i', 'color=c=gray:s=64x64', '-frames:v', '1', '-f', 'image2', output];
}

describe.skipIf(process.platform === 'win32')('an FFmpeg run that fails transiently', () => {
  it('is tried again after 8 s and 16 s, without the partial output, and succeeds', async () => {
    const ffmpeg = flakyFfmpeg(2, 'Resource temporarily unavailable');
    const { sleep, waits } = recordingSleep();
    const notices: FfmpegRetryNotice[] = [];
    const output = join(temp.dir, 'retried.png');
    await runFfmpegWithRetry(
      ffmpeg.path,
      { purpose: 'drawing a test frame', args: pngArgs(output), partialFiles: [output] },
      { sleep, onRetry: (n) => void notices.push(n) },
    );
    expect(waits).toEqual([8_000, 16_000]);
    expect(ffmpeg.calls()).toEqual(['clean', 'clean', 'clean']);
    expect((await probe(output)).streams[0]).toMatchObject({ codec_name: 'png', width: 64, height: 64 });
    expect(notices.map((n) => [n.nextAttempt, n.maxAttempts, n.delayMs])).toEqual([
      [2, 3, 8_000],
      [3, 3, 16_000],
    ]);
    expect(notices[0]!.reason).toBe(
      'FFmpeg failed while drawing a test frame (exit 1): Resource temporarily unavailable',
    );
  });

  it('fails after the third attempt, saying how often it tried', async () => {
    const ffmpeg = flakyFfmpeg(3, 'Cannot allocate memory');
    const { sleep, waits } = recordingSleep();
    const output = join(temp.dir, 'never.png');
    const failure = runFfmpegWithRetry(
      ffmpeg.path,
      { purpose: 'drawing a test frame', args: pngArgs(output), partialFiles: [output] },
      { sleep },
    );
    await expect(failure).rejects.toThrow(
      'FFmpeg failed while drawing a test frame (exit 1): Cannot allocate memory (tried 3 times)',
    );
    expect(waits).toEqual([8_000, 16_000]);
    expect(ffmpeg.calls()).toHaveLength(3);
  });

  it('fails at once for any other error', async () => {
    const ffmpeg = flakyFfmpeg(1, 'Invalid argument');
    const { sleep, waits } = recordingSleep();
    const output = join(temp.dir, 'invalid.png');
    const failure = runFfmpegWithRetry(
      ffmpeg.path,
      { purpose: 'drawing a test frame', args: pngArgs(output), partialFiles: [output] },
      { sleep },
    );
    await expect(failure).rejects.toThrow(
      'FFmpeg failed while drawing a test frame (exit 1): Invalid argument',
    );
    expect(waits).toEqual([]);
    expect(ffmpeg.calls()).toHaveLength(1);
  });

  it('stops at once when cancelled during the wait, even if the sleep ignores the signal', async () => {
    const ffmpeg = flakyFfmpeg(1, 'Generic error in an external library');
    const controller = new AbortController();
    // A wait that would never end on its own: only the cancel can end it.
    const sleep: Sleep = () => {
      queueMicrotask(() => controller.abort());
      return new Promise(() => undefined);
    };
    const output = join(temp.dir, 'cancelled.png');
    const failure = runFfmpegWithRetry(
      ffmpeg.path,
      {
        purpose: 'drawing a test frame',
        args: pngArgs(output),
        partialFiles: [output],
        signal: controller.signal,
      },
      { sleep },
    );
    await expect(failure).rejects.toSatisfy((e) => e instanceof RenderError && e.kind === 'cancelled');
    expect(ffmpeg.calls()).toHaveLength(1);
    expect(existsSync(output)).toBe(false);
  });
});
