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
