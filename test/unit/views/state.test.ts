import { describe, expect, it } from 'vitest';
import {
  disclosureFields,
  helpFields,
  scheduleFields,
  workFields,
} from '../../../src/domain/intake-fields.js';
import {
  FormState,
  readDisclosureStep,
  readHelpStep,
  readScheduleStep,
  readWorkStep,
} from '../../../src/slack/state.js';

/** Shaped as Slack sends `view.state.values` in a view_submission (fields Slack adds included). */
const option = (value: string, text: string) => ({
  text: { type: 'plain_text', text, emoji: true },
  value,
});

describe('reading view.state.values', () => {
  it('reads the schedule step from every element type Slack uses for it', () => {
    const values = {
      [scheduleFields.days]: {
        [scheduleFields.days]: {
          type: 'checkboxes',
          selected_options: [option('mon', 'Monday'), option('thu', 'Thursday')],
        },
      },
      [scheduleFields.sessionStart]: {
        [scheduleFields.sessionStart]: {
          type: 'timepicker',
          selected_time: '17:30',
          timezone: 'America/New_York',
        },
      },
      [scheduleFields.sessionEnd]: {
        [scheduleFields.sessionEnd]: { type: 'timepicker', selected_time: '20:30' },
      },
      [scheduleFields.travelMinutes]: {
        [scheduleFields.travelMinutes]: {
          type: 'static_select',
          selected_option: option('30', '30 minutes'),
        },
      },
      [scheduleFields.startDate]: {
        [scheduleFields.startDate]: { type: 'datepicker', selected_date: '2026-03-02' },
      },
      [scheduleFields.endDate]: { [scheduleFields.endDate]: { type: 'datepicker', selected_date: null } },
      [scheduleFields.weeks]: { [scheduleFields.weeks]: { type: 'number_input', value: '12' } },
      [scheduleFields.format]: {
        [scheduleFields.format]: {
          type: 'radio_buttons',
          selected_option: { ...option('hybrid', 'A mix of both'), description: undefined },
        },
      },
    };
    expect(readScheduleStep(values)).toEqual({
      days: ['mon', 'thu'],
      sessionStart: '17:30',
      sessionEnd: '20:30',
      travelMinutes: '30',
      startDate: '2026-03-02',
      weeks: '12',
      format: 'hybrid',
    });
  });

  it('reads an untouched form as empty answers, not as errors', () => {
    const values = {
      [workFields.days]: { [workFields.days]: { type: 'checkboxes', selected_options: [] } },
      [workFields.start]: { [workFields.start]: { type: 'timepicker', selected_time: null } },
      [workFields.timeZone]: { [workFields.timeZone]: { type: 'static_select', selected_option: null } },
      [workFields.note]: { [workFields.note]: { type: 'plain_text_input', value: null } },
    };
    expect(readWorkStep(values)).toEqual({ days: [], constraints: [] });
  });

  it('treats whitespace-only text as empty but keeps typed text as typed', () => {
    const values = {
      [helpFields.accommodations]: {
        [helpFields.accommodations]: {
          type: 'checkboxes',
          selected_options: [option('other', 'Something else')],
        },
      },
      [helpFields.other]: { [helpFields.other]: { type: 'plain_text_input', value: '   ' } },
      [helpFields.coveragePlan]: {
        [helpFields.coveragePlan]: { type: 'plain_text_input', value: 'Line one\nLine two ' },
      },
    };
    expect(readHelpStep(values)).toEqual({ accommodations: ['other'], coveragePlan: 'Line one\nLine two ' });
  });

  it('reads yes/no radios as booleans, and unanswered as unknown', () => {
    const values = {
      [disclosureFields.reason]: {
        [disclosureFields.reason]: {
          type: 'radio_buttons',
          selected_option: option('own_words', 'In my own words'),
        },
      },
      [disclosureFields.shareWithManager]: {
        [disclosureFields.shareWithManager]: { type: 'radio_buttons', selected_option: option('yes', 'Yes') },
      },
      [disclosureFields.eapMayTrack]: {
        [disclosureFields.eapMayTrack]: { type: 'radio_buttons', selected_option: option('no', 'No') },
      },
      [disclosureFields.jurisdiction]: {
        [disclosureFields.jurisdiction]: { type: 'radio_buttons', selected_option: null },
      },
    };
    expect(readDisclosureStep(values)).toEqual({
      reason: 'own_words',
      shareWithManager: true,
      eapMayTrack: false,
    });
    expect(readDisclosureStep({}).shareWithManager).toBeUndefined();
  });

  it('reads a block by its id whatever its action id, since each input holds one element', () => {
    const form = new FormState({
      [workFields.note]: { renamed_action: { type: 'plain_text_input', value: 'Hi' } },
    });
    expect(form.text(workFields.note)).toBe('Hi');
  });

  it('reads anything that is not a Slack state as an empty form', () => {
    for (const junk of [undefined, null, 'values', 42, [], { a: 'b' }, { a: { b: 'c' } }]) {
      expect(readWorkStep(junk)).toEqual({ days: [], constraints: [] });
    }
  });

  it('ignores option entries without a value', () => {
    const form = new FormState({
      [workFields.days]: { [workFields.days]: { type: 'checkboxes', selected_options: [{ text: 'x' }] } },
    });
    expect(form.choices(workFields.days)).toEqual([]);
  });
});
