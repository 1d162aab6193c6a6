import { z } from 'zod';
import { activityEntrySchema, activityListSchema } from './activity';
import {
  brandCreateSchema,
  brandIdInputSchema,
  brandListInputSchema,
  brandSchema,
  brandUpdateSchema,
} from './brands';
import { maestroStatusSchema } from './maestro';
import {
  secretClearSchema,
  secretSetSchema,
  secretStatusSchema,
  settingsSetSchema,
  settingsViewSchema,
} from './settings';
import { appInfoSchema, emptyInputSchema, healthSchema } from './system';

interface OperationDefinition<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** Operations that change data; the transports and the UI use it to refresh views. */
  mutates: boolean;
  summary: string;
}

function op<I extends z.ZodType, O extends z.ZodType>(def: OperationDefinition<I, O>) {
  return def;
}

/**
 * The one list of everything the UI can ask of the core. Both transports (Electron IPC and
 * the headless HTTP server) serve exactly this, and the preload bridge is generated from it.
 */
export const operations = {
  'app.info': op({
    input: emptyInputSchema,
    output: appInfoSchema,
    mutates: false,
    summary: 'Version and data location',
  }),
  'app.health': op({
    input: emptyInputSchema,
    output: healthSchema,
    mutates: false,
    summary: 'Self-check of the core',
  }),

  'brands.list': op({
    input: brandListInputSchema,
    output: z.array(brandSchema),
    mutates: false,
    summary: 'Brands, newest last',
  }),
  'brands.get': op({ input: brandIdInputSchema, output: brandSchema, mutates: false, summary: 'One brand' }),
  'brands.create': op({
    input: brandCreateSchema,
    output: brandSchema,
    mutates: true,
    summary: 'Add a brand',
  }),
  'brands.update': op({
    input: brandUpdateSchema,
    output: brandSchema,
    mutates: true,
    summary: 'Edit a brand',
  }),
  'brands.delete': op({
    input: brandIdInputSchema,
    output: brandSchema,
    mutates: true,
    summary: 'Move a brand to the trash (undoable)',
  }),
  'brands.restore': op({
    input: brandIdInputSchema,
    output: brandSchema,
    mutates: true,
    summary: 'Undo a brand deletion',
  }),

  'settings.get': op({
    input: emptyInputSchema,
    output: settingsViewSchema,
    mutates: false,
    summary: 'Settings and which secrets are set',
  }),
  'settings.set': op({
    input: settingsSetSchema,
    output: settingsViewSchema,
    mutates: true,
    summary: 'Change settings',
  }),
  'secrets.set': op({
    input: secretSetSchema,
    output: secretStatusSchema,
    mutates: true,
    summary: 'Store a secret encrypted',
  }),
  'secrets.clear': op({
    input: secretClearSchema,
    output: secretStatusSchema,
    mutates: true,
    summary: 'Forget a secret',
  }),

  'maestro.status': op({
    input: emptyInputSchema,
    output: maestroStatusSchema,
    mutates: false,
    summary: 'Is Maestro paused',
  }),
  'maestro.pause': op({
    input: emptyInputSchema,
    output: maestroStatusSchema,
    mutates: true,
    summary: 'Pause Maestro',
  }),
  'maestro.resume': op({
    input: emptyInputSchema,
    output: maestroStatusSchema,
    mutates: true,
    summary: 'Resume Maestro',
  }),

  'activity.list': op({
    input: activityListSchema,
    output: z.array(activityEntrySchema),
    mutates: false,
    summary: 'Activity feed, newest first',
  }),
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
/** What a caller may send (before defaults and transforms). */
export type InputOf<K extends OperationName> = z.input<Operations[K]['input']>;
/** What a handler receives (after validation). */
export type ParsedInputOf<K extends OperationName> = z.output<Operations[K]['input']>;
export type OutputOf<K extends OperationName> = z.output<Operations[K]['output']>;

export const operationNames = Object.keys(operations) as OperationName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(operations, name);
}
