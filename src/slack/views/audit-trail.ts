import { DateTime } from 'luxon';
import type { AuditEntry } from '../../domain/request.js';
import type { KnownBlock } from './blocks.js';
import { context, section } from './blocks.js';

/**
 * The audit trail as people read it: who, what and when, one line each, newest last. Used by HR's
 * History and the employee's disclosure ledger. An entry is C0 only (ids, names of actions,
 * times), so nothing here can carry a word anyone typed.
 */

const actionWords: Readonly<Record<string, string>> = {
  submit: 'sent the request to HR',
  created: 'started the request',
  acknowledge: 'acknowledged the request',
  assign: 'assigned the request',
  request_documentation: 'asked for documentation from the provider',
  provider_pending: 'said they had asked their provider',
  documentation_received: 'marked the documentation as received',
  offer_alternative: 'offered an alternative',
  accept_alternative: 'accepted the alternative',
  decline_alternative: 'declined the alternative',
  approve: 'approved the request',
  deny: 'denied the request',
  add_note: 'added a note',
  close: 'closed the request',
  withdraw: 'withdrew the request',
  request_update: 'asked HR for an update',
  update_requested: 'asked HR for an update',
  mark_review_due: 'started the review',
  request_extension: 'asked for an extension',
  extend: 'extended the arrangement',
  end: 'ended the arrangement',
  erase: 'deleted their data',
  purge: 'deleted the request after the retention period',
  close_after_grace: 'closed the request',
  release: 'shared some of their words with HR',
  viewed: 'viewed the request',
  exported: 'exported the data',
  record_export: 'exported the whole record for a data request',
  reminded: 'sent a reminder',
  edited: 'edited the request',
  not_permitted: 'tried an HR action without permission (nothing changed)',
};

const roleWords: Readonly<Record<AuditEntry['actorRole'], string>> = {
  employee: 'employee',
  hr: 'HR',
  eap: 'EAP',
  manager: 'manager',
  system: 'the app',
};

/** "Mar 2, 2026, 10:05 CST", in the reader's zone. */
export function auditTime(at: string, timeZone: string): string {
  const time = DateTime.fromISO(at, { zone: timeZone });
  return (time.isValid ? time : DateTime.fromISO(at, { zone: 'UTC' })).toFormat('LLL d, yyyy, HH:mm ZZZZ');
}

export function auditLine(entry: AuditEntry, timeZone: string): string {
  const who =
    entry.actorRole === 'system' ? 'The app' : `<@${entry.actorId}> (${roleWords[entry.actorRole]})`;
  let what = actionWords[entry.action] ?? entry.action.replaceAll('_', ' ');
  if (entry.action === 'assign' && entry.subjectId) what = `assigned the request to <@${entry.subjectId}>`;
  if (entry.action === 'viewed' && entry.subjectId === 'history') what = 'viewed the history';
  return `${auditTime(entry.at, timeZone)} · ${who} ${what}`;
}

/** Most lines per section (Slack allows 3,000 characters a block; a line is well under 150). */
const LINES_PER_BLOCK = 15;

/**
 * The lines grouped into sections, within `maxBlocks`. When the trail is longer than fits, the
 * oldest are left out and a line says how many, so nothing is ever cut silently.
 */
export function auditBlocks(lines: readonly string[], maxBlocks: number): KnownBlock[] {
  const capacity = Math.max(1, maxBlocks - 1) * LINES_PER_BLOCK;
  const shown = lines.length > capacity ? lines.slice(lines.length - capacity) : lines;
  const blocks: KnownBlock[] = [];
  if (shown.length < lines.length)
    blocks.push(
      context(`The ${lines.length - shown.length} oldest of ${lines.length} entries are not shown here.`),
    );
  for (let i = 0; i < shown.length; i += LINES_PER_BLOCK)
    blocks.push(section(shown.slice(i, i + LINES_PER_BLOCK).join('\n')));
  return blocks;
}
