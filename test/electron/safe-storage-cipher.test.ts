import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyFileCipher } from '../../src-main/core/secrets/key-file-cipher';
import { chooseSecretProtection, desktopSecretCipher } from '../../src-main/electron/safe-storage-cipher';
import { safeStorage as fakeSafeStorage } from '../fakes/fake-electron';
import { makeTempDir } from '../helpers/temp-dir';

const storage = (available: boolean, backend?: string) => ({
  ...fakeSafeStorage,
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: backend ? () => backend : undefined,
});

describe('which protection guards the secrets', () => {
  it('is the OS keychain where it really encrypts, and names it', () => {
    expect(chooseSecretProtection('darwin', storage(true))).toEqual({
      kind: 'os-keychain',
      label: 'the macOS Keychain',
    });
    expect(chooseSecretProtection('win32', storage(true))).toEqual({
      kind: 'os-keychain',
      label: 'Windows (DPAPI)',
    });
    expect(chooseSecretProtection('linux', storage(true, 'gnome_libsecret')).label).toBe(
      'GNOME Keyring (libsecret)',
    );
    expect(chooseSecretProtection('linux', storage(true, 'kwallet6')).label).toBe('KWallet 6');
  });

  it('falls back to the owner-only key file for basic_text (a fixed key), unknown, or no encryption', () => {
    expect(chooseSecretProtection('linux', storage(true, 'basic_text'))).toMatchObject({
      kind: 'key-file',
      reason: expect.stringMatching(/fixed built-in key/),
    });
    expect(chooseSecretProtection('linux', storage(false, 'gnome_libsecret')).kind).toBe('key-file');
    expect(chooseSecretProtection('linux', storage(true, 'unknown')).kind).toBe('key-file');
    expect(chooseSecretProtection('darwin', storage(false)).kind).toBe('key-file');
  });

  it('still opens secrets written under the other protection after the keyring came or went', () => {
    const temp = makeTempDir();
    const keyFile = keyFileCipher(join(temp.dir, 'secrets.key'));
    const withKeyring = desktopSecretCipher(
      chooseSecretProtection('linux', storage(true, 'gnome_libsecret')),
      storage(true, 'gnome_libsecret'),
      keyFile,
    );
    const withoutKeyring = desktopSecretCipher(
      chooseSecretProtection('linux', storage(true, 'basic_text')),
      storage(true, 'basic_text'),
      keyFile,
    );
    const sealedByKeyring = withKeyring.encrypt('sk-keyring');
    const sealedByFile = withoutKeyring.encrypt('sk-file');
    expect(sealedByKeyring.subarray(0, 3).toString()).toBe('v11');
    expect(sealedByFile.subarray(0, 3).toString()).not.toBe('v11');
    expect(withoutKeyring.decrypt(sealedByKeyring)).toBe('sk-keyring');
    expect(withKeyring.decrypt(sealedByFile)).toBe('sk-file');
    expect(withoutKeyring.kind).toMatch(/key file readable only by you/);
    temp.cleanup();
  });
});
