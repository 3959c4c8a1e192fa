import {
  type Directory,
  type EmulatedUser,
  type Json,
  type RecordedCall,
  runScript,
  type Step,
} from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoDirectory } from '../../src/cli/demo-workspace.js';
import { decide } from '../../src/domain/lifecycle/decide.js';
import type { AccommodationRequest } from '../../src/domain/request.js';
import { encodeMetadata } from '../../src/slack/intake-metadata.js';
import { registerListeners } from '../../src/slack/listeners/index.js';
import { type Harness, startHarness } from '../support/harness.js';
import { loadScript, TEAM } from '../support/scripts.js';
import { authorisationTable, type Row, type Who } from './authorisation.table.js';

/**
 * The authorisation table (authorisation.table.ts), sent through the real app over HTTP as signed
 * requests: every row as every person (the employee, another employee, HR, the EAP coordinator,
 * the manager, someone from another team), naming the employee's request or a colleague's draft,
 * and another team's request or draft. Where the table says no, nothing changes and nothing of
 * that request or draft reaches that person; where it says yes, the person is answered and not
 * refused for who they are.
 */

const OTHER_TEAM = 'T0OTHER';
const OTHER_REFERENCE = 'ACC-2026-0777';
const OTHER_DRAFT = 'draft-of-another-team';
const REQUEST_NOTE = 'CANARYREQUESTNOTE';
const DRAFT_NOTE = 'CANARYDRAFTNOTE';

const extraPeople: EmulatedUser[] = [
  {
    id: 'UCOLLEAGUE',
    handle: 'colleague',
    name: 'robin',
    realName: 'Robin Park',
    title: 'Support Engineer',
    tz: 'America/New_York',
    tzLabel: 'Eastern Standard Time',
    tzOffset: -18_000,
    email: 'robin@example.com',
  },
];
const directory: Directory = { ...demoDirectory, users: [...demoDirectory.users, ...extraPeople] };

/** Who each column is, for the employee's request (owned by the employee). */
const forRequest: Record<Who, { id: string; team: string }> = {
  owner: { id: 'UEMPLOYEE', team: TEAM },
  'another employee': { id: 'UCOLLEAGUE', team: TEAM },
  HR: { id: 'UHR', team: TEAM },
  EAP: { id: 'UEAP', team: TEAM },
  manager: { id: 'UMANAGER', team: TEAM },
  'another team': { id: 'UOUTSIDER', team: OTHER_TEAM },
};
/** For the colleague's draft the colleague is the owner and the employee is another employee. */
const forDraft: Record<Who, { id: string; team: string }> = {
  ...forRequest,
  owner: { id: 'UCOLLEAGUE', team: TEAM },
  'another employee': { id: 'UEMPLOYEE', team: TEAM },
};

let harness: Harness;
let request: AccommodationRequest;
let draftId = '';

function journeyAs(who: string, until: string, note: string): Step[] {
  const steps = loadScript('journey.json');
  const end = steps.findIndex((step) => 'expect' in step && step.expect === until);
  return steps.slice(0, end + 1).map((step) => {
    if ('fill' in step && 'How the reason is worded' in step.fill)
      return {
        ...step,
        as: who,
        fill: { ...step.fill, 'Private note (only you can see this)': note },
      } as Step;
    return { ...step, as: who } as Step;
  });
}

beforeAll(async () => {
  harness = await startHarness({
    env: { REDIS_URL: inject('redisUrl'), REDIS_KEY_PREFIX: `authz${process.pid}` },
    emulator: { directory },
  });
  const { store } = harness.app.services;
  await runScript(
    harness.emulator,
    journeyAs('employee', 'Your request is saved, and HR will be told', REQUEST_NOTE),
    () => {},
  );
  const [summary] = await store.requests.listByEmployee(TEAM, 'UEMPLOYEE');
  const sent = summary ? await store.requests.get(TEAM, summary.id) : null;
  if (!sent) throw new Error('the employee’s request was not saved');
  request = sent;
  await runScript(harness.emulator, journeyAs('colleague', 'Step 5 of 5', DRAFT_NOTE), () => {});
  draftId = (await store.conversations.get(TEAM, 'UCOLLEAGUE'))?.draft?.draftId ?? '';
  if (!draftId) throw new Error('the colleague has no draft');
  // Another install's request and draft, with the same people's ids (the worst case).
  const copied = decide(
    null,
    {
      type: 'submit',
      payload: {
        reference: OTHER_REFERENCE,
        teamId: OTHER_TEAM,
        schedule: request.schedule,
        work: request.work,
        accommodations: request.accommodations,
        disclosure: request.disclosure,
        sensitive: request.sensitive,
      },
    },
    { role: 'employee', id: request.employeeId },
    new Date(),
  );
  if (!copied.ok) throw new Error(`the other install's request was refused: ${copied.message}`);
  // Its effects would reach the other install's HR; here only the record matters.
  await store.requests.commit({ ...copied, effects: [] });
  const colleague = await store.conversations.get(TEAM, 'UCOLLEAGUE');
  if (!colleague?.draft) throw new Error('the colleague has no draft');
  await store.conversations.save({
    ...colleague,
    teamId: OTHER_TEAM,
    draft: { ...colleague.draft, draftId: OTHER_DRAFT },
  });
  await quiet();
}, 120_000);

