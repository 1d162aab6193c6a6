import { Card } from '../../ui/card';
import { ErrorMessage } from '../../ui/error-message';
import { PageHeader } from '../../ui/page-header';
import { ApiKeyForm } from './api-key-form';
import { AssistantsCard } from './assistants-card';
import { BackupsCard } from './backups-card';
import {
  burstSettingFields,
  googleClientFields,
  imageSettingFields,
  learningSettingFields,
  llmEndpointFields,
  llmLimitFields,
  mediaHostFields,
  metaAppFields,
  serviceAddressFields,
} from './maestro-settings-fields';
import { NotificationsCard } from './notifications-card';
import { SettingsFieldsForm } from './settings-fields-form';
import { useSettings } from './use-settings';

export function SettingsPage() {
  const settings = useSettings();
  return (
    <>
      <PageHeader
        title="Settings"
        description="How Maestro’s agents reach the language model, what they may spend, when they write, and how posts reach the platforms."
      />
      {settings.isPending && <p className="muted">Loading settings…</p>}
      {settings.isError && <ErrorMessage error={settings.error} title="Could not load settings." />}
      {settings.data && (
        <div className="stack">
          <Card title="Language model">
            <SettingsFieldsForm view={settings.data} fields={llmEndpointFields} label="Language model" />
          </Card>
          <Card title="LLM limits">
            <SettingsFieldsForm view={settings.data} fields={llmLimitFields} label="LLM limits" />
          </Card>
          <Card title="Daily burst">
            <SettingsFieldsForm view={settings.data} fields={burstSettingFields} label="Daily burst" />
          </Card>
          <Card title="Learning">
            <SettingsFieldsForm view={settings.data} fields={learningSettingFields} label="Learning" />
          </Card>
          <Card title="API key">
            <ApiKeyForm view={settings.data} />
          </Card>
          <Card title="Reel backgrounds">
            <SettingsFieldsForm view={settings.data} fields={imageSettingFields} label="Reel backgrounds" />
            <ApiKeyForm view={settings.data} secretKey="images.apiKey" />
          </Card>
          <Card title="Meta app">
            <p className="muted">
              Your own Meta app connects each brand’s Facebook Page and Instagram professional account (Brands
              → Connections).
            </p>
            <SettingsFieldsForm view={settings.data} fields={metaAppFields} label="Meta app" />
            <ApiKeyForm view={settings.data} secretKey="meta.appSecret" />
          </Card>
          <Card title="Google OAuth client">
            <p className="muted">Your own Google OAuth client connects each brand’s YouTube channel.</p>
            <SettingsFieldsForm
              view={settings.data}
              fields={googleClientFields}
              label="Google OAuth client"
            />
            <ApiKeyForm view={settings.data} secretKey="google.clientSecret" />
          </Card>
          <Card title="Media host">
            <p className="muted">
              Instagram fetches carousel images from a public address. Maestro puts them in this bucket for a
              few minutes and deletes them after publishing.
            </p>
            <SettingsFieldsForm view={settings.data} fields={mediaHostFields} label="Media host" />
            <ApiKeyForm view={settings.data} secretKey="mediaHost.secretAccessKey" />
          </Card>
          <AssistantsCard view={settings.data} />
          <NotificationsCard view={settings.data} />
          <BackupsCard view={settings.data} />
          <Card title="Advanced: service addresses">
            <details className="advanced">
              <summary>Show where Maestro reaches Meta, Google and YouTube</summary>
              <p className="muted">
                Change these only to use a sandbox or a proxy. An address set by an environment variable shows
                “From the environment” and cannot be changed here.
              </p>
              <SettingsFieldsForm
                view={settings.data}
                fields={serviceAddressFields}
                label="Service addresses"
              />
            </details>
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
