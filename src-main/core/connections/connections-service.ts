import { listBrandRows, findBrandRow } from '../brands/brands-repository';
import type { ActivityEntry } from '../contract/activity';
import { AppError } from '../contract/errors';
import { platforms as allPlatforms } from '../contract/jobs';
import type { Connection, Platform } from '../contract/publishing';
import { tokenExpiredNotice } from '../notifications/notification-texts';
import { GoogleAccessTokens } from '../platforms/google-oauth';
import type { GraphClient } from '../platforms/graph-client';
import { platformClients } from '../platforms/platform-clients';
import { PlatformError } from '../platforms/platform-error';
import { PlatformUsage } from '../platforms/platform-usage';
import type { YouTubeClient } from '../platforms/youtube-client';
import { isoNow } from '../ports/clock';
import {
  connectionFromRow,
  connectionRowsOf,
  deleteConnectionRow,
  expireConnectionRow,
  findConnectionRow,
  holdTargets,
  type ConnectionRow,
} from './connection-rows';
import {
  announceChange,
  googleClientOf,
  loginExpiredReason,
  requireLiveBrand,
  secretsIn,
  type ConnectionsDeps,
} from './connections-context';
import { connectionsDefaults } from './defaults';
import { MetaConnector } from './meta-connector';
import { connectionExpired, notConnected } from './refusals';
import { scheduleGoogleRevocation, TokenRevocations, type RevocationsDrained } from './token-revocations';
import { facebookPageTokenKey, metaUserTokenKey, youtubeRefreshTokenKey } from './tokens';
import { YouTubeConnector } from './youtube-connector';
import { plural } from '../wording';
import { platformNames } from '../contract/publishing';

export type { ConnectionsDeps } from './connections-context';
export { connectionExpired, notConnected } from './refusals';

type MetaPlatform = 'instagram' | 'facebook';

/** What the publisher needs to call Meta for a brand. */
export interface MetaTokens {
  /** The long-lived (~60-day) user token. */
  userToken: string;
  /** The Page token, derived from the long-lived user token: it does not expire. */
  pageToken: string;
  pageId: string | null;
  instagramAccountId: string | null;
}

/**
 * The calls the publisher makes for tokens; everything else about connections stays here.
 * A missing connection is an AppError `not_found`; an expired one a PlatformError `auth` — in
 * both cases before any call to the platform.
 */
export interface TokenProvider {
  metaTokens(brandId: string, platform?: MetaPlatform): Promise<MetaTokens>;
  youtubeAccessToken(brandId: string): Promise<string>;
  markExpired(
    brandId: string,
    platform: Platform,
    reason: string,
  ): Promise<{ expired: boolean; held: number }>;
}

/**
 * A brand's Instagram, Facebook and YouTube connections: connecting (MetaConnector,
 * YouTubeConnector), testing, disconnecting, and the tokens the publisher asks for. A refused
 * token expires the connection and holds that brand's posts there in one transaction, and no
 * further call is made until the creator reconnects, which releases them in the same
 * transaction as the new connection.
 */
export class ConnectionsService implements TokenProvider {
  private readonly graph: GraphClient;
  private readonly youtube: YouTubeClient;
  private readonly accessTokens: GoogleAccessTokens;
  private readonly meta: MetaConnector;
  private readonly google: YouTubeConnector;
  private readonly revocations: TokenRevocations;

  constructor(private readonly deps: ConnectionsDeps) {
    const usage = new PlatformUsage(deps.db, deps.clock);
    const timeoutMs = connectionsDefaults.requestTimeoutMs;
    ({ graph: this.graph, youtube: this.youtube } = platformClients({
      settings: deps.settings,
      usage,
      timeoutMs,
      fetch: deps.fetch,
    }));
    this.accessTokens = new GoogleAccessTokens({
      clock: deps.clock,
      usage,
      endpoint: async () => ({ tokenUrl: (await deps.settings.values()).values.googleTokenUrl, timeoutMs }),
      client: () => googleClientOf(deps),
      marginMs: connectionsDefaults.accessTokenMarginMs,
      fetch: deps.fetch,
    });
    this.meta = new MetaConnector(deps, this.graph);
    this.google = new YouTubeConnector(deps, this.youtube, usage, this.accessTokens);
    this.revocations = new TokenRevocations(deps, usage);
  }

  // ---------------------------------------------------------------------------------------
  // Contract operations

