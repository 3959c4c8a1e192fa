import type { Draft, IntakeStep } from '../domain/draft.js';
import { requestFromDraft, reviewReadiness } from '../domain/intake.js';
import { composeLetter } from '../letters/index.js';
import { detectClinical } from '../privacy/clinical/index.js';
import type { AppServices } from '../services.js';
import { requestLetterData, todayIn } from '../workflows/request-letter.js';
import { encodeMetadata } from './intake-metadata.js';
import type { Profile } from './profile.js';
import type { View } from './views/blocks.js';
import { intakeStepView, reviewStepView } from './views/intake/index.js';

/** The screen for a step of the draft: one of the four forms, or the review with its letter. */
export function intakeScreen(
  services: AppServices,
  draft: Draft,
  profile: Profile,
  options: {
    readonly step?: IntakeStep;
    readonly notes?: readonly string[];
    readonly backToReview?: boolean;
  } = {},
): View {
  const step = options.step ?? draft.step;
  const privateMetadata = encodeMetadata({
    draftId: draft.draftId,
    backToReview: options.backToReview ?? false,
  });
  if (step !== 'review') {
    return intakeStepView(step, {
      draft,
      privateMetadata,
      ...(options.notes ? { notes: options.notes } : {}),
      profileTimeZone: profile.timeZone,
      defaultJurisdiction: services.config.defaultJurisdiction,
    });
  }
  const readiness = reviewReadiness(draft);
  return reviewStepView({
    draft,
    privateMetadata,
    letterText: reviewLetterText(services, draft, profile) ?? '',
    warnings: reviewWarnings(draft),
    ...(options.notes ? { notes: options.notes } : {}),
    missing: readiness.missing,
  });
}

/** The letter as HR would read it, for the employee's own review modal. */
export function reviewLetterText(services: AppServices, draft: Draft, profile: Profile): string | undefined {
  const complete = requestFromDraft(draft);
  if (!complete.ok) return undefined;
  const letter = composeLetter(
    'request',
    requestLetterData(complete.fields, {
      reference: 'ACC-0000-0000',
      today: todayIn(complete.fields.work.timeZone, services.now()),
      employeeName: profile.name,
      org: services.config.org,
    }),
    { jurisdiction: complete.fields.disclosure.jurisdiction, templates: services.letters },
  );
  // Until it is sent, the letter has no reference yet.
  return letter.text.replaceAll('ACC-0000-0000', '(given when you send it)');
}

function reviewWarnings(draft: Draft): string[] {
  const warnings: string[] = [];
  const ownWords = draft.disclosure?.reason === 'own_words' ? draft.sensitive.reasonOwnWords : undefined;
  const wording = [ownWords, draft.sensitive.statementOfNeed, draft.sensitive.coveragePlan];
  if (wording.some((text) => text && detectClinical(text).length > 0)) {
    warnings.push(
      'Some of your wording names a health detail. You never have to share one, and HR will see it held back ' +
        'as “[health detail]”. Edit the wording if you’d like it to read differently.',
    );
  }
  return warnings;
}
