import { describe, expect, it } from 'vitest';
import {
  completeBrandColors,
  deriveShortName,
  nextFreeScheduleOffset,
  tint,
} from '../../../src-main/core/brands/brand-defaults';

describe('brand defaults', () => {
  it('derives a short name from the initials of a multi-word name', () => {
    expect(deriveShortName('The Healthy College')).toBe('THC');
    expect(deriveShortName('  gym   college ')).toBe('GC');
    expect(deriveShortName('Vitality')).toBe('VITALITY');
    expect(deriveShortName('Supercalifragilistic')).toBe('SUPERCALIFRA');
  });

  it('tints a colour towards white by the given share', () => {
    expect(tint('#000000', 0.5)).toBe('#808080');
    expect(tint('#004f00', 0.8)).toBe('#ccdccc');
    expect(tint('#ff0000', 0)).toBe('#ff0000');
    expect(tint('#123456', 1)).toBe('#ffffff');
  });

  it('fills the reel colours a brand did not choose, keeping those it did', () => {
    expect(completeBrandColors({ primary: '#004f00', accent: '#dcf6c8' })).toEqual({
      primary: '#004f00',
      accent: '#dcf6c8',
      lightTitleBar: '#ccdccc',
      lightTitleText: '#000000',
      darkTitleBar: '#004f00',
      darkTitleText: '#ffffff',
    });
    expect(
      completeBrandColors({ primary: '#004f00', accent: '#dcf6c8', darkTitleBar: '#00435c' }).darkTitleBar,
    ).toBe('#00435c');
  });

  it('gives a new brand the lowest schedule offset no active brand uses', () => {
    expect(nextFreeScheduleOffset([])).toBe(0);
    expect(nextFreeScheduleOffset([0, 1, 2])).toBe(3);
    // After brand 1 is deleted the gap is reused instead of colliding with offset 2.
    expect(nextFreeScheduleOffset([0, 2])).toBe(1);
    expect(nextFreeScheduleOffset(Array.from({ length: 24 }, (_, i) => i))).toBe(0);
  });
});
