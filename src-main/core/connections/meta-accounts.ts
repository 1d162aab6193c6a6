import { createHash } from 'node:crypto';
import type { GraphClient } from '../platforms/graph-client';
import type { Clock } from '../ports/clock';
import { connectionsDefaults } from './defaults';
import { pagesFromGraph, type GraphPageEntry, type MetaPage } from './meta-pages';

export interface MetaApp {
  appId: string;
  appSecret: string;
}

export interface LongLivedToken {
  token: string;
  /** ISO time the token stops working; null when Meta gave no expiry. */
  expiresAt: string | null;
}

/** The Facebook Login dialog for the creator's own app; the token comes back in the fragment. */
export function metaLoginUrl(input: {
  facebookDialogUrl: string;
  version: string;
  appId: string;
  state: string;
}): { url: string; redirectUri: string } {
  const redirectUri = connectionsDefaults.metaRedirectUri;
  const url = new URL(`${input.facebookDialogUrl.replace(/\/+$/, '')}/${input.version}/dialog/oauth`);
  url.searchParams.set('client_id', input.appId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('response_type', 'token');
  url.searchParams.set('state', input.state);
  url.searchParams.set('scope', connectionsDefaults.metaScopes.join(','));
  return { url: url.href, redirectUri };
}

function fingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Who the pasted (or login-window) user token belongs to, in Meta's terms: exchanged for a
 * long-lived token (§4.1, needs the app secret), then the Pages it manages with their Page
 * tokens. A token exchanged moments ago is reused, so choosing a Page after listing them does
 * not exchange it again.
 */
export class MetaAccounts {
  private readonly recent = new Map<string, { value: LongLivedToken; until: number }>();

  constructor(
    private readonly graph: GraphClient,
    private readonly clock: Clock,
  ) {}

  async exchange(app: MetaApp, userToken: string): Promise<LongLivedToken> {
    const now = this.clock.now().getTime();
    for (const [key, entry] of this.recent) if (entry.until <= now) this.recent.delete(key);
    const key = fingerprint(`${app.appId}:${userToken}`);
    const hit = this.recent.get(key);
    if (hit) return hit.value;
    const answer = await this.graph.get<{ access_token?: string; expires_in?: number }>(
      'facebook',
      'oauth.exchange',
      '/oauth/access_token',
      null,
      {
        grant_type: 'fb_exchange_token',
        client_id: app.appId,
        client_secret: app.appSecret,
        fb_exchange_token: userToken,
      },
    );
    const value: LongLivedToken = {
      token: answer.access_token ?? userToken,
      expiresAt:
        typeof answer.expires_in === 'number' && answer.expires_in > 0
          ? new Date(now + answer.expires_in * 1000).toISOString()
          : null,
    };
    this.recent.set(key, { value, until: now + connectionsDefaults.exchangeReuseMs });
    return value;
  }

  /** Done with this token (connected): a later connect exchanges it afresh. */
  forget(app: MetaApp, userToken: string): void {
    this.recent.delete(fingerprint(`${app.appId}:${userToken}`));
  }

  /** The Pages (and linked Instagram accounts) a long-lived user token manages. */
  async pages(longLivedToken: string): Promise<MetaPage[]> {
    const entries: GraphPageEntry[] = [];
    let after: string | undefined;
    for (let request = 0; request < connectionsDefaults.metaPageRequests; request++) {
      const answer = await this.graph.get<{
        data?: GraphPageEntry[];
        paging?: { next?: string; cursors?: { after?: string } };
      }>('facebook', 'me.accounts', '/me/accounts', longLivedToken, {
        fields: connectionsDefaults.metaPageFields,
        limit: connectionsDefaults.metaPagesPerRequest,
        after,
      });
      entries.push(...(answer.data ?? []));
      after = answer.paging?.next ? answer.paging.cursors?.after : undefined;
      if (!after) break;
    }
    return pagesFromGraph(entries);
  }
}
