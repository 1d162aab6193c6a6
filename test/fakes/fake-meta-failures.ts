/**
 * Ready-made failures for `FakeMeta.failNext(match, count, failure)`: the rate-limit codes of
 * reference §2.2 with their usage headers, the transient Instagram error, server errors, and dropped
 * connections. Header names: X-App-Usage and X-Business-Use-Case-Usage [U for the exact JSON].
 */
import type { Scripted } from './fake-http';
import type { MetaErrorSpec } from './fake-meta-model';

const usage = { call_count: 100, total_cputime: 25, total_time: 30 };

function error(spec: MetaErrorSpec): Scripted<MetaErrorSpec> {
  return { kind: 'error', error: spec };
}

export const metaFailure = {
  /** Any error envelope. */
  error,
  /** Code 4: application-level limit (Platform rate limits), with X-App-Usage at 100 %. */
  appRateLimit: (): Scripted<MetaErrorSpec> =>
    error({
      code: 4,
      message: '(#4) Application request limit reached',
      isTransient: true,
      headers: { 'x-app-usage': JSON.stringify(usage) },
    }),
  /** Code 17: user-level limit. */
  userRateLimit: (): Scripted<MetaErrorSpec> =>
    error({
      code: 17,
      message: '(#17) User request limit reached',
      isTransient: true,
      headers: { 'x-app-usage': JSON.stringify(usage) },
    }),
  /** Code 32: Page-level limit, with X-Business-Use-Case-Usage for that Page. */
  pageRateLimit: (pageId: string, minutesToRegain = 5): Scripted<MetaErrorSpec> =>
    error({
      code: 32,
      message: '(#32) Page request limit reached',
      isTransient: true,
      headers: {
        'x-business-use-case-usage': JSON.stringify({
          [pageId]: [{ type: 'pages', ...usage, estimated_time_to_regain_access: minutesToRegain }],
        }),
      },
    }),
  /** Code 613: a custom (endpoint) rate limit. */
  customRateLimit: (): Scripted<MetaErrorSpec> =>
    error({ code: 613, message: 'Calls to this api have exceeded the rate limit.', isTransient: true }),
  /** Business Use Case limit of an Instagram account (code 80002 [U]). */
  instagramBucRateLimit: (igUserId: string, minutesToRegain = 5): Scripted<MetaErrorSpec> =>
    error({
      code: 80002,
      message: 'There have been too many calls to this Instagram account. Wait a bit and try again.',
      isTransient: true,
      headers: {
        'x-business-use-case-usage': JSON.stringify({
          [igUserId]: [{ type: 'instagram', ...usage, estimated_time_to_regain_access: minutesToRegain }],
        }),
      },
    }),
  /** -1 / 2207001: Instagram server error, retry [V]. */
  transient: (): Scripted<MetaErrorSpec> =>
    error({
      code: -1,
      subcode: 2207001,
      message: 'An unexpected error has occurred. Please retry your request later.',
      isTransient: true,
    }),
  /** A 5xx with code 2 ("temporary"). */
  serverError: (status = 500): Scripted<MetaErrorSpec> =>
    error({
      status,
      code: 2,
      message: 'An unexpected error has occurred. Please retry your request later.',
      isTransient: true,
    }),
  /** Do the action, then cut the connection: the client cannot know it happened. */
  dropAfterProcessing: (): Scripted<MetaErrorSpec> => ({ kind: 'drop', when: 'after' }),
  /** Cut the connection without doing anything. */
  dropBeforeProcessing: (): Scripted<MetaErrorSpec> => ({ kind: 'drop', when: 'before' }),
  /** Only the first `bytes` bytes of the body arrive (an upload keeps them), then the connection is cut. */
  dropAfterBytes: (bytes: number): Scripted<MetaErrorSpec> => ({
    kind: 'drop',
    when: 'after',
    afterBytes: bytes,
  }),
};
