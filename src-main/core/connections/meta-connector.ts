import type { BrandRow } from '../brands/brands-repository';
import type { ActivityEntry } from '../contract/activity';
import { AppError } from '../contract/errors';
import type { Platform } from '../contract/publishing';
import { randomUrlToken } from '../platforms/google-oauth';
import type { GraphClient } from '../platforms/graph-client';
import { PlatformError } from '../platforms/platform-error';
import { isoNow } from '../ports/clock';
import { deleteConnectionRow, holdTargets, releaseTargets, writeConnectedRow } from './connection-rows';
import {
  announceChange,
  day,
  metaAppOf,
  requireLiveBrand,
  secretsIn,
  type ConnectionsDeps,
} from './connections-context';
import { MetaAccounts, metaLoginUrl, type LongLivedToken, type MetaApp } from './meta-accounts';
import { choosePage, pageSummary, type MetaPage } from './meta-pages';
import { facebookPageTokenKey, metaUserTokenKey } from './tokens';
import { plural } from '../wording';

/**
 * Facebook Login with the creator's own Meta app: the dialog address, the Pages a user token
 * manages, and connecting one Page (and the Instagram professional account linked to it).
 */
export class MetaConnector {
  private readonly accounts: MetaAccounts;

  constructor(
    private readonly deps: ConnectionsDeps,
    graph: GraphClient,
  ) {
    this.accounts = new MetaAccounts(graph, deps.clock);
  }

  async loginUrl(brandId: string): Promise<{ url: string; redirectUri: string }> {
    await requireLiveBrand(this.deps.db, brandId);
    const app = await metaAppOf(this.deps);
    const { values } = await this.deps.settings.values();
    return metaLoginUrl({
      facebookDialogUrl: values.facebookDialogUrl,
      version: values.metaGraphVersion,
      appId: app.appId,
      state: randomUrlToken(16),
    });
  }

  async pages(brandId: string, userToken: string) {
    await requireLiveBrand(this.deps.db, brandId);
    const { pages } = await this.account(userToken);
    return { pages: pages.map(pageSummary) };
  }

  /**
   * Exchanges the user token, picks the Page (the one named; the only one; else a `conflict`
   * listing them so the creator chooses) and, in one transaction: the tokens (encrypted), the
   * connection rows, the brand's Page and Instagram ids, the posts held for a connection released,
   * and the activity entry.
   */
  async connect(input: { brandId: string; userToken: string; pageId?: string }): Promise<void> {
    const brand = await requireLiveBrand(this.deps.db, input.brandId);
    const { app, longLived, pages } = await this.account(input.userToken);
    const page = this.pick(pages, input.pageId);
    const now = isoNow(this.deps.clock);
    const pending: ActivityEntry[] = [];
    const released = await this.deps.db.transaction().execute(async (trx) => {
      const secrets = secretsIn(trx, this.deps);
      await secrets.set(metaUserTokenKey(brand.id), longLived.token);
      await secrets.set(facebookPageTokenKey(brand.id), page.pageToken);
      const connected: Platform[] = ['facebook'];
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
      if (page.instagramAccountId) {
        connected.push('instagram');
        await writeConnectedRow(
          trx,
          {
            brandId: brand.id,
            platform: 'instagram',
            accountId: page.instagramAccountId,
            accountName: page.instagramUsername ?? page.instagramAccountId,
            // Instagram calls with Facebook Login use the user token: ~60 days.
            expiresAt: longLived.expiresAt,
          },
          now,
        );
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
          detail: connectedDetail(brand, page, longLived, count),
          level: 'data',
          emoji: '🔗',
          brandId: brand.id,
        }),
      );
      return count;
    });
    // Connected: a later connect (a new login) exchanges its token afresh.
    this.accounts.forget(app, input.userToken);
    announceChange(this.deps, pending, brand.id, { brands: true, calendar: released > 0 });
  }

  private pick(pages: MetaPage[], pageId: string | undefined): MetaPage {
    const choice = choosePage(pages, pageId);
    switch (choice.kind) {
      case 'chosen':
        return choice.page;
      case 'none':
        throw new AppError(
          'not_found',
          'This Facebook account manages no Page. Publishing needs a Facebook Page (linked to an Instagram professional account for Instagram).',
        );
      case 'choose':
        throw new AppError(
          'conflict',
          'This Facebook account manages several Pages: choose the one for this brand.',
          {
            pages: choice.pages.map(pageSummary),
          },
        );
      case 'unknown':
        throw new AppError(
          'not_found',
          `The Page ${choice.pageId} is not among the Pages this login manages.`,
          {
            pages: choice.pages.map(pageSummary),
          },
        );
    }
  }

  /** Exchange + Pages, with Meta's refusals said as errors the creator can act on. */
  private async account(
    userToken: string,
  ): Promise<{ app: MetaApp; longLived: LongLivedToken; pages: MetaPage[] }> {
    const app = await metaAppOf(this.deps);
    let longLived: LongLivedToken;
    try {
      longLived = await this.accounts.exchange(app, userToken);
    } catch (error) {
      throw refusalOf(error, 'exchange');
    }
    try {
      return { app, longLived, pages: await this.accounts.pages(longLived.token) };
    } catch (error) {
      throw refusalOf(error, 'pages');
    }
  }
}

/**
 * A refused token is the token field's problem (invalid_input on `userToken`, so the form says it
 * there); refused app credentials are Settings' problem; anything else says Meta's own words.
 */
function refusalOf(error: unknown, step: 'exchange' | 'pages'): unknown {
  if (!(error instanceof PlatformError)) return error;
  if (error.kind === 'auth') {
    return new AppError('invalid_input', `Facebook refused the token: ${error.message}`, {
      fields: [{ path: 'userToken', message: `Facebook refused this token: ${error.message}` }],
    });
  }
  const code = error.code ?? '';
  // 1 "Error validating client secret", 101 "Invalid application ID" [fact sheet §2.2, U].
  if (step === 'exchange' && (code === '1' || code === '101')) {
    return new AppError(
      'unavailable',
      `Facebook refused the app credentials: ${error.message} Check the App ID and App secret in Settings → Meta app.`,
      { platform: 'facebook', code },
    );
  }
  if (error.kind === 'offline')
    return new AppError('unavailable', `Facebook could not be reached: ${error.message}`);
  return new AppError(
    'unavailable',
    `Facebook refused: ${error.message}${error.suggestedFix ? ` ${error.suggestedFix}` : ''}`,
    { platform: 'facebook', code },
  );
}

function connectedDetail(
  brand: BrandRow,
  page: MetaPage,
  longLived: LongLivedToken,
  released: number,
): string {
  const instagram = page.instagramUsername
    ? `Instagram @${page.instagramUsername}`
    : 'no Instagram professional account is linked to this Page';
  let detail = `${brand.display_name}: Page “${page.pageName}”, ${instagram}.`;
  if (longLived.expiresAt) detail += ` The Facebook login is good until ${day(longLived.expiresAt)}.`;
  if (released) detail += ` ${plural(released, 'waiting post')} scheduled again.`;
  return detail;
}
