import { MediaLoadError } from './media-load-error';
import { sniffImageType } from './sniff-image-type';

/** Content types that say nothing about the bytes; S3 serves `binary/octet-stream` by default. */
const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/binary', 'application/unknown', 'unknown/unknown']);

/** `Image/PNG; charset=x` → `image/png`. */
export function essenceOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}

/** Whether a declared content type rules the bytes out as an image before reading them. */
export function isDeclaredNonImage(contentType: string | undefined): boolean {
  const essence = essenceOf(contentType);
  return !essence.startsWith('image/') && !GENERIC_TYPES.has(essence);
}

/**
 * The media type to send to a provider: what the bytes are when they are PNG/JPEG/GIF/WebP, else the declared
 * `image/*` type. Throws `not-an-image` when neither says image.
 */
export function resolveImageType(contentType: string | undefined, bytes: Uint8Array, described: string): string {
  const essence = essenceOf(contentType);
  if (isDeclaredNonImage(essence)) throw new MediaLoadError('not-an-image', `${described} is ${essence}, not an image`);
  const sniffed = sniffImageType(bytes);
  if (sniffed) return sniffed;
  if (essence.startsWith('image/')) return essence;
  throw new MediaLoadError('not-an-image', `${described} is not an image (${essence || 'no content type'}, and not PNG, JPEG, GIF or WebP)`);
}
