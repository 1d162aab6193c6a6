import { useState, type FormEvent } from 'react';
import { AppError, type SettingsView } from '@contract';
import { Badge } from '../../ui/badge';
import { describeError, fieldErrorsOf, type FieldErrors } from '../../ui/errors';
import { TextField } from '../../ui/field';
import { toast } from '../../ui/toast-store';
import { useSaveSettings } from './use-settings';

function SourceBadge({ source }: { source: string | undefined }) {
  return source === 'saved' ? <Badge tone="info">Saved</Badge> : <Badge>Default</Badge>;
}

/** Base URL and model of the language model the agents write with. */
export function LlmSettingsForm({ view }: { view: SettingsView }) {
  const [baseUrl, setBaseUrl] = useState(view.values.llmBaseUrl);
  const [model, setModel] = useState(view.values.llmModel);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = useSaveSettings();

  // Only what the user changed is saved, so an untouched default stays a default.
  const changes: { llmBaseUrl?: string; llmModel?: string } = {};
  if (baseUrl.trim() !== view.values.llmBaseUrl) changes.llmBaseUrl = baseUrl.trim();
  if (model.trim() !== view.values.llmModel) changes.llmModel = model.trim();
  const dirty = Object.keys(changes).length > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    try {
      await save.mutateAsync(changes);
      toast.success('Settings saved.');
    } catch (error) {
      const fields = fieldErrorsOf(error, 'values.');
      setErrors(fields);
      if (!(error instanceof AppError && error.code === 'invalid_input' && Object.keys(fields).length > 0)) {
        setFormError(describeError(error));
      }
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {formError && (
        <div className="error-box" role="alert">
          {formError}
        </div>
      )}
      <fieldset className="form-stack" disabled={save.isPending}>
        <legend className="visually-hidden">Language model</legend>
        <TextField
          label="LLM base URL"
          type="url"
          value={baseUrl}
          onChange={setBaseUrl}
          error={errors.llmBaseUrl}
          hint={
            <>
              <SourceBadge source={view.sources.llmBaseUrl} /> An OpenAI-compatible API address.
            </>
          }
          spellCheck={false}
        />
        <TextField
          label="LLM model"
          value={model}
          onChange={setModel}
          error={errors.llmModel}
          hint={<SourceBadge source={view.sources.llmModel} />}
          spellCheck={false}
        />
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={!dirty || save.isPending}>
          {save.isPending ? 'Saving…' : 'Save settings'}
        </button>
        <button
          type="button"
          className="button"
          disabled={!dirty || save.isPending}
          onClick={() => {
            setBaseUrl(view.values.llmBaseUrl);
            setModel(view.values.llmModel);
            setErrors({});
            setFormError(null);
          }}
        >
          Discard changes
        </button>
      </div>
    </form>
  );
}
