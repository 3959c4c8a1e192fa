import { readFileSync } from 'node:fs';
import { parseScript, type Step } from '@accommodation-assistant/slack-emulator';
import { demoDirectory } from '../../src/cli/demo-workspace.js';

/** The demo workspace's team id, where every e2e request lives. */
export const TEAM = demoDirectory.team.id;

/** The demo people by handle, as scripts name them. */
export const people = ['employee', 'hr', 'eap', 'manager'];

/** A demo script from test/e2e/scripts, parsed as `npm run demo -- --script` parses it. */
export function loadScript(name: string): Step[] {
  const file = new URL(`../e2e/scripts/${name}`, import.meta.url);
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { steps: unknown };
  return parseScript(raw.steps, people);
}
