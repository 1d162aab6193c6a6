import type { Kysely } from 'kysely';
import type { ActivityLog, ActivityInput } from '../activity/activity-log';
import { findBrandRow, listBrandRows, type BrandRow } from '../brands/brands-repository';
import type { ActivityEntry } from '../contract/activity';
import { AppError } from '../contract/errors';
import { platforms as allPlatforms } from '../contract/jobs';
import type { Connection, Platform } from '../contract/publishing';
import type { EventHub } from '../events/event-hub';
import {
  exchangeAuthorizationCode,
  GoogleAccessTokens,
  randomUrlToken,
  type LoopbackPage,
  type LoopbackResult,
} from '../platforms/google-oauth';
import { GraphClient } from '../platforms/graph-client';
import type { Fetch } from '../platforms/http-call';
import { PlatformError } from '../platforms/platform-error';
import { PlatformUsage } from '../platforms/platform-usage';
import { YouTubeClient } from '../platforms/youtube-client';
import { isoNow, type Clock } from '../ports/clock';
import type { SecretCipher } from '../ports/secret-cipher';
import { SecretStore } from '../secrets/secret-store';
import type { SettingsService } from '../settings/settings-service';
import type { Database } from '../store/database';
import {
  connectionFromRow,
  connectionRowsOf,
  deleteConnectionRow,
  expireConnectionRow,
  findConnectionRow,
  holdTargets,
  releaseTargets,
  writeConnectedRow,
  type ConnectionRow,
  type ConnectionWaitReason,
} from './connection-rows';
import { connectionsDefaults } from './defaults';
import { MetaAccounts, metaLoginUrl, type LongLivedToken, type MetaApp } from './meta-accounts';
import { choosePage, pageSummary, type MetaPage } from './meta-pages';
import { appSecretKeys, facebookPageTokenKey, metaUserTokenKey, youtubeRefreshTokenKey } from './tokens';
import { YouTubeSignIns, type SignInReturn } from './youtube-sign-in';

type MetaPlatform = 'instagram' | 'facebook';

interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  /** The cipher behind `secrets`: tokens are written inside the connection's own transaction. */
  cipher: SecretCipher;
  secrets: SecretStore;
  settings: SettingsService;
  activity: ActivityLog;
  events: EventHub;
  /** Test seam for outbound HTTP (tests use real HTTP to fakes; this stays unset). */
  fetch?: Fetch;
}

/** What the publisher needs to call Meta for a brand. */
export interface MetaTokens {
  /** The long-lived user token (Instagram calls). */
  userToken: string;
  /** The Page token (Facebook Page calls); it does not expire. */
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

const platformNames: Record<Platform, string> = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  youtube: 'YouTube',
};

