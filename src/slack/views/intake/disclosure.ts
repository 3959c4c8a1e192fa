import { disclosureFields } from '../../../domain/intake-fields.js';
import type { Jurisdiction } from '../../../domain/request.js';
import { section, type View } from '../blocks.js';
import { userInput } from '../hr/inputs.js';
import { intakeCallbackIds } from './ids.js';
import { radioInput, stepModal, textInput } from './inputs.js';
import { jurisdictionChoices, reasonWordingChoices, yesNo } from './options.js';
import type { StepViewOptions } from './schedule.js';

export interface DisclosureStepViewOptions extends StepViewOptions {
  /** Where the organisation usually is (configuration), until the employee picks. */
  readonly defaultJurisdiction: Jurisdiction;
  /** The manager the workspace profile names, offered until the employee picks one. */
  readonly profileManagerId?: string;
}

const answer = (value: boolean | undefined) => (value ? yesNo.yes : yesNo.no);

/** Step 4: how much to say, and who else may know. Sharing is off unless the employee turns it on. */
export function disclosureStepView({
  draft,
  privateMetadata,
  notes,
  defaultJurisdiction,
  profileManagerId,
}: DisclosureStepViewOptions): View {
  const disclosure = draft.disclosure ?? {};
  // The one they named before; else, while they have not said no, the one their profile names.
  const offered =
    draft.managerId ?? (disclosure.shareScheduleWithManager === false ? undefined : profileManagerId);
  return stepModal({
    step: 'disclosure',
    callbackId: intakeCallbackIds.disclosure,
    privateMetadata,
    notes,
    blocks: [
      section(
        'You decide how much to say. You never need to name a diagnosis: a request only has to say what would help at work.',
      ),
      radioInput({
        id: disclosureFields.reason,
        label: 'How the reason is worded',
        choices: reasonWordingChoices,
        selected: disclosure.reason ?? 'functional',
      }),
      textInput({
        id: disclosureFields.ownWords,
        label: 'The reason, in your own words',
        hint: 'Only used if you pick “In my own words”. A sentence or two is plenty.',
        optional: true,
        multiline: true,
        initial: draft.sensitive.reasonOwnWords,
      }),
      radioInput({
        id: disclosureFields.shareWithManager,
        label: 'Should your manager be told the approved schedule?',
        hint: 'Only the days, hours and dates, once approved. Never the reason, the letter or anything you wrote.',
        choices: [
          { value: yesNo.yes, text: 'Yes, tell my manager the approved days and hours' },
          { value: yesNo.no, text: 'No manager is told' },
        ],
        selected: answer(disclosure.shareScheduleWithManager),
      }),
      userInput({
        id: disclosureFields.manager,
        label: 'Who is your manager?',
        hint:
          offered && offered === profileManagerId && !draft.managerId
            ? 'Your workspace profile names this person. Change it if it’s someone else. Only used if you say yes above.'
            : 'Only used if you say yes above. If you leave it empty, HR confirms who your manager is before telling them.',
        optional: true,
        ...(offered ? { initial: offered } : {}),
      }),
      textInput({
        id: disclosureFields.teamNote,
        label: 'A short note for your team (optional)',
        hint: 'Only if your manager is told: they read it, exactly as written, with the approved hours. About the work only, e.g. who covers what.',
        optional: true,
        multiline: true,
        initial: draft.sensitive.teamNote,
      }),
      radioInput({
        id: disclosureFields.eapMayTrack,
        label: 'May the EAP team see how your request is going?',
        hint: 'The Employee Assistance Program can check in and offer support. They never see the reason or the letter.',
        choices: [
          { value: yesNo.yes, text: 'Yes, they may see its status and dates' },
          { value: yesNo.no, text: 'No, keep it between me and HR' },
        ],
        selected: answer(disclosure.eapMayTrackStatus),
      }),
      radioInput({
        id: disclosureFields.jurisdiction,
        label: 'Where do you work?',
        hint: 'So the letter follows the right rules.',
        choices: jurisdictionChoices,
        selected: disclosure.jurisdiction ?? defaultJurisdiction,
      }),
      textInput({
        id: disclosureFields.privateNote,
        label: 'Private note (only you can see this)',
        hint: 'For your own reminders. It’s encrypted and never shown to HR, your manager or anyone else.',
        optional: true,
        multiline: true,
        initial: draft.sensitive.privateNote,
      }),
    ],
  });
}
