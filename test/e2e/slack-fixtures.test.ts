import { readdirSync, readFileSync } from 'node:fs';
import { type Directory, runScript, type Step } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDirectory } from '../../src/cli/demo-workspace.js';
import { type Harness, startHarness } from '../support/harness.js';
import { loadScript } from '../support/scripts.js';

/**
 * Payloads from Slack's own SDKs' test suites (test/fixtures/slack/, MIT, notices beside them),
 * signed and sent to the real app over HTTP: first as they are (ids from another workspace), then
 * placed in the demo workspace, where the app's answer can be read. And the intake run on an
 * org-wide install, which the emulator now sends as Slack does (`team: null`).
 */

type Json = Record<string, unknown>;
const root = new URL('../fixtures/slack/', import.meta.url);
const fixtures = ['bolt-python', 'java-slack-sdk'].flatMap((folder) =>
  readdirSync(new URL(`${folder}/`, root))
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({
      name: `${folder}/${name}`,
      body: JSON.parse(readFileSync(new URL(`${folder}/${name}`, root), 'utf8')) as Json,
    })),
);

function fixture(name: string): Json {
  const found = fixtures.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`No fixture ${name}`);
  return structuredClone(found.body);
}

/** An event fixture moved into the employee's DM in the demo workspace. */
function inEmployeeDm(name: string, changes: Json): Json {
  const envelope = fixture(name);
  const event = envelope.event as Json;
  envelope.team_id = demoDirectory.team.id;
  envelope.api_app_id = demoDirectory.bot.appId;
  delete envelope.enterprise_id;
  envelope.authorizations = [
    {
      enterprise_id: null,
      team_id: demoDirectory.team.id,
      user_id: demoDirectory.bot.userId,
      is_bot: true,
      is_enterprise_install: false,
    },
  ];
  envelope.event = {
    ...event,
    channel: 'DEMPLOYEE',
    channel_type: 'im',
    team: demoDirectory.team.id,
    ts: `${Math.floor(Date.now() / 1000)}.000100`,
    event_ts: `${Math.floor(Date.now() / 1000)}.000100`,
    ...changes,
  };
  envelope.event_id = `Ev${Math.random().toString(36).slice(2, 12).toUpperCase()}`;
  return envelope;
}

let world: Harness;

beforeAll(async () => {
  world = await startHarness();
});

afterAll(async () => {
  await world?.stop();
});

describe("payloads from Slack's SDK test suites, as they are", () => {
  it('keeps at least one fixture from each SDK', () => {
    expect(fixtures.some((f) => f.name.startsWith('bolt-python/'))).toBe(true);
    expect(fixtures.some((f) => f.name.startsWith('java-slack-sdk/'))).toBe(true);
  });

  for (const { name, body } of fixtures) {
    it(`${name}: answered in time, never with a server error, nothing called before the ack`, async () => {
      const before = world.callsBeforeAck().length;
      const delivery =
        'event' in body || body.type === 'event_callback'
          ? await world.emulator.sendEvent(body)
          : await world.emulator.sendInteractive(body);
      expect(delivery.timedOut).toBeFalsy();
      expect(delivery.status).toBeGreaterThanOrEqual(200);
      expect(delivery.status).toBeLessThan(500);
      await world.emulator.settle();
      expect(world.callsBeforeAck().slice(before)).toEqual([]);
    });
  }
});

describe('placed in the demo workspace', () => {
  it("does not answer another app's bot in a DM (bot_id, no subtype), so two bots cannot loop", async () => {
    const before = world.calls().length;
    const delivery = await world.emulator.sendEvent(
      inEmployeeDm('bolt-python/message_from_another_bot.json', { text: 'what can I ask for?' }),
    );
    expect(delivery.status).toBe(200);
    await world.emulator.settle();
    expect(
      world
        .calls()
        .slice(before)
        .filter((call) => call.method.startsWith('chat.')),
    ).toEqual([]);
  });

  it('answers a file shared in a DM kindly: files are not read or kept', async () => {
    const before = world.calls('chat.postMessage').length;
    await world.emulator.sendEvent(
      inEmployeeDm('bolt-python/message_file_share.json', { user: 'UEMPLOYEE', text: '' }),
    );
    await world.emulator.settle();
    const replies = world.calls('chat.postMessage').slice(before);
    expect(replies).toHaveLength(1);
    expect(String(replies[0]?.args.text)).toMatch(/file/i);
  });

  it('answers a reply in a DM thread in that thread', async () => {
    const employee = world.employee;
    await employee.message('what can I ask for?');
    const parent = world.emulator.workspace
      .messagesSeenBy('DEMPLOYEE', 'UEMPLOYEE')
      .filter((message) => message.user === 'UEMPLOYEE')
      .at(-1);
    const before = world.calls('chat.postMessage').length;
    await employee.message('and how long does HR take?', { threadTs: parent?.ts ?? '' });
    const replies = world.calls('chat.postMessage').slice(before);
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) expect(reply.args.thread_ts).toBe(parent?.ts);
  });
});

describe('an org-wide install (team: null, enterprise, is_enterprise_install)', () => {
  const orgWide: Directory = {
    ...demoDirectory,
    enterprise: { id: 'E0DEMO', name: 'Demo Group' },
    orgWideInstall: true,
  };
  let org: Harness;

  beforeAll(async () => {
    org = await startHarness({ emulator: { directory: orgWide } });
  });

  afterAll(async () => {
    await org?.stop();
  });

  // Issue 9: with team: null the command's answer never came. A newcomer's first step, so it runs
  // first: once the notice is accepted, the command opens the intake instead.
  it('opens the privacy notice from /accommodation', async () => {
    await org.employee.command('/accommodation');
    await org.employee.expect('Your privacy, in plain words');
  });

  // Issue 9: every intake step's submit failed with "couldn't save" (the store was keyed by a team
  // the payload does not carry). Runs after the command test, as a newcomer would.
  it('walks the employee through the intake to HR', async () => {
    const steps: Step[] = loadScript('journey.json').slice(0, 19);
    await runScript(org.emulator, steps, () => {});
    expect(org.employee.sees('Your request is saved, and HR will be told')).toBe(true);
  });
});
