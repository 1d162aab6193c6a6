/** Mixes `hex` towards `target` by `amount` (0 keeps it, 1 gives the target). */
export function mixColor(hex: string, target: string, amount: number): string {
  const channel = (h: string, i: number) => parseInt(h.slice(1 + 2 * i, 3 + 2 * i), 16);
  const parts = [0, 1, 2].map((i) =>
    Math.round(channel(hex, i) + (channel(target, i) - channel(hex, i)) * amount),
  );
  return `#${parts.map((p) => p.toString(16).padStart(2, '0')).join('')}`;
}

/** FFmpeg's colour syntax: 0xRRGGBB, optionally @alpha. */
export function ffmpegColor(hex: string, alpha?: number): string {
  const base = `0x${hex.slice(1).toUpperCase()}`;
  return alpha === undefined ? base : `${base}@${alpha.toFixed(3)}`;
}
