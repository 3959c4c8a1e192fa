import type { EmployeeView } from '../../domain/projections.js';
import { actions, context, divider, header, type KnownBlock, modal, section, type View } from './blocks.js';
import { clip } from './text.js';

export const whatIWroteIds = {
  open: 'what_i_wrote_open',
  block: 'what_i_wrote',
  callback: 'what_i_wrote',
} as const;

/** The button beside the export note: everything the person wrote, on their own screen only. */
export const whatIWroteButton = (): KnownBlock =>
  actions(whatIWroteIds.block, [{ text: 'What I wrote', actionId: whatIWroteIds.open }]);

/** Each of the person's fields, in the words of the form they typed it in. */
const labels: readonly [keyof EmployeeView['yourWords'], string][] = [
  ['reasonOwnWords', 'The reason, in your own words'],
  ['constraintsNote', 'About your work'],
  ['otherAccommodation', 'Something else that would help'],
  ['coveragePlan', 'How your work would be covered'],
  ['statementOfNeed', 'What you’re asking for, in your words'],
  ['privateNote', 'Private note (only you can see this)'],
  ['declineComment', 'Your comment on HR’s alternative'],
];

export interface WhatIWroteSource {
  readonly requests: readonly EmployeeView[];
  /** The draft's fields, when there is a draft. */
  readonly draft?: EmployeeView['yourWords'];
}

/**
 * Everything the person wrote, private note included, in a modal for their own eyes: never a file,
 * because a file stays in Slack. Text is shown as plain text, exactly as typed.
 */
export function whatIWroteView({ requests, draft }: WhatIWroteSource): View {
  const parts: KnownBlock[] = [];
  const words = (title: string, yours: EmployeeView['yourWords'], released: readonly string[] = []) => {
    const shown = labels.filter(([field]) => yours[field]?.trim());
    if (shown.length === 0) return;
    parts.push(header(clip(title, 150)));
    for (const [field, label] of shown) {
      const sent = released.includes(field) ? ' (HR read this)' : ' (only you)';
      parts.push(context(`*${label}*${sent}`));
      parts.push({
        type: 'section',
        text: { type: 'plain_text', text: clip(yours[field] ?? '', 2900), emoji: false },
      });
    }
    parts.push(divider());
  };
  for (const request of requests) words(`Request ${request.reference}`, request.yourWords, request.released);
  if (draft) words('Your draft', draft);
  return modal({
    callbackId: whatIWroteIds.callback,
    title: 'What I wrote',
    close: 'Close',
    blocks: [
      section('Everything you wrote, shown only to you. It is never put in a file.'),
      ...(parts.length > 0
        ? parts.slice(0, 95)
        : [section('_You haven’t written anything of your own yet._')]),
    ],
  });
}
