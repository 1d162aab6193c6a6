import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMusicLibrary, musicGainDb, type MusicTrack } from '../../../src-main/core/render/music';
import { RenderError } from '../../../src-main/core/render/render-error';
import { renderReelVideo, type ReelMotion } from '../../../src-main/core/render/reel-video';
import { defaultResourcesDir, renderResources } from '../../../src-main/core/render/resources';
import { gopReport, mediaBinaries, videoPackets } from '../../helpers/media-probe';
import { makeTempDir } from '../../helpers/temp-dir';
import { expectPlatformReadyReel } from './reel-checks';

const temp = makeTempDir('maestro-reel-video-');
afterAll(() => temp.cleanup());
const frameFile = join(temp.dir, 'reel.png');
let track: MusicTrack;
let folders = 0;

beforeAll(async () => {
  // A detailed picture (not a flat one) so the keyframes are of a realistic size.
  execFileSync(mediaBinaries().ffmpeg, [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=1080x1920:d=1',
    '-frames:v',
    '1',
    '-y',
    frameFile,
  ]);
  track = (await loadMusicLibrary(renderResources(defaultResourcesDir()).musicDir))[1]!;
});

/** A fresh job folder, as the queue gives each job. */
function jobDir(): string {
  const dir = join(temp.dir, `job-${++folders}`);
  mkdirSync(dir);
  return dir;
}

function request(
  dir: string,
  motion: ReelMotion,
  durationSeconds: number,
  signal = new AbortController().signal,
) {
  return {
    ffmpeg: mediaBinaries().ffmpeg,
    motion,
    frameFile,
    music: { file: track.file, offsetSeconds: 3.25, gainDb: musicGainDb(track) },
    durationSeconds,
    dir,
    fileName: 'video.mp4',
    runId: 'a1',
    signal,
  };
}

describe('a still reel (one segment encoded once, repeated by stream copy)', () => {
  it.each([7, 8])('is platform-ready at %i s, and leaves only the video behind', async (seconds) => {
    const dir = jobDir();
    const fractions: number[] = [];
    await renderReelVideo({ ...request(dir, 'still', seconds), onFraction: (f) => fractions.push(f) });
    expect(readdirSync(dir)).toEqual(['video.mp4']);
    await expectPlatformReadyReel(join(dir, 'video.mp4'), seconds);
    // One IDR frame a second, every other frame predicted from it.
    expect((await gopReport(join(dir, 'video.mp4'))).keyframeSeconds).toEqual(
      Array.from({ length: seconds }, (_, i) => i),
    );
    expect(fractions.at(-1)).toBeCloseTo(1, 2);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });
});

describe('a full reel (every frame encoded)', () => {
  it('is platform-ready too, with a keyframe every 2 s', async () => {
    const dir = jobDir();
    await renderReelVideo(request(dir, 'full', 7));
    expect(readdirSync(dir)).toEqual(['video.mp4']);
    const file = join(dir, 'video.mp4');
    await expectPlatformReadyReel(file, 7);
    expect((await gopReport(file)).keyframeSeconds).toEqual([0, 2, 4, 6]);
    // x264 `medium` reorders frames (B frames): decoded in another order than shown.
    expect((await videoPackets(file)).some((p) => p.dtsSeconds !== p.ptsSeconds)).toBe(true);
  });
});

describe('a still reel cancelled mid-way', () => {
  async function cancelledAt(phase: 'segment' | 'music'): Promise<string[]> {
    const dir = jobDir();
    const controller = new AbortController();
    // The segment reports up to 0.6 of the step, the music mux the rest.
    const reached = (fraction: number) => (phase === 'segment' ? fraction > 0 : fraction > 0.6);
    const rendering = renderReelVideo({
      ...request(dir, 'still', 8, controller.signal),
      onFraction: (fraction) => {
        if (reached(fraction)) controller.abort();
      },
    });
    await expect(rendering).rejects.toMatchObject({ kind: 'cancelled' });
    await expect(rendering).rejects.toBeInstanceOf(RenderError);
    return readdirSync(dir);
  }

  it('kills FFmpeg while the segment is encoded and leaves no file behind', async () => {
    expect(await cancelledAt('segment')).toEqual([]);
  });

  it('kills FFmpeg while the music is added and leaves no file behind', async () => {
    expect(await cancelledAt('music')).toEqual([]);
  });

  it('starts nothing when already cancelled', async () => {
    const dir = jobDir();
    const controller = new AbortController();
    controller.abort();
    await expect(renderReelVideo(request(dir, 'still', 7, controller.signal))).rejects.toMatchObject({
      kind: 'cancelled',
    });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a still reel whose frame cannot be read', () => {
  it('fails as an unreadable input and leaves no file behind', async () => {
    const dir = jobDir();
    const broken = join(dir, 'broken.png');
    writeFileSync(broken, 'not a picture');
    await expect(renderReelVideo({ ...request(dir, 'still', 7), frameFile: broken })).rejects.toMatchObject({
      kind: 'unreadable_input',
    });
    expect(readdirSync(dir)).toEqual(['broken.png']);
  });
});
