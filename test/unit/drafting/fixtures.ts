import type { z } from 'zod';
import type { Jurisdiction } from '../../../src/domain/request.js';
import type { DrafterPrivacy, QuestionInput, StatementInput } from '../../../src/drafting/index.js';
import { statementInputSchema } from '../../../src/drafting/schemas.js';
import { typedByPerson } from '../../../src/privacy/private-text.js';

/** Clinical words planted in the employee's free text; none may reach a prompt or a log. */
export const CANARIES = ['Suboxone', 'methadone', 'IOP', 'opioid', 'therapist', 'rehab', 'relapse'];

/**
 * A stand-in for src/privacy/clinical: it knows only the canaries, which is all these tests plant,
 * so what they prove is that drafting routes every string through the injected functions.
 */
export function canaryPrivacy(): DrafterPrivacy & { redacted: string[] } {
  const pattern = new RegExp(`\\b(${CANARIES.join('|')})\\b`, 'gi');
  const redacted: string[] = [];
  return {
    redacted,
    redact(typed) {
      const text = String(typed);
      redacted.push(text);
      return text.replace(pattern, '[health detail]');
    },
    isClinical(text) {
      return new RegExp(pattern.source, 'i').test(text);
    },
  };
}

export const REASON = 'a scheduled outpatient medical treatment program';

/** A statement's input as the intake would give it; the employee's words become typed text on parsing. */
export function statementInput(
  overrides: Partial<z.input<typeof statementInputSchema>> = {},
): StatementInput {
  return statementInputSchema.parse({
    schedule: {
      days: ['wed', 'mon', 'thu'],
      sessionStart: '17:00',
      sessionEnd: '20:00',
      travelMinutes: 30,
      startDate: '2026-03-02',
      endDate: '2026-05-29',
      format: 'in_person',
    },
    work: {
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      start: '09:00',
      end: '17:30',
      timeZone: 'America/New_York',
      constraints: ['recurring_meetings'],
    },
    accommodations: ['leave_early_start_late', 'protected_calendar'],
    constraintsNote: 'The Monday stand-up runs until 16:45.',
    coverageNotes: 'Priya has agreed to cover the late support queue.',
    reasonWording: REASON,
    ownWords: 'My Suboxone dose and the IOP group at the rehab place mean I must leave by 16:30.',
    ...overrides,
  });
}

/** A DM question as the assistant hands it over: the message and the stored turns are typed text. */
export function asked(
  question: string,
  history: readonly { role: 'user' | 'assistant'; content: string }[] = [],
  jurisdiction?: Jurisdiction,
): QuestionInput {
  return {
    question: typedByPerson(question),
    history: history.map(({ role, content }) => ({ role, content: typedByPerson(content) })),
    ...(jurisdiction ? { jurisdiction } : {}),
  };
}
