import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  readWindowState,
  restoredBounds,
  trackWindowState,
} from '../../src-main/electron/window-state';
import { makeTempDir } from '../helpers/temp-dir';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorOnTheRight = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('window state', () => {
  it('opens where it was left, if that place is still on a screen', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1700, height: 1000 }, maximized: false };
    expect(restoredBounds(saved, [laptop, monitorOnTheRight])).toEqual({
      bounds: saved.bounds,
      maximized: false,
    });
  });

  it('keeps the size but centres the window when its monitor is gone, and never exceeds the screen', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1700, height: 1000 }, maximized: true };
    // Only the laptop now: the title bar would be off-screen, 1700×1000 is larger than 1440×875.
    expect(restoredBounds(saved, [laptop])).toEqual({
      bounds: { width: 1440, height: 875 },
      maximized: true,
    });
  });

  it('needs 80 px of the title bar on a screen; never below the minimum size; defaults without a saved state', () => {
    // x = 1440 - 79: 79 px of the 30 px high title bar remain on the laptop.
    const barely = { bounds: { x: 1361, y: 10, width: 1000, height: 700 }, maximized: false };
    expect(restoredBounds(barely, [laptop]).bounds).toEqual({ width: 1000, height: 700 });
    const enough = { bounds: { x: 1360, y: 10, width: 1000, height: 700 }, maximized: false };
    expect(restoredBounds(enough, [laptop]).bounds).toEqual({ x: 1360, y: 10, width: 1000, height: 700 });
    const tiny = { bounds: { x: 0, y: 0, width: 300, height: 200 }, maximized: false };
    expect(restoredBounds(tiny, [laptop]).bounds).toEqual({ x: 0, y: 0, width: 900, height: 600 });
    expect(restoredBounds(null, [laptop])).toEqual({ bounds: DEFAULT_WINDOW_SIZE, maximized: false });
  });

  it('saves the normal bounds after moves settle and on close; a damaged file reads as none', () => {
    const temp = makeTempDir();
    const file = join(temp.dir, 'window-state.json');
    const window = Object.assign(new EventEmitter(), {
      bounds: { x: 10, y: 20, width: 1000, height: 700 },
      maximized: false,
      isMaximized() {
        return this.maximized;
      },
      isMinimized: () => false,
      isFullScreen: () => false,
      getNormalBounds() {
        return this.bounds;
      },
    });
    const pending: Array<() => void> = [];
    trackWindowState(window, file, (run) => {
      pending.push(run);
      return () => pending.splice(pending.indexOf(run), 1);
    });
    window.emit('move');
    window.emit('resize');
    expect(pending).toHaveLength(1); // a burst of moves is one save
    pending[0]!();
    expect(readWindowState(file)).toEqual({
      bounds: { x: 10, y: 20, width: 1000, height: 700 },
      maximized: false,
    });
    window.maximized = true;
    window.emit('close');
    expect(readWindowState(file)).toMatchObject({ maximized: true });
    writeFileSync(file, '{"bounds":{"x":"a"}}');
    expect(readWindowState(file)).toBeNull();
    temp.cleanup();
  });
});
