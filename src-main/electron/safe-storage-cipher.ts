import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../core/ports/secret-cipher';

/** Secrets sealed by the OS keychain (Keychain, DPAPI, libsecret/kwallet) through safeStorage. */
export function safeStorageCipher(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>,
): SecretCipher {
  return {
    kind: 'OS keychain',
    isAvailable: () => safeStorage.isEncryptionAvailable(),
    encrypt: (plaintext) => safeStorage.encryptString(plaintext),
    decrypt: (ciphertext) => safeStorage.decryptString(ciphertext),
  };
}
