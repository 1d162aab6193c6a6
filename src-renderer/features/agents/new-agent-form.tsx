import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Agent } from '@contract';
import { useApi } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';
import { describeError, fieldErrorsOf } from '../../ui/errors';
import { Field } from '../../ui/field';
import { toast } from '../../ui/toast-store';
import { useCreateAgent } from './use-agents';

/** A new agent gets random DNA and a fresh name from the core; only brand and personality are chosen here. */
export function NewAgentForm({
  onCreated,
  onCancel,
}: {
  onCreated: (agent: Agent) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const brands = useQuery({
    queryKey: queryKeys.brands.list(false),
    queryFn: () => api['brands.list']({ includeInactive: false }),
  });
  const create = useCreateAgent();
  const [brandId, setBrandId] = useState('');
  const [personality, setPersonality] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    try {
      const agent = await create.mutateAsync({
        brandId: brandId || null,
        personality: personality.trim() || undefined,
      });
      toast.success(`Created ${agent.displayName}.`);
      onCreated(agent);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFormError(describeError(error));
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="New agent">
      {formError && (
        <div className="error-box" role="alert">
          {formError}
        </div>
      )}
      <fieldset className="form-stack" disabled={create.isPending}>
        <legend className="visually-hidden">New agent</legend>
        <Field label="Brand" error={errors.brandId} hint="Optional: the brand this agent is created for.">
          {(control) => (
            <select
              {...control}
              className="select"
              value={brandId}
              onChange={(e) => setBrandId(e.target.value)}
            >
              <option value="">No particular brand</option>
              {brands.data?.map((brand) => (
                <option key={brand.id} value={brand.id}>
                  {brand.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Personality"
          error={errors.personality}
          hint="Optional: blank picks a random archetype."
        >
          {(control) => (
            <textarea
              {...control}
              className="textarea"
              rows={3}
              maxLength={2000}
              value={personality}
              onChange={(e) => setPersonality(e.target.value)}
            />
          )}
        </Field>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create agent'}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={create.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
