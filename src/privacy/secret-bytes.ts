/**
 * A copy of key bytes in memory of its own, never a slice of Node's shared pool (where Buffer.from
 * and Buffer.concat put small buffers): zeroing it then wipes the key itself, and no other buffer's
 * lifetime keeps the bytes around. With `wipeSource` the original is zeroed once copied.
 */
export function secretCopy(source: Buffer, wipeSource = false): Buffer {
  const copy = Buffer.allocUnsafeSlow(source.length);
  source.copy(copy);
  if (wipeSource) source.fill(0);
  return copy;
}