  /** One entry per brand × platform (active brands, or the one asked for); `not_connected` where none. */
  async list(brandId?: string): Promise<Connection[]> {
    const brands = brandId
      ? [await requireLiveBrand(this.deps.db, brandId)]
      : await listBrandRows(this.deps.db, false);
    const rows = await connectionRowsOf(
      this.deps.db,
      brands.map((b) => b.id),
    );
    return brands.flatMap((brand) =>
      allPlatforms.map((platform) =>
        connectionFromRow(
          brand.id,
          platform,
          rows.find((r) => r.brand_id === brand.id && r.platform === platform),
        ),
      ),
    );
  }

  metaLoginUrl(brandId: string): Promise<{ url: string; redirectUri: string }> {
    return this.meta.loginUrl(brandId);
  }

  metaPages(brandId: string, userToken: string) {
    return this.meta.pages(brandId, userToken);
  }

  /** Connects the brand's Facebook Page and its Instagram account from a user token. */
  async connectMeta(input: { brandId: string; userToken: string; pageId?: string }): Promise<Connection[]> {
    await this.meta.connect(input);
    return this.list(input.brandId);
  }

  /** Starts Google's sign-in for the brand's channel; the browser comes back to a loopback listener. */
  youtubeBegin(brandId: string): Promise<{ authUrl: string; redirectUri: string }> {
    return this.google.begin(brandId);
  }

  /** One cheap read with the stored token. A refused token expires the connection (and holds its posts). */
  async test(brandId: string, platform: Platform): Promise<{ ok: boolean; detail: string }> {
    const brand = await requireLiveBrand(this.deps.db, brandId);
    const row = await findConnectionRow(this.deps.db, brand.id, platform);
    if (!row)
      throw new AppError(
        'not_found',
        `${platformNames[platform]} is not connected for ${brand.display_name}.`,
      );
    if (row.status === 'expired') {
      return {
        ok: false,
        detail: `Expired${row.last_error ? `: ${row.last_error}` : ''}. Reconnect to publish here again.`,
      };
    }
    try {
      const { accountName, detail } = await this.readAccount(brand.id, platform, row);
      await this.recordCheck(brand.id, platform, { status: 'connected', lastError: null, accountName });
      return { ok: true, detail };
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      if (error.kind === 'auth') {
        await this.markExpired(brand.id, platform, error.message);
        await this.deps.db
          .updateTable('platform_connections')
          .set({ checked_at: isoNow(this.deps.clock) })
          .where('brand_id', '=', brand.id)
          .where('platform', '=', platform)
          .execute();
        return { ok: false, detail: `Expired: ${error.message} Reconnect to publish here again.` };
      }
      // A refusal of the request itself (a permission removed…) is an error on the connection;
      // an outage or a rate limit says nothing about it.
      await this.recordCheck(brand.id, platform, {
        status: error.kind === 'permanent' ? 'error' : row.status,
        lastError: error.message,
        accountName: null,
      });
      return { ok: false, detail: `${error.message}${error.suggestedFix ? ` ${error.suggestedFix}` : ''}` };
    }
  }

  /**
   * Forgets a connection. Instagram and Facebook share the Meta tokens, which are forgotten with
   * the last of the two. Posts not yet started there wait ('not_connected') until it is back.
   * A YouTube refresh token is also revoked at Google: the transaction that removes the
   * connection moves it to the token_revocations outbox, which is sent once committed.
   */
  async disconnect(brandId: string, platform: Platform): Promise<Connection[]> {
    const brand = await requireLiveBrand(this.deps.db, brandId);
    const now = isoNow(this.deps.clock);
    const pending: ActivityEntry[] = [];
    let revoke = false;
    const held = await this.deps.db.transaction().execute(async (trx) => {
      const removed = await deleteConnectionRow(trx, brand.id, platform);
      const secrets = secretsIn(trx, this.deps);
      if (platform === 'youtube') {
        const tokenKey = youtubeRefreshTokenKey(brand.id);
        revoke =
          removed && (await scheduleGoogleRevocation(trx, this.deps, { brandId: brand.id, tokenKey, now }));
        if (!revoke) await secrets.clear(tokenKey);
      } else if (
        !(await findConnectionRow(trx, brand.id, platform === 'facebook' ? 'instagram' : 'facebook'))
      ) {
        await secrets.clear(metaUserTokenKey(brand.id));
        await secrets.clear(facebookPageTokenKey(brand.id));
      }
      if (!removed) return 0;
      const count = await holdTargets(trx, brand.id, [platform], 'not_connected', now);
      pending.push(
        await this.deps.activity.insert(trx, {
          action: `${platformNames[platform]} disconnected`,
          detail: `${brand.display_name}: its ${platformNames[platform]} token is forgotten${revoke ? ' and Google is asked to revoke it' : ''}.${count ? ` ${plural(count, 'scheduled post')} wait for a new connection.` : ''}`,
          level: 'data',
          emoji: '🔌',
          brandId: brand.id,
        }),
      );
      return count;
    });
    if (platform === 'youtube') {
      this.accessTokens.forget(brand.id);
      this.google.cancel(brand.id);
    }
    if (revoke) this.revocations.wake();
    announceChange(this.deps, pending, brand.id, { brands: true, calendar: held > 0 });
    return this.list(brand.id);
  }

