import { useState, type FormEvent } from 'react';
import type { SettingsView } from '@contract';
import { Badge } from '../../ui/badge';
import { confirm } from '../../ui/confirm-store';
import { describeError, fieldErrorsOf } from '../../ui/errors';
import { TextField } from '../../ui/field';
import { toast } from '../../ui/toast-store';
import { useApiKey } from './use-settings';

/** Which stored key a form edits, how it is named, and what clearing it means. */
const keys = {
  'llm.apiKey': {
    label: 'LLM API key',
    flag: 'llmApiKey',
    noun: 'key',
    clearWarning: 'Agents cannot write until a key is set again.',
  },
  'images.apiKey': {
    label: 'Images API key',
    flag: 'imagesApiKey',
    noun: 'key',
    clearWarning: 'New backgrounds fall back to brand-colour gradients until a key is set again.',
  },
  'meta.appSecret': {
    label: 'App secret',
    flag: 'metaAppSecret',
    noun: 'secret',
    clearWarning: 'Brands cannot connect Facebook and Instagram until the secret is set again.',
  },
  'google.clientSecret': {
    label: 'Client secret',
    flag: 'googleClientSecret',
    noun: 'secret',
    clearWarning: 'Connected channels cannot refresh their access until the secret is set again.',
  },
  'mediaHost.secretAccessKey': {
    label: 'Secret access key',
    flag: 'mediaHostSecretKey',
    noun: 'key',
    clearWarning: 'Carousels cannot reach Instagram until the key is set again.',
  },
} as const;

export type SecretFormKey = keyof typeof keys;

/** The renderer only ever learns whether the key is set; the key itself stays in the core. */
export function ApiKeyForm({
  view,
  secretKey = 'llm.apiKey',
}: {
  view: SettingsView;
  secretKey?: SecretFormKey;
}) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const { set, clear } = useApiKey(secretKey);
  const { label, flag, clearWarning, noun } = keys[secretKey];
  const isSet = view.secrets[flag];
  const busy = set.isPending || clear.isPending;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await set.mutateAsync(value);
      setValue('');
      toast.success(`${label} saved.`);
    } catch (failure) {
      setError(fieldErrorsOf(failure).value ?? describeError(failure));
    }
  };

  const clearKey = async () => {
    const ok = await confirm({
      title: `Clear the ${label}?`,
      message: clearWarning,
      confirmLabel: `Clear ${noun}`,
      tone: 'danger',
    });
    if (!ok) return;
    try {
      await clear.mutateAsync();
      toast.success(`${label} cleared.`);
    } catch (failure) {
      toast.error(`Could not clear the ${label}: ${describeError(failure)}`);
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>Status: {isSet ? <Badge tone="good">Set</Badge> : <Badge tone="warn">Not set</Badge>}</p>
      <TextField
        label={isSet ? `Replace ${label}` : label}
        type="password"
        value={value}
        onChange={(v) => {
          setValue(v);
          setError(undefined);
        }}
        error={error}
        autoComplete="off"
        disabled={busy}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy || value === ''}>
          Save {noun}
        </button>
        <button
          type="button"
          className="button button-danger-quiet"
          disabled={busy || !isSet}
          onClick={() => void clearKey()}
        >
          Clear {noun}
        </button>
      </div>
    </form>
  );
}