afterAll(async () => {
  await harness?.stop();
});

async function quiet(): Promise<void> {
  await harness.emulator.settle();
  await new Promise((resolve) => setTimeout(resolve, 300));
  await harness.emulator.settle();
}

/** Every id the app registers a listener for, as the table names them. */
function registeredRows(): string[] {
  const keys: string[] = [];
  const idOf = (constraint: unknown) =>
    typeof constraint === 'string'
      ? constraint
      : constraint instanceof RegExp
        ? `/${constraint.source}/`
        : '';
  const recorder = new Proxy(
    {},
    {
      get:
        (_target, method) =>
        (...args: unknown[]) => {
          const [constraint] = args;
          if (method === 'message') keys.push('message:message');
          else if (method === 'view') {
            const { callback_id: id, type } =
              typeof constraint === 'object' && constraint !== null && !(constraint instanceof RegExp)
                ? (constraint as { callback_id?: unknown; type?: string })
                : { callback_id: constraint, type: 'view_submission' };
            keys.push(`${type ?? 'view_submission'}:${idOf(id)}`);
          } else keys.push(`${String(method)}:${idOf(constraint)}`);
        },
    },
  );
  registerListeners(recorder as never, harness.app.services);
  return keys;
}

const rowKey = (row: Row) => `${row.kind}:${row.id}`;

describe('the table', () => {
  it('has exactly one row for every listener the app registers', () => {
    const registered = registeredRows();
    const rows = authorisationTable.map(rowKey);
    expect(new Set(rows).size).toBe(rows.length);
    expect(registered.filter((key) => !rows.includes(key))).toEqual([]);
    expect(rows.filter((key) => !registered.includes(key))).toEqual([]);
  });
});

// ---- sending a row as someone -------------------------------------------------------------------

let sequence = 0;

interface Sent {
  readonly status: number;
  readonly body: string;
}

