import type { CalendarItem, InputOf, Platform } from '@contract';
import type { FieldErrors } from '../../ui/errors';

export type PostPatch = InputOf<'calendar.update'>['patch'];

export interface PostEditValues {
  caption: string;
  facebookCaption: string;
  youtubeTitle: string;
  firstComment: string;
  platforms: Platform[];
}

export const allPlatforms: readonly Platform[] = ['instagram', 'facebook', 'youtube'];

/** The form's fields, as named in `calendar.update`'s patch (so the core's field errors land on them). */
export const postEditFields = [
  'caption',
  'facebookCaption',
  'youtubeTitle',
  'firstComment',
  'platforms',
] as const;

export function valuesFromItem(item: CalendarItem): PostEditValues {
  return {
    caption: item.caption,
    facebookCaption: item.facebookCaption,
    youtubeTitle: item.youtubeTitle ?? '',
    firstComment: item.firstComment ?? '',
    platforms: allPlatforms.filter((p) => item.platforms.includes(p)),
  };
}

/** YouTube takes videos only: a carousel cannot choose it. */
export function platformsFor(item: Pick<CalendarItem, 'contentType'>): readonly Platform[] {
  return item.contentType === 'carousel' ? allPlatforms.filter((p) => p !== 'youtube') : allPlatforms;
}

export type PatchResult = { ok: true; patch: PostPatch | null } | { ok: false; errors: FieldErrors };

/**
 * Only what changed goes to the core (null when nothing did). An emptied first comment means
 * "no first comment"; the captions and the YouTube title cannot be empty. The core validates
 * again; these checks only save a round trip for the obvious cases.
 */
export function patchFrom(item: CalendarItem, values: PostEditValues): PatchResult {
  const before = valuesFromItem(item);
  const errors: FieldErrors = {};
  const patch: PostPatch = {};
  const caption = values.caption.trim();
  if (caption !== before.caption.trim()) {
    if (!caption) errors.caption = 'Write the Instagram caption.';
    else patch.caption = caption;
  }
  const facebookCaption = values.facebookCaption.trim();
  if (facebookCaption !== before.facebookCaption.trim()) {
    if (!facebookCaption) errors.facebookCaption = 'Write the Facebook caption.';
    else patch.facebookCaption = facebookCaption;
  }
  const youtubeTitle = values.youtubeTitle.trim();
  if (item.contentType === 'reel' && youtubeTitle !== before.youtubeTitle.trim()) {
    if (!youtubeTitle) errors.youtubeTitle = 'Write a YouTube title.';
    else if (/[<>]/.test(youtubeTitle)) errors.youtubeTitle = 'YouTube refuses < and > in titles.';
    else patch.youtubeTitle = youtubeTitle;
  }
  const firstComment = values.firstComment.trim();
  if (firstComment !== before.firstComment.trim()) patch.firstComment = firstComment || null;
  const platforms = allPlatforms.filter((p) => values.platforms.includes(p));
  if (platforms.join() !== before.platforms.join()) {
    if (platforms.length === 0) errors.platforms = 'Choose at least one platform.';
    else patch.platforms = platforms;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, patch: Object.keys(patch).length > 0 ? patch : null };
}
