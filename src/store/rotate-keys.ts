import type { Vault } from '../privacy/vault.js';
import { parseWrapped } from '../privacy/vault-format.js';

export interface RotationReport {
  /** The master key new data keys are wrapped with, and all are rewrapped to. */
  readonly newest: string;
  /** Data keys per master key id before the run. */
  readonly before: Readonly<Record<string, number>>;
  /** Data keys rewrapped by this run. */
  readonly rewrapped: number;
  /** Data keys per master key id after the run: only `newest` once every key was rewrapped. */
  readonly after: Readonly<Record<string, number>>;
}

/**
 * Rewraps every stored data key under the newest master key. The data keys themselves (and so all
 * sealed data) stay as they are; only their wrapping changes. Once `after` names only the newest
 * key, older master keys can be removed from VAULT_MASTER_KEYS. Safe to run while the app runs: each
 * rewrap is a compare-and-replace, so a shred in between wins.
 */
export async function rotateDataKeys(vault: Vault): Promise<RotationReport> {
  const before: Record<string, number> = {};
  let rewrapped = 0;
  for await (const { ref, wrapped } of vault.keyStore.wrappedKeys()) {
    const id = parseWrapped(wrapped)?.masterKeyId ?? 'unreadable';
    before[id] = (before[id] ?? 0) + 1;
    if (await vault.rewrap(ref)) rewrapped++;
  }
  const after: Record<string, number> = {};
  for await (const { wrapped } of vault.keyStore.wrappedKeys()) {
    const id = parseWrapped(wrapped)?.masterKeyId ?? 'unreadable';
    after[id] = (after[id] ?? 0) + 1;
  }
  return { newest: vault.activeMasterKeyId, before, rewrapped, after };
}
