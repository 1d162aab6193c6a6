import { describe, expect, it } from 'vitest';
import { busiestAccount, youtubeUnitsOf } from '../../../src-main/core/platforms/platform-quota';

const DAY = 24 * 3_600_000;
const now = new Date('2026-11-25T10:00:00.000Z');

describe('platform quota use, by hand', () => {
  it('YouTube units: 1,600 per upload started, 50 per thumbnail or comment, 1 per read or refusal, 0 offline or on the upload session', () => {
    expect(
      youtubeUnitsOf([
        { operation: 'videos.insert.start', outcome: 'ok', calls: 3 }, // 4,800
        { operation: 'videos.insert.start', outcome: 'error', calls: 1 }, // 1
        { operation: 'videos.insert.upload', outcome: 'ok', calls: 9 }, // 0
        { operation: 'videos.insert.upload', outcome: 'error', calls: 2 }, // 0
        { operation: 'thumbnails.set', outcome: 'ok', calls: 2 }, // 100
        { operation: 'commentThreads.insert', outcome: 'ok', calls: 1 }, // 50
        { operation: 'analytics.videos.list', outcome: 'ok', calls: 7 }, // 7
        { operation: 'channels.list', outcome: 'offline', calls: 5 }, // 0
      ]),
    ).toBe(4_958);
    expect(youtubeUnitsOf([])).toBe(0);
  });

  it('the busiest account in a rolling window: a post exactly one window old has left it, ties go to the first brand id', () => {
    const at = (msAgo: number) => new Date(now.getTime() - msAgo).toISOString();
    const posts = [
      { brandId: 'bravo', brandName: 'Bravo', publishedAt: at(DAY) }, // left the window
      { brandId: 'bravo', brandName: 'Bravo', publishedAt: at(3_600_000) },
      { brandId: 'bravo', brandName: 'Bravo', publishedAt: at(60_000) },
      { brandId: 'alpha', brandName: 'Alpha', publishedAt: at(DAY - 1) },
      { brandId: 'alpha', brandName: 'Alpha', publishedAt: at(0) },
      { brandId: 'charlie', brandName: 'Charlie', publishedAt: new Date(now.getTime() + 1).toISOString() }, // future
    ];
    expect(busiestAccount(posts, now, DAY)).toEqual({
      brandId: 'alpha',
      brandName: 'Alpha',
      used: 2,
      // Alpha's oldest post leaves the window one millisecond from now.
      resetsAt: '2026-11-25T10:00:00.001Z',
    });
    expect(busiestAccount(posts.slice(0, 1), now, DAY)).toBeNull();
  });
});
