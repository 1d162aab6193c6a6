const REDACTED = '[redacted]';

/**
 * Removes credentials from text that is about to be stored or shown: the given secrets
 * wherever they appear, anything sent as a bearer token, and anything shaped like an
 * `sk-…` API key. Error bodies from proxies and odd servers sometimes echo the request.
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let clean = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) clean = clean.split(secret).join(REDACTED);
  }
  return clean
    .replace(/(Bearer\s+)[^\s"',;]+/gi, `$1${REDACTED}`)
    .replace(/\bsk-[A-Za-z0-9_-]{8,}/g, REDACTED);
}
