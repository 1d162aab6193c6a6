import type { PublishingProfile } from '../contract/brands';

/** What a brand publishes to, and how, until the creator says otherwise (Brands → Publishing). */
export const publishingProfileDefaults: PublishingProfile = {
  platforms: ['instagram', 'facebook', 'youtube'],
  youtubePrivacy: 'public',
  youtubeNotifySubscribers: true,
  youtubeShortsTag: true,
  firstComment: null,
};

/** The publisher's timings and limits, in one place (platform facts: shared/reference/platform-apis.md). */
export const publishDefaults = {
  /** One platform request (an upload chunk included) gets this long before it counts as no answer. */
  requestTimeoutMs: 120_000,
  /** How often due posts are looked for; "Publish now" and a finished render also wake it. */
  tickMs: 30_000,
  /** Instagram and Facebook processing polls: a short wait between looks, for at most this long. */
  pollIntervalMs: 5_000,
  processingTimeoutMs: 10 * 60_000,
  /** Bytes per upload request (rupload and YouTube); a multiple of 256 KiB as Google asks. */
  uploadChunkBytes: 4 * 1024 * 1024,
  /** Back-off after a rate limit or a network failure: base × 2^attempt, ± jitter, capped. */
  backoffBaseMs: 60_000,
  backoffMaxMs: 60 * 60_000,
  backoffJitter: 0.2,
  /** When Instagram's 24-hour publishing limit is hit, look again after this long. */
  instagramLimitRetryMs: 60 * 60_000,
  /** Presigned media-host URLs live just long enough for Meta to fetch them. */
  mediaHostUrlSeconds: 15 * 60,
  /** YouTube custom thumbnails over this size are refused. */
  youtubeThumbnailMaxBytes: 2 * 1024 * 1024,
  /** YouTube titles the LLM writes aim for this length; the fallback is the reel title in Title Case. */
  youtubeTitleChars: { min: 40, max: 70, hardMax: 100 },
} as const;
