import { describe, expect, it } from 'vitest';
import { describeStep, parseScript, ScriptError } from '../src/script.js';

const people = ['employee', 'hr', 'eap', 'manager'];

function problems(input: unknown): readonly string[] {
  try {
    parseScript(input, people);
  } catch (error) {
    if (error instanceof ScriptError) return error.problems;
    throw error;
  }
  return [];
}

describe('demo scripts', () => {
  it('reads every kind of step, as an array or under "steps"', () => {
    const steps = [
      { as: 'employee', command: '/accommodation new' },
      { as: 'employee', message: 'How do I start?' },
      { as: 'employee', fill: { 'Which days?': ['Monday', 'Wednesday'], 'Start date': '2026-03-02' } },
      { as: 'employee', submit: true },
      { as: 'employee', close: true },
      { as: 'hr', click: 'View request' },
      { as: 'eap', open: 'home' },
      { as: 'manager', shortcut: 'start_request' },
      { as: 'employee', expect: 'ACC-' },
    ];
    expect(parseScript(steps, people)).toEqual(steps);
    expect(parseScript({ description: 'x', steps }, people)).toHaveLength(steps.length);
  });

  it('names each bad step and what is wrong with it', () => {
    expect(
      problems([
        { as: 'employee' },
        { as: 'hr', click: 'A', submit: true },
        { as: 'nobody', click: 'A' },
        { as: 'employee', fill: { Days: 3 } },
        { as: 'employee', fill: {} },
        { as: 'employee', command: 'accommodation' },
        { as: 'employee', submit: false },
        { as: 'employee', open: 'settings' },
        { as: 'employee', click: 'A', colour: 'blue' },
        'click A',
      ]),
    ).toEqual([
      'step 1 has no action: add one of command, message, click, fill, submit, close, open, shortcut, expect',
      'step 2 has click and submit: one action per step',
      'step 3: as "nobody" is no one here; use one of employee, hr, eap, manager',
      'step 4: fill.Days must be a string, or a list of strings for options',
      'step 5: fill must name at least one input',
      'step 6: command must start with a slash, e.g. "/help"',
      'step 7: submit must be true',
      'step 8: open must be "home" or "messages"',
      'step 9 has an unknown field: colour',
      'step 10 must be an object like {"as": "employee", "click": "Continue"}',
    ]);
  });

  it('refuses a script that is not a list of steps, or is empty', () => {
    expect(problems({ step: [] })).toEqual([
      'the script must be a JSON array of steps, or an object with "steps"',
    ]);
    expect(problems([])).toEqual(['the script has no steps']);
  });

  it('describes steps the way the transcript prints them', () => {
    expect(describeStep({ as: 'hr', click: 'Approve' })).toBe('hr clicks "Approve"');
    expect(describeStep({ as: 'employee', fill: { 'Start date': '2026-03-02' } })).toBe(
      'employee fills in "Start date"',
    );
    expect(describeStep({ as: 'eap', open: 'home' })).toBe('eap opens the Home tab');
  });
});
