import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../src-main/core/contract/jobs';
import { seededRandom } from '../../../src-main/core/ports/random';
import { gopReport, greyPixels, integratedLoudness, probe, topLevelAtoms } from '../../helpers/media-probe';
import { openTempCore, sampleBrand, type TempCore } from '../../helpers/temp-core';
import { expectPlatformReadyReel } from './reel-checks';

let t: TempCore;
let reel: Job;
let carousel: Job;
const media = (relative: string) => join(t.dir, 'media', relative);

beforeAll(async () => {
  t = await openTempCore({ random: seededRandom(42), autoStart: false });
  await t.call('brands.create', sampleBrand);
  const progress: number[] = [];
  t.core.events.subscribe((e) => {
    if (e.stream === 'job.progress') progress.push(e.payload.percent);
  });
  const created = await Promise.all([
    t.call('jobs.create', {
      brandId: sampleBrand.id,
      variant: 'dark',
      // Every character FFmpeg's filter syntax treats specially must come out as written.
      title: `It's 10:30 [now]; 100% sure, "really" \\ done`,
      contentLines: [
        'Dim the lights an hour before bed',
        'Keep the bedroom cool: 18 °C, not 22',
        'Stop caffeine after 2 pm',
      ],
      caption: 'Sleep is built during the day.\n\n#sleep',
    }),
    t.call('jobs.create', {
      brandId: sampleBrand.id,
      variant: 'post',
      title: 'Why morning light matters more than coffee',
      contentLines: [
        'Morning light sets your body clock.\nTen minutes outside is enough.',
        'Coffee can wait an hour.',
      ],
      caption: 'Light first, coffee second.',
    }),
  ]);
  await t.core.jobs.queue.idle();
  reel = await t.call('jobs.get', { id: created[0].id });
  carousel = await t.call('jobs.get', { id: created[1].id });
  expect(progress.length).toBeGreaterThan(4);
  expect(progress.at(-1)).toBe(100);
});
afterAll(() => t.close());

describe('a rendered reel', () => {
  it('completes with every file', () => {
    expect(reel.error).toBeNull();
    expect(reel.status).toBe('completed');
    expect(reel.completedSteps).toEqual([
      'background',
      'reel-image',
      'thumbnail',
      'video',
      'youtube-thumbnail',
      'captions',
    ]);
    for (const file of [
      reel.files.video,
      reel.files.reelImage,
      reel.files.thumbnail,
      reel.files.youtubeThumbnail,
    ]) {
      expect(statSync(media(file!)).size).toBeGreaterThan(1000);
    }
  });

  it('is 1080×1920 H.264 yuv420p at 30 fps for 7 or 8 s with AAC music, moov before mdat', async () => {
    const info = await probe(media(reel.files.video!));
    const video = info.streams.find((s) => s.codec_type === 'video')!;
    const audio = info.streams.find((s) => s.codec_type === 'audio')!;
    expect(video).toMatchObject({
      codec_name: 'h264',
      width: 1080,
      height: 1920,
      pix_fmt: 'yuv420p',
      r_frame_rate: '30/1',
    });
    expect(audio).toMatchObject({ codec_name: 'aac', sample_rate: '44100', channels: 2 });
    const duration = Number(info.format.duration);
    expect(reel.render.durationSeconds === 7 || reel.render.durationSeconds === 8).toBe(true);
    expect(Math.abs(duration - reel.render.durationSeconds!)).toBeLessThan(0.1);
    expect(Number(video.nb_frames)).toBe(30 * reel.render.durationSeconds!);
    expect(Number(audio.duration)).toBeGreaterThan(reel.render.durationSeconds! - 0.1);
    const atoms = topLevelAtoms(media(reel.files.video!));
    expect(atoms.indexOf('moov')).toBeGreaterThan(-1);
    expect(atoms.indexOf('moov')).toBeLessThan(atoms.indexOf('mdat'));
    expect(reel.render.musicTitle).toBeTruthy();
  });

  it('is exactly its length in frames, with a closed GOP and a keyframe every second at most 2 s apart', async () => {
    const file = media(reel.files.video!);
    await expectPlatformReadyReel(file, reel.render.durationSeconds!);
    // A still reel: one second encoded once and repeated, so an IDR frame starts every second.
    expect((await gopReport(file)).keyframeSeconds).toEqual(
      Array.from({ length: reel.render.durationSeconds! }, (_, i) => i),
    );
  });

  it('has its music as AAC at about 192 kb/s, as the original encoded it', async () => {
    const audio = (await probe(media(reel.files.video!))).streams.find((s) => s.codec_type === 'audio')!;
    // FFmpeg's AAC encoder aims at the average rate and lands a few percent either side.
    expect(Number(audio.bit_rate) / 1000).toBeGreaterThan(192 * 0.9);
    expect(Number(audio.bit_rate) / 1000).toBeLessThan(192 * 1.1);
  });

  it('has its music at the −14 LUFS target', async () => {
    const lufs = await integratedLoudness(media(reel.files.video!));
    expect(Math.abs(lufs - -14)).toBeLessThan(1.5);
  });

  it('has a 1080×1920 PNG frame, a JPEG thumbnail (Instagram cover) and a YouTube JPEG under 2 MB', async () => {
    for (const [file, codec] of [
      [reel.files.reelImage!, 'png'],
      [reel.files.thumbnail!, 'mjpeg'],
      [reel.files.youtubeThumbnail!, 'mjpeg'],
    ] as const) {
      const stream = (await probe(media(file))).streams[0]!;
      expect(stream).toMatchObject({ codec_name: codec, width: 1080, height: 1920 });
    }
    expect(statSync(media(reel.files.youtubeThumbnail!)).size).toBeLessThan(2 * 1024 * 1024);
  });

  it('keeps every line of text inside the safe area, clear of the platform buttons', async () => {
    const pixels = await greyPixels(media(reel.files.reelImage!), 1080, 1920);
    const outside: string[] = [];
    // Below the title bars: white text on a dark background.
    for (let y = 481; y < 1880; y++) {
      for (let x = 0; x < 1080; x++) {
        if (pixels[y * 1080 + x]! <= 160) continue;
        if (y > 1640 || x < 108 || x > 108 + 864) outside.push(`${x},${y}`);
      }
    }
    expect(outside.slice(0, 5)).toEqual([]);
  });

  it('uses the proposal caption as written, with the brand handle and hashtags', () => {
    expect(reel.captions!.instagram).toBe(
      'Sleep is built during the day.\n\n💬 If you found this helpful, follow @thehealthycollege for more.\n\n#sleep',
    );
    expect(reel.captions!.youtubeTitle.length).toBeLessThanOrEqual(100);
  });
});

describe('a rendered carousel', () => {
  it('is a cover and one slide per text, 1080×1350 JPEG', async () => {
    expect(carousel.error).toBeNull();
    expect(carousel.status).toBe('completed');
    expect(carousel.files.video).toBeNull();
    expect(carousel.files.slides).toHaveLength(3);
    for (const slide of carousel.files.slides) {
      const stream = (await probe(media(slide))).streams[0]!;
      expect(stream).toMatchObject({ codec_name: 'mjpeg', width: 1080, height: 1350 });
      expect(statSync(media(slide)).size).toBeLessThan(8 * 1024 * 1024);
    }
    expect(carousel.captions!.instagram.startsWith('Light first, coffee second.')).toBe(true);
  });
});
