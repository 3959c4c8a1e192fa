import { type Draft, draftForItsAuthor, type IntakeStep } from '../domain/draft.js';
import { requestFromDraft, reviewReadiness } from '../domain/intake.js';
import { composeLetter, LetterDataError } from '../letters/index.js';
import {
  checkRelease,
  checkTeamNote,
  previewRelease,
  releaseCandidates,
  releaseRefusal,
  teamNoteRefusal,
} from '../privacy/release.js';
import type { AppServices } from '../services.js';
import { requestLetterData, todayIn } from '../workflows/request-letter.js';
import { encodeMetadata } from './intake-metadata.js';
import type { Profile } from './profile.js';
import type { View } from './views/blocks.js';
import { intakeStepView, reviewStepView } from './views/intake/index.js';

/**
 * The screen for a step of the draft: one of the four forms, or the review with its letter.
 * It never throws: a saved draft must always be reachable. When part of the screen cannot be built
 * (a letter field over its limit, a builder failing), the person gets the review of what is saved,
 * with a plain note of what could not be done and how to fix it.
 */
export function intakeScreen(
  services: AppServices,
  draft: Draft,
  profile: Profile,
  options: IntakeScreenOptions = {},
): View {
  try {
    return buildIntakeScreen(services, draft, profile, options);
  } catch (error) {
    services.logger.error(
      { err: error },
      'could not build an intake screen; showing the saved draft instead',
    );
    return reviewStepView({
      draft: draftForItsAuthor(draft),
      privateMetadata: encodeMetadata({ draftId: draft.draftId, backToReview: false }),
      letterText: '',
      notes: [...(options.notes ?? []), SCREEN_FAILED],
      missing: reviewReadiness(draft).missing,
    });
  }
}

export interface IntakeScreenOptions {
  readonly step?: IntakeStep;
  readonly notes?: readonly string[];
  readonly backToReview?: boolean;
}

const SCREEN_FAILED =
  'I couldn’t show that part of your draft just now. Everything you saved is still here: use the buttons below to carry on or change a step.';

function buildIntakeScreen(
  services: AppServices,
  draft: Draft,
  profile: Profile,
  options: IntakeScreenOptions,
): View {
  const step = options.step ?? draft.step;
  const privateMetadata = encodeMetadata({
    draftId: draft.draftId,
    backToReview: options.backToReview ?? false,
  });
  if (step !== 'review') {
    return intakeStepView(step, {
      draft: draftForItsAuthor(draft),
      privateMetadata,
      ...(options.notes ? { notes: options.notes } : {}),
      profileTimeZone: profile.timeZone,
      ...(profile.managerId ? { profileManagerId: profile.managerId } : {}),
      defaultJurisdiction: services.config.defaultJurisdiction,
    });
  }
  const readiness = reviewReadiness(draft);
  const letter = reviewLetter(services, draft, profile);
  const notes = [...(options.notes ?? []), ...(letter.problem ? [letter.problem] : [])];
  return reviewStepView({
    draft: draftForItsAuthor(draft),
    privateMetadata,
    letterText: letter.text ?? '',
    ...releaseProblemOf(draft),
    ...(notes.length > 0 ? { notes } : {}),
    missing: readiness.missing,
  });
}

/** What each letter field is, in the words of the form that fills it. */
const fieldNames: readonly [RegExp, string][] = [
  [/^coverage/, 'how your work would be covered'],
  [/^statementOfNeed/, 'the letter’s wording in your own voice'],
  [/^reason/, 'how the reason is worded'],
  [/^work\.note/, 'what you told HR about your work (step 2)'],
  [/^work|^role|^constraints/, 'your work hours (step 2)'],
  [/^schedule|^treatment/, 'your sessions'],
  [/^accommodations|^requested/, 'what would help'],
];

/**
 * The letter as HR would read it, for the employee's own review modal; or, when the saved answers
 * don't fit the letter (a part over its length limit), a plain note saying which part and how to
 * fix it. Send to HR checks the same, so a letter that can't be written is never sent.
 */
export function reviewLetter(
  services: AppServices,
  draft: Draft,
  profile: Profile,
): { readonly text?: string; readonly problem?: string } {
  try {
    const text = reviewLetterText(services, draft, profile);
    return text === undefined ? {} : { text };
  } catch (error) {
    if (!(error instanceof LetterDataError)) throw error;
    const parts = [
      ...new Set(
        error.problems.map(
          (problem) => fieldNames.find(([path]) => path.test(problem.path))?.[1] ?? 'part of your wording',
        ),
      ),
    ];
    const limits = [...new Set(error.problems.map((problem) => problem.expected))];
    return {
      problem:
        `I couldn’t put the letter together: ${parts.join(' and ')} doesn’t fit the letter (${limits.join('; ')}). ` +
        'Your answers are saved. Use *Edit wording* or the *Change* buttons to shorten it, then send.',
    };
  }
}

/** The letter as HR would read it, for the employee's own review modal. */
function reviewLetterText(services: AppServices, draft: Draft, profile: Profile): string | undefined {
  const complete = requestFromDraft(draft);
  if (!complete.ok) return undefined;
  const letter = composeLetter(
    'request',
    requestLetterData(
      { ...complete.fields, sensitive: previewRelease(complete.fields) },
      {
        reference: 'ACC-0000-0000',
        today: todayIn(complete.fields.work.timeZone, services.now()),
        employeeName: profile.name,
        org: services.config.org,
      },
    ),
    { jurisdiction: complete.fields.disclosure.jurisdiction, templates: services.letters },
  );
  // Until it is sent, the letter has no reference yet.
  return letter.text.replaceAll('ACC-0000-0000', '(given when you send it)');
}

/**
 * Why the draft's words cannot be released to HR, if they cannot: shown on the review before the
 * employee presses Send to HR, and checked again when they do.
 */
function releaseProblemOf(draft: Draft): { releaseProblem?: string } {
  const complete = requestFromDraft(draft);
  if (!complete.ok) return {};
  const check = checkRelease(releaseCandidates(complete.fields));
  if (!check.ok) return { releaseProblem: releaseRefusal(check) };
  const note = checkTeamNote(complete.fields);
  return typeof note === 'object' ? { releaseProblem: teamNoteRefusal(note) } : {};
}
