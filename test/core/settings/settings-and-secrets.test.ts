import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyFileCipher } from '../../../src-main/core/secrets/key-file-cipher';
import { settingsDefaults } from '../../../src-main/core/settings/defaults';
import { makeTempDir } from '../../helpers/temp-dir';
import { openTempCore, sampleBrand, type TempCore } from '../../helpers/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = await openTempCore();
});
afterEach(async () => {
  await t.close();
});

function databaseBytes(): string {
  t.core.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return readFileSync(join(t.dir, 'maestro.db')).toString('latin1');
}

describe('settings', () => {
  it('starts from the built-in defaults (DeepSeek) and says so', async () => {
    const view = await t.call('settings.get');
    expect(view.values).toEqual(settingsDefaults);
    expect(view.sources).toEqual(
      Object.fromEntries(Object.keys(settingsDefaults).map((k) => [k, 'default'])),
    );
    expect(view.secrets.llmApiKey).toBe(false);
    expect(view.secretProtection).toBe('key file');
  });

  it('saves a local endpoint and model, which survive a restart', async () => {
    await t.call('settings.set', {
      values: { llmBaseUrl: 'http://127.0.0.1:11434/v1', llmModel: 'llama3.1' },
    });
    t = await t.reopen();
    const view = await t.call('settings.get');
    expect(view.values).toEqual({
      ...settingsDefaults,
      llmBaseUrl: 'http://127.0.0.1:11434/v1',
      llmModel: 'llama3.1',
    });
    expect(view.sources).toMatchObject({ llmBaseUrl: 'saved', llmModel: 'saved', llmTimeoutMs: 'default' });
  });

  it.each([
    ['a non-http URL', { llmBaseUrl: 'ftp://example.com' }],
    ['a bare word', { llmBaseUrl: 'deepseek' }],
    ['an empty model', { llmModel: '   ' }],
    ['an unknown key', { temperature: 2 }],
    ['nothing at all', {}],
  ])('rejects %s', async (_label, values) => {
    const result = await t.invoke('settings.set', { values });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await t.call('settings.get')).sources.llmBaseUrl).toBe('default');
  });
});

describe('secrets', () => {
  it('stores the LLM key encrypted and only ever reports whether it is set', async () => {
    const key = 'sk-test-0123456789-abcdefghijklmnopqrstuvwxyz';
    expect(await t.call('secrets.set', { key: 'llm.apiKey', value: key })).toEqual({
      key: 'llm.apiKey',
      isSet: true,
    });
    const view = await t.call('settings.get');
    expect(view.secrets.llmApiKey).toBe(true);
    expect(JSON.stringify(view)).not.toContain(key);
    expect(databaseBytes()).not.toContain(key);
    expect(JSON.stringify(await t.call('activity.list'))).not.toContain(key);

    await t.call('secrets.clear', { key: 'llm.apiKey' });
    expect((await t.call('settings.get')).secrets.llmApiKey).toBe(false);
  });

  it('keeps per-brand platform tokens and shows them on the brand as set / not set', async () => {
    await t.call('brands.create', sampleBrand);
    await t.call('secrets.set', {
      key: `brand:${sampleBrand.id}:metaAccessToken`,
      value: 'EAAB-token-value',
    });
    const brand = await t.call('brands.get', { id: sampleBrand.id });
    expect(brand.credentials).toEqual({ metaAccessToken: true, youtubeRefreshToken: false });
    expect(JSON.stringify(brand)).not.toContain('EAAB-token-value');
  });

  it('refuses a token for a brand that does not exist, and unknown secret names', async () => {
    expect(await t.invoke('secrets.set', { key: 'brand:nobody:metaAccessToken', value: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await t.invoke('secrets.set', { key: 'brand:nobody:password', value: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('the headless key-file cipher round-trips and detects tampering', () => {
    const temp = makeTempDir();
    try {
      const cipher = keyFileCipher(join(temp.dir, 'secrets.key'));
      const sealed = cipher.encrypt('hello secret');
      expect(sealed.toString('utf8')).not.toContain('hello secret');
      expect(cipher.decrypt(sealed)).toBe('hello secret');
      // A second instance reads the same key file.
      expect(keyFileCipher(join(temp.dir, 'secrets.key')).decrypt(sealed)).toBe('hello secret');
      const tampered = Buffer.from(sealed);
      tampered[tampered.length - 1]! ^= 0xff;
      expect(() => cipher.decrypt(tampered)).toThrow();
    } finally {
      temp.cleanup();
    }
  });
});
