import { useState, type FormEvent } from 'react';
import type { SettingsView } from '@contract';
import { Badge } from '../../ui/badge';
import { confirm } from '../../ui/confirm-store';
import { describeError, fieldErrorsOf } from '../../ui/errors';
import { TextField } from '../../ui/field';
import { toast } from '../../ui/toast-store';
import { useApiKey } from './use-settings';

/** The renderer only ever learns whether the key is set; the key itself stays in the core. */
export function ApiKeyForm({ view }: { view: SettingsView }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const { set, clear } = useApiKey();
  const isSet = view.secrets.llmApiKey;
  const busy = set.isPending || clear.isPending;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await set.mutateAsync(value);
      setValue('');
      toast.success('API key saved.');
    } catch (failure) {
      setError(fieldErrorsOf(failure).value ?? describeError(failure));
    }
  };

  const clearKey = async () => {
    const ok = await confirm({
      title: 'Clear the API key?',
      message: 'Agents cannot write until a key is set again.',
      confirmLabel: 'Clear key',
      tone: 'danger',
    });
    if (!ok) return;
    try {
      await clear.mutateAsync();
      toast.success('API key cleared.');
    } catch (failure) {
      toast.error(`Could not clear the API key: ${describeError(failure)}`);
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>Status: {isSet ? <Badge tone="good">Set</Badge> : <Badge tone="warn">Not set</Badge>}</p>
      <TextField
        label={isSet ? 'Replace LLM API key' : 'LLM API key'}
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
          Save key
        </button>
        <button
          type="button"
          className="button button-danger-quiet"
          disabled={busy || !isSet}
          onClick={() => void clearKey()}
        >
          Clear key
        </button>
      </div>
    </form>
  );
}
