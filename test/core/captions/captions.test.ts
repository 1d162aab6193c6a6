import { describe, expect, it } from 'vitest';
import {
  buildCaptions,
  charCount,
  splitTrailingHashtags,
  titleCase,
  truncateAtWord,
  uniqueHashtags,
  youtubeTitle,
} from '../../../src-main/core/captions/captions';

const brand = { displayName: 'The Healthy College', instagramHandle: '@thehealthycollege' };
const base = {
  title: 'Sleep better',
  contentLines: ['Dim the lights'],
  hashtags: [],
  ctaType: 'follow_tips' as const,
  brand,
};

describe('truncateAtWord', () => {
  it('leaves text that fits and cuts at a word boundary with an ellipsis', () => {
    expect(truncateAtWord('short', 5)).toBe('short');
    // 10 characters allowed: 9 for text + "…"; "alpha beta" would be 10 → cut to "alpha".
    expect(truncateAtWord('alpha beta gamma', 10)).toBe('alpha…');
    expect(truncateAtWord('alpha beta gamma', 13, '...')).toBe('alpha beta...');
  });
  it('counts an emoji as one character', () => {
    expect(charCount('💬 ok')).toBe(4);
  });
});

describe('hashtags', () => {
  it('takes a trailing hashtag paragraph off the prose', () => {
    expect(splitTrailingHashtags('Body text.\n\n#a #b')).toEqual({ body: 'Body text.', tags: ['#a', '#b'] });
    expect(splitTrailingHashtags('Body with #inline tag.')).toEqual({
      body: 'Body with #inline tag.',
      tags: [],
    });
  });
  it('dedupes case-insensitively and adds a missing "#"', () => {
    expect(uniqueHashtags(['#Sleep', 'sleep', 'health', '#x y'])).toEqual(['#Sleep', '#health']);
  });
});

