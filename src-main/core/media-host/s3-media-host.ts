import { readFile } from 'node:fs/promises';
import type { SettingsValues } from '../contract/settings';
import { PlatformError } from '../platforms/platform-error';
import type { MediaHost } from '../ports/media-host';
import { systemClock, type Clock } from '../ports/clock';

export interface S3HostConfig {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** How long the presigned GET lives. */
  urlSeconds: number;
}

/** The media host the settings describe, or null when none is configured (carousels then wait for one). */
export function s3HostConfig(
  values: SettingsValues,
  secretAccessKey: string | undefined,
  urlSeconds: number,
): S3HostConfig | null {
  if (
    !values.mediaHostEndpoint ||
    !values.mediaHostBucket ||
    !values.mediaHostAccessKeyId ||
    !secretAccessKey
  ) {
    return null;
  }
  return {
    endpoint: values.mediaHostEndpoint,
    bucket: values.mediaHostBucket,
    region: values.mediaHostRegion,
    accessKeyId: values.mediaHostAccessKeyId,
    secretAccessKey,
    urlSeconds,
  };
}

function hostError(what: string, error: unknown): PlatformError {
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode ?? null;
  const name = (error as Error)?.name ?? 'Error';
  const offline = status === null;
  return new PlatformError({
    platform: 'media-host',
    kind: offline ? 'offline' : status >= 500 ? 'transient' : 'permanent',
    message: `Media host: ${what} failed (${name}${status ? `, HTTP ${status}` : ''}): ${(error as Error)?.message ?? error}`,
    code: name,
    status,
    suggestedFix: offline
      ? 'Check the internet connection and the media host address in Settings.'
      : 'Check the media host settings (endpoint, bucket, access key and secret) in Settings.',
  });
}

/**
 * An S3-compatible bucket (AWS S3, Cloudflare R2, MinIO) through the official SDK: objects are
 * private, Instagram gets a presigned GET that expires in minutes, and they are deleted after
 * publishing. Path-style addressing, which all three accept.
 */
export function s3MediaHost(config: S3HostConfig, clock: Clock = systemClock): MediaHost {
  // The SDK is loaded on first use: most installs never configure a media host, and loading it
  // at start costs the headless server a tenth of a second (issue 10's start-up budget).
  let loaded: Promise<S3Kit> | null = null;
  const kit = () => (loaded ??= loadS3Kit(config));
  // Requests and presigned URLs are signed with the app's clock (the system clock in the app; the
  // simulated one in tests and the simulation, whose fake bucket checks signatures against it).
  const sync = ({ client }: S3Kit) => {
    client.config.systemClockOffset = clock.now().getTime() - Date.now();
  };
  return {
    async put(key, file, contentType) {
      // A missing local file is the render's problem, not the host's: it is not caught here.
      const body = await readFile(file);
      try {
        const s3 = await kit();
        sync(s3);
        await s3.client.send(
          new s3.sdk.PutObjectCommand({
            Bucket: config.bucket,
            Key: key,
            Body: body,
            ContentType: contentType,
          }),
        );
        return await s3.getSignedUrl(
          s3.client,
          new s3.sdk.GetObjectCommand({ Bucket: config.bucket, Key: key }),
          {
            expiresIn: config.urlSeconds,
            signingDate: clock.now(),
          },
        );
      } catch (error) {
        if (error instanceof PlatformError) throw error;
        throw hostError(`uploading ${key}`, error);
      }
    },
    async remove(key) {
      try {
        const s3 = await kit();
        sync(s3);
        await s3.client.send(new s3.sdk.DeleteObjectCommand({ Bucket: config.bucket, Key: key }));
      } catch (error) {
        throw hostError(`deleting ${key}`, error);
      }
    },
  };
}

interface S3Kit {
  sdk: typeof import('@aws-sdk/client-s3');
  getSignedUrl: (typeof import('@aws-sdk/s3-request-presigner'))['getSignedUrl'];
  client: import('@aws-sdk/client-s3').S3Client;
}

async function loadS3Kit(config: S3HostConfig): Promise<S3Kit> {
  const [sdk, presigner] = await Promise.all([
    import('@aws-sdk/client-s3'),
    import('@aws-sdk/s3-request-presigner'),
  ]);
  const client = new sdk.S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: true,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
  });
  return { sdk, getSignedUrl: presigner.getSignedUrl, client };
}
