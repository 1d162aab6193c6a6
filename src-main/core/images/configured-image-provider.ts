import type { SettingsValues } from '../contract/settings';
import { noImageProvider, type ImageProvider } from '../ports/images';
import type { SecretStore } from '../secrets/secret-store';
import { openAiImageProvider } from './openai-images';

/**
 * The background source Settings ask for: an OpenAI-compatible images API when a base URL is
 * set (its key from the encrypted store), else the brand-colour gradient.
 */
export async function configuredImageProvider(
  settings: { values: SettingsValues },
  secrets: Pick<SecretStore, 'reveal'>,
): Promise<ImageProvider> {
  const { imagesBaseUrl, imagesModel, llmTimeoutMs } = settings.values;
  if (!imagesBaseUrl) return noImageProvider;
  return openAiImageProvider({
    baseUrl: imagesBaseUrl,
    model: imagesModel,
    apiKey: (await secrets.reveal('images.apiKey')) ?? '',
    timeoutMs: llmTimeoutMs,
  });
}
