import type { Brand, BrandCreateInput } from '../contract/brands';

export const brandDefaults = {
  postsPerDay: 6,
  shortNameMaxLength: 12,
  /** Light reels: dark text on a tint of the brand colour. Dark reels: white text on the colour. */
  lightTitleText: '#000000',
  darkTitleText: '#ffffff',
} as const;

type InputColors = BrandCreateInput['colors'];

/** Mixes a colour with white; `amount` 0 keeps the colour, 1 gives white. */
export function tint(hex: string, amount: number): string {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const mixed = channels.map((c) => Math.round(c + (255 - c) * amount));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Fills the reel colours a brand did not choose from its primary colour. */
export function completeBrandColors(colors: InputColors): Brand['colors'] {
  return {
    primary: colors.primary,
    accent: colors.accent,
    lightTitleBar: colors.lightTitleBar ?? tint(colors.primary, 0.8),
    lightTitleText: colors.lightTitleText ?? brandDefaults.lightTitleText,
    darkTitleBar: colors.darkTitleBar ?? colors.primary,
    darkTitleText: colors.darkTitleText ?? brandDefaults.darkTitleText,
  };
}

/** "The Healthy College" → "THC"; a single word keeps its first letters. */
export function deriveShortName(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  const initials = words.length > 1 ? words.map((w) => w[0]!).join('') : (words[0] ?? 'BRAND');
  return initials.toUpperCase().slice(0, brandDefaults.shortNameMaxLength);
}

/**
 * New brands publish in their own hours: the lowest offset no active brand uses (the original
 * used "number of active brands", which collides after a deletion).
 */
export function nextFreeScheduleOffset(usedOffsets: readonly number[]): number {
  const used = new Set(usedOffsets);
  for (let offset = 0; offset < 24; offset++) if (!used.has(offset)) return offset;
  return usedOffsets.length % 24;
}
