import type { Kysely } from 'kysely';
import type { GraphClient } from '../platforms/graph-client';
import { businessDiscovery, hashtagTopMedia, ownMedia, searchHashtag } from '../platforms/graph-reads';
import type { Database } from '../store/database';
import { recordSearch, storeDiscovered } from './scout-repository';

/** One brand's Instagram, as the scout calls it. */
export interface ScoutAccess {
  brandId: string;
  igUserId: string;
  token: string;
}

/**
 * The three reads the scout and the bootstrap are made of, each storing what it found: a
 * hashtag's top media (the search is recorded as soon as Instagram answers it, since that is what
 * counts against the 30 a week), a competitor's recent media by business discovery, and the
 * brand's own recent media. Each returns how many media were new.
 */
export class ScoutSteps {
  constructor(private readonly deps: { db: Kysely<Database>; graph: GraphClient }) {}

  async hashtag(access: ScoutAccess, hashtag: string, limit: number, now: Date): Promise<number> {
    const { db, graph } = this.deps;
    const hashtagId = await searchHashtag(graph, access.token, access.igUserId, hashtag);
    await recordSearch(db, access.igUserId, hashtag, now);
    if (!hashtagId) return 0;
    const media = await hashtagTopMedia(graph, access.token, access.igUserId, hashtagId, limit);
    return storeDiscovered(db, media, {
      brandId: access.brandId,
      method: 'hashtag_search',
      hashtag,
      account: null,
      now: now.toISOString(),
    });
  }

  async competitor(access: ScoutAccess, username: string, limit: number, now: Date): Promise<number> {
    const found = await businessDiscovery(this.deps.graph, access.token, access.igUserId, username, limit);
    return storeDiscovered(this.deps.db, found.media, {
      brandId: access.brandId,
      method: 'business_discovery',
      hashtag: null,
      account: username,
      now: now.toISOString(),
    });
  }

  async own(access: ScoutAccess, username: string | null, limit: number, now: Date): Promise<number> {
    const media = await ownMedia(this.deps.graph, access.token, access.igUserId, limit);
    return storeDiscovered(this.deps.db, media, {
      brandId: access.brandId,
      method: 'own_account',
      hashtag: null,
      account: username,
      now: now.toISOString(),
    });
  }
}
