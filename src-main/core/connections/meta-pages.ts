/** One Facebook Page the signed-in user manages, with the Instagram account linked to it. */
export interface MetaPage {
  pageId: string;
  pageName: string;
  /** The Page token; never leaves the core. */
  pageToken: string;
  instagramAccountId: string | null;
  instagramUsername: string | null;
}

/** A /me/accounts entry (fields = connectionsDefaults.metaPageFields). */
export interface GraphPageEntry {
  id?: string;
  name?: string;
  access_token?: string;
  instagram_business_account?: { id?: string; username?: string };
}

/** Entries without an id or a token (a Page the user cannot publish to) are left out. */
export function pagesFromGraph(entries: readonly GraphPageEntry[]): MetaPage[] {
  return entries
    .filter((e): e is GraphPageEntry & { id: string; access_token: string } => !!e.id && !!e.access_token)
    .map((e) => ({
      pageId: e.id,
      pageName: e.name ?? e.id,
      pageToken: e.access_token,
      instagramAccountId: e.instagram_business_account?.id ?? null,
      instagramUsername: e.instagram_business_account?.username ?? null,
    }));
}

export type PageChoice =
  | { kind: 'chosen'; page: MetaPage }
  /** The user manages no Page: Instagram publishing with Facebook Login needs one. */
  | { kind: 'none' }
  /** Several Pages and none named: the creator chooses. */
  | { kind: 'choose'; pages: MetaPage[] }
  /** The named Page is not among those the token manages. */
  | { kind: 'unknown'; pageId: string; pages: MetaPage[] };

/** The Page a brand connects to: the one asked for, else the only one, else the creator chooses. */
export function choosePage(pages: readonly MetaPage[], pageId: string | undefined): PageChoice {
  if (pageId !== undefined) {
    const page = pages.find((p) => p.pageId === pageId);
    return page ? { kind: 'chosen', page } : { kind: 'unknown', pageId, pages: [...pages] };
  }
  if (pages.length === 0) return { kind: 'none' };
  if (pages.length === 1) return { kind: 'chosen', page: pages[0]! };
  return { kind: 'choose', pages: [...pages] };
}

/** What the renderer may see of a Page: no token. */
export function pageSummary(page: MetaPage) {
  return {
    pageId: page.pageId,
    pageName: page.pageName,
    instagramAccountId: page.instagramAccountId,
    instagramUsername: page.instagramUsername,
  };
}
