import type { Agent, AgentUpdateInput } from '@contract';
import type { FieldErrors } from '../../ui/errors';
import { strategyCatalogue, type StrategyName } from './agent-presentation';

type Patch = AgentUpdateInput['patch'];

/** What the DNA editor holds: numbers as typed text, so a half-typed value is never coerced. */
export interface DnaFormValues {
  personality: string;
  temperature: string;
  variant: Agent['variant'];
  riskTolerance: Agent['riskTolerance'];
  proposalsPerBrand: string;
  reels: boolean;
  posts: boolean;
  /** Blank or 0: the agent does not use that strategy. */
  weights: Record<StrategyName, string>;
}

export function valuesFromAgent(agent: Agent): DnaFormValues {
  const weights = {} as Record<StrategyName, string>;
  for (const { name } of strategyCatalogue) {
    const weight = agent.strategyWeights[name];
    weights[name] = weight === undefined ? '' : String(weight);
  }
  return {
    personality: agent.personality,
    temperature: String(agent.temperature),
    variant: agent.variant,
    riskTolerance: agent.riskTolerance,
    proposalsPerBrand: String(agent.proposalsPerBrand),
    reels: agent.contentTypes.includes('reel'),
    posts: agent.contentTypes.includes('post'),
    weights,
  };
}

function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** The strategies in use and their weights; blank and 0 mean "not used". */
export function weightsOf(values: DnaFormValues): { weights: Record<string, number>; errors: FieldErrors } {
  const weights: Record<string, number> = {};
  const errors: FieldErrors = {};
  for (const { name } of strategyCatalogue) {
    const text = values.weights[name];
    if (text.trim() === '') continue;
    const weight = parseNumber(text);
    if (weight === undefined) errors[`strategyWeights.${name}`] = 'Enter a number such as 0.25';
    else if (weight !== 0) weights[name] = weight;
  }
  return { weights, errors };
}

export function weightTotal(values: DnaFormValues): number {
  return Object.values(weightsOf(values).weights).reduce((sum, weight) => sum + weight, 0);
}

type Parsed = { ok: true; patch: Partial<Patch> } | { ok: false; errors: FieldErrors };

/**
 * Only what changed, with text turned into numbers. Ranges and the weights adding up to 1 are
 * the contract's rules: its `invalid_input` details come back per field.
 */
export function toPatch(agent: Agent, values: DnaFormValues): Parsed {
  const before = valuesFromAgent(agent);
  const patch: Record<string, unknown> = {};
  const errors: FieldErrors = {};

  if (values.personality !== before.personality) patch.personality = values.personality;
  if (values.temperature !== before.temperature) {
    const temperature = parseNumber(values.temperature);
    if (temperature === undefined) errors.temperature = 'Enter a number such as 0.85';
    else patch.temperature = temperature;
  }
  if (values.variant !== before.variant) patch.variant = values.variant;
  if (values.riskTolerance !== before.riskTolerance) patch.riskTolerance = values.riskTolerance;
  if (values.proposalsPerBrand !== before.proposalsPerBrand) {
    const count = parseNumber(values.proposalsPerBrand);
    if (count === undefined) errors.proposalsPerBrand = 'Enter a whole number';
    else patch.proposalsPerBrand = count;
  }
  if (values.reels !== before.reels || values.posts !== before.posts) {
    patch.contentTypes = [...(values.reels ? ['reel'] : []), ...(values.posts ? ['post'] : [])];
  }
  if (JSON.stringify(values.weights) !== JSON.stringify(before.weights)) {
    const parsed = weightsOf(values);
    Object.assign(errors, parsed.errors);
    patch.strategyWeights = parsed.weights;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, patch: patch as Partial<Patch> };
}
