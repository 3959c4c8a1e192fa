import type { AuditEntry } from '../../../domain/request.js';
import { auditBlocks, auditLine } from '../audit-trail.js';
import { context, modal, section, type View } from '../blocks.js';
import { hrFormIds } from './ids.js';

/** Slack's limit for a modal is 100 blocks; two are the heading lines. */
const MAX_TRAIL_BLOCKS = 95;

/** HR's History: every step of the request with its actor and time, in HR's time zone. */
export function historyView(reference: string, entries: readonly AuditEntry[], timeZone: string): View {
  const lines = entries.map((entry) => auditLine(entry, timeZone));
  return modal({
    callbackId: hrFormIds.info,
    title: 'History',
    close: 'Close',
    blocks: [
      section(`*${reference}*: every step, who took it and when.`),
      ...(lines.length > 0 ? auditBlocks(lines, MAX_TRAIL_BLOCKS) : [section('Nothing recorded yet.')]),
      context(`Times are in ${timeZone}.`),
    ],
  });
}
