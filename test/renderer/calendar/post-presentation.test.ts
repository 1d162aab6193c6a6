import { describe, expect, it } from 'vitest';
import type { PublishTarget } from '@contract';
import {
  describeWait,
  needsMediaHost,
  targetLabel,
  textColorOn,
} from '../../../src-renderer/features/calendar/post-presentation';

const target = (over: Partial<PublishTarget>): PublishTarget => ({
  platform: 'instagram',
  status: 'scheduled',
  step: null,
  externalId: null,
  permalink: null,
  attempts: 0,
  nextAttemptAt: null,
  waitReason: null,
  error: null,
  publishedAt: null,
  ...over,
});

describe('how a post reads', () => {
  it('labels each platform badge in words, with the upload percent', () => {
    expect(targetLabel(target({ status: 'published' }))).toBe('Instagram: published');
    expect(targetLabel(target({ platform: 'youtube', status: 'uploading' }), 41.6)).toBe(
      'YouTube: uploading 42%',
    );
    expect(targetLabel(target({ platform: 'facebook', status: 'cancelled' }), 10)).toBe(
      'Facebook: not publishing',
    );
  });

  it('picks the text colour with more contrast on the brand colour', () => {
    // Luminance: #004f00 ≈ 0.056 (dark, white text); #dcf6c8 ≈ 0.85 (light, black text).
    expect(textColorOn('#004f00')).toBe('#ffffff');
    expect(textColorOn('#dcf6c8')).toBe('#000000');
    // #777777 has luminance 0.184, just above the 0.179 crossover: black reads (very slightly) better.
    expect(textColorOn('#777')).toBe('#000000');
    expect(textColorOn('#757575')).toBe('#ffffff');
    expect(textColorOn('not a colour')).toBe('#ffffff');
  });

  it('turns a wait code into a sentence and keeps the core’s own sentences', () => {
    expect(describeWait(null)).toBeNull();
    expect(describeWait('no_slot')).toBe('No free slot: pick a time for it.');
    expect(describeWait('needs_media_host')).toMatch(/^Needs a media host/);
    expect(describeWait('rate_limited')).toBe('Rate limited.');
    expect(describeWait('Instagram asked to wait 60 minutes.')).toBe('Instagram asked to wait 60 minutes.');
  });

  it('offers the export when a carousel needs a media host', () => {
    expect(needsMediaHost({ targets: [target({ status: 'waiting', waitReason: 'needs_media_host' })] })).toBe(
      true,
    );
    expect(
      needsMediaHost({
        targets: [
          target({
            status: 'failed',
            error: { message: 'x', code: 'media_host_missing', suggestedFix: null },
          }),
        ],
      }),
    ).toBe(true);
    expect(needsMediaHost({ targets: [target({})] })).toBe(false);
  });
});