  // ---------------------------------------------------------------------------------------
  // Token provider (the publisher)

  /**
   * The brand's Meta tokens for a call on `platform`: refused when that connection is missing or
   * expired (Instagram's also once the ~60-day login is past). Without a platform, the Facebook
   * connection decides — pass the platform so an expired Instagram makes no Instagram call.
   */
  async metaTokens(brandId: string, platform: MetaPlatform = 'facebook'): Promise<MetaTokens> {
    const rows = await connectionRowsOf(this.deps.db, [brandId]);
    await this.assertUsable(
      brandId,
      platform,
      rows.find((r) => r.platform === platform),
    );
    const userToken = await this.deps.secrets.reveal(metaUserTokenKey(brandId));
    const pageToken = await this.deps.secrets.reveal(facebookPageTokenKey(brandId));
    if (!userToken || !pageToken)
      throw notConnected(platform, `The Facebook tokens of ${brandId} are missing.`);
    return {
      userToken,
      pageToken,
      pageId: rows.find((r) => r.platform === 'facebook')?.account_id ?? null,
      instagramAccountId: rows.find((r) => r.platform === 'instagram')?.account_id ?? null,
    };
  }

  /** A current access token for the brand's channel, refreshed (and cached) from the refresh token. */
  async youtubeAccessToken(brandId: string): Promise<string> {
    await this.assertUsable(brandId, 'youtube', await findConnectionRow(this.deps.db, brandId, 'youtube'));
    const refreshToken = await this.deps.secrets.reveal(youtubeRefreshTokenKey(brandId));
    if (!refreshToken) throw notConnected('youtube', `The YouTube token of ${brandId} is missing.`);
    try {
      return await this.accessTokens.accessToken(brandId, refreshToken);
    } catch (error) {
      if (error instanceof PlatformError && error.kind === 'auth') {
        await this.markExpired(brandId, 'youtube', error.message);
      } else if (error instanceof AppError) {
        // The creator removed the OAuth client from Settings: no call can be made.
        throw new PlatformError({ platform: 'youtube', kind: 'permanent', message: error.message });
      }
      throw error;
    }
  }

  /**
   * Drops the cached access token, so the next `youtubeAccessToken` refreshes it. For a 401 from
   * the YouTube API: Google may revoke an access token early while the refresh token still
   * works, so refresh once before treating the connection as expired.
   */
  forgetYouTubeAccessToken(brandId: string): void {
    this.accessTokens.forget(brandId);
  }

  /**
   * The token was refused (Meta 190, Google invalid_grant): in one transaction the connection
   * expires and the brand's posts not yet started there wait with 'connection_expired'. Only the
   * call that changed the connection logs it, so reporting the same refusal twice says it once.
   * (Instagram and Facebook expire separately: a revoked login is refused on both, each once.)
   */
  async markExpired(
    brandId: string,
    platform: Platform,
    reason: string,
  ): Promise<{ expired: boolean; held: number }> {
    const brand = await findBrandRow(this.deps.db, brandId);
    const now = isoNow(this.deps.clock);
    const pending: ActivityEntry[] = [];
    const result = await this.deps.db.transaction().execute(async (trx) => {
      const row = await findConnectionRow(trx, brandId, platform);
      if (!row) return { expired: false, held: 0 };
      const expired = await expireConnectionRow(trx, brandId, platform, reason, now);
      const held = await holdTargets(trx, brandId, [platform], 'connection_expired', now);
      if (expired) {
        pending.push(
          await this.deps.activity.insert(trx, {
            action: `${platformNames[platform]} connection expired`,
            detail: `${brand?.display_name ?? brandId}: ${reason} Publishing there is on hold${held ? ` (${plural(held, 'post')} waiting)` : ''} until you reconnect in Brands → Connections.`,
            level: 'error',
            emoji: '⛔',
            brandId,
          }),
        );
        await this.deps.notifications?.write(
          trx,
          tokenExpiredNotice({
            brandId,
            brandName: brand?.display_name ?? brandId,
            platform,
            reason,
            connectedAt: row.connected_at,
            heldPosts: held,
          }),
        );
      }
      return { expired, held };
    });
    if (platform === 'youtube') this.accessTokens.forget(brandId);
    if (result.expired) this.deps.notifications?.wake();
    if (result.expired || result.held > 0) announceChange(this.deps, pending, brandId, { calendar: true });
    return result;
  }

