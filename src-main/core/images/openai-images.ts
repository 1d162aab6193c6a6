import type { ImageProvider, ImageRequest } from '../ports/images';

export interface OpenAiImagesConfig {
  /** e.g. https://api.openai.com/v1 (any server speaking the same `POST /images/generations`). */
  baseUrl: string;
  model: string;
  apiKey: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The nearest size the common image models accept for a portrait or square canvas. */
export function requestSize(width: number, height: number): string {
  const ratio = height / width;
  if (ratio >= 1.5) return '1024x1792';
  if (ratio >= 1.15) return '1024x1536';
  return '1024x1024';
}

/**
 * Backgrounds from an OpenAI-compatible images API (`POST {baseUrl}/images/generations`), asking
 * for base64 so no second download is needed; a `url` answer is fetched as well.
 */
export function openAiImageProvider(config: OpenAiImagesConfig): ImageProvider {
  const doFetch = config.fetch ?? fetch;
  const base = config.baseUrl.replace(/\/+$/, '');
  return {
    name: `${config.model} at ${base}`,
    async generate(request: ImageRequest, signal?: AbortSignal) {
      const timeout = AbortSignal.timeout(config.timeoutMs ?? 120_000);
      const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
      const response = await doFetch(`${base}/images/generations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${config.apiKey}` },
        body: JSON.stringify({
          model: config.model,
          prompt: request.prompt,
          n: 1,
          size: requestSize(request.width, request.height),
          response_format: 'b64_json',
        }),
        signal: combined,
      });
      if (!response.ok) {
        const text = (await response.text().catch(() => '')).slice(0, 300);
        throw new Error(`The image service answered ${response.status}: ${text}`);
      }
      const body = (await response.json()) as { data?: Array<{ b64_json?: string; url?: string }> };
      const first = body.data?.[0];
      if (first?.b64_json) return Buffer.from(first.b64_json, 'base64');
      if (first?.url) {
        const image = await doFetch(first.url, { signal: combined });
        if (!image.ok) throw new Error(`Downloading the generated image failed with ${image.status}`);
        return new Uint8Array(await image.arrayBuffer());
      }
      throw new Error('The image service answered without an image.');
    },
  };
}
