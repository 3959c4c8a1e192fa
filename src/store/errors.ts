/**
 * Store errors beyond the contract's own (types.ts). Messages carry ids (C0) only: never a record's
 * content, a sealed value, a key, or a connection URL.
 */

/** The record exists but cannot be read as any known format. */
export class CorruptRecordError extends Error {
  override readonly name = 'CorruptRecordError';
}

/** A record handed to the store does not match its schema; nothing was written. */
export class InvalidRecordError extends Error {
  override readonly name = 'InvalidRecordError';
}

/** `update` found no request with this id (never created, or purged). */
export class RequestNotFoundError extends Error {
  override readonly name = 'RequestNotFoundError';
}

/** The backend refused a command for a reason other than being unreachable. */
export class StoreCommandError extends Error {
  override readonly name = 'StoreCommandError';
}

/** Stored data is older than this version of the app reads safely: run the migration first. */
export class MigrationNeededError extends Error {
  override readonly name = 'MigrationNeededError';
}

/** `purge` was asked to remove a request whose purge `decide` has not recorded: nothing was removed. */
export class PurgeNotDecidedError extends Error {
  override readonly name = 'PurgeNotDecidedError';
}
