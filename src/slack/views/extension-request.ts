import { context, modal, section, type View } from './blocks.js';
import { dateInput } from './intake/inputs.js';
import { shortDate } from './text.js';

export const extensionRequestIds = {
  callback: 'employee_extension_request_form',
  until: 'extension_until',
  endCallback: 'employee_end_arrangement_form',
} as const;

/**
 * "Ask for an extension": one question, the new last day. HR receives the extension request
 * letter, written from the dates HR already holds; nothing typed here, so nothing to keep private.
 */
export function extensionRequestView(reference: string, currentEnd: string | undefined): View {
  return modal({
    callbackId: extensionRequestIds.callback,
    title: 'Ask for an extension',
    submit: 'Send to HR',
    privateMetadata: reference,
    blocks: [
      section(
        currentEnd
          ? `Your arrangement *${reference}* runs until ${shortDate(currentEnd)}. Until when would you like it to continue?`
          : `Until when would you like your arrangement *${reference}* to continue?`,
      ),
      dateInput({ id: extensionRequestIds.until, label: 'New last day' }),
      context(
        'HR gets a short letter asking to keep the same hours until that day. It names no reason and nothing about your health. If you’d like the hours changed too, say so to HR when they reply.',
      ),
    ],
  });
}

/** Ending an arrangement early, asked first: the manager hears that the usual hours resume. */
export function endArrangementView(reference: string): View {
  return modal({
    callbackId: extensionRequestIds.endCallback,
    title: 'End the arrangement',
    submit: 'End it',
    privateMetadata: reference,
    blocks: [
      section(
        `End arrangement *${reference}* now? Your usual hours resume. HR is told it ended, and if your manager was told the hours, they hear that the usual hours resume. Nothing else.`,
      ),
    ],
  });
}
