import type { ZodError } from 'zod';
import type { RefusalCode, Refused } from '../decision.js';
import type { AccommodationRequest } from '../request.js';
import { type CommandType, statusLabels } from '../statuses.js';

/**
 * The words a refusal says. Each tells the person what happened and what to do next, kindly, in
 * C0 terms only: statuses, dates, Slack mentions, never a word anyone typed.
 */

/** What the command would have done, as the end of "you can't … now". */
const doing: Readonly<Record<CommandType, string>> = {
  submit: 'send this request',
  acknowledge: 'acknowledge it',
  assign: 'assign it',
  request_documentation: 'ask for documentation',
  provider_pending: 'say you have asked your provider',
  documentation_received: 'mark the documentation as received',
  offer_alternative: 'offer an alternative',
  accept_alternative: 'accept the alternative',
  decline_alternative: 'decline the alternative',
  approve: 'approve it',
  deny: 'deny it',
  add_note: 'add a note',
  close: 'close it',
  withdraw: 'withdraw it',
  request_update: 'ask HR for an update',
  mark_review_due: 'start its review',
  request_extension: 'ask for an extension',
  extend: 'extend it',
  end: 'end it',
  erase: 'delete it',
  purge: 'delete it for good',
  close_after_grace: 'close it',
  release: 'share your words with HR',
  decline_extension: 'answer an extension request',
  record_export: 'export the whole record',
};

export function refuse(code: RefusalCode, message: string, fieldErrors?: Record<string, string>): Refused {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}

export function notFound(): Refused {
  return refuse(
    'not_found',
    'We couldn’t find that request; it may have been deleted. Nothing was changed. Open the app’s Home tab to see the requests you can act on.',
  );
}

export function notYours(): Refused {
  return refuse('not_yours', 'Only the employee who made this request can do that. Nothing was changed.');
}

export function notPermitted(command: CommandType, allowed: readonly string[]): Refused {
  if (allowed.includes('system'))
    return refuse(
      'not_permitted',
      `The app does this by itself when it is due, so nobody needs to ${doing[command]} by hand. Nothing was changed.`,
    );
  if (allowed.includes('owner'))
    return refuse(
      'not_permitted',
      'Only the employee who made this request can do that. Nothing was changed.',
    );
  return refuse(
    'not_permitted',
    'Only the HR team can do that, and not on their own request. Nothing was changed. If you think you should have access, ask your HR team.',
  );
}

export function alreadySubmitted(): Refused {
  return refuse('already_done', 'This request has already been sent to HR. Nothing more is needed.');
}

/** The status moved on (often someone else acted first): say who and where it stands now. */
export function wrongStatus(command: CommandType, request: AccommodationRequest, actorId: string): Refused {
  return refuse(
    'wrong_status',
    `${whereItStands(request, actorId)}, so you can’t ${doing[command]} now. Nothing was changed.`,
  );
}

/** The same thing was done already; `detail` says exactly what when the status alone does not. */
export function alreadyDone(request: AccommodationRequest, actorId: string, detail?: string): Refused {
  const said = detail ?? `${whereItStands(request, actorId)}, so there is nothing more to do.`;
  return refuse('already_done', `${said} Nothing was changed.`);
}

/** "<@U2> acted first: the request is now “Approved”" when someone else moved it. */
function whereItStands(request: AccommodationRequest, actorId: string): string {
  const status = `the request is now “${statusLabels[request.status]}”`;
  const other = request.lastActorId;
  if (other && other !== actorId && other !== 'system') return `<@${other}> acted first: ${status}`;
  return status.charAt(0).toUpperCase() + status.slice(1);
}

export function tooSoon(message: string): Refused {
  return refuse('too_soon', message);
}

/** Field names as HR's and the employee's forms call them. */
const fieldNames: Readonly<Record<string, string>> = {
  pattern: 'the working pattern',
  hours: 'the hours',
  startDate: 'the start date',
  endDate: 'the end date',
  reviewDate: 'the review date',
  timeZone: 'the time zone',
  remoteDays: 'the days from home',
  explanation: 'the explanation',
  alternativesConsidered: 'the alternatives considered',
  reconsideration: 'how to ask for reconsideration',
  reason: 'the reason',
  items: 'what the provider should confirm',
  text: 'the note',
  until: 'the date',
  assigneeId: 'who handles it',
  days: 'the days',
  start: 'the start time',
  end: 'the end time',
  fields: 'what to share',
  comment: 'your comment',
  managerId: 'the manager',
};

/**
 * A form answer that does not fit: one line for the person, and each field's problem keyed by its
 * path (`pattern.endDate`) so a modal can show it beside the field. zod's own messages are used only
 * where this module wrote them; its defaults may quote the value, so they are replaced.
 */
export function invalidPayload(error: ZodError): Refused {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(form)';
    if (fieldErrors[path]) continue;
    fieldErrors[path] = ourMessage(issue.message) ? issue.message : `Please check ${describe(issue.path)}.`;
  }
  const first = Object.values(fieldErrors)[0] ?? 'Please check the form.';
  return refuse(
    'invalid_payload',
    `Some answers need another look: ${first} Nothing was saved yet.`,
    fieldErrors,
  );
}

function ourMessage(message: string): boolean {
  return /^(Please|The )/.test(message) && !/received|expected/i.test(message);
}

function describe(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const name = fieldNames[String(path[i])];
    if (name) return name;
  }
  return 'this form';
}
