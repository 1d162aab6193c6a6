import { useId, useState, type FormEvent } from 'react';
import { AppError, type Agent } from '@contract';
import { describeError, fieldErrorsOf, unplacedFieldErrors, type FieldErrors } from '../../ui/errors';
import { Field, TextField } from '../../ui/field';
import { toast } from '../../ui/toast-store';
import { strategyCatalogue, type StrategyName } from './agent-presentation';
import { toPatch, valuesFromAgent, weightTotal, type DnaFormValues } from './dna-form-values';
import { useUpdateAgent } from './use-agents';

const placedFields = [
  'personality',
  'temperature',
  'variant',
  'riskTolerance',
  'proposalsPerBrand',
  'contentTypes',
  'strategyWeights',
  ...strategyCatalogue.map(({ name }) => `strategyWeights.${name}`),
];

/** Edits an agent's DNA by hand; the core records the edit in the agent's learnings. */
export function AgentDnaForm({ agent, onDone }: { agent: Agent; onDone: () => void }) {
  const [values, setValues] = useState<DnaFormValues>(() => valuesFromAgent(agent));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const update = useUpdateAgent();
  const total = weightTotal(values);
  const id = useId();

  const set = <K extends keyof DnaFormValues>(field: K, value: DnaFormValues[K]) =>
    setValues((v) => ({ ...v, [field]: value }));
  const setWeight = (name: StrategyName, text: string) =>
    setValues((v) => ({ ...v, weights: { ...v.weights, [name]: text } }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    const parsed = toPatch(agent, values);
    if (!parsed.ok) return setErrors(parsed.errors);
    if (Object.keys(parsed.patch).length === 0) {
      toast.info('Nothing changed.');
      return onDone();
    }
    try {
      await update.mutateAsync({ agentId: agent.agentId, patch: parsed.patch });
      toast.success(`Saved ${agent.displayName}’s DNA.`);
      onDone();
    } catch (error) {
      const fields = fieldErrorsOf(error, 'patch.');
      setErrors(fields);
      if (error instanceof AppError && error.code === 'invalid_input') {
        const leftover = unplacedFieldErrors(fields, placedFields);
        setFormError(
          leftover.length > 0
            ? leftover.join(' ')
            : 'Some fields need attention; see the messages below them.',
        );
      } else {
        setFormError(describeError(error));
      }
    }
  };

  const weightsError =
    errors.strategyWeights ??
    strategyCatalogue.map(({ name }) => errors[`strategyWeights.${name}`]).find(Boolean);

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={`Edit ${agent.displayName}’s DNA`}>
      {formError && (
        <div className="error-box" role="alert">
          {formError}
        </div>
      )}
      <fieldset className="form-grid" disabled={update.isPending}>
        <legend className="visually-hidden">Style</legend>
        <TextField
          label="Temperature"
          type="number"
          step={0.01}
          min={0.6}
          max={0.98}
          value={values.temperature}
          onChange={(v) => set('temperature', v)}
          error={errors.temperature}
          hint="0.60–0.98: higher writes more adventurously."
        />
        <Field label="Variant" error={errors.variant}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={values.variant}
              onChange={(e) => set('variant', e.target.value as DnaFormValues['variant'])}
            >
              <option value="dark">dark</option>
              <option value="light">light</option>
            </select>
          )}
        </Field>
        <Field label="Risk tolerance" error={errors.riskTolerance}>
          {(control) => (
            <select
              {...control}
              className="select"
              value={values.riskTolerance}
              onChange={(e) => set('riskTolerance', e.target.value as DnaFormValues['riskTolerance'])}
            >
              <option value="low">low</option>
              <option value="medium">medium</option>
              <option value="high">high</option>
            </select>
          )}
        </Field>
        <TextField
          label="Proposals per brand"
          type="number"
          min={1}
          max={20}
          value={values.proposalsPerBrand}
          onChange={(v) => set('proposalsPerBrand', v)}
          error={errors.proposalsPerBrand}
          hint="1–20."
        />
      </fieldset>

      <fieldset className="form-stack" disabled={update.isPending}>
        <legend>Content types</legend>
        <div className="checkbox-row">
          <label>
            <input
              type="checkbox"
              className="checkbox"
              checked={values.reels}
              onChange={(e) => set('reels', e.target.checked)}
            />{' '}
            Reels
          </label>
          <label>
            <input
              type="checkbox"
              className="checkbox"
              checked={values.posts}
              onChange={(e) => set('posts', e.target.checked)}
            />{' '}
            Carousel posts
          </label>
        </div>
        {errors.contentTypes && <p className="field-error">{errors.contentTypes}</p>}
      </fieldset>

      <fieldset className="form-stack form-wide" disabled={update.isPending}>
        <legend>Personality</legend>
        <Field label="Personality" error={errors.personality}>
          {(control) => (
            <textarea
              {...control}
              className="textarea"
              rows={3}
              maxLength={2000}
              value={values.personality}
              onChange={(e) => set('personality', e.target.value)}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className="weights-editor" disabled={update.isPending} aria-describedby={`${id}-total`}>
        <legend>Strategy weights</legend>
        <p className="field-hint">Shares of the agent’s proposals, adding up to 1. Blank or 0: not used.</p>
        <table className="table weights-table">
          <tbody>
            {strategyCatalogue.map(({ name, label }) => {
              const error = errors[`strategyWeights.${name}`];
              return (
                <tr key={name}>
                  <th scope="row">
                    <label htmlFor={`${id}-weight-${name}`}>{name.replace('_', ' ')}</label>
                    <span className="muted weights-label">{label}</span>
                  </th>
                  <td className={error ? 'field-invalid' : undefined}>
                    <input
                      id={`${id}-weight-${name}`}
                      type="number"
                      className="weight-input"
                      step={0.05}
                      min={0}
                      max={1}
                      value={values.weights[name]}
                      aria-invalid={Boolean(error)}
                      onChange={(e) => setWeight(name, e.target.value)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td id={`${id}-total`} className={Math.abs(total - 1) < 0.011 ? 'weights-ok' : 'weights-off'}>
                {total.toFixed(2)}
                {Math.abs(total - 1) >= 0.011 && ' (must be 1.00)'}
              </td>
            </tr>
          </tfoot>
        </table>
        {weightsError && (
          <p className="field-error" role="alert">
            {weightsError}
          </p>
        )}
      </fieldset>

      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save DNA'}
        </button>
        <button type="button" className="button" onClick={onDone} disabled={update.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
