import type { SettingsView } from '@contract';
import { Card } from '../../ui/card';
import { ErrorMessage } from '../../ui/error-message';
import { toast } from '../../ui/toast-store';
import { assistantSettingFields } from './maestro-settings-fields';
import { SettingsFieldsForm } from './settings-fields-form';
import { useAssistantConfig } from './use-assistant-config';

/**
 * Settings → AI assistants (MCP): off by default. Once on (and saved), the exact configuration to
 * paste into an MCP client, with a copy button.
 */
export function AssistantsCard({ view }: { view: SettingsView }) {
  const enabled = view.values.mcpEnabled;
  const config = useAssistantConfig(enabled);
  const text = config.data ? JSON.stringify(config.data, null, 2) : '';

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      toast.success('Configuration copied.');
    } catch {
      toast.error('Could not copy: select the text and copy it instead.');
    }
  };

  return (
    <Card title="AI assistants (MCP)">
      <p className="muted">
        Let your own AI assistant (Claude, ChatGPT, Cursor, VS Code and other MCP clients) use Maestro: it can
        do everything you can here, from reviewing proposals to publishing posts. Every call it makes appears
        in the activity log as “assistant”.
      </p>
      <SettingsFieldsForm view={view} fields={assistantSettingFields} label="AI assistants" />
      {enabled && (
        <div className="assistant-config">
          <h3>Paste this into your assistant’s MCP configuration</h3>
          <p className="muted">
            For example in Claude Desktop’s <code>claude_desktop_config.json</code>, or a client’s “Add MCP
            server” setting. Maestro must be open while the assistant uses it.
          </p>
          {config.isPending && <p className="muted">Loading the configuration…</p>}
          {config.isError && <ErrorMessage error={config.error} title="Could not load the configuration." />}
          {config.data && (
            <>
              <pre className="assistant-config-text" aria-label="MCP client configuration" tabIndex={0}>
                {text}
              </pre>
              <div className="button-row">
                <button type="button" className="button" onClick={() => void copy()}>
                  Copy configuration
                </button>
              </div>
            </>
          )}
        </div>
      )}
    </Card>
  );
}
