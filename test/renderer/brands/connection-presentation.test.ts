import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../src-main/core/contract/publishing';
import {
  accountLabel,
  expiryNote,
  statusBadge,
  tokenFromPaste,
} from '../../../src-renderer/features/brands/connection-presentation';

const now = new Date('2026-11-25T10:00:00.000Z');

function connection(patch: Partial<Connection>): Connection {
  return {
    brandId: 'healthy-college',
    platform: 'instagram',
    status: 'connected',
    accountId: '17841400000000001',
    accountName: 'thehealthycollege',
    expiresAt: null,
    lastError: null,
    connectedAt: null,
    checkedAt: null,
    ...patch,
  };
}

describe('how a connection is shown', () => {
  it('says when the token stops working, warning within seven days and once past', () => {
    expect(expiryNote(null, now)).toBeNull();
    expect(expiryNote('2027-01-30T09:00:00.000Z', now)).toEqual({ text: 'expires 30 Jan 2027', warn: false });
    expect(expiryNote('2026-12-20T09:00:00.000Z', now)).toEqual({ text: 'expires 20 Dec', warn: false });
    // 6 days 23 hours left: a warning; exactly 7 days: not yet.
    expect(expiryNote('2026-12-02T09:00:00.000Z', now)).toEqual({ text: 'expires 2 Dec', warn: true });
    expect(expiryNote('2026-12-02T10:00:00.000Z', now)).toEqual({ text: 'expires 2 Dec', warn: false });
    expect(expiryNote('2026-11-25T09:59:59.000Z', now)).toEqual({ text: 'expired 25 Nov', warn: true });
  });

  it('names the account as the creator knows it', () => {
    expect(accountLabel(connection({}))).toBe('@thehealthycollege');
    expect(accountLabel(connection({ platform: 'facebook', accountName: 'Healthy College' }))).toBe(
      'Healthy College',
    );
    expect(
      accountLabel(connection({ status: 'not_connected', accountId: null, accountName: null })),
    ).toBeNull();
    expect(statusBadge(connection({ status: 'expired' }))).toEqual({ tone: 'bad', label: 'Expired' });
    expect(statusBadge(connection({ status: 'not_connected' }))).toEqual({
      tone: 'neutral',
      label: 'Not connected',
    });
  });

  it('takes the token from a pasted token or from the whole address Facebook ended on', () => {
    expect(tokenFromPaste('  EAAbcdef123456789012345  ')).toBe('EAAbcdef123456789012345');
    expect(
      tokenFromPaste(
        'https://www.facebook.com/connect/login_success.html#access_token=EAAbc%7Cdef123&data_access_expiration_time=1&expires_in=5400',
      ),
    ).toBe('EAAbc|def123');
  });
});
