import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { AppError, type SettingKey, type SettingsValues, type SettingsView } from '@contract';
import { Badge } from '../../ui/badge';
import { describeError, fieldErrorsOf, unplacedFieldErrors, type FieldErrors } from '../../ui/errors';
import { Field } from '../../ui/field';
import { toast } from '../../ui/toast-store';
import { useSaveSettings } from './use-settings';
import './settings.css';

export interface SettingField {
  key: SettingKey;
  label: string;
  kind: 'text' | 'url' | 'number' | 'time' | 'checkbox' | 'select';
  hint?: ReactNode;
  /** The choices of a `select`. */
  options?: ReadonlyArray<{ value: string; label: string }>;
  /** Suggestions for a text field (a <datalist>). */
  suggestions?: readonly string[];
  step?: number;
}

type Draft = Record<string, string | boolean>;

function draftOf(view: SettingsView, fields: readonly SettingField[]): Draft {
  const draft: Draft = {};
  for (const { key, kind } of fields) {
    const value = view.values[key];
    draft[key] = kind === 'checkbox' ? Boolean(value) : String(value);
  }
  return draft;
}

/**
 * Only what the user changed, numbers parsed from text. Ranges and formats are the contract's
 * rules (settings.set): its `invalid_input` details come back per field.
 */
function changesOf(view: SettingsView, fields: readonly SettingField[], draft: Draft) {
  const changes: Partial<Record<SettingKey, unknown>> = {};
  const errors: FieldErrors = {};
  for (const { key, kind } of fields) {
    const value = draft[key]!;
    if (kind === 'checkbox') {
      if (value !== view.values[key]) changes[key] = value;
      continue;
    }
    const text = String(value).trim();
    if (text === String(view.values[key])) continue;
    if (kind === 'number') {
      const number = Number(text);
      if (text === '' || !Number.isFinite(number)) errors[key] = 'Enter a number';
      else changes[key] = number;
    } else {
      changes[key] = text;
    }
  }
  return { changes: changes as Partial<SettingsValues>, errors };
}

/** The form's key: a change saved elsewhere to one of its settings resets it to show it. */
function savedValuesKey(view: SettingsView, fields: readonly SettingField[]): string {
  return JSON.stringify(fields.map(({ key }) => view.values[key]));
}

function SourceBadge({ source }: { source: string | undefined }) {
  if (source === 'environment') return <Badge tone="warn">From the environment</Badge>;
  return source === 'saved' ? <Badge tone="info">Saved</Badge> : <Badge>Default</Badge>;
}

interface SettingsFieldsFormProps {
  view: SettingsView;
  fields: readonly SettingField[];
  label: string;
}

/** A group of settings edited and saved together; each shows whether it is a default. */
export function SettingsFieldsForm(props: SettingsFieldsFormProps) {
  return <FieldsForm key={savedValuesKey(props.view, props.fields)} {...props} />;
}

function FieldsForm({ view, fields, label }: SettingsFieldsFormProps) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(view, fields));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = useSaveSettings();
  const listId = useId();
  const pending = changesOf(view, fields, draft);
  const dirty = Object.keys(pending.changes).length > 0 || Object.keys(pending.errors).length > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    const parsed = changesOf(view, fields, draft);
    if (Object.keys(parsed.errors).length > 0) return setErrors(parsed.errors);
    try {
      await save.mutateAsync(parsed.changes);
      toast.success('Settings saved.');
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error, 'values.');
      setErrors(fieldErrors);
      const leftover = unplacedFieldErrors(
        fieldErrors,
        fields.map((f) => f.key),
      );
      if (!(error instanceof AppError && error.code === 'invalid_input') || leftover.length > 0) {
        setFormError(leftover.length > 0 ? leftover.join(' ') : describeError(error));
      }
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={label}>
      {formError && (
        <div className="error-box" role="alert">
          {formError}
        </div>
      )}
      <fieldset className="form-grid" disabled={save.isPending}>
        <legend className="visually-hidden">{label}</legend>
        {fields.map((field) => (
          <Field
            key={field.key}
            label={field.label}
            error={errors[field.key]}
            hint={
              <>
                <SourceBadge source={view.sources[field.key]} /> {field.hint}
              </>
            }
          >
            {(control) =>
              field.kind === 'select' ? (
                <select
                  {...control}
                  disabled={view.sources[field.key] === 'environment'}
                  value={String(draft[field.key])}
                  onChange={(e) => setDraft((d) => ({ ...d, [field.key]: e.target.value }))}
                >
                  {field.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : field.kind === 'checkbox' ? (
                <input
                  type="checkbox"
                  {...control}
                  className="checkbox"
                  checked={Boolean(draft[field.key])}
                  onChange={(e) => setDraft((d) => ({ ...d, [field.key]: e.target.checked }))}
                />
              ) : (
                <>
                  <input
                    type={field.kind}
                    {...control}
                    // The environment wins over a saved value: editing here would change nothing.
                    readOnly={view.sources[field.key] === 'environment'}
                    step={field.step}
                    list={field.suggestions ? `${listId}-${field.key}` : undefined}
                    value={String(draft[field.key])}
                    spellCheck={false}
                    onChange={(e) => setDraft((d) => ({ ...d, [field.key]: e.target.value }))}
                  />
                  {field.suggestions && (
                    <datalist id={`${listId}-${field.key}`}>
                      {field.suggestions.map((s) => (
                        <option key={s} value={s} />
                      ))}
                    </datalist>
                  )}
                </>
              )
            }
          </Field>
        ))}
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
            setDraft(draftOf(view, fields));
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
