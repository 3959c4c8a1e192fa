import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Directory } from '../src/directory.js';
import { type Emulator, startEmulator } from '../src/emulator.js';
import { interactive } from '../src/interactive.js';

/**
 * The demo at the keyboard, driven through its own streams: what it draws and how it answers keys.
 */

const directory: Directory = {
  team: { id: 'T1', domain: 'example', name: 'Example' },
  bot: { userId: 'U0BOT', botId: 'B0BOT', appId: 'A1', name: 'Test App' },
  users: [
    {
      id: 'UALICE',
      handle: 'alice',
      name: 'alice',
      realName: 'Alice Ames',
      title: 'Engineer',
      tz: 'Europe/Lisbon',
      tzLabel: 'Western European Time',
      tzOffset: 0,
      email: 'alice@example.com',
      role: 'the one trying it',
    },
  ],
  userGroups: {},
  channels: [],
};

const plain = (text: string) => ({ type: 'plain_text', text });
const KEY = { enter: '\r', down: '\u001b[B', ctrlC: '\u0003' };

let emulator: Emulator;
let stdin: PassThrough;
let output: string;
let run: Promise<number>;

function screenAfter(marker: number): string {
  return output.slice(marker);
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}. Output:\n${output.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function press(...keys: string[]): Promise<void> {
  for (const key of keys) {
    stdin.write(key);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

/** The terminal text without colours and cursor moves. */
function plainText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes start with ESC.
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}

/** The menu as last drawn: its selectable items, in order (separators are not). */
function menuItems(): string[] {
  const text = plainText(output);
  const menu = text.slice(text.lastIndexOf('What does Alice Ames do?'));
  const end = menu.indexOf('↑↓');
  return (end > 0 ? menu.slice(0, end) : menu)
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/^[\s❯]+/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('──'));
}

/** Moves down the menu to the item whose text matches, and presses Enter. */
async function choose(item: string): Promise<void> {
  const items = menuItems();
  const index = items.findIndex((line) => line.includes(item));
  if (index < 0) throw new Error(`No menu item "${item}" in:\n${items.join('\n')}`);
  for (let i = 0; i < index; i++) await press(KEY.down);
  await press(KEY.enter);
}

beforeEach(async () => {
  emulator = await startEmulator({ directory, quietMs: 20 });
  stdin = new PassThrough();
  const stdout = new PassThrough();
  // Like a terminal's stdout: each prompt ends its own output stream, which must stay writable.
  stdout.end = (() => stdout) as typeof stdout.end;
  output = '';
  stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  run = interactive(emulator, { stdin, stdout, welcome: 'Test App, locally.', commands: ['/test'] });
  await until(() => output.includes('Who are you?'), 'the first question');
  await press(KEY.enter);
  await until(() => output.includes('What does Alice Ames do?'), 'the menu');
});

afterEach(async () => {
  await press(KEY.ctrlC);
  await run;
  await emulator.stop();
});

async function openModal(blocks: unknown[], title = 'A form'): Promise<string> {
  const response = await fetch(`${emulator.apiUrl}views.open`, {
    method: 'POST',
    headers: { authorization: `Bearer ${emulator.botToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      trigger_id: emulator.workspace.mintTrigger('UALICE'),
      view: { type: 'modal', title: plain(title), submit: plain('Send'), blocks },
    }),
  });
  const body = (await response.json()) as { view: { id: string } };
  return body.view.id;
}

describe('the interactive demo', () => {
  it('redraws when the app changes the open screen by itself', async () => {
    const viewId = await openModal(
      [{ type: 'section', text: plain('Putting your letter together…') }],
      'Review',
    );
    // The app opened it without a click: the person sees it once they act, or now if redrawn.
    await press(KEY.down, '\u001b[A');
    const marker = output.length;
    await fetch(`${emulator.apiUrl}views.update`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emulator.botToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        view_id: viewId,
        view: {
          type: 'modal',
          title: plain('Review'),
          blocks: [{ type: 'section', text: plain('Your letter is ready') }],
        },
      }),
    });
    await until(() => screenAfter(marker).includes('Your letter is ready'), 'the redrawn screen');
  });

  it('asks before quitting, and Quit is set apart from "Show the Web API calls"', async () => {
    const text = plainText(output);
    const lines = text.slice(text.lastIndexOf('What does Alice Ames do?')).split('\n');
    const calls = lines.findIndex((line) => line.includes('Show the Web API calls'));
    const quit = lines.findIndex((line) => line.includes('Quit the demo'));
    // Not the next line: a separator stands between them.
    expect(quit).toBeGreaterThan(calls + 1);
    expect(lines[calls + 1]).toContain('──');
    await choose('Quit the demo');
    await until(() => output.includes('Leave the demo?'), 'the confirmation');
    const marker = output.length;
    await press('n', KEY.enter);
    await until(() => screenAfter(marker).includes('What does Alice Ames do?'), 'the menu again');
  });

  it('starts a checkbox field from the choices already ticked', async () => {
    const option = (text: string) => ({ text: plain(text), value: text.toLowerCase() });
    await openModal([
      {
        type: 'input',
        block_id: 'days',
        label: plain('Which days?'),
        element: {
          type: 'checkboxes',
          action_id: 'value',
          options: [option('Monday'), option('Tuesday'), option('Wednesday')],
          initial_options: [option('Tuesday')],
        },
      },
    ]);
    await until(() => {
      const text = plainText(output);
      return text.lastIndexOf('What does') > text.lastIndexOf('Which days?') && text.includes('Which days?');
    }, 'the menu under the form');
    await choose('Fill in a field');
    await until(() => output.includes('Which field?'), 'the field question');
    await press(KEY.enter);
    await until(() => /◉ Tuesday/.test(plainText(output)), 'Tuesday ticked in the prompt');
    expect(plainText(output)).toMatch(/◯ Monday/);
    await press(KEY.enter);
    await until(() => {
      const text = plainText(output);
      return text.lastIndexOf('What does Alice Ames do?') > text.lastIndexOf('◉ Tuesday');
    }, 'the menu');
    const view = emulator.workspace.topModal('UALICE');
    expect(view?.values.days?.value?.selected_options).toEqual([option('Tuesday')]);
  });
});
