import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../core/ports/secret-cipher';

type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  /** Linux only (Electron ≥ 29); absent on macOS and Windows. */
  getSelectedStorageBackend?: () => string;
};

/** What protects the secrets, chosen once per start. */
export type SecretProtection =
  { kind: 'os-keychain'; label: string } | { kind: 'key-file'; label: string; reason: string };

const linuxBackendNames: Record<string, string> = {
  gnome_libsecret: 'GNOME Keyring (libsecret)',
  kwallet: 'KWallet',
  kwallet5: 'KWallet 5',
  kwallet6: 'KWallet 6',
};

/**
 * Pure: which protection to use. On Linux safeStorage may be "available" while it only obscures
 * the secrets with a fixed, public key (`basic_text`, when no keyring answers); that, "unknown",
 * or no encryption at all falls back to the owner-only key file beside the data, which at least
 * keeps a copied database from leaking the keys.
 */
export function chooseSecretProtection(
  platform: NodeJS.Platform,
  safeStorage: SafeStorageLike,
): SecretProtection {
  const available = safeStorage.isEncryptionAvailable();
  if (platform === 'darwin' && available) return { kind: 'os-keychain', label: 'the macOS Keychain' };
  if (platform === 'win32' && available) return { kind: 'os-keychain', label: 'Windows (DPAPI)' };
  if (platform !== 'darwin' && platform !== 'win32') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    const name = linuxBackendNames[backend];
    if (available && name) return { kind: 'os-keychain', label: name };
    return {
      kind: 'key-file',
      label: 'a key file readable only by you (no system keyring was found)',
      reason:
        backend === 'basic_text'
          ? 'no keyring answered, and Electron would only use a fixed built-in key'
          : `the system keyring is unavailable (backend: ${backend})`,
    };
  }
  return {
    kind: 'key-file',
    label: 'a key file readable only by you',
    reason: 'OS encryption is unavailable',
  };
}

/** safeStorage's ciphertexts start with a version tag ("v10", "v11") on every platform. */
function looksLikeSafeStorage(ciphertext: Buffer): boolean {
  const tag = ciphertext.subarray(0, 3).toString('latin1');
  return tag === 'v10' || tag === 'v11';
}

/**
 * The desktop's cipher: the OS keychain through safeStorage where it really protects, else the
 * key-file cipher. `kind` is what Settings shows ("Secrets are protected with: …"). Secrets
 * written under the other protection (the keyring came or went between starts) still open:
 * safeStorage's are recognised by their version tag, the key file's by its authenticated
 * encryption failing otherwise.
 */
export function desktopSecretCipher(
  protection: SecretProtection,
  safeStorage: SafeStorageLike,
  keyFile: SecretCipher,
): SecretCipher {
  const osKeychain: SecretCipher = {
    kind: protection.label,
    isAvailable: () => safeStorage.isEncryptionAvailable(),
    encrypt: (plaintext) => safeStorage.encryptString(plaintext),
    decrypt: (ciphertext) => safeStorage.decryptString(ciphertext),
  };
  const active = protection.kind === 'os-keychain' ? osKeychain : keyFile;
  return {
    kind: protection.label,
    isAvailable: () => active.isAvailable(),
    encrypt: (plaintext) => active.encrypt(plaintext),
    decrypt(ciphertext) {
      if (looksLikeSafeStorage(ciphertext) && safeStorage.isEncryptionAvailable()) {
        try {
          return osKeychain.decrypt(ciphertext);
        } catch (error) {
          // A key-file ciphertext whose random IV happens to start with "v10": try the key file.
          try {
            return keyFile.decrypt(ciphertext);
          } catch {
            throw error;
          }
        }
      }
      return keyFile.decrypt(ciphertext);
    },
  };
}
