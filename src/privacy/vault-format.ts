/**
 * The text formats the vault writes, kept apart from the crypto so the shapes are easy to read and
 * to check. Everything here is printable ASCII without `{`, `}` or whitespace, so a sealed value can
 * sit inside JSON or a Redis string as is.
 *
 *   sealed value:  aa2.<dataKeyId>.<iv>.<ciphertext+tag>          (base64url parts)
 *                  (aa1: the same, written before values were padded; still read)
 *   wrapped key:   aaw1.<masterKeyId>.<dataKeyId>.<iv>.<key+tag>
 *
 * The data key id in a sealed value says which data key sealed it: after a shred, a value sealed
 * under the old key is recognised as shredded rather than as tampered. The master key id in a wrapped
 * key says which master key to unwrap it with, so older master keys keep working after rotation.
 */

export const SEALED_PREFIX = 'aa2';
/** Values sealed before padding: read, never written. */
export const LEGACY_SEALED_PREFIX = 'aa1';
export const WRAPPED_PREFIX = 'aaw1';

/** Ids that appear inside the formats: letters, digits, `_` and `-` only (no dots, no braces). */
export const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
const B64URL = /^[A-Za-z0-9_-]+$/;

export interface SealedParts {
  /** True for `aa2` values, whose plaintext is padded to a size bucket. */
  readonly padded?: boolean;
  readonly dataKeyId: string;
  readonly iv: Buffer;
  /** Ciphertext with the 16-byte GCM tag appended. */
  readonly body: Buffer;
}

export interface WrappedParts extends SealedParts {
  readonly masterKeyId: string;
}

export function formatSealed(parts: SealedParts): string {
  return [
    parts.padded === false ? LEGACY_SEALED_PREFIX : SEALED_PREFIX,
    parts.dataKeyId,
    b64(parts.iv),
    b64(parts.body),
  ].join('.');
}

/** Null when the text is not a sealed value of a version this code reads. */
export function parseSealed(text: string): SealedParts | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const [prefix, dataKeyId, iv, body] = parts as [string, string, string, string];
  const known = prefix === SEALED_PREFIX || prefix === LEGACY_SEALED_PREFIX;
  if (!known || !ID_PATTERN.test(dataKeyId) || !B64URL.test(iv) || !B64URL.test(body)) {
    return null;
  }
  return { padded: prefix === SEALED_PREFIX, dataKeyId, iv: fromB64(iv), body: fromB64(body) };
}

export function formatWrapped(parts: WrappedParts): string {
  return [WRAPPED_PREFIX, parts.masterKeyId, parts.dataKeyId, b64(parts.iv), b64(parts.body)].join('.');
}

export function parseWrapped(text: string): WrappedParts | null {
  const parts = text.split('.');
  if (parts.length !== 5) return null;
  const [prefix, masterKeyId, dataKeyId, iv, body] = parts as [string, string, string, string, string];
  if (
    prefix !== WRAPPED_PREFIX ||
    !ID_PATTERN.test(masterKeyId) ||
    !ID_PATTERN.test(dataKeyId) ||
    !B64URL.test(iv) ||
    !B64URL.test(body)
  ) {
    return null;
  }
  return { masterKeyId, dataKeyId, iv: fromB64(iv), body: fromB64(body) };
}

/** Cheap check used by record schemas: looks like a sealed value (does not prove it opens). */
export function looksSealed(text: string): boolean {
  return parseSealed(text) !== null;
}

function b64(buffer: Buffer): string {
  return buffer.toString('base64url');
}

function fromB64(text: string): Buffer {
  return Buffer.from(text, 'base64url');
}

/**
 * Sealed sizes are rounded up to these buckets (then to multiples of the last), so a value's length
 * tells only its bucket: not which of a few choices it holds, nor whether a short optional field
 * is present.
 */
export const PAD_BUCKETS = [64, 256, 1024, 4096] as const;

/** Pads to the bucket: the text, one 0x80 byte, then zeros (ISO/IEC 7816-4). */
export function pad(plain: Buffer): Buffer {
  const needed = plain.length + 1;
  const largest = PAD_BUCKETS[PAD_BUCKETS.length - 1] ?? 4096;
  const size = PAD_BUCKETS.find((bucket) => bucket >= needed) ?? Math.ceil(needed / largest) * largest;
  const out = Buffer.alloc(size);
  plain.copy(out);
  out[plain.length] = 0x80;
  return out;
}

/** Null when the padding is not what `pad` writes. */
export function unpad(padded: Buffer): Buffer | null {
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  return end >= 0 && padded[end] === 0x80 ? padded.subarray(0, end) : null;
}
