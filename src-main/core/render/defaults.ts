/**
 * Every number of the look and the encoding in one place. Layout numbers are the original's
 * (behaviour spec 6.10), which keep text clear of Instagram's and YouTube's own buttons: the top
 * 280 px and bottom 280 px of a reel hold no content.
 */
export const reelCanvas = { width: 1080, height: 1920 } as const;
/** Instagram's portrait 4:5 feed size; carousel children may be 4:5 to 1.91:1. */
export const postCanvas = { width: 1080, height: 1350 } as const;

export const fontFiles = {
  /** Titles and brand names. */
  title: 'fonts/Poppins-Bold.ttf',
  /** Content lines, slide text, small labels. */
  body: 'fonts/Inter-Medium.ttf',
} as const;

export const reelLayout = {
  lightBackground: '#f4f4f4',
  /** Black over a photo background so white text stays readable (the original's 85 %). */
  darkPhotoOverlay: 0.85,
  title: {
    top: 280,
    maxWidth: 900,
    maxLines: 2,
    startSize: 56,
    minSize: 20,
    step: 1,
    barHeight: 100,
    barPaddingX: 20,
  },
  content: {
    gapBelowTitle: 70,
    left: 108,
    maxWidth: 864,
    startSize: 44,
    minSize: 20,
    step: 1,
    /** Content must end above this line (1920 − 280): below it sit the caption and buttons. */
    bottomLimit: 1640,
    /** × the cap height; the original's 1.5 set wrapped lines so tight they touched. */
    lineHeightFactor: 1.75,
    itemGapFactor: 0.6,
  },
  brandName: { size: 15, bottomGap: 12 },
} as const;

export const thumbnailLayout = {
  darkPhotoOverlay: 0.55,
  maxWidth: 920,
  maxLines: 3,
  startSize: 80,
  minSize: 40,
  step: 2,
  lineGap: 20,
  brandSize: 28,
  brandGapBelowTitle: 254,
} as const;

export const coverLayout = {
  /** Horizontal padding of the title (the original used 0 and later 45). */
  paddingX: 45,
  /** The bottom 60 % darkens from transparent to 95 % black so the white title reads on any photo. */
  gradientStart: 0.4,
  gradientMidAlpha: 127,
  gradientEndAlpha: 242,
  gradientMidAt: 0.3,
  /** Try 3 lines from 90 to 64 px, then 2 lines down to 30 px, then one line. */
  threeLineSizes: { start: 90, min: 64 },
  twoLineSizes: { start: 90, min: 30 },
  sizeStep: 2,
  lineHeightFactor: 1.1,
  swipe: { text: 'SWIPE', size: 24, bottomGap: 45 },
  titleGapAboveSwipe: 80,
  brandBar: { size: 28, gapAboveTitle: 40, lineThickness: 2, gap: 113 },
} as const;

export const slideLayout = {
  background: '#f8f7f4',
  textColor: '#1a1a1a',
  paddingX: 90,
  top: 200,
  bottom: 1150,
  startSize: 52,
  minSize: 24,
  step: 2,
  lineHeightFactor: 1.45,
  paragraphGapFactor: 0.8,
  headerHeight: 110,
  headerTextSize: 30,
  pageSize: 26,
  pageBottomGap: 60,
} as const;

export const videoDefaults = {
  fps: 30,
  /** Drawn per job with the injected random, once, so a resumed job renders the same reel. */
  durationChoicesSeconds: [7, 8],
  /**
   * Platforms seek and start playback at keyframes, and cut uploads into ≤ 2 s chunks; every
   * GOP is closed (starts with an IDR frame) so each one decodes on its own.
   */
  maxKeyframeIntervalSeconds: 2,
  /** The full encode, for reels whose frames differ: every frame through x264 `medium`. */
  full: { preset: 'medium', crf: 23 },
  /**
   * A still reel is one short segment encoded once and repeated by stream copy (reel-video.ts).
   * Measured on the 1080×1920 reel frame, CPU time of the segment encode (median of 5 to 11):
   * - Frames cost x264 ~4 ms each even when nothing moves (1 frame: 30 ms, 30: 150 ms, 60:
   *   240 ms at veryfast, QP 28), so 1 s (an IDR frame and 29 P frames of skip blocks) is
   *   cheaper than 2 s and divides every drawn length. The price is one IDR frame a second in
   *   the file: a reel's video is ~540 KB with its music, the full encode's was ~260 KB.
   * - Constant QP instead of CRF (130 vs 190 ms): CRF needs the look-ahead's half-size analysis
   *   of every frame to rate it, which a picture that never changes does not need. `me=dia`,
   *   `subme=0` skip the sub-pixel planes of each reference frame (110 vs 130 ms); with no
   *   motion they find nothing the full-pixel search does not. B frames make it slower.
   * - QP 28 (the IDR at ≈ 25 after the I/P offset) gives 50.3 dB PSNR against the frame, where
   *   the old `medium`/CRF 23 full encode gave 49.9 dB on its first frame: ~40 KB per second.
   */
  still: {
    segmentSeconds: 1,
    preset: 'veryfast',
    tune: 'stillimage',
    qp: 28,
    x264Params: 'me=dia:subme=0',
    /** Share of the step's progress bar taken by the segment encode (the rest: the music mux). */
    segmentProgressShare: 0.6,
  },
  /** AAC at the original's rate (reference 6.11): the music is the reel's only sound. */
  audioBitrate: '192k',
  audioSampleRate: 44_100,
  /** Integrated loudness platforms normalise to; music is gained to land there. */
  loudnessTargetLufs: -14,
  fadeOutSeconds: 0.5,
  /** YouTube refuses thumbnails over 2 MB; quality 2 (≈ JPEG 90) stays far below for 1080×1920. */
  youtubeThumbnailQuality: 2,
  /** PNG zlib level: 3 is close to the smallest file at a fraction of level 9's time. */
  pngCompression: 3,
} as const;

/**
 * FFmpeg failures that are about the machine at that moment, not about the input, get two more
 * tries (reference 6.11): an encoder that could not get memory or a thread often can a few
 * seconds later, when a parallel render has finished. Anything else fails the step at once.
 */
export const ffmpegRetryDefaults = {
  maxAttempts: 3,
  /** Waits before the 2nd and the 3rd attempt. */
  delaysMs: [8_000, 16_000],
  /** Matched anywhere in FFmpeg's stderr, ignoring case. */
  transientMessages: [
    'Resource temporarily unavailable',
    'Error while opening encoder',
    'Cannot allocate memory',
    'Generic error in an external library',
  ],
} as const;
