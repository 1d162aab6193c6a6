import { findBrandRow, type BrandRow } from '../brands/brands-repository';
import type { ActivityEntry } from '../contract/activity';
import { AppError } from '../contract/errors';
import {
  exchangeAuthorizationCode,
  type GoogleAccessTokens,
  type LoopbackPage,
  type LoopbackResult,
} from '../platforms/google-oauth';
import type { PlatformUsage } from '../platforms/platform-usage';
import type { YouTubeClient } from '../platforms/youtube-client';
import { isoNow } from '../ports/clock';
import { releaseTargets, writeConnectedRow } from './connection-rows';
import {
  announceChange,
  googleClientOf,
  requireLiveBrand,
  secretsIn,
  type ConnectionsDeps,
} from './connections-context';
import { connectionsDefaults } from './defaults';
import { youtubeRefreshTokenKey } from './tokens';
import { YouTubeSignIns, type SignInReturn } from './youtube-sign-in';
import { plural } from '../wording';

/**
 * Google sign-in for a brand's channel: the system browser, a loopback listener in the core,
 * PKCE, then (when the browser comes back) the code exchange, the channel, and the connection
 * stored in one transaction. How it ended is said in the activity feed and in the browser tab.
 */
export class YouTubeConnector {
  private readonly signIns: YouTubeSignIns;

  constructor(
    private readonly deps: ConnectionsDeps,
    private readonly youtube: YouTubeClient,
    private readonly usage: PlatformUsage,
    private readonly accessTokens: GoogleAccessTokens,
  ) {
    this.signIns = new YouTubeSignIns({
      clock: deps.clock,
      complete: (signIn, result) => this.complete(signIn, result),
      timedOut: (brandId) => this.timedOut(brandId),
    });
  }

  async begin(brandId: string): Promise<{ authUrl: string; redirectUri: string }> {
    await requireLiveBrand(this.deps.db, brandId);
    const client = await googleClientOf(this.deps);
    const { values } = await this.deps.settings.values();
    return this.signIns.begin(brandId, { authUrl: values.googleAuthUrl, clientId: client.clientId });
  }

  expire(): Promise<number> {
    return this.signIns.expire();
  }

  cancel(brandId: string): void {
    this.signIns.cancel(brandId);
  }

  close(): void {
    this.signIns.closeAll();
  }

  /** The browser came back: exchange the code, read the channel, store the connection. */
  private async complete(signIn: SignInReturn, result: LoopbackResult): Promise<LoopbackPage> {
    const brand = await findBrandRow(this.deps.db, signIn.brandId);
    const brandName = brand?.display_name ?? signIn.brandId;
    if (result.kind === 'error') {
      const declined = result.error === 'access_denied';
      await this.failed(
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
      const client = await googleClientOf(this.deps);
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
      if (!channel) {
        throw new AppError(
          'not_found',
          'This Google account has no YouTube channel. Create one, then connect again.',
        );
      }
      await this.store(brand, tokens.refreshToken, channel);
      this.accessTokens.remember(brand.id, tokens.accessToken, tokens.expiresInSeconds);
      return {
        ok: true,
        title: 'YouTube connected',
        message: `${brand.display_name} now publishes to “${channel.title}”. You can close this tab and return to Maestro.`,
      };
    } catch (error) {
      const message = (error as Error)?.message ?? String(error);
      await this.failed(signIn.brandId, `${brandName}: ${message}`);
      return { ok: false, title: 'YouTube was not connected', message: `${message} You can close this tab.` };
    }
  }

  private async store(
    brand: BrandRow,
    refreshToken: string,
    channel: { id: string; title: string },
  ): Promise<void> {
    const now = isoNow(this.deps.clock);
    const pending: ActivityEntry[] = [];
    const released = await this.deps.db.transaction().execute(async (trx) => {
      await secretsIn(trx, this.deps).set(youtubeRefreshTokenKey(brand.id), refreshToken);
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
          detail: `${brand.display_name}: channel “${channel.title}”.${count ? ` ${plural(count, 'waiting post')} scheduled again.` : ''}`,
          level: 'data',
          emoji: '🔗',
          brandId: brand.id,
        }),
      );
      return count;
    });
    announceChange(this.deps, pending, brand.id, { brands: true, calendar: released > 0 });
  }

  private async failed(brandId: string, detail: string): Promise<void> {
    await this.deps.activity.record({
      action: 'YouTube sign-in did not finish',
      detail,
      level: 'error',
      emoji: '⚠️',
      brandId,
    });
    this.deps.events.emit('data.changed', { entity: 'connections', id: brandId });
  }

  private async timedOut(brandId: string): Promise<void> {
    const brand = await findBrandRow(this.deps.db, brandId);
    const minutes = Math.round(connectionsDefaults.youtubeSignInTimeoutMs / 60_000);
    await this.failed(
      brandId,
      `${brand?.display_name ?? brandId}: no answer from Google within ${minutes} minutes, so Maestro stopped waiting. Press “Connect YouTube” again.`,
    );
  }
}