/** One signed request for `row`, sent by `who` (user and team), naming `subject` when it names one. */
async function send(row: Row, who: { id: string; team: string }, subject: string): Promise<Sent> {
  const { emulator } = harness;
  sequence += 1;
  const triggerId = emulator.workspace.mintTrigger(who.id);
  const user = { id: who.id, team_id: who.team, username: who.id.toLowerCase(), name: who.id.toLowerCase() };
  const team = { id: who.team, domain: who.team.toLowerCase() };
  const metadata = row.target === 'draft' ? encodeMetadata({ draftId: subject }) : subject;
  const view = (callbackId: string): Json => ({
    id: `VFORGED${sequence}`,
    team_id: who.team,
    type: 'modal',
    callback_id: callbackId,
    private_metadata: metadata,
    hash: `${sequence}.forged`,
    blocks: [],
    state: { values: {} },
    previous_view_id: null,
  });
  const dm = who.team === TEAM ? emulator.workspace.openDm(who.id) : `D${who.id}`;
  switch (row.kind) {
    case 'action': {
      const ownView = who.team === TEAM ? emulator.workspace.topModal(who.id) : undefined;
      return emulator.sendInteractive({
        type: 'block_actions',
        team,
        user,
        api_app_id: emulator.directory.bot.appId,
        trigger_id: triggerId,
        container: { type: 'view', view_id: ownView?.id ?? `VFORGED${sequence}` },
        view: { ...view('forged'), ...(ownView ? { id: ownView.id, hash: ownView.hash } : {}) },
        actions: [
          {
            action_id: row.id,
            block_id: 'forged',
            type: 'button',
            value: row.target === 'draft' ? 'forged' : subject,
            action_ts: emulator.workspace.nextTs(),
          },
        ],
      });
    }
    case 'view_submission':
      return emulator.sendInteractive({
        type: 'view_submission',
        team,
        user,
        trigger_id: triggerId,
        view: view(row.id),
      });
    case 'view_closed':
      return emulator.sendInteractive({
        type: 'view_closed',
        team,
        user,
        view: view(row.id),
        is_cleared: false,
      });
    case 'shortcut':
      return emulator.sendInteractive({
        type: 'shortcut',
        team,
        user,
        callback_id: row.id,
        trigger_id: triggerId,
        action_ts: emulator.workspace.nextTs(),
      });
    case 'command':
      return emulator.sendForm(
        new URLSearchParams({
          team_id: who.team,
          channel_id: dm,
          user_id: who.id,
          command: row.id,
          text: 'status',
          trigger_id: triggerId,
          response_url: `${emulator.baseUrl}/respond/none`,
        }).toString(),
      );
    case 'event':
    case 'message': {
      const event: Json =
        row.kind === 'message'
          ? {
              type: 'message',
              channel_type: 'im',
              channel: dm,
              user: who.id,
              text: `Where is ${subject}?`,
              ts: emulator.workspace.nextTs(),
            }
          : { type: row.id, user: who.id, channel: dm, tab: 'home', event_ts: emulator.workspace.nextTs() };
      return emulator.sendEvent({
        type: 'event_callback',
        team_id: who.team,
        api_app_id: emulator.directory.bot.appId,
        event_id: `EvAUTHZ${sequence}`,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ team_id: who.team, user_id: 'U0BOT', is_bot: true }],
        event,
      });
    }
  }
}

/** What reached Slack from `from` on, as text, with what Slack answered the request itself. */
function shownSince(from: number): RecordedCall[] {
  return harness
    .calls()
    .slice(from)
    .filter((call) => /^(views|chat|files)\./.test(call.method));
}

// ---- where the table says no ---------------------------------------------------------------------

interface Cell {
  readonly row: Row;
  readonly who: Who;
  /** The employee's request / the colleague's draft, or another team's. */
  readonly subject: 'theirs' | 'another team’s';
}

function deniedCells(): Cell[] {
  const cells: Cell[] = [];
  for (const row of authorisationTable) {
    if (row.target === 'install') continue;
    for (const who of Object.keys(forRequest) as Who[]) {
      if (row.target === 'self') {
        // Deleting their own data would delete the request and draft the other rows are about.
        if (row.id === 'delete_my_data' && (who === 'owner' || who === 'another employee')) continue;
        cells.push({ row, who, subject: 'theirs' });
        continue;
      }
      if (!row.mayAct.includes(who)) cells.push({ row, who, subject: 'theirs' });
      cells.push({ row, who, subject: 'another team’s' });
    }
  }
  return cells;
}

const subjectOf = (cell: Cell) =>
  cell.row.target === 'draft'
    ? cell.subject === 'theirs'
      ? draftId
      : OTHER_DRAFT
    : cell.subject === 'theirs'
      ? request.id
      : OTHER_REFERENCE;

