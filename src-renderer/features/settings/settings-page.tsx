import { Card } from '../../ui/card';
import { ErrorMessage } from '../../ui/error-message';
import { PageHeader } from '../../ui/page-header';
import { ApiKeyForm } from './api-key-form';
import { LlmSettingsForm } from './llm-settings-form';
import { useSettings } from './use-settings';

export function SettingsPage() {
  const settings = useSettings();
  return (
    <>
      <PageHeader
        title="Settings"
        description="How Maestro’s agents reach the language model they write with."
      />
      {settings.isPending && <p className="muted">Loading settings…</p>}
      {settings.isError && <ErrorMessage error={settings.error} title="Could not load settings." />}
      {settings.data && (
        <div className="stack">
          <Card title="Language model">
            {/* Keyed by the saved values: a change saved elsewhere resets the form to show it. */}
            <LlmSettingsForm key={JSON.stringify(settings.data.values)} view={settings.data} />
          </Card>
          <Card title="API key">
            <ApiKeyForm view={settings.data} />
          </Card>
          <Card title="Secret protection">
            <p>
              Secrets are protected with: <strong>{settings.data.secretProtection}</strong>.
            </p>
          </Card>
        </div>
      )}
    </>
  );
}
