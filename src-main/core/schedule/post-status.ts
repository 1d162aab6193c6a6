import type { CalendarItem, PublishTarget } from '../contract/publishing';

type TargetStatus = PublishTarget['status'];
type PostStatus = CalendarItem['status'];

/**
 * A calendar item's status from its platforms' states (pure; recomputed in the same transaction
 * as every target change, so the calendar never disagrees with the platforms):
 * in progress anywhere → publishing; everything that is not cancelled published → published;
 * some published and the others stopped (failed or waiting) → partial; otherwise a failure wins
 * over a wait, a wait over scheduled.
 */
export function postStatusOf(targets: readonly TargetStatus[]): PostStatus {
  const live = targets.filter((s) => s !== 'cancelled');
  if (live.length === 0) return 'cancelled';
  if (live.some((s) => s === 'uploading' || s === 'processing')) return 'publishing';
  const published = live.filter((s) => s === 'published').length;
  if (published === live.length) return 'published';
  if (published > 0) return live.some((s) => s === 'scheduled') ? 'publishing' : 'partial';
  if (live.some((s) => s === 'failed')) return 'failed';
  if (live.some((s) => s === 'waiting')) return 'waiting';
  return 'scheduled';
}

/**
 * Whether captions, platforms and the time may still change: no platform is uploading or
 * processing, and something is left to publish. (A change then applies to the platforms that
 * have not published yet; a published one is never published again.)
 */
export function isEditable(targets: readonly TargetStatus[]): boolean {
  return (
    targets.every((s) => s !== 'uploading' && s !== 'processing') && targets.some((s) => s !== 'published')
  );
}
