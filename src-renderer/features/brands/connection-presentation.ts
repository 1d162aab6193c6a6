import type { Connection } from '@contract';
import type { BadgeTone } from '../../ui/badge';

/** A token that stops working within this many days is shown as a warning. */
export const EXPIRY_WARNING_DAYS = 7;

export function statusBadge(connection: Connection): { tone: BadgeTone; label: string } {
  switch (connection.status) {
    case 'connected':
      return { tone: 'good', label: 'Connected' };
    case 'expired':
      return { tone: 'bad', label: 'Expired' };
    case 'error':
      return { tone: 'warn', label: 'Needs attention' };
    default:
      return { tone: 'neutral', label: 'Not connected' };
  }
}

/** The account as the creator knows it: @username on Instagram, the Page or channel name elsewhere. */
export function accountLabel(connection: Connection): string | null {
  const name = connection.accountName ?? connection.accountId;
  if (!name) return null;
  return connection.platform === 'instagram' && !name.startsWith('@') ? `@${name}` : name;
}

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayMonthYear = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * "expires 30 Jan" (with the year when it is not this year), a warning within a week, "expired …"
 * once past; null when the token does not expire. Pure: `now` is passed in.
 */
export function expiryNote(expiresAt: string | null, now: Date): { text: string; warn: boolean } | null {
  if (!expiresAt) return null;
  const at = new Date(expiresAt);
  if (Number.isNaN(at.getTime())) return null;
  const date = (at.getUTCFullYear() === now.getUTCFullYear() ? dayMonth : dayMonthYear).format(at);
  const msLeft = at.getTime() - now.getTime();
  if (msLeft <= 0) return { text: `expired ${date}`, warn: true };
  return { text: `expires ${date}`, warn: msLeft < EXPIRY_WARNING_DAYS * 86_400_000 };
}

/**
 * What the creator pasted: the token itself, or the whole address Facebook ended on
 * (…/login_success.html#access_token=…), from which the token is taken.
 */
export function tokenFromPaste(text: string): string {
  const trimmed = text.trim();
  const match = /[#&?]access_token=([^&\s]+)/.exec(trimmed);
  return match ? decodeURIComponent(match[1]!) : trimmed;
}
