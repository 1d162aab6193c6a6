/**
 * Somewhere public for a few minutes: Instagram fetches carousel images (and reel covers) only
 * from a URL, so a laptop puts them on a host it controls, hands Instagram a short-lived link,
 * and deletes them once the post is out.
 */
export interface MediaHost {
  /** Uploads a local file under `key` and returns a URL anyone can GET until it expires. */
  put(key: string, file: string, contentType: string): Promise<string>;
  /** Deletes `key`; deleting what is not there is not an error. */
  remove(key: string): Promise<void>;
}
