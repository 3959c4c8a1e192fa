import type { AuthorDraft } from '../../../domain/draft.js';
import { intakeLimits } from '../../../domain/intake.js';
import { scheduleFields } from '../../../domain/intake-fields.js';
import { wholeWeeksBetween } from '../../../domain/schedule-math.js';
import { section, type View } from '../blocks.js';
import { intakeCallbackIds } from './ids.js';
import {
  checkboxesInput,
  dateInput,
  numberInput,
  radioInput,
  selectInput,
  stepModal,
  timeInput,
} from './inputs.js';
import { dayChoices, formatChoices, travelChoices } from './options.js';

export interface StepViewOptions {
  readonly draft: AuthorDraft;
  readonly privateMetadata: string;
  /** Notes from the step before (validation's `notes`). */
  readonly notes?: readonly string[];
}

/** Step 1: when the sessions are. Times only: nothing about where or what they are. */
export function scheduleStepView({ draft, privateMetadata, notes }: StepViewOptions): View {
  const schedule = draft.schedule ?? {};
  const length = programLength(schedule.startDate, schedule.endDate);
  return stepModal({
    step: 'schedule',
    callbackId: intakeCallbackIds.schedule,
    privateMetadata,
    notes,
    blocks: [
      section(
        'When are your sessions? Just the days and times: you don’t need to name the clinic or share any details about it.',
      ),
      checkboxesInput({
        id: scheduleFields.days,
        label: 'Days you have sessions',
        choices: dayChoices,
        selected: schedule.days,
      }),
      timeInput({
        id: scheduleFields.sessionStart,
        label: 'Sessions start at',
        initial: schedule.sessionStart,
      }),
      timeInput({ id: scheduleFields.sessionEnd, label: 'Sessions end at', initial: schedule.sessionEnd }),
      selectInput({
        id: scheduleFields.travelMinutes,
        label: 'Travel time each way',
        hint: 'Time to get between work and your session. Pick "None" if you join from where you work.',
        placeholder: 'Pick a time',
        choices: travelChoices(draft),
        selected: String(schedule.travelMinutes ?? 0),
      }),
      dateInput({
        id: scheduleFields.startDate,
        label: 'First day of sessions',
        initial: schedule.startDate,
      }),
      dateInput({
        id: scheduleFields.endDate,
        label: 'Expected last day',
        hint: 'If you know it. If you set a date, the number of weeks below is not used.',
        optional: true,
        initial: length.endDate,
      }),
      numberInput({
        id: scheduleFields.weeks,
        label: 'Or: number of weeks',
        hint: 'How long the program runs, if there’s no last day yet. Many run 8 to 12 weeks.',
        optional: true,
        initial: length.weeks,
      }),
      radioInput({
        id: scheduleFields.format,
        label: 'How you attend',
        choices: formatChoices,
        selected: schedule.format,
      }),
    ],
  });
}

/**
 * The draft keeps only an end date; a length of whole weeks is shown back as weeks (how it was
 * most likely entered), anything else as the date itself.
 */
function programLength(
  startDate: string | undefined,
  endDate: string | undefined,
): { endDate?: string; weeks?: number } {
  if (!endDate) return { weeks: intakeLimits.defaultWeeks };
  const weeks = startDate ? wholeWeeksBetween(startDate, endDate) : undefined;
  if (weeks !== undefined && weeks >= 1 && weeks <= intakeLimits.maxWeeks) return { weeks };
  return { endDate };
}
