import type { AuditEntry } from '../../domain/request.js';
import { auditBlocks, auditLine } from './audit-trail.js';
import { context, modal, section, type View } from './blocks.js';

export const ledgerIds = { callback: 'employee_disclosure_ledger' } as const;

/**
 * The disclosure ledger: everyone other than the employee who has seen or acted on their request,
 * and when, in the employee's own time zone. Their own steps are left out: it answers "who else".
 */
export function disclosureLedgerView(
  reference: string,
  employeeId: string,
  entries: readonly AuditEntry[],
  timeZone: string,
): View {
  const others = entries.filter((entry) => entry.actorId !== employeeId && entry.actorRole !== 'system');
  const lines = others.map((entry) => auditLine(entry, timeZone));
  return modal({
    callbackId: ledgerIds.callback,
    title: 'Who has seen it',
    close: 'Close',
    blocks: [
      section(`*${reference}*: everyone who has opened or acted on your request, and when.`),
      ...(lines.length > 0
        ? auditBlocks(lines, 95)
        : [
            section('Nobody has opened it yet. HR sees a card with your dates and hours, never your reason.'),
          ]),
      context(
        'Only HR can open your request. Your manager hears only approved days and hours, and only if you agreed.',
      ),
    ],
  });
}
