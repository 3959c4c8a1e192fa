import { describe, expect, it } from 'vitest';
import { wrap } from '../src/interactive.js';
import { plainMrkdwn, renderScreen } from '../src/render.js';
import type { StoredView } from '../src/workspace.js';

const names = {
  user: (id: string) => ({ UEMPLOYEE: 'Sam Rivera' })[id] ?? id,
  channel: (id: string) => ({ CHR: 'hr-accommodations' })[id] ?? id,
};
const plain = (text: string) => ({ type: 'plain_text', text });

function modal(definition: Record<string, unknown>, extra: Partial<StoredView> = {}): StoredView {
  return {
    id: 'V1',
    hash: 'h',
    definition,
    userId: 'UEMPLOYEE',
    type: 'modal',
    values: {},
    errors: {},
    rootViewId: 'V1',
    previousViewId: null,
    ...extra,
  };
}

describe('the terminal renderer', () => {
  it('turns mrkdwn into plain words', () => {
    expect(
      plainMrkdwn(
        '*Request* for <@UEMPLOYEE> in <#CHR>: <https://example.com/p|the policy> &amp; _more_',
        names,
      ),
    ).toBe('Request for @Sam Rivera in #hr-accommodations: the policy (https://example.com/p) & more');
    expect(plainMrkdwn('Due <!date^1767225600^{date_short}|Jan 1, 2026>', names)).toBe('Due Jan 1, 2026');
  });

  it('draws a modal with numbered buttons, inputs with their options, values and errors', () => {
    const view = modal(
      {
        title: plain('Your schedule'),
        submit: plain('Next'),
        blocks: [
          { type: 'header', text: plain('Step 1 of 5') },
          { type: 'section', text: { type: 'mrkdwn', text: '*When* are your sessions?' } },
          {
            type: 'input',
            block_id: 'days',
            label: plain('Which days?'),
            element: {
              type: 'checkboxes',
              action_id: 'v',
              options: [
                { text: plain('Monday'), value: 'mon' },
                { text: plain('Tuesday'), value: 'tue' },
              ],
            },
          },
          {
            type: 'input',
            block_id: 'start',
            optional: true,
            label: plain('Start date'),
            element: { type: 'datepicker', action_id: 'v' },
          },
          {
            type: 'actions',
            elements: [
              { type: 'button', action_id: 'back', text: plain('Back') },
              { type: 'button', action_id: 'save', text: plain('Save draft'), style: 'primary' },
            ],
          },
        ],
      },
      {
        values: {
          days: { v: { type: 'checkboxes', selected_options: [{ text: plain('Tuesday'), value: 'tue' }] } },
          start: { v: { type: 'datepicker', selected_date: '2026-03-02' } },
        },
        errors: { start: 'The start date is in the past.' },
      },
    );
    const rendered = renderScreen(
      { viewer: 'UEMPLOYEE', appName: 'App', modals: [view], surface: 'messages', conversations: [] },
      names,
    );
    expect(rendered.text).toBe(
      [
        '+-- Modal: Your schedule ---------------------------',
        '| # Step 1 of 5',
        '| When are your sessions?',
        '| > Which days?  <tick any>',
        '|     [ ] Monday',
        '|     [x] Tuesday',
        '| > Start date (optional)  <date YYYY-MM-DD>',
        '|     value: 2026-03-02',
        '|     ! The start date is in the past.',
        '| [1] Back   [2] Save draft *',
        '+-- [Submit: Next]  [Close: Cancel]',
      ].join('\n'),
    );
    expect(rendered.targets.map((t) => [t.number, t.label])).toEqual([
      [1, 'Back'],
      [2, 'Save draft'],
    ]);
    expect(rendered.inputs.map((i) => [i.label, i.optional])).toEqual([
      ['Which days?', false],
      ['Start date', true],
    ]);
  });

  it('wraps long lines for the terminal, keeping the modal frame', () => {
    expect(wrap('| one two three four', 10)).toEqual(['| one two', '| three', '| four']);
  });
});
