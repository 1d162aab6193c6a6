import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../src-main/core/contract/activity';
import {
  activityQueryOf,
  isFiltered,
  matchesActivityFilter,
  noActivityFilter,
} from '../../../src-renderer/features/dashboard/activity-filter';
import { toastMessageOf } from '../../../src-renderer/features/notifications/notification-presentation';

const entry: ActivityEntry = {
  id: 7,
  at: '2026-11-25T10:00:00.000Z',
  agent: 'toby',
  action: 'Proposed',
  detail: 'TOBY-000001 alpha reel: Why magnesium helps you sleep',
  level: 'action',
  emoji: null,
  brandId: 'alpha',
};

describe('the activity feed’s filter', () => {
  it('asks the core only for what is chosen', () => {
    expect(activityQueryOf(noActivityFilter, { limit: 50 })).toEqual({ limit: 50 });
    expect(
      activityQueryOf(
        { search: '  magn ', agent: 'toby', brandId: 'alpha', level: 'error' },
        { limit: 50, beforeId: 9 },
      ),
    ).toEqual({ limit: 50, beforeId: 9, search: 'magn', agent: 'toby', brandId: 'alpha', level: 'error' });
    expect(isFiltered(noActivityFilter)).toBe(false);
    expect(isFiltered({ ...noActivityFilter, search: '   ' })).toBe(false);
    expect(isFiltered({ ...noActivityFilter, level: 'error' })).toBe(true);
  });

  it('puts a live entry on top only where it belongs', () => {
    expect(matchesActivityFilter(entry, noActivityFilter)).toBe(true);
    expect(
      matchesActivityFilter(entry, { ...noActivityFilter, agent: 'toby', brandId: 'alpha', level: 'action' }),
    ).toBe(true);
    expect(matchesActivityFilter(entry, { ...noActivityFilter, agent: 'lexi' })).toBe(false);
    expect(matchesActivityFilter(entry, { ...noActivityFilter, brandId: 'bravo' })).toBe(false);
    expect(
      matchesActivityFilter({ ...entry, brandId: null }, { ...noActivityFilter, brandId: 'alpha' }),
    ).toBe(false);
    expect(matchesActivityFilter(entry, { ...noActivityFilter, level: 'error' })).toBe(false);
    // A search is the index's to answer (with highlights): live entries wait for its refetch.
    expect(matchesActivityFilter(entry, { ...noActivityFilter, search: 'magnesium' })).toBe(false);
  });

  it('says a notification as its title, then its details', () => {
    expect(toastMessageOf({ title: 'Burst complete', body: '2 of 2 written.' })).toBe(
      'Burst complete: 2 of 2 written.',
    );
  });
});
