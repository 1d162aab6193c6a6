import { join } from 'node:path';
import { manualClock } from '../../src-main/core/ports/clock';
import { keyFileCipher } from '../../src-main/core/secrets/key-file-cipher';
import { SecretStore } from '../../src-main/core/secrets/secret-store';
import { googleEnv, startFakeGoogle, type FakeGoogle } from '../fakes/fake-google-server';
import { openTempCore, sampleBrand, type TempCore } from './temp-core';

/** The YouTube connection tests' world: a core on a manual clock whose Google is the fake one. */
export interface GoogleCore {
  clock: ReturnType<typeof manualClock>;
  google: FakeGoogle;
  temp: TempCore;
}

/** Opens the fake Google on the core's clock, then the core pointed at it, with the sample brand. */
export async function openGoogleCore(start: string): Promise<GoogleCore> {
  const clock = manualClock(start);
  const google = await startFakeGoogle({ now: () => clock.now() });
  const temp = await openTempCore({ clock, startRenderQueue: false, env: googleEnv(google) });
  await temp.call('brands.create', sampleBrand);
  return { clock, google, temp };
}

/** Closes what openGoogleCore opened (whatever of it a failed set-up got to). */
export async function closeGoogleCore(temp: TempCore | undefined, google: FakeGoogle | undefined) {
  temp?.core.connections.close();
  await temp?.close();
  await google?.close();
}

/** The creator's own OAuth client, as Settings saves it: the fake's id and secret. */
export async function setGoogleClient(temp: TempCore, google: FakeGoogle): Promise<void> {
  await temp.call('settings.set', { values: { googleClientId: google.client.clientId } });
  await temp.call('secrets.set', { key: 'google.clientSecret', value: google.client.clientSecret });
}

/**
 * The app's secrets decrypted with the headless key file: the test plays someone with the data
 * folder *and* its key, to read the tokens Google issued.
 */
export function decryptedSecrets(temp: TempCore, clock: GoogleCore['clock']): SecretStore {
  return new SecretStore(temp.core.store.db, keyFileCipher(join(temp.dir, 'secrets.key')), clock);
}
