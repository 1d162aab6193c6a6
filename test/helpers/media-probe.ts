import { execFile } from 'node:child_process';
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import { resolveMediaBinaries } from '../../src-main/core/render/ffmpeg-binaries';

const run = promisify(execFile);

export function mediaBinaries() {
  const resolved = resolveMediaBinaries();
  if ('error' in resolved) throw new Error(resolved.error);
  return resolved.binaries;
}

export interface ProbeStream {
  codec_type: 'video' | 'audio';
  codec_name: string;
  profile?: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  sample_rate?: string;
  channels?: number;
  duration?: string;
  nb_frames?: string;
  /** Bits per second, as the container states it (for AAC in MP4: the encoder's average). */
  bit_rate?: string;
}

export async function probe(
  file: string,
): Promise<{ streams: ProbeStream[]; format: { duration: string; format_name: string } }> {
  const { stdout } = await run(mediaBinaries().ffprobe, [
    '-v',
    'error',
    '-show_streams',
    '-show_format',
    '-of',
    'json',
    file,
  ]);
  return JSON.parse(stdout) as never;
}

/** The top-level boxes of an MP4 in file order, e.g. ['ftyp', 'moov', 'free', 'mdat']. */
export function topLevelAtoms(file: string): string[] {
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  const header = Buffer.alloc(16);
  const atoms: string[] = [];
  try {
    let offset = 0;
    while (offset + 8 <= size) {
      readSync(fd, header, 0, 16, offset);
      let length = header.readUInt32BE(0);
      const type = header.toString('latin1', 4, 8);
      if (length === 1) length = Number(header.readBigUInt64BE(8));
      if (length < 8) break;
      atoms.push(type);
      offset += length;
    }
  } finally {
    closeSync(fd);
  }
  return atoms;
}

export interface VideoPacket {
  ptsSeconds: number;
  dtsSeconds: number;
  durationSeconds: number;
  /** Marked a sync sample by the container: where a player may start or seek to. */
  key: boolean;
}

/** The video stream's packets in decode order. */
export async function videoPackets(file: string): Promise<VideoPacket[]> {
  const { stdout } = await run(
    mediaBinaries().ffprobe,
    [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-show_entries',
      'packet=pts_time,dts_time,duration_time,flags',
      '-of',
      'json',
      file,
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const packets = (JSON.parse(stdout) as { packets: Array<Record<string, string>> }).packets;
  return packets.map((p) => ({
    ptsSeconds: Number(p.pts_time),
    dtsSeconds: Number(p.dts_time),
    durationSeconds: Number(p.duration_time),
    key: (p.flags ?? '').startsWith('K'),
  }));
}

/**
 * For each video packet in decode order, whether it holds an IDR slice (NAL unit type 5), read
 * from the H.264 bitstream itself by FFmpeg's trace_headers filter: an IDR frame is the one kind
 * of keyframe no later frame can predict across, so a GOP that starts with one is closed.
 */
export async function idrPackets(file: string): Promise<boolean[]> {
  const { stderr } = await run(
    mediaBinaries().ffmpeg,
    [
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'debug',
      '-i',
      file,
      '-map',
      '0:v:0',
      '-c',
      'copy',
      '-bsf:v',
      'trace_headers',
      '-f',
      'null',
      '-',
    ],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  const idr: boolean[] = [];
  for (const line of stderr.split('\n')) {
    if (!line.includes('AVBSFContext')) continue;
    if (/\] Packet: /.test(line)) idr.push(false);
    else if (/\] nal_unit_type: 5\(IDR\)/.test(line) && idr.length > 0) idr[idr.length - 1] = true;
  }
  return idr;
}

export interface GopReport {
  /** Presentation times of the keyframes, in order. */
  keyframeSeconds: number[];
  /** The longest stretch from a keyframe to the next one, or to the end of the video. */
  longestGopSeconds: number;
  /** Packets marked keyframes that are not IDR frames, plus IDR frames not marked keyframes. */
  keyframesNotIdr: number;
  /** Frames decoded after a keyframe but shown before it: only an open GOP has them. */
  leadingFrames: number;
}

/** How a video's keyframes fall, from its packets and its bitstream. */
export async function gopReport(file: string): Promise<GopReport> {
  const [packets, idr] = await Promise.all([videoPackets(file), idrPackets(file)]);
  if (idr.length !== packets.length)
    throw new Error(`${idr.length} traced packets, ${packets.length} probed`);
  const keyframeSeconds = packets.filter((p) => p.key).map((p) => p.ptsSeconds);
  keyframeSeconds.sort((a, b) => a - b);
  const end = Math.max(...packets.map((p) => p.ptsSeconds + p.durationSeconds));
  const bounds = [...keyframeSeconds, end];
  let longestGopSeconds = keyframeSeconds.length === 0 ? end : 0;
  for (let i = 1; i < bounds.length; i++)
    longestGopSeconds = Math.max(longestGopSeconds, bounds[i]! - bounds[i - 1]!);
  let leadingFrames = 0;
  let lastKeyPts = -Infinity;
  for (const p of packets) {
    if (p.key) lastKeyPts = p.ptsSeconds;
    else if (p.ptsSeconds < lastKeyPts) leadingFrames++;
  }
  return {
    keyframeSeconds,
    longestGopSeconds,
    keyframesNotIdr: packets.filter((p, i) => p.key !== idr[i]).length,
    leadingFrames,
  };
}

/** Mean volume (dB) of the audio from `startSeconds` for `seconds`. */
export async function meanVolumeDb(file: string, startSeconds: number, seconds: number): Promise<number> {
  const { stderr } = await run(mediaBinaries().ffmpeg, [
    '-hide_banner',
    '-nostdin',
    '-ss',
    String(startSeconds),
    '-t',
    String(seconds),
    '-i',
    file,
    '-map',
    '0:a:0',
    '-af',
    'volumedetect',
    '-f',
    'null',
    '-',
  ]);
  return Number(/mean_volume:\s+(-?[\d.]+) dB/.exec(stderr)![1]);
}

/** Integrated loudness (LUFS) as FFmpeg's EBU R128 meter measures it. */
export async function integratedLoudness(file: string): Promise<number> {
  const { stderr } = await run(mediaBinaries().ffmpeg, [
    '-hide_banner',
    '-nostdin',
    '-i',
    file,
    '-af',
    'ebur128',
    '-f',
    'null',
    '-',
  ]);
  const summary = stderr.slice(stderr.lastIndexOf('Summary'));
  return Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)![1]);
}

/** A frame's pixels as 8-bit grey, for checking where ink landed. */
export async function greyPixels(file: string, width: number, height: number): Promise<Buffer> {
  const { stdout } = await run(
    mediaBinaries().ffmpeg,
    [
      '-v',
      'error',
      '-i',
      file,
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'gray',
      '-s',
      `${width}x${height}`,
      '-',
    ],
    { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}
