import type { SettingsService } from '../settings/settings-service';
import { GraphClient } from './graph-client';
import type { Fetch } from './http-call';
import type { PlatformUsage } from './platform-usage';
import { YouTubeClient } from './youtube-client';

/**
 * The Graph and YouTube clients as Settings (and MAESTRO_*_URL overrides) describe them, read
 * for every call. One builder, so the connections and the publisher always talk to the same hosts.
 */
export function platformClients(deps: {
  settings: SettingsService;
  usage: PlatformUsage;
  timeoutMs: number;
  fetch?: Fetch;
}): { graph: GraphClient; youtube: YouTubeClient } {
  const { settings, usage, timeoutMs } = deps;
  const graph = new GraphClient(
    async () => {
      const { values } = await settings.values();
      return {
        graphBaseUrl: values.graphBaseUrl,
        ruploadBaseUrl: values.ruploadBaseUrl,
        version: values.metaGraphVersion,
        timeoutMs,
      };
    },
    usage,
    deps.fetch,
  );
  const youtube = new YouTubeClient(
    async () => {
      const { values } = await settings.values();
      return { apiBaseUrl: values.youtubeApiBaseUrl, uploadBaseUrl: values.youtubeUploadBaseUrl, timeoutMs };
    },
    usage,
    deps.fetch,
  );
  return { graph, youtube };
}
