import { Card } from '../../ui/card';
import { ErrorMessage } from '../../ui/error-message';
import { PageHeader } from '../../ui/page-header';
import { ApiKeyForm } from './api-key-form';
import {
  burstSettingFields,
  imageSettingFields,
  llmEndpointFields,
  llmLimitFields,
} from './maestro-settings-fields';
import { savedValuesKey, SettingsFieldsForm } from './settings-fields-form';
import { useSettings } from './use-settings';

export function SettingsPage() {
  const settings = useSettings();
  return (
    <>
      <PageHeader
        title="Settings"
        description="How Maestro’s agents reach the language model, what they may spend, and when they write."
      />
      {settings.isPending && <p className="muted">Loading settings…</p>}
      {settings.isError && <ErrorMessage error={settings.error} title="Could not load settings." />}
      {settings.data && (
        <div className="stack">
          <Card title="Language model">
            <SettingsFieldsForm
              key={savedValuesKey(settings.data, llmEndpointFields)}
              view={settings.data}
              fields={llmEndpointFields}
              label="Language model"
            />
          </Card>
          <Card title="LLM limits">
            <SettingsFieldsForm
              key={savedValuesKey(settings.data, llmLimitFields)}
              view={settings.data}
              fields={llmLimitFields}
              label="LLM limits"
            />
          </Card>
          <Card title="Daily burst">
            <SettingsFieldsForm
              key={savedValuesKey(settings.data, burstSettingFields)}
              view={settings.data}
              fields={burstSettingFields}
              label="Daily burst"
            />
          </Card>
          <Card title="API key">
            <ApiKeyForm view={settings.data} />
          </Card>
          <Card title="Reel backgrounds">
            <SettingsFieldsForm
              key={savedValuesKey(settings.data, imageSettingFields)}
              view={settings.data}
              fields={imageSettingFields}
              label="Reel backgrounds"
            />
            <ApiKeyForm view={settings.data} secretKey="images.apiKey" />
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
