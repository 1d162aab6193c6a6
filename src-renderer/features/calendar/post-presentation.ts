import { platformNames, type CalendarItem, type Platform, type PublishTarget } from '@contract';
import type { BadgeTone } from '../../ui/badge';

/** How a post and each platform's progress read on the calendar, in plain words. */

type PostStatus = CalendarItem['status'];
type TargetStatus = PublishTarget['status'];

/** Short enough for a month cell; the full name goes in the accessible label. */
export const platformShort: Record<Platform, string> = {
  instagram: 'IG',
  facebook: 'FB',
  youtube: 'YT',
};

export const postStatusLabel: Record<PostStatus, string> = {
  scheduled: 'Scheduled',
  publishing: 'Publishing',
  published: 'Published',
  partial: 'Partly published',
  failed: 'Failed',
  waiting: 'Waiting for you',
  cancelled: 'Unscheduled',
};

export const postStatusTone: Record<PostStatus, BadgeTone> = {
  scheduled: 'neutral',
  publishing: 'info',
  published: 'good',
  partial: 'warn',
  failed: 'bad',
  waiting: 'warn',
  cancelled: 'neutral',
};

export const targetStatusLabel: Record<TargetStatus, string> = {
  scheduled: 'scheduled',
  uploading: 'uploading',
  processing: 'processing',
  published: 'published',
  failed: 'failed',
  waiting: 'waiting',
  cancelled: 'not publishing',
};

export const targetStatusTone: Record<TargetStatus, BadgeTone> = {
  scheduled: 'neutral',
  uploading: 'info',
  processing: 'info',
  published: 'good',
  failed: 'bad',
  waiting: 'warn',
  cancelled: 'neutral',
};

/**
 * A symbol beside the platform's short name, so the state reads without colour too. Only
 * characters common fonts have: Debian's Chromium draws ⏸ and ⓘ as empty boxes.
 */
export const targetStatusMark: Record<TargetStatus, string> = {
  scheduled: '•',
  uploading: '↑',
  processing: '…',
  published: '✓',
  failed: '✕',
  waiting: '!',
  cancelled: '–',
};

/** "Instagram: uploading 42%" for a screen reader, and the badge's tooltip. */
export function targetLabel(
  target: Pick<PublishTarget, 'platform' | 'status'>,
  percent?: number | null,
): string {
  const progress = target.status === 'uploading' && percent != null ? ` ${Math.round(percent)}%` : '';
  return `${platformNames[target.platform]}: ${targetStatusLabel[target.status]}${progress}`;
}

export function contentTypeLabel(item: Pick<CalendarItem, 'contentType' | 'variant'>): string {
  return item.contentType === 'carousel' ? 'Carousel' : `Reel (${item.variant})`;
}

/** The core's wait codes (publish engine, connections, slots) in words. */
const waitSentences: Record<string, string> = {
  no_slot: 'No free slot: pick a time for it.',
  needs_media_host:
    'Needs a media host: Instagram fetches carousel slides from a public address. Set one in Settings, or export the post and publish it by hand.',
  not_connected: 'This brand is not connected to this platform: connect it on the Brands page.',
  connection_expired: 'The connection expired: reconnect it on the Brands page. Nothing is sent until then.',
  quota: 'The platform’s limit for now is used up; it tries again at the time below.',
};

/**
 * Why a platform waits (for the creator, or until a time). Known codes become sentences, other
 * bare codes are spelled out, and the core's own sentences are kept as they are.
 */
export function describeWait(waitReason: string | null): string | null {
  if (!waitReason) return null;
  const known = waitSentences[waitReason];
  if (known) return known;
  if (/^[a-z_]+$/.test(waitReason)) {
    const words = waitReason.replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1) + '.';
  }
  return waitReason;
}

/** A carousel Instagram cannot fetch (no public URL for its slides) is offered as an export. */
export function needsMediaHost(item: Pick<CalendarItem, 'targets'>): boolean {
  return item.targets.some(
    (t) =>
      /media.?host/i.test(t.waitReason ?? '') ||
      /media.?host/i.test(t.error?.code ?? '') ||
      /media host/i.test(t.error?.message ?? ''),
  );
}

/**
 * Black or white text, whichever reads better on the brand colour (WCAG relative luminance:
 * white wins below about 0.18, the point where both contrast ratios are equal).
 */
export function textColorOn(background: string): '#000000' | '#ffffff' {
  const hex = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(background.trim())?.[1];
  if (!hex) return '#ffffff';
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const channel = (i: number) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  return luminance > 0.179 ? '#000000' : '#ffffff';
}
