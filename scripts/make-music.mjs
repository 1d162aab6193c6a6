// Synthesises the royalty-free background tracks in resources/music (no samples, no downloads):
// simple chord progressions with a pad, a bass and an arpeggio, normalised to -14 LUFS with the
// bundled FFmpeg, plus tracks.json with each track's measured loudness and length.
// Run: node scripts/make-music.mjs   (deterministic: same code, same files)
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ffmpeg = require('@ffmpeg-installer/ffmpeg').path;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'resources', 'music');
mkdirSync(outDir, { recursive: true });

const RATE = 44100;
const SECONDS = 24;
const TARGET_LUFS = -14;

const midi = (n) => 440 * 2 ** ((n - 69) / 12);
const tracks = [
  // name, bpm, root midi note, progression (semitone offsets of chord roots), chord quality per bar
  {
    file: 'sunrise-steps.m4a',
    title: 'Sunrise Steps',
    bpm: 96,
    root: 60,
    bars: [0, 7, 9, 5],
    minor: [false, false, true, false],
  },
  {
    file: 'quiet-focus.m4a',
    title: 'Quiet Focus',
    bpm: 84,
    root: 57,
    bars: [0, 5, 3, 7],
    minor: [true, true, false, false],
  },
  {
    file: 'easy-glow.m4a',
    title: 'Easy Glow',
    bpm: 108,
    root: 62,
    bars: [0, 9, 5, 7],
    minor: [false, true, false, false],
  },
];

function render(track) {
  const n = RATE * SECONDS;
  const left = new Float32Array(n);
  const right = new Float32Array(n);
  const beat = 60 / track.bpm;
  const bar = beat * 4;
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    const barIndex = Math.floor(t / bar) % track.bars.length;
    const inBar = t % bar;
    const rootNote = track.root + track.bars[barIndex];
    const third = track.minor[barIndex] ? 3 : 4;
    const chord = [rootNote, rootNote + third, rootNote + 7, rootNote + 12];
    // Pad: chord tones, slow swell per bar, slightly detuned left/right for width.
    const swell = Math.min(1, inBar / 0.6) * Math.min(1, (bar - inBar) / 0.3 + 0.2);
    let padL = 0;
    let padR = 0;
    for (const note of chord) {
      const f = midi(note);
      padL += Math.sin(2 * Math.PI * f * 0.999 * t);
      padR += Math.sin(2 * Math.PI * f * 1.001 * t);
    }
    // Bass: root an octave down on every beat with a soft decay.
    const inBeat = t % beat;
    const bass = Math.sin(2 * Math.PI * midi(rootNote - 24) * t) * Math.exp(-inBeat * 3);
    // Arpeggio: eighth notes walking up the chord, plucked.
    const eighth = beat / 2;
    const step = Math.floor(t / eighth) % chord.length;
    const inStep = t % eighth;
    const f = midi(chord[step] + 12);
    const pluck =
      (Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(4 * Math.PI * f * t)) * Math.exp(-inStep * 9);
    // Gentle fade in and out of the whole track so any excerpt start is soft.
    const edge = Math.min(1, t / 1.5, (SECONDS - t) / 1.5);
    left[i] = edge * (0.09 * swell * padL + 0.35 * bass + 0.22 * pluck * 0.8);
    right[i] = edge * (0.09 * swell * padR + 0.35 * bass + 0.22 * pluck * 1.0);
  }
  const pcm = Buffer.alloc(n * 4);
  for (let i = 0; i < n; i++) {
    pcm.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(left[i] * 20000))), i * 4);
    pcm.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(right[i] * 20000))), i * 4 + 2);
  }
  return pcm;
}

function run(args, input) {
  const result = spawnSync(ffmpeg, ['-hide_banner', '-nostdin', ...args], { input, maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(result.stderr.toString());
  return result.stderr.toString();
}

const raw = ['-f', 's16le', '-ar', String(RATE), '-ac', '2', '-channel_layout', 'stereo', '-i', 'pipe:0'];
const manifest = [];
for (const track of tracks) {
  const pcm = render(track);
  // Pass 1 measures, pass 2 applies a linear gain to the target (two-pass loudnorm).
  const measured = JSON.parse(
    /\{[\s\S]*\}/.exec(
      run(
        [...raw, '-af', `loudnorm=I=${TARGET_LUFS}:TP=-1.5:LRA=11:print_format=json`, '-f', 'null', '-'],
        pcm,
      ),
    )[0],
  );
  const out = join(outDir, track.file);
  run(
    [
      ...raw,
      '-af',
      `loudnorm=I=${TARGET_LUFS}:TP=-1.5:LRA=11:measured_I=${measured.input_i}:measured_TP=${measured.input_tp}:` +
        `measured_LRA=${measured.input_lra}:measured_thresh=${measured.input_thresh}:offset=${measured.target_offset}:linear=true,aresample=${RATE},aformat=channel_layouts=stereo`,
      '-c:a',
      'aac',
      '-b:a',
      '128k',
      '-movflags',
      '+faststart',
      '-y',
      out,
    ],
    pcm,
  );
  const check = run(['-i', out, '-af', 'ebur128', '-f', 'null', '-']);
  const integrated = Number(/I:\s+(-?[\d.]+) LUFS/.exec(check.slice(check.lastIndexOf('Summary')))[1]);
  manifest.push({
    file: track.file,
    title: track.title,
    durationSeconds: SECONDS,
    integratedLufs: integrated,
    license: 'Generated by scripts/make-music.mjs for Maestro; no third-party material (CC0).',
  });
  console.log(`${track.file}: ${integrated} LUFS`);
}
writeFileSync(join(outDir, 'tracks.json'), JSON.stringify({ tracks: manifest }, null, 2) + '\n');
