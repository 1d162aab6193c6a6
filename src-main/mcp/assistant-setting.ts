import type { Core } from '../core/app';
import type { SettingsView } from '../core/contract/settings';

/**
 * Whether Settings → AI assistants is on. Kept apart from the MCP server so that reading the
 * switch (at start and after every settings change) does not load the SDK: with assistants
 * off, the SDK's modules never enter the process (a few MB of its resident memory).
 */
export async function assistantsEnabled(core: Pick<Core, 'invoke'>): Promise<boolean> {
  const view = await core.invoke('settings.get', {});
  return view.ok && (view.value as SettingsView).values.mcpEnabled;
}
