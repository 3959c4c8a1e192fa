/**
 * A copy of key bytes in memory of its own, never a slice of Node's shared pool (where Buffer.from
 * and Buffer.concat put small buffers): zeroing it then wipes the key itself, and no other buffer's
 * lifetime keeps the bytes around. With `wipeSource` the original is zeroed once copied.
 */
export function secretCopy(source: Buffer, wipeSource = false): Buffer {
  const copy = secretBuffer(source.length);
  source.copy(copy);
  if (wipeSource) source.fill(0);
  return copy;
}

/** Memory of its own for key bytes to be written into (its contents are not cleared: write them all). */
export function secretBuffer(size: number): Buffer {
  const buffer = Buffer.allocUnsafeSlow(size);
  watcher?.(buffer);
  return buffer;
}

let watcher: ((buffer: Buffer) => void) | undefined;

/**
 * Tells `listener` of every key buffer made from now on, until the returned function is called:
 * the one place to look at the buffers the key handling really uses (tests check that each is
 * memory of its own and is zeroed after use). One watcher at a time.
 */
export function watchSecretBuffers(listener: (buffer: Buffer) => void): () => void {
  watcher = listener;
  return () => {
    if (watcher === listener) watcher = undefined;
  };
}
