import { randomBytes, randomUUID } from 'node:crypto';
import type { Conversation, EmployeeProfile } from '../../../src/domain/draft.js';
import type { AccommodationRequest, SensitiveFields } from '../../../src/domain/request.js';
import { sensitiveFieldNames } from '../../../src/domain/request.js';
import type { VaultOptions } from '../../../src/privacy/vault.js';

export const testVault = (): VaultOptions => ({ masterKeys: [{ id: 'test-1', key: randomBytes(32) }] });

export const uniquePrefix = (label: string) => `t-${label}-${randomUUID().slice(0, 8)}`;

/** Known, unique strings in every sensitive field: none of them may ever be found at rest. */
export function canaryFields(tag: string): Required<SensitiveFields> {
  const fields = {} as Required<SensitiveFields>;
  for (const name of sensitiveFieldNames) {
    fields[name] = `canary ${tag} ${name} intensive-outpatient ${randomUUID()}`;
  }
  return fields;
}

export function allCanaries(fields: SensitiveFields): string[] {
  return Object.values(fields).filter((v): v is string => typeof v === 'string');
}

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 9, minute)).toISOString();

export function makeRequest(
  teamId: string,
  id: string,
  employeeId: string,
  options: {
    minute?: number;
    status?: AccommodationRequest['status'];
    sensitive?: SensitiveFields;
    disclosure?: AccommodationRequest['disclosure'];
  } = {},
): AccommodationRequest {
  const when = at(options.minute ?? 0);
  return {
    id,
    teamId,
    employeeId,
    status: options.status ?? 'submitted',
    version: 1,
    createdAt: when,
    updatedAt: when,
    statusChangedAt: when,
    submittedAt: when,
    schedule: {
      days: ['tue', 'thu'],
      sessionStart: '09:00',
      sessionEnd: '12:00',
      travelMinutes: 30,
      startDate: '2026-03-02',
      endDate: '2026-05-29',
      format: 'in_person',
    },
    work: {
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      start: '09:00',
      end: '17:30',
      timeZone: 'America/Chicago',
      constraints: ['recurring_meetings'],
    },
    accommodations: ['shifted_hours'],
    disclosure: options.disclosure ?? {
      reason: 'functional',
      shareScheduleWithManager: false,
      eapMayTrackStatus: false,
      jurisdiction: 'us',
    },
    sensitive: options.sensitive ?? { statementOfNeed: 'I need to leave at noon on Tuesdays and Thursdays.' },
  };
}

export function makeConversation(
  teamId: string,
  userId: string,
  options: { draftId?: string; sensitive?: SensitiveFields; turnText?: string } = {},
): Conversation {
  const when = at(0);
  return {
    teamId,
    userId,
    updatedAt: when,
    turns: [
      { role: 'user', content: options.turnText ?? 'I need Tuesday mornings for [treatment].', at: when },
      { role: 'assistant', content: 'Let us set up a schedule change.', at: when },
    ],
    draft: {
      draftId: options.draftId ?? `d-${randomUUID().slice(0, 8)}`,
      step: 'work',
      startedAt: when,
      updatedAt: when,
      schedule: { days: ['tue'], sessionStart: '09:00' },
      sensitive: options.sensitive ?? { privateNote: 'a note' },
    },
  };
}

export function makeProfile(teamId: string, userId: string): EmployeeProfile {
  return { teamId, userId, noticeAcceptedAt: at(1), historyNoteShownAt: at(2) };
}

/**
 * Whether a known string appears in a dump, as is or base64/base64url encoded: encoding is not
 * encryption, and a scan that only looked for the literal text would miss it.
 */
export function findCanaries(dump: readonly string[], canaries: readonly string[]): string[] {
  const texts = [...dump];
  for (const value of dump) {
    for (const token of value.match(/[A-Za-z0-9+/_-]{16,}={0,2}/g) ?? []) {
      texts.push(Buffer.from(token, 'base64').toString('latin1'));
      texts.push(Buffer.from(token, 'base64url').toString('latin1'));
    }
  }
  const haystack = texts.join('\n').toLowerCase();
  return canaries.filter(
    (canary) => haystack.includes(canary.toLowerCase()) || haystack.includes(tail(canary)),
  );
}

/** The random tail of a canary alone: catches a field stored partly in plain. */
const tail = (canary: string) => canary.slice(-36).toLowerCase();
