import { PlatformError } from './platform-error';

/** The Graph API's error envelope (platform-apis.md §2.1). */
export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  is_transient?: boolean;
  fbtrace_id?: string;
}

const rateLimitCodes = new Set([4, 17, 32, 341, 613, 80001, 80002, 80004, 80005, 80006, 80008]);
const transientCodes = new Set([1, 2, -1, -2]);

/** Suggested fixes for the errors a creator can act on, by code or code/subcode. */
const fixes: Record<string, string> = {
  '190': 'Reconnect this brand in Brands → Connections.',
  '10': 'Reconnect and grant every permission the login dialog asks for.',
  '200': 'Reconnect and grant the publishing permissions (pages_manage_posts, instagram_content_publish).',
  '368': 'Meta has temporarily blocked posting from this account; wait, then retry.',
  '506': 'Meta refused a duplicate post: change the caption, then retry.',
  '9/2207042': 'Instagram allows 50 API posts per 24 hours; the post waits for the window to free up.',
  '36000/2207004': 'The image is larger than Instagram accepts (8 MB); re-render it.',
  '1/2207057': 'The cover frame is outside the video; choose another cover.',
  '-2/2207020': 'The upload expired before publishing; retry to upload it again.',
  '2207026': 'Instagram refused the video format; re-render the reel (H.264, AAC, 9:16).',
  '9004/2207052': 'Instagram could not fetch the media from the media host; check its settings.',
  '100': 'Meta refused a parameter; the message says which. Please report it if it persists.',
};

function fixFor(code: number | undefined, subcode: number | undefined): string | null {
  if (code === undefined) return null;
  return (
    fixes[`${code}/${subcode}`] ??
    (subcode !== undefined ? fixes[String(subcode)] : undefined) ??
    fixes[String(code)] ??
    (code >= 200 && code < 300 ? fixes['200']! : null)
  );
}

/**
 * Classifies a Graph API (or rupload) error answer. Pure: the decision is tested against the
 * codes of the fact sheet; the caller attaches it to the step that failed.
 */
export function classifyGraphError(
  platform: 'instagram' | 'facebook',
  status: number,
  error: GraphErrorBody | undefined,
): PlatformError {
  const code = error?.code;
  const subcode = error?.error_subcode;
  const message =
    error?.error_user_msg ||
    error?.message ||
    `${platform === 'instagram' ? 'Instagram' : 'Facebook'} answered HTTP ${status}`;
  const codeText =
    code === undefined ? `HTTP ${status}` : subcode === undefined ? String(code) : `${code}/${subcode}`;
  const base = { platform, message, code: codeText, status, suggestedFix: fixFor(code, subcode) };
  if (code === 190 || (code === undefined && status === 401))
    return new PlatformError({ ...base, kind: 'auth' });
  if (code === 9 && subcode === 2207042) return new PlatformError({ ...base, kind: 'quota' });
  if (code !== undefined && rateLimitCodes.has(code))
    return new PlatformError({ ...base, kind: 'rate_limit' });
  if (status === 429) return new PlatformError({ ...base, kind: 'rate_limit' });
  if (error?.is_transient || (code !== undefined && transientCodes.has(code)) || status >= 500) {
    return new PlatformError({ ...base, kind: 'transient' });
  }
  return new PlatformError({ ...base, kind: 'permanent' });
}
