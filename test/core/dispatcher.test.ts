import { describe, expect, it } from 'vitest';
import { createDispatcher, type Handlers } from '../../src-main/core/dispatcher';
import { AppError } from '../../src-main/core/contract/errors';

const healthy = { status: 'ok' as const, checks: [], uptimeSeconds: 0, checkedAt: 'now' };

function dispatcherWith(partial: Partial<Handlers>, unexpected: unknown[] = []) {
  return createDispatcher(partial as Handlers, (_name, error) => unexpected.push(error));
}

describe('dispatcher', () => {
  it('answers an unknown operation with a typed error', async () => {
    const invoke = dispatcherWith({});
    expect(await invoke('brands.drop', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_operation' },
    });
    expect(await invoke(42, {})).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    expect(await invoke('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
  });

  it('never calls the handler with invalid input', async () => {
    let called = 0;
    const invoke = dispatcherWith({ 'brands.get': async () => (called++, undefined as never) });
    expect(await invoke('brands.get', { id: 'x'.repeat(500) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await invoke('brands.get', null)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(called).toBe(0);
  });

  it('passes typed domain errors through and wraps unexpected ones as internal, reporting them', async () => {
    const unexpected: unknown[] = [];
    const invoke = dispatcherWith(
      {
        'brands.get': async () => {
          throw new AppError('not_found', 'No brand "x".');
        },
        'app.health': async () => {
          throw new TypeError('boom');
        },
      },
      unexpected,
    );
    expect(await invoke('brands.get', { id: 'xy' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No brand "x".' },
    });
    expect(await invoke('app.health', {})).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('boom') },
    });
    expect(unexpected).toHaveLength(1);
  });

  it('treats a missing payload as an empty object for operations without input', async () => {
    const invoke = dispatcherWith({ 'app.health': async () => healthy });
    expect(await invoke('app.health', undefined)).toEqual({ ok: true, value: healthy });
  });
});

describe('validation messages', () => {
  it('says "Required" and gives limits in plain words', async () => {
    const invoke = dispatcherWith({});
    const result = await invoke('brands.create', {
      id: 'ok-id',
      displayName: '',
      colors: { primary: '#fff', accent: '#000' },
      postsPerDay: 30,
      extra: 1,
    });
    expect(result.ok).toBe(false);
    const fields = (result as { error: { details: { fields: { path: string; message: string }[] } } }).error
      .details.fields;
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: 'displayName', message: 'Required' },
        { path: 'postsPerDay', message: 'At most 24' },
        { path: '(input)', message: expect.stringMatching(/^Unknown field/) },
      ]),
    );
    const missing = await invoke('brands.get', {});
    expect(missing).toMatchObject({
      ok: false,
      error: { details: { fields: [{ path: 'id', message: 'Required' }] } },
    });
  });
});
