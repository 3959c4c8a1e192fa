import type { AuthorDraft, IntakeStep } from '../../../domain/draft.js';
import { wordingFields } from '../../../domain/intake-fields.js';
import {
  actions,
  context,
  divider,
  escapeMrkdwn,
  type KnownBlock,
  modal,
  section,
  type View,
} from '../blocks.js';
import { clip, splitText } from '../text.js';
import { intakeCallbackIds, reviewIds } from './ids.js';
import { stepModal, stepTitles, textInput } from './inputs.js';

export interface ReviewStepViewOptions {
  readonly draft: AuthorDraft;
  readonly privateMetadata: string;
  /** The request letter as HR will read it, rendered as plain text. */
  readonly letterText: string;
  /** Cautions to show above the letter. */
  readonly warnings?: readonly string[];
  /**
   * Why the words in the letter cannot be released to HR as they are (a health detail, an
   * address), shown inline above the letter; Send to HR refuses until it is fixed.
   */
  readonly releaseProblem?: string;
  readonly notes?: readonly string[];
  /** Steps still to finish (`reviewReadiness(draft).missing`). */
  readonly missing?: readonly Exclude<IntakeStep, 'review'>[];
}

/** Enough for a very long letter while the whole view stays far below Slack's 250 KB. */
const MAX_LETTER_SECTIONS = 60;

const changeButtons: readonly { step: Exclude<IntakeStep, 'review'>; text: string }[] = [
  { step: 'schedule', text: 'Change sessions' },
  { step: 'work', text: 'Change work hours' },
  { step: 'help', text: 'Change what would help' },
  { step: 'disclosure', text: 'Change what’s shared' },
];

/** Step 5: the letter as HR will read it, who will see what, and the ways to change it. */
export function reviewStepView(options: ReviewStepViewOptions): View {
  const { draft, letterText, warnings = [], missing = [], releaseProblem } = options;
  return stepModal({
    step: 'review',
    callbackId: intakeCallbackIds.review,
    privateMetadata: options.privateMetadata,
    notes: options.notes,
    submit: 'Send to HR',
    blocks: [
      section(
        '*What HR will read*\nThis letter, exactly as it is below, with your own words in it. ' +
          'Read it through and change anything you like. Nothing is shared until you press *Send to HR*: ' +
          'sending it is what shares these words with HR.',
      ),
      ...(releaseProblem ? [section(`:no_entry: ${clip(releaseProblem, 2900)}`)] : []),
      ...warnings.map((warning) => context(`:warning: ${clip(escapeMrkdwn(warning), 2900)}`)),
      ...(missing.length > 0
        ? [
            section(
              `A few things are still to fill in: ${missing.map((step) => `*${stepTitles[step]}*`).join(', ')}. ` +
                'Use the buttons below to finish them.',
            ),
          ]
        : []),
      divider(),
      ...letterBlocks(letterText),
      divider(),
      section(whoSees(draft)),
      actions(reviewIds.wordingBlock, [
        { text: 'Edit wording', actionId: reviewIds.editWording },
        { text: 'Redraft with the assistant', actionId: reviewIds.redraft },
      ]),
      actions(
        reviewIds.stepsBlock,
        changeButtons.map(({ step, text }) => ({ text, actionId: reviewIds.editStep[step], value: step })),
      ),
      ...(draft.sensitive.privateNote
        ? [context('Your private note stays with you. It is not part of the letter.')]
        : []),
    ],
  });
}

/** The letter in plain-text sections of at most 3,000 characters, as Slack allows. */
function letterBlocks(letterText: string): KnownBlock[] {
  const pieces = splitText(letterText, 3000);
  if (pieces.length === 0) return [section('_The letter is not ready yet._')];
  const shown = pieces
    .slice(0, MAX_LETTER_SECTIONS)
    .map((text): KnownBlock => ({ type: 'section', text: { type: 'plain_text', text, emoji: false } }));
  if (pieces.length > MAX_LETTER_SECTIONS) {
    shown.push(context('The letter is too long to show in full here. Try *Edit wording* to shorten it.'));
  }
  return shown;
}

function whoSees(draft: AuthorDraft): string {
  const disclosure = draft.disclosure ?? {};
  const note = draft.sensitive.teamNote?.trim();
  const manager = disclosure.shareScheduleWithManager
    ? '• *Your manager* is told the approved days, hours and dates. Not the reason.' +
      (note
        ? `\n• *Your manager also reads your note for the team*, exactly as written: “${escapeMrkdwn(clip(note, 300))}”`
        : '')
    : '• *Your manager* is not told anything by this app.';
  const eap = disclosure.eapMayTrackStatus
    ? '• *The EAP team* sees the status and dates, so they can check in.'
    : '• *The EAP team* sees nothing about it.';
  return ['*Who sees what*', '• *HR* reads this letter.', manager, eap].join('\n');
}

export interface EditWordingViewOptions {
  readonly draft: AuthorDraft;
  readonly privateMetadata: string;
  /** The statement as the letter has it now, when the draft holds no edited one yet. */
  readonly currentStatement?: string;
}

/** "Edit wording": the two parts of the letter in the employee's own voice. */
export function editWordingView({ draft, privateMetadata, currentStatement }: EditWordingViewOptions): View {
  return modal({
    callbackId: intakeCallbackIds.editWording,
    title: 'Edit wording',
    submit: 'Save',
    close: 'Back',
    privateMetadata,
    blocks: [
      section('Change anything you like. Your letter updates when you save.'),
      textInput({
        id: wordingFields.statementOfNeed,
        label: 'What you’re asking for, in your words',
        hint: 'This paragraph opens your letter. You don’t need to name a diagnosis.',
        optional: true,
        multiline: true,
        initial: draft.sensitive.statementOfNeed ?? currentStatement,
      }),
      textInput({
        id: wordingFields.coveragePlan,
        label: 'How your work would be covered',
        hint: 'Handovers, meetings, who covers what.',
        optional: true,
        multiline: true,
        initial: draft.sensitive.coveragePlan,
      }),
    ],
  });
}

/**
 * Shown at once while the letter is drafted (the trigger expires in 3 seconds), then replaced with
 * `views.update` by the review itself.
 */
export function preparingReviewView(privateMetadata: string): View {
  return modal({
    callbackId: intakeCallbackIds.preparing,
    title: stepTitles.review,
    close: 'Save for later',
    privateMetadata,
    notifyOnClose: true,
    blocks: [
      context('Step 5 of 5 · Review and send'),
      section('Putting your letter together. This takes a few seconds…'),
    ],
  });
}