describe('where the table says no', () => {
  let before: { request: string; draft: string; other: string; auditLength: number };

  beforeAll(async () => {
    const { store } = harness.app.services;
    before = {
      request: JSON.stringify(await store.requests.get(TEAM, request.id)),
      draft: JSON.stringify((await store.conversations.get(TEAM, 'UCOLLEAGUE'))?.draft),
      other: JSON.stringify(await store.requests.get(OTHER_TEAM, OTHER_REFERENCE)),
      auditLength: (await store.audit.list(TEAM, request.id)).length,
    };
  });

  const users: [string, string][] = [
    ['UEMPLOYEE', 'the employee (owner of the request; another employee to the draft)'],
    ['UCOLLEAGUE', 'a colleague (another employee to the request; owner of the draft)'],
    ['UHR', 'HR'],
    ['UEAP', 'the EAP coordinator'],
    ['UMANAGER', 'the employee’s manager'],
    ['UOUTSIDER', 'someone from another team'],
  ];

  it.each(users)(
    '%s, %s: every row answered, nothing of another’s request or draft shown',
    async (userId) => {
      const cells = deniedCells().filter((cell) => peopleFor(cell.row)[cell.who].id === userId);
      const from = harness.calls().length;
      const problems: string[] = [];
      for (const cell of cells) {
        const sent = await send(cell.row, peopleFor(cell.row)[cell.who], subjectOf(cell));
        if (sent.status !== 200) problems.push(`${rowKey(cell.row)} → ${sent.status}`);
        const leaked = forbiddenFor(userId).filter((term) => sent.body.includes(term));
        if (leaked.length) problems.push(`${rowKey(cell.row)} answered with ${leaked.join(', ')}`);
        // Field errors would mean the form was read for someone who may not send it.
        if (sent.body.includes('"response_action":"errors"'))
          problems.push(`${rowKey(cell.row)} (${cell.subject}) checked the form before the person`);
      }
      await quiet();
      expect(problems).toEqual([]);
      const leaks = shownSince(from).flatMap((call) => {
        const text = JSON.stringify(call.args);
        return forbiddenFor(userId)
          .filter((term) => text.includes(term))
          .map((term) => `${call.method} showed ${term}`);
      });
      expect(leaks).toEqual([]);
      expect(cells.length).toBeGreaterThan(40);
    },
    120_000,
  );

  it('changed nothing: the request, its status and version, the draft, another team’s request', async () => {
    const { store } = harness.app.services;
    expect(JSON.stringify(await store.requests.get(TEAM, request.id))).toBe(before.request);
    expect(JSON.stringify((await store.conversations.get(TEAM, 'UCOLLEAGUE'))?.draft)).toBe(before.draft);
    expect(JSON.stringify(await store.requests.get(OTHER_TEAM, OTHER_REFERENCE))).toBe(before.other);
    // Refused attempts may be written down; nothing else may be.
    const added = (await store.audit.list(TEAM, request.id)).slice(before.auditLength);
    expect(added.filter((entry) => entry.action !== 'not_permitted')).toEqual([]);
  });
});

/** What this person may never be shown while acting where the table says no. */
function forbiddenFor(userId: string): string[] {
  const ownRequest = userId === 'UEMPLOYEE' ? [] : [REQUEST_NOTE, request.id];
  const ownDraft = userId === 'UCOLLEAGUE' ? [] : [DRAFT_NOTE, draftId];
  // HR sees the employee's request by its reference on its own surfaces, never the private note.
  const hrMay = userId === 'UHR' ? [request.id] : [];
  return [...ownRequest, ...ownDraft, OTHER_REFERENCE, OTHER_DRAFT].filter((term) => !hrMay.includes(term));
}

const peopleFor = (row: Row) => (row.target === 'draft' ? forDraft : forRequest);

// ---- where the table says yes --------------------------------------------------------------------

const REFUSED_FOR_WHO =
  /Only the employee who made this request can do that|Only the HR team can do that|We couldn’t find that request/;

describe('where the table says yes', () => {
  const allowed = authorisationTable
    .filter((row) => row.target === 'request' || row.target === 'draft')
    .flatMap((row) => row.mayAct.map((who) => ({ row, who })))
    // The owner's withdrawal and sending the draft end what the rows before them act on: last.
    .sort((a, b) => Number(isFinal(a.row)) - Number(isFinal(b.row)));

  it.each(allowed.map((cell) => [rowKey(cell.row), cell.who, cell] as const))(
    '%s as %s: answered, not refused for who they are',
    async (_key, who, { row }) => {
      const people = peopleFor(row);
      const from = harness.calls().length;
      const sent = await send(row, people[who], row.target === 'draft' ? draftId : request.id);
      // A refusal is said by the listener itself, right after its ack: no need to wait for the outbox.
      await harness.emulator.settle();
      expect(sent.status).toBe(200);
      const said = `${sent.body}\n${shownSince(from)
        .map((call) => JSON.stringify(call.args))
        .join('\n')}`;
      expect(said).not.toMatch(REFUSED_FOR_WHO);
      // Something was done or said for them: a screen, a message, or the form's own answer.
      expect(sent.body !== '' || shownSince(from).length > 0).toBe(true);
    },
  );
});

function isFinal(row: Row): boolean {
  return (
    (row.kind === 'view_submission' && (row.id === 'withdraw_request' || row.id === 'intake_review')) ||
    row.kind === 'view_closed'
  );
}