function day(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * No connection (or its tokens are gone): an AppError `not_found`, which the publisher turns into
 * a target waiting with 'not_connected'.
 */
export function notConnected(platform: Platform, message: string): AppError {
  return new AppError('not_found', `${message} Connect ${platformNames[platform]} in Brands → Connections.`, {
    platform,
    waitReason: 'not_connected' satisfies ConnectionWaitReason,
  });
}

/**
 * An expired connection: a PlatformError of kind `auth`, as if the platform had refused the
 * token, so the publisher holds the post with 'connection_expired' without calling anyone.
 */
export function connectionExpired(platform: Platform, message: string): PlatformError {
  return new PlatformError({
    platform,
    kind: 'auth',
    code: 'connection_expired',
    message,
    suggestedFix: `Reconnect ${platformNames[platform]} in Brands → Connections.`,
    details: { waitReason: 'connection_expired' satisfies ConnectionWaitReason },
  });
}

/**
 * A brand's Instagram, Facebook and YouTube connections: connecting (Facebook Login with the
 * creator's own Meta app; Google OAuth for installed apps with their own client), testing,
 * disconnecting, and the tokens the publisher asks for. A refused token expires the connection
 * and holds that brand's posts there, in one transaction, and no further call is made until the
 * creator reconnects; reconnecting releases them in the same transaction as the new connection.
 */
export class ConnectionsService implements TokenProvider {
  private readonly usage: PlatformUsage;
  private readonly graph: GraphClient;
  private readonly youtube: YouTubeClient;
  private readonly meta: MetaAccounts;
  private readonly accessTokens: GoogleAccessTokens;
  private readonly signIns: YouTubeSignIns;

  constructor(private readonly deps: Deps) {
    const timeoutMs = connectionsDefaults.requestTimeoutMs;
    this.usage = new PlatformUsage(deps.db, deps.clock);
    this.graph = new GraphClient(
      async () => {
        const { values } = await deps.settings.values();
        return {
          graphBaseUrl: values.graphBaseUrl,
          ruploadBaseUrl: values.ruploadBaseUrl,
          version: values.metaGraphVersion,
          timeoutMs,
        };
      },
      this.usage,
      deps.fetch,
    );
    this.youtube = new YouTubeClient(
      async () => {
        const { values } = await deps.settings.values();
        return {
          apiBaseUrl: values.youtubeApiBaseUrl,
          uploadBaseUrl: values.youtubeUploadBaseUrl,
          timeoutMs,
        };
      },
      this.usage,
      deps.fetch,
    );
    this.meta = new MetaAccounts(this.graph, deps.clock);
    this.accessTokens = new GoogleAccessTokens({
      clock: deps.clock,
      usage: this.usage,
      endpoint: async () => ({ tokenUrl: (await deps.settings.values()).values.googleTokenUrl, timeoutMs }),
      client: () => this.googleClient(),
      marginMs: connectionsDefaults.accessTokenMarginMs,
      fetch: deps.fetch,
    });
    this.signIns = new YouTubeSignIns({
      clock: deps.clock,
      complete: (signIn, result) => this.completeYouTubeSignIn(signIn, result),
      timedOut: (brandId) => this.youtubeSignInTimedOut(brandId),
    });
  }

  // ---------------------------------------------------------------------------------------
  // Contract operations

  /** One entry per brand × platform; `not_connected` where there is no connection. */
  async list(brandId?: string): Promise<Connection[]> {
    const brands = brandId ? [await this.requireBrand(brandId)] : await listBrandRows(this.deps.db, false);
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

  async metaLoginUrl(brandId: string): Promise<{ url: string; redirectUri: string }> {
    await this.requireBrand(brandId);
    const app = await this.metaApp();
    const { values } = await this.deps.settings.values();
    return metaLoginUrl({
      facebookDialogUrl: values.facebookDialogUrl,
      version: values.metaGraphVersion,
      appId: app.appId,
      state: randomUrlToken(16),
    });
  }

  async metaPages(brandId: string, userToken: string) {
    await this.requireBrand(brandId);
    const { pages } = await this.metaAccount(userToken);
    return { pages: pages.map(pageSummary) };
  }

  /**
   * Connects the brand's Facebook Page, and the Instagram professional account linked to it,
   * from a user token (the login window's, or one pasted in headless mode).
   */
  async connectMeta(input: { brandId: string; userToken: string; pageId?: string }): Promise<Connection[]> {
    const brand = await this.requireBrand(input.brandId);
    const { app, longLived, pages } = await this.metaAccount(input.userToken);
    const choice = choosePage(pages, input.pageId);
    if (choice.kind === 'none') {
      throw new AppError(
        'not_found',
        'This Facebook account manages no Page. Publishing needs a Facebook Page (linked to an Instagram professional account for Instagram).',
      );
    }
    if (choice.kind === 'choose') {
      throw new AppError(
        'conflict',
        'This Facebook account manages several Pages: choose the one for this brand.',
        {
          pages: choice.pages.map(pageSummary),
        },
      );
    }
    if (choice.kind === 'unknown') {
      throw new AppError(
        'not_found',
        `The Page ${choice.pageId} is not among the Pages this login manages.`,
        {
          pages: choice.pages.map(pageSummary),
        },
      );
    }
    const page = choice.page;
    const now = isoNow(this.deps.clock);
    const pending: ActivityEntry[] = [];
    const released = await this.deps.db.transaction().execute(async (trx) => {
      const secrets = new SecretStore(trx, this.deps.cipher, this.deps.clock);
      await secrets.set(metaUserTokenKey(brand.id), longLived.token);
      await secrets.set(facebookPageTokenKey(brand.id), page.pageToken);
      await writeConnectedRow(
        trx,
        {
          brandId: brand.id,
          platform: 'facebook',
          accountId: page.pageId,
          accountName: page.pageName,
          expiresAt: null,
        },
        now,
      );
      const connected: Platform[] = ['facebook'];
      if (page.instagramAccountId) {
        await writeConnectedRow(
          trx,
          {
            brandId: brand.id,
            platform: 'instagram',
            accountId: page.instagramAccountId,
            accountName: page.instagramUsername ?? page.instagramAccountId,
            expiresAt: longLived.expiresAt,
          },
          now,
        );
        connected.push('instagram');
      } else if (await deleteConnectionRow(trx, brand.id, 'instagram')) {
        // The Instagram account connected before belonged to another Page, whose tokens are gone.
        await holdTargets(trx, brand.id, ['instagram'], 'not_connected', now);
      }
      await trx
        .updateTable('brands')
        .set({
          facebook_page_id: page.pageId,
          ...(page.instagramAccountId ? { instagram_account_id: page.instagramAccountId } : {}),
          updated_at: now,
        })
        .where('id', '=', brand.id)
        .execute();
      const count = await releaseTargets(trx, brand.id, connected, now);
      pending.push(
        await this.deps.activity.insert(trx, {
          action: page.instagramAccountId ? 'Facebook and Instagram connected' : 'Facebook connected',
          detail: this.metaConnectedDetail(brand, page, longLived, count),
          level: 'data',
          emoji: '🔗',
        }),
      );
      return count;
    });
    this.meta.forget(app, input.userToken);
    this.announce(pending, brand.id, { brands: true, calendar: released > 0 });
    return this.list(brand.id);
  }

  /** Starts Google's sign-in for the brand's channel; the browser comes back to a loopback listener. */
  async youtubeBegin(brandId: string): Promise<{ authUrl: string; redirectUri: string }> {
    await this.requireBrand(brandId);
    const client = await this.googleClient();
    const { values } = await this.deps.settings.values();
    return this.signIns.begin(brandId, { authUrl: values.googleAuthUrl, clientId: client.clientId });
  }

  /** One cheap read with the stored token. A refused token expires the connection (and holds its posts). */
  async test(brandId: string, platform: Platform): Promise<{ ok: boolean; detail: string }> {
    const brand = await this.requireBrand(brandId);
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
   */
  async disconnect(brandId: string, platform: Platform): Promise<Connection[]> {
    const brand = await this.requireBrand(brandId);
    const now = isoNow(this.deps.clock);
    const pending: ActivityEntry[] = [];
    const held = await this.deps.db.transaction().execute(async (trx) => {
      const removed = await deleteConnectionRow(trx, brand.id, platform);
      const secrets = new SecretStore(trx, this.deps.cipher, this.deps.clock);
      if (platform === 'youtube') {
        await secrets.clear(youtubeRefreshTokenKey(brand.id));
      } else {
        const other = platform === 'facebook' ? 'instagram' : 'facebook';
        if (!(await findConnectionRow(trx, brand.id, other))) {
          await secrets.clear(metaUserTokenKey(brand.id));
          await secrets.clear(facebookPageTokenKey(brand.id));
        }
      }
      if (!removed) return 0;
      const count = await holdTargets(trx, brand.id, [platform], 'not_connected', now);
      pending.push(
        await this.deps.activity.insert(trx, {
          action: `${platformNames[platform]} disconnected`,
          detail: `${brand.display_name}: its ${platformNames[platform]} token is forgotten.${count ? ` ${count} scheduled post${count === 1 ? '' : 's'} wait${count === 1 ? 's' : ''} for a new connection.` : ''}`,
          level: 'data',
          emoji: '🔌',
        }),
      );
      return count;
    });
    if (platform === 'youtube') {
      this.accessTokens.forget(brand.id);
      this.signIns.cancel(brand.id);
    }
    this.announce(pending, brand.id, { brands: true, calendar: held > 0 });
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
    const row = rows.find((r) => r.platform === platform);
    await this.assertUsable(brandId, platform, row);
    const userToken = await this.deps.secrets.reveal(metaUserTokenKey(brandId));
    const pageToken = await this.deps.secrets.reveal(facebookPageTokenKey(brandId));
    if (!userToken || !pageToken) {
      throw notConnected(platform, `The Facebook tokens of ${brandId} are missing.`);
    }
    return {
      userToken,
      pageToken,
      pageId: rows.find((r) => r.platform === 'facebook')?.account_id ?? null,
      instagramAccountId: rows.find((r) => r.platform === 'instagram')?.account_id ?? null,
    };
  }

  /** The publisher's name for `metaTokens` (it uses the Page token for both platforms). */
  metaAccess(brandId: string, platform?: MetaPlatform): Promise<MetaTokens> {
    return this.metaTokens(brandId, platform);
  }

  /** A current access token for the brand's channel, refreshed (and cached) from the refresh token. */
  async youtubeAccessToken(brandId: string): Promise<string> {
    const row = await findConnectionRow(this.deps.db, brandId, 'youtube');
    await this.assertUsable(brandId, 'youtube', row);
    const refreshToken = await this.deps.secrets.reveal(youtubeRefreshTokenKey(brandId));
    if (!refreshToken) {
      throw notConnected('youtube', `The YouTube token of ${brandId} is missing.`);
    }
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
   * The token was refused (Meta 190, Google invalid_grant): in one transaction the connection
   * expires and the brand's posts not yet started there wait with 'connection_expired'. Only the
   * call that changed the connection logs it, so reporting the same refusal twice says it once.
   * (Instagram and Facebook expire separately: Instagram calls use the ~60-day user token, Page
   * calls the Page token that does not expire; a revoked login is refused on both, each once.)
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
      if (!(await findConnectionRow(trx, brandId, platform))) return { expired: false, held: 0 };
      const expired = await expireConnectionRow(trx, brandId, platform, reason, now);
      const held = await holdTargets(trx, brandId, [platform], 'connection_expired', now);
      if (expired) {
        pending.push(
          await this.deps.activity.insert(trx, {
            action: `${platformNames[platform]} connection expired`,
            detail: `${brand?.display_name ?? brandId}: ${reason} Publishing there is on hold${held ? ` (${held} post${held === 1 ? '' : 's'} waiting)` : ''} until you reconnect in Brands → Connections.`,
            level: 'error',
            emoji: '⛔',
          }),
        );
      }
      return { expired, held };
    });
    if (platform === 'youtube') this.accessTokens.forget(brandId);
    if (result.expired || result.held > 0) this.announce(pending, brandId, { calendar: true });
    return result;
  }

  // ---------------------------------------------------------------------------------------
  // Lifecycle and test seams

  /** Ends YouTube sign-ins past their deadline (the timer calls this; tests advance the clock). */
  expirePendingSignIns(): Promise<number> {
    return this.signIns.expire();
  }

  /** Stops listening for sign-ins (the app is closing). */
  close(): void {
    this.signIns.closeAll();
  }

  // ---------------------------------------------------------------------------------------

  private async requireBrand(brandId: string): Promise<BrandRow> {
    const brand = await findBrandRow(this.deps.db, brandId);
    if (!brand || brand.deleted_at) throw new AppError('not_found', `There is no brand "${brandId}".`);
    return brand;
  }

  private async metaApp(): Promise<MetaApp> {
    const { values } = await this.deps.settings.values();
    const appSecret = await this.deps.secrets.reveal(appSecretKeys.metaAppSecret);
    if (!values.metaAppId || !appSecret) {
      throw new AppError(
        'unavailable',
        `Set your Meta app’s ${!values.metaAppId ? 'App ID' : 'App secret'} in Settings → Meta app first.`,
      );
    }
    return { appId: values.metaAppId, appSecret };
  }

  private async googleClient(): Promise<{ clientId: string; clientSecret: string }> {
    const { values } = await this.deps.settings.values();
    const clientSecret = await this.deps.secrets.reveal(appSecretKeys.googleClientSecret);
    if (!values.googleClientId || !clientSecret) {
      throw new AppError(
        'unavailable',
        `Set your Google OAuth client’s ${!values.googleClientId ? 'Client ID' : 'Client secret'} in Settings → Google OAuth client first.`,
      );
    }
    return { clientId: values.googleClientId, clientSecret };
  }

  /** Exchange + Pages, with Meta's refusals said as errors the creator can act on. */
  private async metaAccount(
    userToken: string,
  ): Promise<{ app: MetaApp; longLived: LongLivedToken; pages: MetaPage[] }> {
    const app = await this.metaApp();
    let longLived: LongLivedToken;
    try {
      longLived = await this.meta.exchange(app, userToken);
    } catch (error) {
      throw this.metaRefusal(error, 'exchange');
    }
    try {
      return { app, longLived, pages: await this.meta.pages(longLived.token) };
    } catch (error) {
      throw this.metaRefusal(error, 'pages');
    }
  }

  private metaRefusal(error: unknown, step: 'exchange' | 'pages'): unknown {
    if (!(error instanceof PlatformError)) return error;
    if (error.kind === 'auth') {
      return new AppError('invalid_input', `Facebook refused the token: ${error.message}`, {
        fields: [{ path: 'userToken', message: `Facebook refused this token: ${error.message}` }],
      });
    }
    const code = error.code ?? '';
    if (step === 'exchange' && (code === '1' || code === '101' || code.startsWith('100'))) {
      return new AppError(
        'unavailable',
        `Facebook refused the exchange: ${error.message} Check the App ID and App secret in Settings → Meta app.`,
        { platform: 'facebook', code },
      );
    }
    if (error.kind === 'offline')
      return new AppError('unavailable', `Facebook could not be reached: ${error.message}`);
    return new AppError(
      'unavailable',
      `Facebook refused: ${error.message}${error.suggestedFix ? ` ${error.suggestedFix}` : ''}`,
      {
        platform: 'facebook',
        code,
      },
    );
  }

  private metaConnectedDetail(
    brand: BrandRow,
    page: MetaPage,
    longLived: LongLivedToken,
    released: number,
  ): string {
    const parts = [`${brand.display_name}: Page “${page.pageName}”`];
    parts.push(
      page.instagramUsername
        ? `Instagram @${page.instagramUsername}`
        : 'no Instagram professional account is linked to this Page',
    );
    let detail = parts.join(', ') + '.';
    if (longLived.expiresAt) detail += ` The Facebook login is good until ${day(longLived.expiresAt)}.`;
    if (released) detail += ` ${released} waiting post${released === 1 ? '' : 's'} scheduled again.`;
    return detail;
  }

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
      const reason = `The Facebook login expired on ${day(row.expires_at)}.`;
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
      const token = await this.youtubeAccessToken(brandId);
      const channel = await this.youtube.channelsMine(token);
      if (!channel)
        throw new PlatformError({
          platform,
          kind: 'permanent',
          message: 'The Google account has no YouTube channel.',
        });
      return { accountName: channel.title, detail: `Connected to the channel “${channel.title}”.` };
    }
    const tokens = await this.metaTokens(brandId, platform);
    if (platform === 'instagram') {
      const igUser = await this.graph.get<{ username?: string }>(
        'instagram',
        'connections.test',
        `/${row.account_id}`,
        tokens.userToken,
        { fields: 'username' },
      );
      const username = igUser.username ?? row.account_name ?? row.account_id ?? '';
      return { accountName: username, detail: `Connected as @${username}.` };
    }
    const page = await this.graph.get<{ name?: string }>(
      'facebook',
      'connections.test',
      `/${row.account_id}`,
      tokens.pageToken,
      {
        fields: 'name',
      },
    );
    const name = page.name ?? row.account_name ?? row.account_id ?? '';
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

  /** The browser came back: exchange the code, read the channel, store the connection. */
  private async completeYouTubeSignIn(signIn: SignInReturn, result: LoopbackResult): Promise<LoopbackPage> {
    const brand = await findBrandRow(this.deps.db, signIn.brandId);
    const brandName = brand?.display_name ?? signIn.brandId;
    if (result.kind === 'error') {
      const declined = result.error === 'access_denied';
      await this.youtubeSignInFailed(
        signIn.brandId,
        declined
          ? `${brandName}: the Google sign-in was declined, so YouTube was not connected.`
          : `${brandName}: Google answered “${result.error}”${result.description ? ` (${result.description})` : ''}.`,
      );
      return {
        ok: false,
        title: 'YouTube was not connected',
        message: declined
          ? 'You declined access. Nothing was connected; you can close this tab.'
          : `Google answered “${result.error}”. You can close this tab and try again from Maestro.`,
      };
    }
    try {
      if (!brand || brand.deleted_at)
        throw new AppError('not_found', `The brand ${signIn.brandId} was deleted meanwhile.`);
      const client = await this.googleClient();
      const { values } = await this.deps.settings.values();
      const tokens = await exchangeAuthorizationCode(
        { ...client, code: result.code, codeVerifier: signIn.codeVerifier, redirectUri: signIn.redirectUri },
        { tokenUrl: values.googleTokenUrl, timeoutMs: connectionsDefaults.requestTimeoutMs },
        this.usage,
        this.deps.fetch,
      );
      if (!tokens.refreshToken) {
        throw new AppError(
          'unavailable',
          'Google gave no refresh token. Remove Maestro’s access at myaccount.google.com/permissions, then connect again.',
        );
      }
      const channel = await this.youtube.channelsMine(tokens.accessToken);
      if (!channel)
        throw new AppError(
          'not_found',
          'This Google account has no YouTube channel. Create one, then connect again.',
        );
      await this.storeYouTubeConnection(brand, tokens.refreshToken, channel);
      this.accessTokens.remember(brand.id, tokens.accessToken, tokens.expiresInSeconds);
      return {
        ok: true,
        title: 'YouTube connected',
        message: `${brand.display_name} now publishes to “${channel.title}”. You can close this tab and return to Maestro.`,
      };
    } catch (error) {
      const message = (error as Error)?.message ?? String(error);
      await this.youtubeSignInFailed(signIn.brandId, `${brandName}: ${message}`);
      return { ok: false, title: 'YouTube was not connected', message: `${message} You can close this tab.` };
    }
  }

  private async storeYouTubeConnection(
    brand: BrandRow,
    refreshToken: string,
    channel: { id: string; title: string },
  ): Promise<void> {
    const now = isoNow(this.deps.clock);
    const pending: ActivityEntry[] = [];
    const released = await this.deps.db.transaction().execute(async (trx) => {
      await new SecretStore(trx, this.deps.cipher, this.deps.clock).set(
        youtubeRefreshTokenKey(brand.id),
        refreshToken,
      );
      await writeConnectedRow(
        trx,
        {
          brandId: brand.id,
          platform: 'youtube',
          accountId: channel.id,
          accountName: channel.title,
          expiresAt: null,
        },
        now,
      );
      await trx
        .updateTable('brands')
        .set({ youtube_channel_id: channel.id, updated_at: now })
        .where('id', '=', brand.id)
        .execute();
      const count = await releaseTargets(trx, brand.id, ['youtube'], now);
      pending.push(
        await this.deps.activity.insert(trx, {
          action: 'YouTube connected',
          detail: `${brand.display_name}: channel “${channel.title}”.${count ? ` ${count} waiting post${count === 1 ? '' : 's'} scheduled again.` : ''}`,
          level: 'data',
          emoji: '🔗',
        }),
      );
      return count;
    });
    this.announce(pending, brand.id, { brands: true, calendar: released > 0 });
  }

  private async youtubeSignInFailed(brandId: string, detail: string): Promise<void> {
    await this.record({ action: 'YouTube sign-in did not finish', detail, level: 'error', emoji: '⚠️' });
    this.deps.events.emit('data.changed', { entity: 'connections', id: brandId });
  }

  private async youtubeSignInTimedOut(brandId: string): Promise<void> {
    const brand = await findBrandRow(this.deps.db, brandId);
    const minutes = Math.round(connectionsDefaults.youtubeSignInTimeoutMs / 60_000);
    await this.youtubeSignInFailed(
      brandId,
      `${brand?.display_name ?? brandId}: no answer from Google within ${minutes} minutes, so Maestro stopped waiting. Press “Connect YouTube” again.`,
    );
  }

  private async record(input: ActivityInput): Promise<void> {
    await this.deps.activity.record(input);
  }

  private announce(
    entries: ActivityEntry[],
    brandId: string,
    also: { brands?: boolean; calendar?: boolean },
  ): void {
    entries.forEach((entry) => this.deps.activity.announce(entry));
    this.deps.events.emit('data.changed', { entity: 'connections', id: brandId });
    if (also.brands) this.deps.events.emit('data.changed', { entity: 'brands', id: brandId });
    if (also.calendar) this.deps.events.emit('data.changed', { entity: 'calendar' });
  }
}
