import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretCipher } from '../ports/secret-cipher';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Headless mode has no OS keychain. Secrets are sealed with AES-256-GCM under a random key kept
 * in a separate owner-only file, so a copied or backed-up database alone does not leak them.
 */
export function keyFileCipher(keyFile: string): SecretCipher {
  let key: Buffer | undefined;
  const loadKey = (): Buffer => {
    if (key) return key;
    if (existsSync(keyFile)) {
      key = readFileSync(keyFile);
      if (key.length !== KEY_BYTES) throw new Error(`The key file ${keyFile} is damaged.`);
    } else {
      mkdirSync(dirname(keyFile), { recursive: true });
      key = randomBytes(KEY_BYTES);
      writeFileSync(keyFile, key, { mode: 0o600, flag: 'wx' });
    }
    return key;
  };
  return {
    kind: 'key file',
    isAvailable: () => true,
    encrypt(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', loadKey(), iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed) {
      const iv = sealed.subarray(0, IV_BYTES);
      const tag = sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', loadKey(), iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([
        decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}
