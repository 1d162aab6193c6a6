/** A picture for a background, asked for by prompt. */
export interface ImageRequest {
  prompt: string;
  width: number;
  height: number;
  /** Fixed per job so a retried job asks for the same picture. */
  seed: number;
}

/**
 * Where backgrounds come from: an OpenAI-compatible images API when one is configured
 * (images/openai-images.ts), otherwise nothing, and the renderer draws a gradient in the brand's
 * colours. Tests pass their own.
 */
export interface ImageProvider {
  /** Shown in job outputs and diagnostics, e.g. "gpt-image-1 at https://api.openai.com/v1". */
  readonly name: string;
  /** Encoded image bytes (PNG, JPEG or WebP), or null when no service is configured. */
  generate(request: ImageRequest, signal?: AbortSignal): Promise<Uint8Array | null>;
}

export const noImageProvider: ImageProvider = { name: 'generated gradient', generate: async () => null };
