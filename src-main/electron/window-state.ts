import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered of the window between starts. */
export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 } as const;
export const MIN_WINDOW_SIZE = { width: 900, height: 600 } as const;
/** How much of the title bar must lie on a screen for the saved position to be used. */
const MIN_VISIBLE_PX = 80;

function overlap(a: Rectangle, b: Rectangle): Rectangle | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const width = Math.min(a.x + a.width, b.x + b.width) - x;
  const height = Math.min(a.y + a.height, b.y + b.height) - y;
  return width > 0 && height > 0 ? { x, y, width, height } : null;
}

/**
 * Pure: where the window opens. The saved size (never below the minimum, never beyond the largest
 * screen) and position, if enough of its title bar is on one of today's screens; a monitor that
 * was unplugged must not leave the window off-screen. Otherwise the default size, centred.
 */
export function restoredBounds(
  saved: WindowState | null,
  workAreas: readonly Rectangle[],
): { bounds: Partial<Rectangle> & { width: number; height: number }; maximized: boolean } {
  if (!saved) return { bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false };
  const largest = workAreas.reduce(
    (max, area) => ({ width: Math.max(max.width, area.width), height: Math.max(max.height, area.height) }),
    { width: 0, height: 0 },
  );
  const width = Math.max(
    MIN_WINDOW_SIZE.width,
    Math.min(saved.bounds.width, largest.width || saved.bounds.width),
  );
  const height = Math.max(
    MIN_WINDOW_SIZE.height,
    Math.min(saved.bounds.height, largest.height || saved.bounds.height),
  );
  const titleBar: Rectangle = { x: saved.bounds.x, y: saved.bounds.y, width, height: 30 };
  const visible = workAreas.some((area) => {
    const part = overlap(titleBar, area);
    return part !== null && part.width >= Math.min(MIN_VISIBLE_PX, width);
  });
  return visible
    ? { bounds: { x: saved.bounds.x, y: saved.bounds.y, width, height }, maximized: saved.maximized }
    : { bounds: { width, height }, maximized: saved.maximized };
}

function isRectangle(value: unknown): value is Rectangle {
  const r = value as Rectangle;
  return (
    typeof r === 'object' &&
    r !== null &&
    [r.x, r.y, r.width, r.height].every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    r.width > 0 &&
    r.height > 0
  );
}

/** The saved state, or null when there is none or it is unreadable (then the default is used). */
export function readWindowState(file: string): WindowState | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowState>;
    if (!isRectangle(parsed.bounds)) return null;
    return { bounds: parsed.bounds, maximized: parsed.maximized === true };
  } catch {
    return null;
  }
}

/** Written whole to a temp file and renamed, so a crash mid-write never leaves half a file. */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, file);
}

/** The parts of a BrowserWindow the tracker reads. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'close', listener: () => void): unknown;
  isMaximized(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
  getNormalBounds(): Rectangle;
}

/**
 * Saves the window's normal (unmaximised) bounds when it closes, and a moment after it stops
 * moving or resizing, so a crash or a forced quit still remembers the last layout.
 */
export function trackWindowState(
  window: TrackedWindow,
  file: string,
  schedule: (run: () => void) => () => void,
): void {
  let cancel: (() => void) | undefined;
  const save = () => {
    cancel = undefined;
    if (window.isMinimized() || window.isFullScreen()) return;
    try {
      writeWindowState(file, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      console.warn(`Could not remember the window's size: ${(error as Error).message}`);
    }
  };
  const later = () => {
    cancel?.();
    cancel = schedule(save);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', () => {
    cancel?.();
    save();
  });
}
