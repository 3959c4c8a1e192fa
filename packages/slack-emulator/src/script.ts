import { z } from 'zod';
import type { Actor } from './actor.js';
import type { Emulator } from './emulator.js';

/**
 * Demo scripts: JSON steps that say what a person does, by what they see.
 *
 *   [{ "as": "alice", "command": "/weather" },
 *    { "as": "alice", "expect": "Today in Lisbon" },
 *    { "as": "alice", "click": "Tomorrow" }]
 *
 * The file is either that array or `{ "steps": [...] }`. Each step names one person and one action.
 */

const fillValue = z.union([z.string(), z.array(z.string())], {
  error: 'must be a string, or a list of strings for options',
});

const who = { as: z.string().min(1, 'must name a person, e.g. "employee"') };

const actionSchemas = {
  command: z.strictObject({
    ...who,
    command: z.string().regex(/^\/\S+/, 'must start with a slash, e.g. "/help"'),
  }),
  message: z.strictObject({ ...who, message: z.string().min(1, 'must not be empty') }),
  click: z.strictObject({ ...who, click: z.string().min(1, 'must be the text of a button') }),
  fill: z.strictObject({
    ...who,
    fill: z
      .record(z.string(), fillValue)
      .refine((values) => Object.keys(values).length > 0, 'must name at least one input'),
  }),
  submit: z.strictObject({ ...who, submit: z.literal(true, { error: 'must be true' }) }),
  close: z.strictObject({ ...who, close: z.literal(true, { error: 'must be true' }) }),
  open: z.strictObject({
    ...who,
    open: z.enum(['home', 'messages'], { error: 'must be "home" or "messages"' }),
  }),
  shortcut: z.strictObject({ ...who, shortcut: z.string().min(1, 'must be a shortcut callback_id') }),
  expect: z.strictObject({ ...who, expect: z.string().min(1, 'must be the text they should see') }),
} as const;

type ActionName = keyof typeof actionSchemas;
export type Step = { [K in ActionName]: z.infer<(typeof actionSchemas)[K]> }[ActionName];

const actionNames = Object.keys(actionSchemas) as ActionName[];

/** A script that cannot be run as written; `problems` name the step and the field. */
export class ScriptError extends Error {
  override readonly name = 'ScriptError';
  constructor(readonly problems: readonly string[]) {
    super(`The script has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** A step that could not be done while running; the message names it and shows the screen. */
export class StepError extends Error {
  override readonly name = 'StepError';
  constructor(
    readonly index: number,
    readonly step: Step,
    cause: Error,
  ) {
    super(`Step ${index + 1} (${describeStep(step)}) could not be done:\n${cause.message}`);
  }
}

export function parseScript(input: unknown, people: readonly string[]): Step[] {
  const steps = Array.isArray(input)
    ? input
    : typeof input === 'object' && input !== null && Array.isArray((input as { steps?: unknown }).steps)
      ? (input as { steps: unknown[] }).steps
      : undefined;
  if (!steps) throw new ScriptError(['the script must be a JSON array of steps, or an object with "steps"']);
  if (steps.length === 0) throw new ScriptError(['the script has no steps']);
  const problems: string[] = [];
  const parsed: Step[] = [];
  steps.forEach((raw, index) => {
    const where = `step ${index + 1}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push(`${where} must be an object like {"as": "employee", "click": "Continue"}`);
      return;
    }
    const actions = actionNames.filter((name) => name in raw);
    if (actions.length !== 1) {
      problems.push(
        actions.length === 0
          ? `${where} has no action: add one of ${actionNames.join(', ')}`
          : `${where} has ${actions.join(' and ')}: one action per step`,
      );
      return;
    }
    const action = actions[0] as ActionName;
    const result = actionSchemas[action].safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        if (issue.code === 'unrecognized_keys') {
          problems.push(`${where} has an unknown field: ${issue.keys.join(', ')}`);
          continue;
        }
        const field = issue.path.length ? issue.path.map(String).join('.') : action;
        problems.push(`${where}: ${field} ${issue.message}`);
      }
      return;
    }
    if (!people.includes(result.data.as)) {
      problems.push(`${where}: as "${result.data.as}" is no one here; use one of ${people.join(', ')}`);
      return;
    }
    parsed.push(result.data as Step);
  });
  if (problems.length > 0) throw new ScriptError(problems);
  return parsed;
}

export function describeStep(step: Step): string {
  if ('command' in step) return `${step.as} runs ${step.command}`;
  if ('message' in step) return `${step.as} sends "${step.message}"`;
  if ('click' in step) return `${step.as} clicks "${step.click}"`;
  if ('fill' in step)
    return `${step.as} fills in ${Object.keys(step.fill)
      .map((label) => `"${label}"`)
      .join(', ')}`;
  if ('submit' in step) return `${step.as} submits`;
  if ('close' in step) return `${step.as} closes the modal`;
  if ('open' in step) return `${step.as} opens ${step.open === 'home' ? 'the Home tab' : 'Messages'}`;
  if ('shortcut' in step) return `${step.as} uses the shortcut ${step.shortcut}`;
  return `${step.as} expects to see "${step.expect}"`;
}

export async function runStep(actor: Actor, step: Step): Promise<void> {
  if ('command' in step) {
    const [command = '', ...rest] = step.command.trim().split(/\s+/);
    await actor.command(command, rest.join(' '));
  } else if ('message' in step) await actor.message(step.message);
  else if ('click' in step) await actor.click(step.click);
  else if ('fill' in step) await actor.fill(step.fill);
  else if ('submit' in step) await actor.submit();
  else if ('close' in step) await actor.closeModal();
  else if ('open' in step) {
    if (step.open === 'home') await actor.openHome();
    else actor.openMessages();
  } else if ('shortcut' in step) await actor.shortcut(step.shortcut);
  else await actor.expect(step.expect);
}

/**
 * Runs the steps in order, writing a transcript: each step, then what that person sees after it
 * (an `expect` prints a tick instead). Stops at the first step that cannot be done.
 */
export async function runScript(
  emulator: Emulator,
  steps: readonly Step[],
  write: (text: string) => void,
): Promise<void> {
  for (const [index, step] of steps.entries()) {
    write(`\n> ${index + 1}. ${describeStep(step)}\n`);
    const actor = emulator.as(step.as);
    // Every call the app makes from here until the next step is marked as this step's doing.
    emulator.workspace.currentStep = { number: index + 1, as: step.as, action: describeStep(step) };
    try {
      await runStep(actor, step);
    } catch (error) {
      throw new StepError(index, step, error instanceof Error ? error : new Error(String(error)));
    }
    if ('expect' in step) write(`  ok: ${step.as} sees it\n`);
    else write(`${indent(actor.screen())}\n`);
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
