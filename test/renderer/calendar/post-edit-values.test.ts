import { describe, expect, it } from 'vitest';
import type { CalendarItem } from '@contract';
import {
  patchFrom,
  platformsFor,
  valuesFromItem,
} from '../../../src-renderer/features/calendar/post-edit-values';

const reel = {
  contentType: 'reel',
  caption: 'Sleep better tonight.',
  facebookCaption: 'Sleep better tonight (Facebook).',
  youtubeTitle: 'Why Magnesium Changes Your Sleep',
  firstComment: null,
  platforms: ['youtube', 'instagram'],
} as unknown as CalendarItem;

describe('the post edit form', () => {
  it('starts from the post, platforms in a fixed order', () => {
    expect(valuesFromItem(reel)).toEqual({
      caption: 'Sleep better tonight.',
      facebookCaption: 'Sleep better tonight (Facebook).',
      youtubeTitle: 'Why Magnesium Changes Your Sleep',
      firstComment: '',
      platforms: ['instagram', 'youtube'],
    });
  });

  it('sends only what changed, trimmed', () => {
    const values = { ...valuesFromItem(reel), caption: '  New caption.  ', firstComment: 'Link in bio' };
    expect(patchFrom(reel, values)).toEqual({
      ok: true,
      patch: { caption: 'New caption.', firstComment: 'Link in bio' },
    });
    expect(patchFrom(reel, valuesFromItem(reel))).toEqual({ ok: true, patch: null });
    // Whitespace alone is no change.
    expect(patchFrom(reel, { ...valuesFromItem(reel), caption: 'Sleep better tonight. ' })).toEqual({
      ok: true,
      patch: null,
    });
  });

  it('clears a first comment with null', () => {
    const withComment = { ...reel, firstComment: 'Link in bio' } as CalendarItem;
    expect(patchFrom(withComment, { ...valuesFromItem(withComment), firstComment: '  ' })).toEqual({
      ok: true,
      patch: { firstComment: null },
    });
  });

  it('says which field is wrong instead of sending it', () => {
    expect(
      patchFrom(reel, { ...valuesFromItem(reel), caption: ' ', youtubeTitle: 'A <b> title', platforms: [] }),
    ).toEqual({
      ok: false,
      errors: {
        caption: 'Write the Instagram caption.',
        youtubeTitle: 'YouTube refuses < and > in titles.',
        platforms: 'Choose at least one platform.',
      },
    });
  });

  it('sends the platforms when the set changes, not the order', () => {
    expect(
      patchFrom(reel, { ...valuesFromItem(reel), platforms: ['youtube', 'facebook', 'instagram'] }),
    ).toEqual({
      ok: true,
      patch: { platforms: ['instagram', 'facebook', 'youtube'] },
    });
  });

  it('offers no YouTube to a carousel and ignores its (absent) YouTube title', () => {
    const carousel = {
      ...reel,
      contentType: 'carousel',
      youtubeTitle: null,
      platforms: ['instagram'],
    } as CalendarItem;
    expect(platformsFor(carousel)).toEqual(['instagram', 'facebook']);
    expect(patchFrom(carousel, { ...valuesFromItem(carousel), youtubeTitle: 'x' })).toEqual({
      ok: true,
      patch: null,
    });
  });
});
