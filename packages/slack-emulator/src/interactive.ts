import type { Readable, Writable } from 'node:stream';
import { checkbox, confirm, input, Separator, select } from '@inquirer/prompts';
import { type Actor, ActorError, type FillValue } from './actor.js';
import type { Emulator } from './emulator.js';
import type { InputField } from './render.js';
import { isJson, type Json } from './workspace.js';

/**
 * The demo at the keyboard: choose who you are, see their Slack as text, and act from a menu of
 * what they can do right now (buttons, inputs, submit, a DM, the slash command, the Home tab).
 */

export interface InteractiveOptions {
  readonly stdin: Readable;
  readonly stdout: Writable;
  /** The first lines shown, e.g. what is running and how to leave. */
  readonly welcome: string;
  /** The app's slash commands, offered in the menu, e.g. `['/weather']`. */
  readonly commands: readonly string[];
}

type Choice =
  | { kind: 'click'; number: number }
  | { kind: 'fill' }
  | { kind: 'submit' }
  | { kind: 'close' }
  | { kind: 'command'; command: string }
  | { kind: 'message' }
  | { kind: 'home' }
  | { kind: 'messages' }
  | { kind: 'switch' }
  | { kind: 'calls' }
  | { kind: 'quit' };

export async function interactive(emulator: Emulator, io: InteractiveOptions): Promise<number> {
  const context = { input: io.stdin, output: io.stdout as NodeJS.WritableStream };
  const write = (text: string) => io.stdout.write(text);
  write(`\n${io.welcome.trimEnd()}\n`);
  try {
    let actor = await choosePerson(emulator, context);
    for (;;) {
      const columns = (io.stdout as { columns?: number }).columns ?? 100;
      const shown = actor.screen();
      write(`\n${frame(actor, Math.max(40, columns - 2))}\n`);
      // The app may change the screen on its own (a modal it updates after the ack, a DM): the
      // menu is then withdrawn and the new screen drawn, so nobody acts on a stale one.
      const changed = new AbortController();
      const current = actor;
      const stopWatching = emulator.workspace.onActivity(() => {
        if (!changed.signal.aborted && current.screen() !== shown) changed.abort();
      });
      let choice: Choice;
      try {
        choice = await select<Choice>(
          {
            message: `What does ${actor.user.realName} do?`,
            choices: menu(actor, io.commands),
            pageSize: 18,
            loop: false,
          },
          { ...context, signal: changed.signal },
        );
      } catch (error) {
        if (changed.signal.aborted && !isCtrlC(error)) continue;
        throw error;
      } finally {
        stopWatching();
      }
      if (choice.kind === 'quit') {
        const leave = await confirm(
          { message: 'Leave the demo? Everything done in this session will be lost.', default: false },
          context,
        );
        if (leave) return 0;
        continue;
      }
      if (choice.kind === 'switch') {
        actor = await choosePerson(emulator, context);
        continue;
      }
      if (choice.kind === 'calls') {
        write(`${callsSoFar(emulator)}\n`);
        continue;
      }
      try {
        await act(
          actor,
          choice,
          context,
          emulator.directory.users.map((user) => user.handle),
        );
      } catch (error) {
        if (isExit(error)) throw error;
        const message =
          error instanceof ActorError ? error.message.split('\n\n--- what they see')[0] : String(error);
        write(`\n! ${message}\n`);
      }
    }
  } catch (error) {
    if (isExit(error)) {
      write('\nBye.\n');
      return 0;
    }
    throw error;
  }
}

type PromptContext = { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };

/** Ctrl+C in a prompt: leave quietly. */
function isExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

function isCtrlC(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}

async function choosePerson(emulator: Emulator, context: PromptContext): Promise<Actor> {
  const handle = await select(
    {
      message: 'Who are you?',
      choices: emulator.directory.users.map((user) => ({
        name: `${user.realName}, ${user.role ?? user.handle}`,
        value: user.handle,
      })),
    },
    context,
  );
  return emulator.as(handle);
}

function frame(actor: Actor, width: number): string {
  const where = actor.topModal() ? 'a modal' : actor.surface === 'home' ? 'Home' : 'Messages';
  const title = `${actor.user.realName} (${actor.handle}) is looking at ${where}`;
  const screen = actor
    .screen()
    .split('\n')
    .flatMap((line) => wrap(line, width))
    .join('\n');
  return `${'='.repeat(title.length)}\n${title}\n${'='.repeat(title.length)}\n${screen}`;
}

/** Wraps a long line at spaces, repeating its frame and indent on each further piece. */
export function wrap(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const lead = /^[|\s]*/.exec(line)?.[0] ?? '';
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    const at = cut > lead.length ? cut : width;
    pieces.push(rest.slice(0, at).trimEnd());
    rest = `${lead}${rest.slice(at).trimStart()}`;
  }
  pieces.push(rest);
  return pieces;
}

