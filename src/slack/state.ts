import { z } from 'zod';
import type {
  DisclosureStepValues,
  HelpStepValues,
  ScheduleStepValues,
  WordingValues,
  WorkStepValues,
} from '../domain/intake.js';
import {
  disclosureFields,
  helpFields,
  scheduleFields,
  wordingFields,
  workFields,
} from '../domain/intake-fields.js';
import { yesNo } from './views/intake/options.js';

/**
 * Slack's `view.state.values` -> the plain values the intake's validation takes. Only the shape
 * is checked here (zod, leniently: Slack adds fields over time); the rules live in the domain.
 * Each input block holds one element, so a block is read by its block_id whatever its action_id.
 */

const SelectedOption = z.object({ value: z.string() }).loose();

const ElementState = z
  .object({
    type: z.string().optional(),
    value: z.string().nullish(),
    selected_option: SelectedOption.nullish(),
    selected_options: z.array(SelectedOption).nullish(),
    selected_date: z.string().nullish(),
    selected_time: z.string().nullish(),
    selected_user: z.string().nullish(),
  })
  .loose();
type ElementState = z.infer<typeof ElementState>;

const StateValues = z.record(z.string(), z.record(z.string(), z.unknown()));

/** `view.state.values` as Bolt types it, or anything else (which reads as an empty form). */
export type ViewStateValues = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** Reads one input block of a submitted view. */
export class FormState {
  private readonly values: z.infer<typeof StateValues>;

  constructor(values: unknown) {
    const parsed = StateValues.safeParse(values);
    this.values = parsed.success ? parsed.data : {};
  }

  private element(blockId: string): ElementState | undefined {
    const block = this.values[blockId];
    if (!block) return undefined;
    for (const raw of Object.values(block)) {
      const parsed = ElementState.safeParse(raw);
      if (parsed.success) return parsed.data;
    }
    return undefined;
  }

  /** plain_text_input, number_input: the typed text, or undefined when empty. */
  text(blockId: string): string | undefined {
    return nonEmpty(this.element(blockId)?.value);
  }

  /** static_select, radio_buttons: the chosen option's value. */
  choice(blockId: string): string | undefined {
    return nonEmpty(this.element(blockId)?.selected_option?.value);
  }

  /** checkboxes, multi selects: the ticked options' values, in the form's order. */
  choices(blockId: string): string[] {
    return (this.element(blockId)?.selected_options ?? []).map((option) => option.value);
  }

  date(blockId: string): string | undefined {
    return nonEmpty(this.element(blockId)?.selected_date);
  }

  time(blockId: string): string | undefined {
    return nonEmpty(this.element(blockId)?.selected_time);
  }

  /** users_select: the chosen person's user id. */
  user(blockId: string): string | undefined {
    return nonEmpty(this.element(blockId)?.selected_user);
  }

  /** A yes/no radio: true, false, or undefined when unanswered. */
  yesNo(blockId: string): boolean | undefined {
    const chosen = this.choice(blockId);
    if (chosen === yesNo.yes) return true;
    if (chosen === yesNo.no) return false;
    return undefined;
  }
}

export function readScheduleStep(values: unknown): ScheduleStepValues {
  const form = new FormState(values);
  return withoutEmpty({
    days: form.choices(scheduleFields.days),
    sessionStart: form.time(scheduleFields.sessionStart),
    sessionEnd: form.time(scheduleFields.sessionEnd),
    travelMinutes: form.choice(scheduleFields.travelMinutes),
    startDate: form.date(scheduleFields.startDate),
    endDate: form.date(scheduleFields.endDate),
    weeks: form.text(scheduleFields.weeks),
    format: form.choice(scheduleFields.format),
  });
}

export function readWorkStep(values: unknown): WorkStepValues {
  const form = new FormState(values);
  return withoutEmpty({
    days: form.choices(workFields.days),
    start: form.time(workFields.start),
    end: form.time(workFields.end),
    timeZone: form.choice(workFields.timeZone),
    constraints: form.choices(workFields.constraints),
    note: form.text(workFields.note),
  });
}

export function readHelpStep(values: unknown): HelpStepValues {
  const form = new FormState(values);
  return withoutEmpty({
    accommodations: form.choices(helpFields.accommodations),
    other: form.text(helpFields.other),
    coveragePlan: form.text(helpFields.coveragePlan),
  });
}

export function readDisclosureStep(values: unknown): DisclosureStepValues {
  const form = new FormState(values);
  return withoutEmpty({
    reason: form.choice(disclosureFields.reason),
    ownWords: form.text(disclosureFields.ownWords),
    shareWithManager: form.yesNo(disclosureFields.shareWithManager),
    managerId: form.user(disclosureFields.manager),
    teamNote: form.text(disclosureFields.teamNote),
    eapMayTrack: form.yesNo(disclosureFields.eapMayTrack),
    jurisdiction: form.choice(disclosureFields.jurisdiction),
    privateNote: form.text(disclosureFields.privateNote),
  });
}

export function readWordingEdit(values: unknown): WordingValues {
  const form = new FormState(values);
  return withoutEmpty({
    statementOfNeed: form.text(wordingFields.statementOfNeed),
    coveragePlan: form.text(wordingFields.coveragePlan),
  });
}

function nonEmpty(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value.trim() === '' ? undefined : value;
}

/** Leaves absent answers out, so the values read like what the person filled in. */
function withoutEmpty<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
