import type { Platform } from '../contract/publishing';
import type { GraphClient } from '../platforms/graph-client';
import type { YouTubeClient } from '../platforms/youtube-client';
import type { LlmClient } from '../ports/llm';
import type { MediaHost } from '../ports/media-host';

/**
 * A brand's Meta access as publishing needs it: the Page token for the Page's own edges, the
 * long-lived user token for its Instagram account (each expires separately).
 */
export interface MetaAccess {
  pageToken: string;
  userToken: string;
  pageId: string | null;
  instagramAccountId: string | null;
}

/**
 * What publishing needs from the brand's connections. Both token calls refuse (a PlatformError
 * of kind `auth`) once a connection is expired, so no call is made until it is reconnected.
 */
export interface PublishCredentials {
  metaAccess(brandId: string, platform: 'instagram' | 'facebook'): Promise<MetaAccess>;
  youtubeAccessToken(brandId: string): Promise<string>;
  /** Drops a cached YouTube access token, so the next call refreshes it (after a 401). */
  forgetYoutubeAccess(brandId: string): void;
  /** Marks the connection expired and holds the brand's waiting posts there (one transaction). */
  markExpired(brandId: string, platform: Platform, reason: string): Promise<unknown>;
}

export interface FlowDeps {
  graph: GraphClient;
  youtube: YouTubeClient;
  credentials: PublishCredentials;
  /** The configured media host, or null when none is set up. */
  mediaHost(): Promise<MediaHost | null>;
  llm: LlmClient;
}
