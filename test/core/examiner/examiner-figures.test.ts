import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempCore, type TempCore } from '../../helpers/temp-core';

/** Migration 018: the examiner's figures are written beside its breakdown by triggers. */
describe('examiner figures kept in step with the breakdown', () => {
  let t: TempCore;
  beforeEach(async () => {
    t = await openTempCore();
  });
  afterEach(async () => {
    await t.close();
  });

  const breakdown = (passed: boolean | undefined, flags: string[], error?: string) =>
    JSON.stringify({
      composite: 6.5,
      passed,
      avatarFit: 7,
      engagementPotential: 6,
      contentQuality: 6.5,
      threshold: 7,
      weights: { avatarFit: 0.4, engagementPotential: 0.35, contentQuality: 0.25 },
      reason: 'r',
      redFlags: flags,
      ...(error ? { error } : {}),
    });

  function figures(id: string) {
    return t.core.store.sqlite
      .prepare(
        `SELECT examiner_verdict AS verdict, examiner_composite AS composite, examiner_avatar_fit AS avatarFit,
                examiner_engagement AS engagement, examiner_content_quality AS quality, examiner_red_flags AS flags
         FROM proposals WHERE proposal_id = ?`,
      )
      .get(id);
  }

  it('on insert and on every change of the breakdown; flags only for a graded verdict that has some', () => {
    const insert = t.core.store.sqlite.prepare(
      `INSERT INTO proposals (proposal_id, agent_id, content_type, status, variant, strategy, title, examiner_breakdown,
         created_at, updated_at)
       VALUES (?, 'toby', 'reel', 'rejected', 'dark', 'explore', 'A title', ?, '2026-11-25T09:00:00.000Z', '2026-11-25T09:00:00.000Z')`,
    );
    insert.run('TOBY-900', breakdown(false, ['generic hook', 'Generic  hook']));
    expect(figures('TOBY-900')).toEqual({
      verdict: 'failed',
      composite: 6.5,
      avatarFit: 7,
      engagement: 6,
      quality: 6.5,
      flags: '["generic hook","Generic  hook"]',
    });
    insert.run('TOBY-901', null);
    expect(figures('TOBY-901')).toMatchObject({ verdict: null, composite: null, flags: null });

    const update = t.core.store.sqlite.prepare(
      'UPDATE proposals SET examiner_breakdown = ? WHERE proposal_id = ?',
    );
    update.run(breakdown(true, []), 'TOBY-901');
    expect(figures('TOBY-901')).toMatchObject({ verdict: 'passed', composite: 6.5, flags: null });
    update.run(breakdown(undefined, ['x'], 'timeout'), 'TOBY-900');
    expect(figures('TOBY-900')).toMatchObject({ verdict: 'unanswered', flags: null });
    update.run(null, 'TOBY-900');
    expect(figures('TOBY-900')).toMatchObject({ verdict: null, composite: null, flags: null });
  });
});
