import type { Brand, BrandCreateInput, BrandUpdateInput } from '@contract';
import type { FieldErrors } from '../../ui/errors';

/** What the form edits: everything as typed text, so a half-typed value is never lost or coerced. */
export interface BrandFormValues {
  id: string;
  displayName: string;
  shortName: string;
  instagramHandle: string;
  instagramAccountId: string;
  facebookPageId: string;
  youtubeChannelId: string;
  scheduleOffset: string;
  postsPerDay: string;
  primary: string;
  accent: string;
  active: boolean;
}

export type BrandFormField = keyof BrandFormValues;

export const brandFormFields: readonly BrandFormField[] = [
  'id',
  'displayName',
  'shortName',
  'instagramHandle',
  'instagramAccountId',
  'facebookPageId',
  'youtubeChannelId',
  'scheduleOffset',
  'postsPerDay',
  'primary',
  'accent',
  'active',
];

export const newBrandValues: BrandFormValues = {
  id: '',
  displayName: '',
  shortName: '',
  instagramHandle: '',
  instagramAccountId: '',
  facebookPageId: '',
  youtubeChannelId: '',
  scheduleOffset: '',
  postsPerDay: '6',
  primary: '#2563eb',
  accent: '#f59e0b',
  active: true,
};

export function valuesFromBrand(brand: Brand): BrandFormValues {
  return {
    id: brand.id,
    displayName: brand.displayName,
    shortName: brand.shortName,
    instagramHandle: brand.instagramHandle ?? '',
    instagramAccountId: brand.instagramAccountId ?? '',
    facebookPageId: brand.facebookPageId ?? '',
    youtubeChannelId: brand.youtubeChannelId ?? '',
    scheduleOffset: String(brand.scheduleOffset),
    postsPerDay: String(brand.postsPerDay),
    primary: brand.colors.primary,
    accent: brand.colors.accent,
    active: brand.active,
  };
}

/** The contract reports colour errors at "colors.primary"; the form calls the field "primary". */
export function formFieldOfPath(path: string): string {
  return path.startsWith('colors.') ? path.slice('colors.'.length) : path;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/**
 * Only turns text into numbers here; ranges, formats and everything else are checked by the
 * contract in the core, so the rules live in one place and errors come back per field.
 */
function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : undefined;
}

const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());
const nullable = (text: string) => (text.trim() === '' ? null : text.trim());

export function toCreateInput(values: BrandFormValues): Parsed<BrandCreateInput> {
  const errors: FieldErrors = {};
  const scheduleOffset = values.scheduleOffset.trim() === '' ? undefined : wholeNumber(values.scheduleOffset);
  if (values.scheduleOffset.trim() !== '' && scheduleOffset === undefined) {
    errors.scheduleOffset = 'Enter an hour from 0 to 23, or leave blank for automatic';
  }
  const postsPerDay = wholeNumber(values.postsPerDay);
  if (postsPerDay === undefined) errors.postsPerDay = 'Enter a whole number from 1 to 24';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      id: values.id.trim(),
      displayName: values.displayName,
      shortName: optional(values.shortName),
      instagramHandle: optional(values.instagramHandle),
      instagramAccountId: optional(values.instagramAccountId),
      facebookPageId: optional(values.facebookPageId),
      youtubeChannelId: optional(values.youtubeChannelId),
      scheduleOffset,
      postsPerDay,
      colors: { primary: values.primary.trim(), accent: values.accent.trim() },
      active: values.active,
    },
  };
}

type BrandPatch = BrandUpdateInput['patch'];

/** Sends only what changed, so a stale form cannot overwrite fields someone else edited. */
export function toPatch(original: Brand, values: BrandFormValues): Parsed<BrandPatch> {
  const before = valuesFromBrand(original);
  const patch: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  const changed = (field: BrandFormField) => values[field] !== before[field];

  if (changed('displayName')) patch.displayName = values.displayName;
  // The core derives a short name when none is given, but an existing one cannot be unset.
  if (changed('shortName')) {
    if (values.shortName.trim() === '') errors.shortName = 'Enter a short name (up to 12 characters)';
    else patch.shortName = values.shortName.trim();
  }
  for (const field of [
    'instagramHandle',
    'instagramAccountId',
    'facebookPageId',
    'youtubeChannelId',
  ] as const) {
    if (changed(field)) patch[field] = nullable(values[field]);
  }
  if (changed('scheduleOffset')) {
    const offset = wholeNumber(values.scheduleOffset);
    if (offset === undefined) errors.scheduleOffset = 'Enter an hour from 0 to 23';
    else patch.scheduleOffset = offset;
  }
  if (changed('postsPerDay')) {
    const posts = wholeNumber(values.postsPerDay);
    if (posts === undefined) errors.postsPerDay = 'Enter a whole number from 1 to 24';
    else patch.postsPerDay = posts;
  }
  if (changed('primary') || changed('accent')) {
    patch.colors = { primary: values.primary.trim(), accent: values.accent.trim() };
  }
  if (changed('active')) patch.active = values.active;

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: patch as BrandPatch };
}
