import { useId, useState, type FormEvent } from 'react';
import { AppError, type CalendarItem, platformNames } from '@contract';
import { describeError, fieldErrorsOf, unplacedFieldErrors, type FieldErrors } from '../../ui/errors';
import { Field } from '../../ui/field';
import { toast } from '../../ui/toast-store';
import {
  patchFrom,
  platformsFor,
  postEditFields,
  valuesFromItem,
  type PostEditValues,
} from './post-edit-values';
import { useUpdatePost } from './use-calendar';

function TextArea({
  label,
  value,
  onChange,
  error,
  hint,
  rows = 4,
  readOnly,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  rows?: number;
  readOnly: boolean;
}) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(control) => (
        <textarea
          {...control}
          className="post-textarea"
          rows={rows}
          value={value}
          readOnly={readOnly}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/**
 * Captions, YouTube title, first comment and platforms, editable until a platform starts
 * publishing; afterwards the same fields are shown read-only, as what was sent.
 */
export function PostEditForm({ item }: { item: CalendarItem }) {
  const [values, setValues] = useState<PostEditValues>(() => valuesFromItem(item));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const update = useUpdatePost();
  const readOnly = !item.editable;
  const choices = platformsFor(item);
  const platformsErrorId = useId();

  const set =
    <K extends keyof PostEditValues>(field: K) =>
    (value: PostEditValues[K]) => {
      setValues((v) => ({ ...v, [field]: value }));
      setErrors(({ [field]: _dropped, ...rest }) => rest);
    };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const result = patchFrom(item, values);
    if (!result.ok) return setErrors(result.errors);
    if (!result.patch) return toast.info('Nothing changed.');
    try {
      await update.mutateAsync({ scheduleId: item.scheduleId, patch: result.patch });
      toast.success(`Saved the changes to ${item.title}.`);
    } catch (error) {
      const fields = fieldErrorsOf(error, 'patch.');
      setErrors(fields);
      const leftover = unplacedFieldErrors(fields, postEditFields);
      setFormError(
        error instanceof AppError && error.code === 'invalid_input' && leftover.length === 0
          ? 'Some fields need attention; see the messages below them.'
          : leftover.length > 0
            ? leftover.join(' ')
            : describeError(error),
      );
    }
  }

  return (
    <form
      className="form post-edit"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="Captions and platforms"
    >
      {readOnly && (
        <p className="muted">Publishing has started, so these can no longer change. This is what was sent.</p>
      )}
      {formError && (
        <div className="error-box" role="alert">
          {formError}
        </div>
      )}
      <fieldset disabled={update.isPending} className="form-stack post-edit-fields">
        <legend className="visually-hidden">Captions</legend>
        <TextArea
          label="Instagram caption"
          value={values.caption}
          onChange={set('caption')}
          error={errors.caption}
          rows={6}
          readOnly={readOnly}
        />
        <TextArea
          label="Facebook caption"
          value={values.facebookCaption}
          onChange={set('facebookCaption')}
          error={errors.facebookCaption}
          rows={4}
          readOnly={readOnly}
        />
        {item.contentType === 'reel' && (
          <Field
            label="YouTube title"
            error={errors.youtubeTitle}
            hint={`Up to 100 characters; ${values.youtubeTitle.trim().length} now.${
              item.youtubeTitleSource === 'fallback' ? ' Made from the reel’s title.' : ''
            }`}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                maxLength={100}
                value={values.youtubeTitle}
                readOnly={readOnly}
                onChange={(e) => set('youtubeTitle')(e.target.value)}
              />
            )}
          </Field>
        )}
        <TextArea
          label="First comment"
          value={values.firstComment}
          onChange={set('firstComment')}
          error={errors.firstComment}
          hint="Posted under the post right after it goes up. Leave empty for none."
          rows={2}
          readOnly={readOnly}
        />
        <fieldset
          className="post-platforms"
          aria-describedby={errors.platforms ? platformsErrorId : undefined}
        >
          <legend>Platforms</legend>
          {choices.map((platform) => (
            <label key={platform} className="post-platform-choice">
              <input
                type="checkbox"
                className="checkbox"
                checked={values.platforms.includes(platform)}
                disabled={readOnly}
                onChange={(e) =>
                  set('platforms')(
                    e.target.checked
                      ? [...values.platforms, platform]
                      : values.platforms.filter((p) => p !== platform),
                  )
                }
              />
              {platformNames[platform]}
            </label>
          ))}
          {item.contentType === 'carousel' && <p className="field-hint">YouTube takes videos only.</p>}
          {errors.platforms && (
            <p id={platformsErrorId} className="field-error">
              {errors.platforms}
            </p>
          )}
        </fieldset>
      </fieldset>
      {!readOnly && (
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save changes'}
          </button>
          <button
            type="button"
            className="button"
            disabled={update.isPending}
            onClick={() => {
              setValues(valuesFromItem(item));
              setErrors({});
              setFormError(null);
            }}
          >
            Discard changes
          </button>
        </div>
      )}
    </form>
  );
}
