import { describe, expect, it } from 'vitest';
import { balanceLines, fitText, wrapWords } from '../../../src-main/core/render/text-layout';

/** Every character is half the font size wide: widths can be computed by hand. */
const mono = (text: string, size: number) => text.length * size * 0.5;

describe('wrapWords', () => {
  it('fills each line greedily up to the width', () => {
    // At 10 px a character is 5 px: 50 px holds 10 characters.
    expect(wrapWords('aaa bbb ccc ddd', 10, 50, mono)).toEqual(['aaa bbb', 'ccc ddd']);
    // 'aaa bbb ccc' is 11 characters, 55 px: it fits 55 exactly, not 54.
    expect(wrapWords('aaa bbb ccc', 10, 55, mono)).toEqual(['aaa bbb ccc']);
    expect(wrapWords('aaa bbb ccc', 10, 54, mono)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapWords('aaa  bbb', 10, 100, mono)).toEqual(['aaa bbb']);
  });

  it('breaks a word wider than the line between characters instead of overflowing', () => {
    expect(wrapWords('abcdefghijkl xy', 10, 25, mono)).toEqual(['abcde', 'fghij', 'kl xy']);
  });
});

describe('fitText', () => {
  const base = { maxWidth: 100, maxLines: 2, startSize: 20, minSize: 10, step: 2, measure: mono };

  it('keeps the start size when the text fits', () => {
    // 20 px → 10 px per character → 10 characters per line.
    expect(fitText({ ...base, text: 'aaaa bbbb cccc' })).toEqual({
      size: 20,
      lines: ['aaaa bbbb', 'cccc'],
      fits: true,
    });
  });

  it('shrinks by the step until the lines fit', () => {
    // 23 characters: at 20 px 3 lines; at 18 px (9 px, 11 chars/line) 'aaaa bbbb' + 'cccc dddd' + 'ee' = 3;
    // at 16 px (8 px, 12 chars/line) 'aaaa bbbb' 'cccc dddd ee' = 2 lines.
    expect(fitText({ ...base, text: 'aaaa bbbb cccc dddd ee' })).toEqual({
      size: 16,
      lines: ['aaaa bbbb', 'cccc dddd ee'],
      fits: true,
    });
  });

  it('keeps typed line breaks and shrinks until each fits, never failing', () => {
    // "abcdefghijklmn" is 14 characters: needs ≤ 7.14 px per char → 14 px.
    expect(fitText({ ...base, text: 'abc\nabcdefghijklmn\nxy' })).toEqual({
      size: 14,
      lines: ['abc', 'abcdefghijklmn', 'xy'],
      fits: true,
    });
  });

  it('wraps a typed line that is too wide even at the smallest size', () => {
    // At 10 px a character is 5 px: 20 characters per line.
    const long = 'aaaaa bbbbb ccccc ddddd eeeee';
    expect(fitText({ ...base, text: `short\n${long}` })).toEqual({
      size: 10,
      lines: ['short', 'aaaaa bbbbb ccccc', 'ddddd eeeee'],
      fits: true,
    });
  });

  it('reports when too many lines remain at the smallest size', () => {
    const result = fitText({ ...base, text: 'aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee' });
    expect(result.size).toBe(10);
    expect(result.fits).toBe(false);
    // Two 10-letter words and a space are 21 characters, 105 px: one word per line.
    expect(result.lines).toEqual(['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc', 'dddddddddd', 'eeeeeeeeee']);
  });
});

describe('balanceLines', () => {
  it('splits where the longest line is shortest', () => {
    // 17 + 24 characters beats 25 + 16.
    expect(balanceLines('why morning light matters more than coffee', 2)).toEqual([
      'why morning light',
      'matters more than coffee',
    ]);
    expect(balanceLines('a bb ccc dddd', 3)).toEqual(['a bb', 'ccc', 'dddd']);
    expect(balanceLines('one', 3)).toEqual(['one']);
  });
});
