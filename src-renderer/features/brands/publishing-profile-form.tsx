import { useState, type FormEvent } from 'react';
import { platformNames, type Brand, type Platform, type PublishingProfile } from '@contract';
import { Badge } from '../../ui/badge';
import { describeError, fieldErrorsOf } from '../../ui/errors';
import { Field } from '../../ui/field';
import { toast } from '../../ui/toast-store';
import { useUpdateBrand } from './use-brands';

interface Draft {
  platforms: Platform[];
  youtubePrivacy: PublishingProfile['youtubePrivacy'];
  youtubeNotifySubscribers: boolean;
  youtubeShortsTag: boolean;
  firstComment: string;
}

const platformOrder: readonly Platform[] = ['instagram', 'facebook', 'youtube'];

function draftOf(brand: Brand): Draft {
  const { platforms, youtubePrivacy, youtubeNotifySubscribers, youtubeShortsTag, firstComment } =
    brand.publishing;
  return {
    platforms,
    youtubePrivacy,
    youtubeNotifySubscribers,
    youtubeShortsTag,
    firstComment: firstComment ?? '',
  };
}

function profileOf(draft: Draft): PublishingProfile {
  return {
    platforms: platformOrder.filter((p) => draft.platforms.includes(p)),
    youtubePrivacy: draft.youtubePrivacy,
    youtubeNotifySubscribers: draft.youtubeNotifySubscribers,
    youtubeShortsTag: draft.youtubeShortsTag,
    firstComment: draft.firstComment.trim() === '' ? null : draft.firstComment.trim(),
  };
}

/** Where and how this brand's posts go out; saved as the brand's `publishing` patch. */
export function PublishingProfileForm({ brand }: { brand: Brand }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(brand));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const update = useUpdateBrand();
  const dirty = JSON.stringify(profileOf(draft)) !== JSON.stringify(profileOf(draftOf(brand)));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = async (publishing: PublishingProfile | null, done: string) => {
    setErrors({});
    setFormError(null);
    try {
      await update.mutateAsync({ id: brand.id, patch: { publishing } });
      toast.success(done);
    } catch (error) {
      const fields = fieldErrorsOf(error, 'patch.publishing.');
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(describeError(error));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(profileOf(draft), `Publishing settings of “${brand.displayName}” saved.`);
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={`Publishing for ${brand.displayName}`}>
      {formError && (
        <div className="error-box" role="alert">
          {formError}
        </div>
      )}
      <p className="muted">
        {brand.publishing.custom ? (
          <Badge tone="info">Saved for this brand</Badge>
        ) : (
          <Badge>App defaults</Badge>
        )}{' '}
        A post goes only to the platforms checked here that its render was made for.
      </p>
      <fieldset className="form-grid" disabled={update.isPending}>
        <legend>Publish to</legend>
        {platformOrder.map((platform) => (
          <label key={platform} className="choice">
            <input
              type="checkbox"
              className="checkbox"
              checked={draft.platforms.includes(platform)}
              onChange={(e) =>
                set(
                  'platforms',
                  e.target.checked
                    ? [...draft.platforms, platform]
                    : draft.platforms.filter((p) => p !== platform),
                )
              }
            />
            {platformNames[platform]}
          </label>
        ))}
        {errors.platforms && <p className="field-error">{errors.platforms}</p>}
      </fieldset>
      <fieldset className="form-grid" disabled={update.isPending}>
        <legend>YouTube</legend>
        <Field label="Privacy" error={errors.youtubePrivacy}>
          {(control) => (
            <select
              {...control}
              value={draft.youtubePrivacy}
              onChange={(e) => set('youtubePrivacy', e.target.value as Draft['youtubePrivacy'])}
            >
              <option value="public">Public</option>
              <option value="unlisted">Unlisted</option>
              <option value="private">Private</option>
            </select>
          )}
        </Field>
        <label className="choice">
          <input
            type="checkbox"
            className="checkbox"
            checked={draft.youtubeNotifySubscribers}
            onChange={(e) => set('youtubeNotifySubscribers', e.target.checked)}
          />
          Notify subscribers
        </label>
        <label className="choice">
          <input
            type="checkbox"
            className="checkbox"
            checked={draft.youtubeShortsTag}
            onChange={(e) => set('youtubeShortsTag', e.target.checked)}
          />
          Add #Shorts to the description
        </label>
      </fieldset>
      <fieldset className="form-stack" disabled={update.isPending}>
        <legend className="visually-hidden">First comment</legend>
        <Field
          label="First comment"
          error={errors.firstComment}
          hint="Posted under every post of this brand, e.g. hashtags or a link. Leave empty for none."
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              maxLength={2200}
              value={draft.firstComment}
              onChange={(e) => set('firstComment', e.target.value)}
            />
          )}
        </Field>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={!dirty || update.isPending}>
          {update.isPending ? 'Saving…' : 'Save publishing'}
        </button>
        <button
          type="button"
          className="button"
          disabled={!brand.publishing.custom || update.isPending}
          onClick={() => void save(null, `“${brand.displayName}” publishes with the app defaults.`)}
        >
          Use the defaults
        </button>
      </div>
    </form>
  );
}
