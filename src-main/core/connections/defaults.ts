/** Facebook Login, Google sign-in and token handling, in one place (facts: platform-apis.md §4.1, §5.7, §6). */
export const connectionsDefaults = {
  /**
   * What the Facebook Login dialog asks for, each for a reason:
   * pages_show_list + pages_read_engagement to find the Pages and read them; pages_manage_posts to
   * publish Page reels; pages_manage_engagement for the first comment on Facebook;
   * instagram_basic + instagram_content_publish to publish to Instagram; instagram_manage_comments
   * for the first comment there; instagram_manage_insights + read_insights for the numbers the
   * learning loop reads; business_management because Pages owned through a Business Manager are
   * only listed with it.
   */
  metaScopes: [
    'pages_show_list',
    'pages_read_engagement',
    'pages_manage_posts',
    'pages_manage_engagement',
    'instagram_basic',
    'instagram_content_publish',
    'instagram_manage_comments',
    'instagram_manage_insights',
    'read_insights',
    'business_management',
  ],
  /** The one redirect Meta allows for a login dialog in a desktop web view (§6). */
  metaRedirectUri: 'https://www.facebook.com/connect/login_success.html',
  /** The fields /me/accounts is asked for: each Page, its token and its Instagram account. */
  metaPageFields: 'id,name,access_token,instagram_business_account{id,username}',
  /** Pages read per /me/accounts request, and at most this many requests (a creator has a few Pages). */
  metaPagesPerRequest: 100,
  metaPageRequests: 5,
  /**
   * A token exchanged for a long-lived one is kept in memory this long, so listing the Pages and
   * then connecting the chosen one costs one exchange.
   */
  exchangeReuseMs: 10 * 60_000,
  /**
   * upload: publish Shorts; readonly: read the channel and its videos' numbers; force-ssl: post
   * the first comment.
   */
  youtubeScopes: [
    'https://www.googleapis.com/auth/youtube.upload',
    'https://www.googleapis.com/auth/youtube.readonly',
    'https://www.googleapis.com/auth/youtube.force-ssl',
  ],
  /** The loopback path Google redirects back to. */
  youtubeCallbackPath: '/oauth2callback',
  /** A sign-in left open in the browser ends after this long (the listener closes). */
  youtubeSignInTimeoutMs: 10 * 60_000,
  /** Access tokens are refreshed this long before Google says they expire. */
  accessTokenMarginMs: 5 * 60_000,
  /** Per request to Meta or Google while connecting or testing. */
  requestTimeoutMs: 30_000,
  /**
   * A revocation request is claimed for this long: past the request timeout, so a claim lost to
   * a crash comes due again by itself but a request still under way is never sent twice.
   */
  revocationClaimMs: 2 * 60_000,
  /**
   * Waits before the next try after a failed revocation (an outage, a rate limit, no network),
   * by attempts made; the last one repeats. A laptop offline for a day is still caught up.
   */
  revocationBackoffMs: [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000],
  /** Tries before giving up (about two days of retries); the creator is then told how to revoke it. */
  revocationMaxAttempts: 12,
} as const;
