import { statSync } from 'node:fs';
import { expect } from 'vitest';
import {
  gopReport,
  integratedLoudness,
  meanVolumeDb,
  probe,
  topLevelAtoms,
  videoPackets,
} from '../../helpers/media-probe';

/**
 * Everything a reel must be for Instagram, Facebook and YouTube and for our own players, checked
 * on the file: H.264 High yuv420p 1080×1920 at a constant 30 fps, exactly `seconds` long with
 * exactly 30 frames to the second, a keyframe at least every 2 s and every GOP closed, AAC music
 * at −14 LUFS at ~192 kb/s that fades out at the end, and the index (`moov`) before the data.
 */
export async function expectPlatformReadyReel(file: string, seconds: number): Promise<void> {
  const info = await probe(file);
  const video = info.streams.find((s) => s.codec_type === 'video')!;
  const audio = info.streams.find((s) => s.codec_type === 'audio')!;
  expect(video).toMatchObject({
    codec_name: 'h264',
    profile: 'High',
    width: 1080,
    height: 1920,
    pix_fmt: 'yuv420p',
    r_frame_rate: '30/1',
    avg_frame_rate: '30/1',
    nb_frames: String(30 * seconds),
  });
  expect(Number(video.duration)).toBeCloseTo(seconds, 3);
  expect(Number(info.format.duration)).toBeCloseTo(seconds, 2);

  const packets = await videoPackets(file);
  expect(packets).toHaveLength(30 * seconds);
  // Constant frame rate: every frame shown for 1/30 s, none missing between them.
  const shown = packets.map((p) => p.ptsSeconds).sort((a, b) => a - b);
  shown.forEach((pts, i) => expect(pts).toBeCloseTo(i / 30, 4));
  for (const p of packets) expect(p.durationSeconds).toBeCloseTo(1 / 30, 4);

  const gops = await gopReport(file);
  expect(gops.keyframeSeconds[0]).toBe(0);
  expect(gops.longestGopSeconds).toBeLessThanOrEqual(2 + 1e-6);
  expect(gops.keyframesNotIdr).toBe(0);
  expect(gops.leadingFrames).toBe(0);

  expect(audio).toMatchObject({ codec_name: 'aac', sample_rate: '44100', channels: 2 });
  expect(Number(audio.duration)).toBeGreaterThan(seconds - 0.1);
  expect(Number(audio.bit_rate) / 1000).toBeGreaterThan(192 * 0.9);
  expect(Number(audio.bit_rate) / 1000).toBeLessThan(192 * 1.1);
  expect(Math.abs((await integratedLoudness(file)) - -14)).toBeLessThan(1.5);
  // The 0.5 s fade: the last tenth of a second is far quieter than the second before the fade.
  const before = await meanVolumeDb(file, seconds - 1.5, 1);
  const end = await meanVolumeDb(file, seconds - 0.1, 0.1);
  expect(before - end).toBeGreaterThan(12);

  const atoms = topLevelAtoms(file);
  expect(atoms.indexOf('moov')).toBeGreaterThan(-1);
  expect(atoms.indexOf('moov')).toBeLessThan(atoms.indexOf('mdat'));
  expect(statSync(file).size).toBeGreaterThan(1000);
}