describe('buildCaptions', () => {
  it('uses the proposal caption as written, then the CTA with the real handle, then hashtags', () => {
    const captions = buildCaptions({
      ...base,
      caption: 'Sleep is built during the day.\n\n#sleep #rest',
      hashtags: ['#Rest', '#habits'],
    });
    expect(captions.instagram).toBe(
      'Sleep is built during the day.\n\n💬 If you found this helpful, follow @thehealthycollege for more.\n\n#sleep #rest #habits',
    );
    expect(captions.hashtags).toEqual(['#sleep', '#rest', '#habits']);
    expect(captions.youtubeTitle).toBe('Sleep Better');
  });

  it('names the brand when it has no Instagram handle', () => {
    const captions = buildCaptions({
      ...base,
      caption: 'Hi.',
      brand: { displayName: 'Gym College', instagramHandle: null },
    });
    expect(captions.instagram.split('\n\n')[1]).toBe(
      '💬 If you found this helpful, follow Gym College for more.',
    );
  });

  it('keeps Instagram at 2,200 characters by shortening the prose only', () => {
    const prose = 'word '.repeat(600).trim(); // 2,999 characters
    const captions = buildCaptions({ ...base, caption: prose, hashtags: ['#one'] });
    expect(charCount(captions.instagram)).toBeLessThanOrEqual(2200);
    expect(captions.instagram.endsWith('for more.\n\n#one')).toBe(true);
    // Suffix "\n\n💬 …for more.\n\n#one" is 2 + 65 + 2 + 4 = 73 characters; the prose gets 2,127:
    // 2,126 characters of text plus "…", cut back to the last whole word ("word" ends at 5k−1).
    const cut = captions.instagram.split('\n\n')[0]!;
    expect(cut.endsWith('word…')).toBe(true);
    expect(charCount(cut)).toBe(2125);
  });

  it('caps hashtags at 30 on Instagram, counting the ones inside the prose', () => {
    const many = Array.from({ length: 40 }, (_, i) => `#tag${i}`);
    const captions = buildCaptions({ ...base, caption: 'Text with #inline and #more.', hashtags: many });
    expect(captions.hashtags).toHaveLength(28);
    expect(captions.instagram.match(/#\w+/g)).toHaveLength(30);
    expect(captions.facebook.match(/#\w+/g)).toHaveLength(3);
    expect(charCount(captions.facebook)).toBeLessThanOrEqual(400);
  });

  it('falls back to the title and lines, never to invented text, when there is no caption', () => {
    const captions = buildCaptions({ ...base, caption: null, ctaType: 'none' });
    expect(captions.instagram).toBe(
      'Sleep better\nDim the lights\n\n#habits #interestingfacts #naturalhealing #healthtips #holistichealth',
    );
  });
});

describe('the follow call-to-action', () => {
  const follows = (text: string) => text.match(/\bfollow\b/gi)?.length ?? 0;
  const platforms = (c: ReturnType<typeof buildCaptions>) => [c.instagram, c.facebook, c.youtubeDescription];

  it("puts the brand's real handle where the LLM wrote the @brandhandle placeholder, and adds no second CTA", () => {
    const captions = buildCaptions({
      ...base,
      caption: 'Magnesium calms the nervous system.\n\nFollow @BrandHandle for daily science.\n\n#sleep',
    });
    for (const text of platforms(captions)) {
      expect(text).toBe(
        'Magnesium calms the nervous system.\n\nFollow @thehealthycollege for daily science.\n\n#sleep',
      );
    }
  });

  it('names the brand in place of the placeholder when the brand has no Instagram handle', () => {
    const captions = buildCaptions({
      ...base,
      caption:
        'Text.\n\nMake sure to follow @brandhandle for more. Save it, share it with @BRANDHANDLE fans.',
      brand: { displayName: 'Gym College', instagramHandle: null },
    });
    for (const text of platforms(captions)) {
      expect(text).not.toMatch(/brandhandle/i);
      expect(follows(text)).toBe(1);
      expect(text).toContain(
        'Make sure to follow Gym College for more. Save it, share it with Gym College fans.',
      );
    }
  });

  it('counts "follow" right before a handle, the brand name, "us" or "for more" as a CTA, and nothing else', () => {
    const templateCta = '💬 If you found this helpful, follow @thehealthycollege for more.';
    const withCaption = (caption: string) =>
      buildCaptions({ ...base, caption, ctaType: 'follow_tips' }).instagram;
    expect(withCaption('Tip.\nFollow us for Part 2.')).not.toContain(templateCta);
    expect(withCaption('Tip. Save this and follow for more tips like it.')).not.toContain(templateCta);
    expect(withCaption('Tip.\n👉🏼 follow the healthy college for daily tips')).not.toContain(templateCta);
    expect(withCaption('Tip.\nFollow @someone.else today')).not.toContain(templateCta);
    // "follow" with other words between it and "for more" is prose, not a call to action.
    expect(withCaption('Researchers follow adults for more than a decade.')).toContain(templateCta);
    expect(withCaption('The follow-up study agreed.')).toContain(templateCta);
  });

  it("adds the brand's CTA where a platform's limit cut the written one off, so each text has exactly one", () => {
    const prose = 'word '.repeat(100).trim(); // 499 characters
    const captions = buildCaptions({
      ...base,
      caption: `${prose}\n\nFollow @brandhandle for more.\n\n#sleep`,
    });
    expect(captions.instagram).toBe(`${prose}\n\nFollow @thehealthycollege for more.\n\n#sleep`);
    // Facebook keeps 400 characters: the prose is cut and the written CTA with it.
    expect(charCount(captions.facebook)).toBeLessThanOrEqual(400);
    expect(
      captions.facebook.endsWith(
        '💬 If you found this helpful, follow @thehealthycollege for more.\n\n#sleep',
      ),
    ).toBe(true);
    for (const text of platforms(captions)) expect(follows(text)).toBe(1);
  });
});

describe('YouTube title', () => {
  it('is Title Case with small words lower-case, without "<" or ">"', () => {
    expect(titleCase('the SECRET of good sleep')).toBe('The Secret of Good Sleep');
    expect(youtubeTitle('sleep <better> #now')).toBe('Sleep Better');
  });
  it('is at most 100 characters, cut at a word with "..."', () => {
    const title = youtubeTitle('abcdefghi '.repeat(15));
    expect(title.length).toBeLessThanOrEqual(100);
    // 97 characters for text: nine whole 10-character words end at 89 (with its space at 90).
    expect(title).toBe(`${'Abcdefghi '.repeat(9).trim()}...`);
  });
});