function menu(actor: Actor, commands: readonly string[]): Array<{ name: string; value: Choice } | Separator> {
  const rendered = actor.rendered();
  const choices: Array<{ name: string; value: Choice } | Separator> = rendered.targets.map((target) => ({
    name: `Click [${target.number}] ${target.label}`,
    value: { kind: 'click', number: target.number },
  }));
  const modal = actor.topModal();
  if (actor.inputs().length > 0) choices.push({ name: 'Fill in a field', value: { kind: 'fill' } });
  if (modal) {
    if (modal.definition.submit) choices.push({ name: 'Submit the form', value: { kind: 'submit' } });
    choices.push({ name: 'Close the modal', value: { kind: 'close' } });
  }
  if (choices.length > 0) choices.push(new Separator());
  for (const command of commands)
    choices.push({ name: `Run ${command}`, value: { kind: 'command', command } });
  choices.push({ name: 'Send the app a direct message', value: { kind: 'message' } });
  if (actor.surface === 'home') choices.push({ name: 'Open Messages', value: { kind: 'messages' } });
  else choices.push({ name: 'Open the Home tab', value: { kind: 'home' } });
  choices.push({ name: 'Switch to someone else', value: { kind: 'switch' } });
  choices.push({ name: 'Show the Web API calls so far', value: { kind: 'calls' } });
  // Set apart, and confirmed when chosen: leaving loses the whole session.
  choices.push(new Separator());
  choices.push({ name: 'Quit the demo', value: { kind: 'quit' } });
  return choices;
}

async function act(
  actor: Actor,
  choice: Choice,
  context: PromptContext,
  handles: readonly string[],
): Promise<void> {
  switch (choice.kind) {
    case 'click': {
      const target = actor.rendered().targets.find((t) => t.number === choice.number);
      if (target) await actor.click(target);
      return;
    }
    case 'fill': {
      const fields = actor.inputs();
      const label = await select(
        {
          message: 'Which field?',
          choices: fields.map((field) => ({ name: field.label, value: field.label })),
        },
        context,
      );
      const field = fields.find((f) => f.label === label);
      if (field)
        await actor.fill({
          [field.label]: await askValue(field, context, handles, chosenTexts(actor, field)),
        });
      return;
    }
    case 'submit':
      await actor.submit();
      return;
    case 'close':
      await actor.closeModal();
      return;
    case 'command': {
      const text = await input({ message: choice.command, default: '' }, context);
      await actor.command(choice.command, text.trim());
      return;
    }
    case 'message': {
      const text = await input(
        { message: 'Message', validate: (v) => v.trim() !== '' || 'Type something first.' },
        context,
      );
      await actor.message(text);
      return;
    }
    case 'home':
      await actor.openHome();
      return;
    case 'messages':
      actor.openMessages();
      return;
    default:
      return;
  }
}

/** The visible texts of the options chosen now in a field of the view in front. */
function chosenTexts(actor: Actor, field: InputField): string[] {
  const view = actor.topModal() ?? (actor.surface === 'home' ? actor.homeView() : undefined);
  const state = view?.values[field.blockId]?.[field.actionId];
  const selected = [
    ...(Array.isArray(state?.selected_options) ? state.selected_options : []),
    ...(isJson(state?.selected_option) ? [state.selected_option] : []),
  ];
  return selected
    .filter(isJson)
    .map((option) => (isJson(option.text) ? String(option.text.text) : String(option.value)));
}

function optionTexts(element: Json): string[] {
  const options = [
    ...(Array.isArray(element.options) ? element.options : []),
    ...(Array.isArray(element.option_groups)
      ? element.option_groups.flatMap((group: unknown) =>
          isJson(group) && Array.isArray(group.options) ? group.options : [],
        )
      : []),
  ];
  return options
    .filter(isJson)
    .map((option) => (isJson(option.text) ? String(option.text.text) : String(option.value)));
}

/** Asks for a value the way the element takes it: a choice, ticks, a date, a time or text. */
async function askValue(
  field: InputField,
  context: PromptContext,
  handles: readonly string[],
  chosen: readonly string[],
): Promise<FillValue> {
  const { element } = field;
  const type = String(element.type);
  const options = optionTexts(element);
  if (type === 'static_select' || type === 'radio_buttons' || type === 'external_select') {
    return select(
      { message: field.label, choices: options.map((text) => ({ name: text, value: text })) },
      context,
    );
  }
  if (type === 'checkboxes' || type === 'multi_static_select') {
    // Start from what is ticked now, as Slack's own checkboxes do, not from nothing.
    const ticked = new Set(chosen);
    return checkbox(
      {
        message: field.label,
        choices: options.map((text) => ({ name: text, value: text, checked: ticked.has(text) })),
      },
      context,
    );
  }
  if (type === 'users_select') {
    return input({ message: `${field.label} (${handles.join(', ')})` }, context);
  }
  const formats: Record<string, [RegExp, string]> = {
    datepicker: [/^\d{4}-\d{2}-\d{2}$/, 'Write the date as YYYY-MM-DD.'],
    timepicker: [/^([01]\d|2[0-3]):[0-5]\d$/, 'Write the time as HH:mm, e.g. 09:30.'],
    number_input: [/^-?\d+(\.\d+)?$/, 'Write a number.'],
  };
  const format = formats[type];
  const hint = type === 'datepicker' ? ' (YYYY-MM-DD)' : type === 'timepicker' ? ' (HH:mm)' : '';
  return input(
    {
      message: `${field.label}${hint}`,
      validate: (value) => !format || value === '' || format[0].test(value) || format[1],
    },
    context,
  );
}

function callsSoFar(emulator: Emulator): string {
  const calls = emulator.calls();
  if (calls.length === 0) return 'The app has made no Web API calls yet.';
  return calls
    .map((call) => `${String(call.seq).padStart(3)} ${call.method}${call.ok ? '' : `  -> ${call.error}`}`)
    .join('\n');
}
