import { reelCanvas, videoDefaults } from './defaults';

/** The reel's music: a track, where in it the reel starts, and the gain to the loudness target. */
export interface ReelMusic {
  file: string;
  offsetSeconds: number;
  /** dB to add so the music lands on the loudness target (target − the track's measured LUFS). */
  gainDb: number;
}

/** The picture as every player takes it: the canvas size, square pixels, 4:2:0. */
const canvasChain = `scale=${reelCanvas.width}:${reelCanvas.height},setsar=1,format=yuv420p`;

/** Every GOP starts with an IDR frame and ends before the next one; no more than 2 s apart. */
function keyframeArgs(intervalFrames: number): string[] {
  return ['-g', String(intervalFrames), '-keyint_min', String(intervalFrames), '-sc_threshold', '0'];
}

const h264Args = ['-c:v', 'libx264', '-profile:v', 'high', '-pix_fmt', 'yuv420p'];

/** The music as an input, read from its offset for the reel's length. */
function musicInput(music: ReelMusic, durationSeconds: number): string[] {
  return ['-ss', music.offsetSeconds.toFixed(3), '-t', String(durationSeconds), '-i', music.file];
}

/**
 * The music's chain: resampled, gained to the loudness target, faded out so it ends with the
 * video. `index` is the music input's position on the command line.
 */
function musicChain(music: ReelMusic, index: number, durationSeconds: number): string {
  const d = durationSeconds;
  const fadeStart = Math.max(0, d - videoDefaults.fadeOutSeconds);
  return (
    `[${index}:a]aresample=${videoDefaults.audioSampleRate},aformat=channel_layouts=stereo,` +
    `volume=${music.gainDb.toFixed(2)}dB,afade=t=out:st=${fadeStart}:d=${videoDefaults.fadeOutSeconds},` +
    `atrim=duration=${d},asetpts=PTS-STARTPTS[a]`
  );
}

/** AAC, the exact length, and the index (`moov`) first so playback and upload can start at once. */
function reelOutputArgs(durationSeconds: number, outputFile: string): string[] {
  return [
    '-c:a',
    'aac',
    '-b:a',
    videoDefaults.audioBitrate,
    '-t',
    String(durationSeconds),
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
    outputFile,
  ];
}

export interface FullReelInput {
  frameFile: string;
  music: ReelMusic;
  durationSeconds: number;
  threads: number;
  outputFile: string;
}

/**
 * The full encode, for a reel whose frames differ: every frame of the reel through x264, the
 * music beside it, in one FFmpeg run. The frame is decoded once and repeated (`loop`) until a
 * moving source takes its place.
 */
export function fullReelArgs(input: FullReelInput): string[] {
  const d = input.durationSeconds;
  const { fps } = videoDefaults;
  return [
    '-i',
    input.frameFile,
    ...musicInput(input.music, d),
    '-filter_complex',
    [
      `[0:v]${canvasChain},loop=loop=-1:size=1:start=0,fps=${fps},trim=duration=${d},setpts=PTS-STARTPTS[v]`,
      musicChain(input.music, 1, d),
    ].join(';'),
    '-map',
    '[v]',
    '-map',
    '[a]',
    ...h264Args,
    '-preset',
    videoDefaults.full.preset,
    '-crf',
    String(videoDefaults.full.crf),
    ...keyframeArgs(fps * videoDefaults.maxKeyframeIntervalSeconds),
    '-r',
    String(fps),
    '-threads',
    String(input.threads),
    ...reelOutputArgs(d, input.outputFile),
  ];
}

export interface StillSegmentInput {
  frameFile: string;
  threads: number;
  outputFile: string;
}

/** Frames in one still segment: the keyframe interval of a still reel. */
export function stillSegmentFrames(): number {
  return videoDefaults.fps * videoDefaults.still.segmentSeconds;
}

/**
 * One closed GOP of the still frame (an IDR frame, then P frames made of skip blocks), video
 * only: the frame is decoded once and repeated by `loop`, 30 frames to the second from the start.
 */
export function stillSegmentArgs(input: StillSegmentInput): string[] {
  const frames = stillSegmentFrames();
  const { fps, still } = videoDefaults;
  return [
    '-framerate',
    String(fps),
    '-i',
    input.frameFile,
    '-filter_complex',
    `[0:v]${canvasChain},loop=loop=${frames - 1}:size=1:start=0,setpts=N/FRAME_RATE/TB[v]`,
    '-map',
    '[v]',
    '-frames:v',
    String(frames),
    ...h264Args,
    '-preset',
    still.preset,
    '-tune',
    still.tune,
    '-qp',
    String(still.qp),
    '-bf',
    '0',
    ...keyframeArgs(frames),
    '-x264-params',
    still.x264Params,
    '-r',
    String(fps),
    '-threads',
    String(input.threads),
    '-an',
    '-f',
    'mp4',
    input.outputFile,
  ];
}

export interface StillReelInput {
  segmentFile: string;
  music: ReelMusic;
  durationSeconds: number;
  outputFile: string;
}

/**
 * The reel from its segment: the segment read again and again (`-stream_loop`, which keeps the
 * timestamps running on) and copied, never decoded, up to the reel's length; the music encoded
 * beside it. The concat demuxer would do the same but opens and probes the file once per repeat
 * (measured: 50 ms of CPU for 8 repeats, against under 10 ms).
 */
export function stillReelArgs(input: StillReelInput): string[] {
  const d = input.durationSeconds;
  const repeats = Math.ceil(d / videoDefaults.still.segmentSeconds);
  return [
    '-stream_loop',
    String(repeats - 1),
    '-i',
    input.segmentFile,
    ...musicInput(input.music, d),
    '-filter_complex',
    musicChain(input.music, 1, d),
    '-map',
    '0:v',
    '-map',
    '[a]',
    '-c:v',
    'copy',
    ...reelOutputArgs(d, input.outputFile),
  ];
}
