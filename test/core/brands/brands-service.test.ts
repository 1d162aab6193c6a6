import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Brand } from '../../../src-main/core/contract/brands';
import { openTempCore, sampleBrand, type TempCore } from '../../helpers/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = await openTempCore();
});
afterEach(async () => {
  await t.close();
});

describe('brands', () => {
  it('creates a brand with normalised handle and colours, and lists it', async () => {
    const brand = await t.call('brands.create', sampleBrand);
    expect(brand).toMatchObject({
      id: 'healthy-college',
      displayName: 'The Healthy College',
      shortName: 'THC',
      instagramHandle: '@thehealthycollege',
      scheduleOffset: 0,
      postsPerDay: 6,
      active: true,
      credentials: { metaAccessToken: false, youtubeRefreshToken: false },
    });
    expect(brand.colors.primary).toBe('#004f00');
    expect(await t.call('brands.list')).toEqual([brand]);
    expect(await t.call('brands.get', { id: 'healthy-college' })).toEqual(brand);
  });

  it('assigns each new brand its own schedule offset unless one is given', async () => {
    const a = await t.call('brands.create', { ...sampleBrand, id: 'brand-a' });
    const b = await t.call('brands.create', { ...sampleBrand, id: 'brand-b' });
    const c = await t.call('brands.create', { ...sampleBrand, id: 'brand-c', scheduleOffset: 7 });
    expect([a.scheduleOffset, b.scheduleOffset, c.scheduleOffset]).toEqual([0, 1, 7]);
  });

  it('refuses a second brand with the same id', async () => {
    await t.call('brands.create', sampleBrand);
    const result = await t.invoke('brands.create', { ...sampleBrand, displayName: 'Another' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await t.call('brands.list')).toHaveLength(1);
  });

  it('updates only the fields in the patch and moves updatedAt', async () => {
    const created = await t.call('brands.create', sampleBrand);
    t.clock.advance(60_000);
    const updated = await t.call('brands.update', {
      id: created.id,
      patch: { postsPerDay: 12, instagramHandle: null },
    });
    expect(updated.postsPerDay).toBe(12);
    expect(updated.instagramHandle).toBeNull();
    expect(updated.displayName).toBe(created.displayName);
    expect(updated.createdAt).toBe(created.createdAt);
    expect(updated.updatedAt).toBe('2026-11-25T10:01:00.000Z');
  });

  it('moves a deleted brand to the trash and restores it on undo', async () => {
    await t.call('brands.create', sampleBrand);
    await t.call('brands.delete', { id: sampleBrand.id });
    expect(await t.call('brands.list')).toEqual([]);
    expect(await t.invoke('brands.get', { id: sampleBrand.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const again = await t.invoke('brands.create', sampleBrand);
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/Restore it/) },
    });
    const restored = await t.call('brands.restore', { id: sampleBrand.id });
    expect(restored.id).toBe(sampleBrand.id);
    expect((await t.call('brands.list')).map((b: Brand) => b.id)).toEqual([sampleBrand.id]);
    expect(await t.invoke('brands.restore', { id: sampleBrand.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('hides inactive brands unless asked', async () => {
    await t.call('brands.create', { ...sampleBrand, active: false });
    expect(await t.call('brands.list')).toEqual([]);
    expect(await t.call('brands.list', { includeInactive: true })).toHaveLength(1);
  });

  it.each([
    ['offset above 23', { scheduleOffset: 24 }, 'scheduleOffset'],
    ['negative offset', { scheduleOffset: -1 }, 'scheduleOffset'],
    ['zero posts per day', { postsPerDay: 0 }, 'postsPerDay'],
    ['25 posts per day', { postsPerDay: 25 }, 'postsPerDay'],
    ['fractional posts per day', { postsPerDay: 2.5 }, 'postsPerDay'],
    ['colour that is not hex', { colors: { primary: 'green', accent: '#fff' } }, 'colors.primary'],
    ['handle with spaces', { instagramHandle: '@the healthy' }, 'instagramHandle'],
    ['handle with a double dot', { instagramHandle: '@the..healthy' }, 'instagramHandle'],
    ['handle over 30 characters', { instagramHandle: '@' + 'a'.repeat(31) }, 'instagramHandle'],
    ['id with capitals', { id: 'Healthy' }, 'id'],
  ])('rejects a %s with a field error and stores nothing', async (_label, change, field) => {
    const result = await t.invoke('brands.create', { ...sampleBrand, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    const fields = (result.error.details as { fields: { path: string }[] }).fields.map((f) => f.path);
    expect(fields).toContain(field);
    expect(await t.call('brands.list', { includeInactive: true })).toEqual([]);
  });

  it('records each change in the activity feed, newest first', async () => {
    await t.call('brands.create', sampleBrand);
    await t.call('brands.update', { id: sampleBrand.id, patch: { postsPerDay: 3 } });
    await t.call('brands.delete', { id: sampleBrand.id });
    const feed = (await t.call('activity.list', { limit: 50 })).filter((e) => e.action.startsWith('Brand'));
    expect(feed.map((e) => e.action)).toEqual(['Brand deleted', 'Brand updated', 'Brand created']);
    expect(feed[1]!.detail).toContain('postsPerDay');
  });

  it('reads a brand stored with only its two main colours with every render colour filled in', async () => {
    const brand = await t.call('brands.create', sampleBrand);
    // As a row written without the derived colours would be (by hand or an older build).
    await t.core.store.db
      .updateTable('brands')
      .set({ colors: JSON.stringify({ primary: '#224466', accent: '#88aacc' }) })
      .where('id', '=', brand.id)
      .execute();
    const read = await t.call('brands.get', { id: brand.id });
    expect(read.colors).toEqual({
      ...brand.colors,
      primary: '#224466',
      accent: '#88aacc',
      lightTitleBar: expect.stringMatching(/^#[0-9a-f]{6}$/i),
      darkTitleBar: '#224466',
    });
    expect(Object.values(read.colors).every((c) => typeof c === 'string')).toBe(true);
  });

  it('keeps brands across a restart', async () => {
    await t.call('brands.create', sampleBrand);
    t = await t.reopen();
    expect((await t.call('brands.list')).map((b: Brand) => b.id)).toEqual([sampleBrand.id]);
  });
});

describe('per-brand examiner and audience', () => {
  it('uses the defaults until a brand sets its own, and validates that weights add up to 1', async () => {
    const created = await t.call('brands.create', sampleBrand);
    expect(created.examiner).toEqual({
      threshold: 6,
      weights: { avatarFit: 0.35, engagementPotential: 0.35, contentQuality: 0.3 },
      custom: false,
    });
    expect(created.contentProfile.custom).toBe(false);
    const bad = await t.invoke('brands.update', {
      id: created.id,
      patch: {
        examiner: {
          threshold: 7,
          weights: { avatarFit: 0.5, engagementPotential: 0.5, contentQuality: 0.5 },
        },
      },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/add up to 1/) },
    });
    const custom = await t.call('brands.update', {
      id: created.id,
      patch: {
        examiner: {
          threshold: 7.5,
          weights: { avatarFit: 0.2, engagementPotential: 0.5, contentQuality: 0.3 },
        },
        contentProfile: { niche: 'strength training', audience: 'Men 30-50 starting to lift' },
      },
    });
    expect(custom.examiner).toMatchObject({ threshold: 7.5, custom: true });
    expect(custom.contentProfile).toEqual({
      niche: 'strength training',
      audience: 'Men 30-50 starting to lift',
      custom: true,
    });
    const reset = await t.call('brands.update', { id: created.id, patch: { examiner: null } });
    expect(reset.examiner.custom).toBe(false);
  });
});
