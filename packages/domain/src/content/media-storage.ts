// Where media bytes live, as the domain sees it. The database keeps each asset's metadata and a
// storage key; the bytes go to a MediaStorage: the local filesystem by default
// (apps/api/src/media/local-media-storage.ts), an S3-compatible bucket by the same three calls
// (key = object key, mime type = Content-Type). Keys are made by the domain from ids only
// (`<account id>/<asset id>`), never from a file name a user chose.

export interface MediaStorage {
  /** Stores the bytes under key, replacing nothing: keys are never reused. */
  put(key: string, bytes: Uint8Array, mimeType: string): Promise<void>;
  /** The bytes under key as a stream (Node streams and S3 bodies are async iterables), or null. */
  get(key: string): Promise<AsyncIterable<Uint8Array> | null>;
  /** Removes the bytes; removing a missing key is not an error (purges may run twice). */
  delete(key: string): Promise<void>;
}

export const mediaStorageKey = (accountId: string, assetId: string): string => `${accountId}/${assetId}`;