  // ---------------------------------------------------------------------------------------
  // Lifecycle and test seams

  /** Ends YouTube sign-ins past their deadline (a timer calls this; tests advance the clock). */
  expirePendingSignIns(): Promise<number> {
    return this.google.expire();
  }

  /**
   * Sends the token revocations that are due (the check cycle calls this, so one a crash or a
   * lost network left behind goes out later).
   */
  drainRevocations(): Promise<RevocationsDrained> {
    return this.revocations.drain();
  }

  /** Waits for the revocations a disconnect started in the background. */
  revocationsSettled(): Promise<void> {
    return this.revocations.settled();
  }

  /**
   * Stops listening for sign-ins and claiming revocations (the app is closing); the app waits a
   * moment for `revocationsSettled`, and what is left goes out after the next start.
   */
  close(): void {
    this.google.close();
    void this.revocations.close();
  }

  // ---------------------------------------------------------------------------------------

  /** Refuses before any call: no connection, an expired one, or a login past its expiry. */
  private async assertUsable(
    brandId: string,
    platform: Platform,
    row: ConnectionRow | undefined,
  ): Promise<void> {
    const name = platformNames[platform];
    if (!row) throw notConnected(platform, `${name} is not connected for ${brandId}.`);
    if (row.status === 'expired') {
      throw connectionExpired(
        platform,
        `The ${name} connection of ${brandId} has expired${row.last_error ? ` (${row.last_error})` : ''}.`,
      );
    }
    if (row.expires_at && row.expires_at <= isoNow(this.deps.clock)) {
      const reason = loginExpiredReason(row.expires_at);
      await this.markExpired(brandId, platform, reason);
      throw connectionExpired(platform, `${name}: ${reason}`);
    }
  }

  private async readAccount(
    brandId: string,
    platform: Platform,
    row: ConnectionRow,
  ): Promise<{ accountName: string; detail: string }> {
    if (platform === 'youtube') {
      const channel = await this.youtube.channelsMine(await this.youtubeAccessToken(brandId));
      if (!channel) {
        throw new PlatformError({
          platform,
          kind: 'permanent',
          message: 'The Google account has no YouTube channel.',
        });
      }
      return { accountName: channel.title, detail: `Connected to the channel “${channel.title}”.` };
    }
    const tokens = await this.metaTokens(brandId, platform);
    if (platform === 'instagram') {
      const user = await this.graph.get<{ username?: string }>(
        'instagram',
        'connections.test',
        `/${row.account_id}`,
        tokens.userToken,
        { fields: 'username' },
      );
      const username = user.username ?? row.account_name ?? '';
      return { accountName: username, detail: `Connected as @${username}.` };
    }
    const page = await this.graph.get<{ name?: string }>(
      'facebook',
      'connections.test',
      `/${row.account_id}`,
      tokens.pageToken,
      { fields: 'name' },
    );
    const name = page.name ?? row.account_name ?? '';
    return { accountName: name, detail: `Connected to the Page “${name}”.` };
  }

  private async recordCheck(
    brandId: string,
    platform: Platform,
    check: { status: ConnectionRow['status']; lastError: string | null; accountName: string | null },
  ): Promise<void> {
    const now = isoNow(this.deps.clock);
    await this.deps.db
      .updateTable('platform_connections')
      .set({
        status: check.status,
        last_error: check.lastError,
        checked_at: now,
        updated_at: now,
        ...(check.accountName ? { account_name: check.accountName } : {}),
      })
      .where('brand_id', '=', brandId)
      .where('platform', '=', platform)
      // An expiry recorded meanwhile (another call saw the token refused) stands.
      .where('status', '!=', 'expired')
      .execute();
    this.deps.events.emit('data.changed', { entity: 'connections', id: brandId });
  }
}
