/**
 * Encrypts secrets before they reach the database. In Electron this is `safeStorage` (the OS
 * keychain); headless it is a key file beside the data. The core never stores plaintext.
 */
export interface SecretCipher {
  /** Human-readable name of the protection, shown in Settings ("OS keychain", "key file"). */
  readonly kind: string;
  isAvailable(): boolean;
  encrypt(plaintext: string): Buffer;
  decrypt(ciphertext: Buffer): string;
}
