import { useState, type FormEvent } from 'react';
import { AppError, type Brand } from '@contract';
import { describeError, fieldErrorsOf, unplacedFieldErrors, type FieldErrors } from '../../ui/errors';
import { Field, TextField } from '../../ui/field';
import { toast } from '../../ui/toast-store';
import {
  brandFormFields,
  formFieldOfPath,
  newBrandValues,
  toCreateInput,
  toPatch,
  valuesFromBrand,
  type BrandFormValues,
} from './brand-form-values';
import { ColorField } from './color-field';
import { useCreateBrand, useUpdateBrand } from './use-brands';

interface BrandFormProps {
  /** Absent: a new brand. */
  brand?: Brand;
  onDone: () => void;
}

/** Turns a failed save into messages beside fields, plus one message for anything else. */
function errorsFromFailure(error: unknown, editing: boolean): { fields: FieldErrors; form: string | null } {
  const raw = fieldErrorsOf(error, editing ? 'patch.' : '');
  const fields: FieldErrors = {};
  for (const [path, message] of Object.entries(raw)) fields[formFieldOfPath(path)] = message;
  if (error instanceof AppError && error.code === 'invalid_input') {
    const leftover = unplacedFieldErrors(fields, brandFormFields);
    return {
      fields,
      form:
        leftover.length > 0 ? leftover.join(' ') : 'Some fields need attention; see the messages below them.',
    };
  }
  // A taken id is a problem with the id field, so say it there too.
  if (error instanceof AppError && error.code === 'conflict' && !editing) fields.id = error.message;
  return { fields, form: describeError(error) };
}

export function BrandForm({ brand, onDone }: BrandFormProps) {
  const editing = brand !== undefined;
  const [values, setValues] = useState<BrandFormValues>(() =>
    brand ? valuesFromBrand(brand) : newBrandValues,
  );
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const create = useCreateBrand();
  const update = useUpdateBrand();
  const saving = create.isPending || update.isPending;

  const set =
    <K extends keyof BrandFormValues>(field: K) =>
    (value: BrandFormValues[K]) => {
      setValues((v) => ({ ...v, [field]: value }));
      // Once the user changes a field its old error no longer describes it.
      setFieldErrors((errors) => {
        if (!(field in errors)) return errors;
        const next = { ...errors };
        delete next[field];
        return next;
      });
    };

  const fail = (error: unknown) => {
    const { fields, form } = errorsFromFailure(error, editing);
    setFieldErrors(fields);
    setFormError(form);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    if (!brand) {
      const parsed = toCreateInput(values);
      if (!parsed.ok) return setFieldErrors(parsed.errors);
      try {
        const created = await create.mutateAsync(parsed.value);
        toast.success(`Created “${created.displayName}”.`);
        onDone();
      } catch (error) {
        fail(error);
      }
      return;
    }
    const parsed = toPatch(brand, values);
    if (!parsed.ok) return setFieldErrors(parsed.errors);
    if (Object.keys(parsed.value).length === 0) {
      toast.info('Nothing changed.');
      onDone();
      return;
    }
    try {
      const updated = await update.mutateAsync({ id: brand.id, patch: parsed.value });
      toast.success(`Saved “${updated.displayName}”.`);
      onDone();
    } catch (error) {
      fail(error);
    }
  };

  const err = (field: keyof BrandFormValues) => fieldErrors[field];

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={editing ? 'Edit brand' : 'New brand'}>
      {formError && (
        <div className="error-box" role="alert">
          {formError}
        </div>
      )}
      <fieldset className="form-grid" disabled={saving}>
        <legend className="visually-hidden">Identity</legend>
        <TextField
          label="Brand id"
          value={values.id}
          onChange={set('id')}
          error={err('id')}
          readOnly={editing}
          required
          autoComplete="off"
          hint={
            editing
              ? 'The id cannot change.'
              : 'Lower-case letters, digits, "-" or "_"; e.g. healthy-college.'
          }
        />
        <TextField
          label="Display name"
          value={values.displayName}
          onChange={set('displayName')}
          error={err('displayName')}
          required
        />
        <TextField
          label="Short name"
          value={values.shortName}
          onChange={set('shortName')}
          error={err('shortName')}
          maxLength={12}
          hint={
            editing ? 'Up to 12 characters.' : 'Optional, up to 12 characters; initials of the name if blank.'
          }
        />
      </fieldset>

      <fieldset className="form-grid" disabled={saving}>
        <legend>Accounts</legend>
        <TextField
          label="Instagram handle"
          value={values.instagramHandle}
          onChange={set('instagramHandle')}
          error={err('instagramHandle')}
          placeholder="@my.brand"
          autoComplete="off"
        />
        <TextField
          label="Instagram account id"
          value={values.instagramAccountId}
          onChange={set('instagramAccountId')}
          error={err('instagramAccountId')}
          inputMode="numeric"
        />
        <TextField
          label="Facebook page id"
          value={values.facebookPageId}
          onChange={set('facebookPageId')}
          error={err('facebookPageId')}
          inputMode="numeric"
        />
        <TextField
          label="YouTube channel id"
          value={values.youtubeChannelId}
          onChange={set('youtubeChannelId')}
          error={err('youtubeChannelId')}
          placeholder="UC…"
        />
      </fieldset>

      <fieldset className="form-grid" disabled={saving}>
        <legend>Schedule and look</legend>
        <TextField
          label="Schedule offset (hours)"
          type="number"
          min={0}
          max={23}
          value={values.scheduleOffset}
          onChange={set('scheduleOffset')}
          error={err('scheduleOffset')}
          hint={
            editing
              ? '0–23: shifts this brand’s posting hours.'
              : '0–23, or blank to pick a free hour automatically.'
          }
        />
        <TextField
          label="Posts per day"
          type="number"
          min={1}
          max={24}
          value={values.postsPerDay}
          onChange={set('postsPerDay')}
          error={err('postsPerDay')}
          hint="1–24."
        />
        <ColorField
          label="Primary colour"
          value={values.primary}
          onChange={set('primary')}
          error={err('primary')}
        />
        <ColorField
          label="Accent colour"
          value={values.accent}
          onChange={set('accent')}
          error={err('accent')}
        />
        <Field label="Active" error={err('active')} hint="Inactive brands get no new content.">
          {(control) => (
            <input
              type="checkbox"
              {...control}
              className="checkbox"
              checked={values.active}
              onChange={(e) => set('active')(e.target.checked)}
            />
          )}
        </Field>
      </fieldset>

      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : editing ? 'Save changes' : 'Create brand'}
        </button>
        <button type="button" className="button" onClick={onDone} disabled={saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}
