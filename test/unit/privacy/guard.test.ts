import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { eapDashboard } from '../../../src/domain/eap-dashboard.js';
import { createLogger } from '../../../src/logger.js';
import { sendingTo } from '../../../src/privacy/audience.js';
import { crisisReply } from '../../../src/privacy/crisis.js';
import { createGuardedFetch, HELD_BACK_TEXT } from '../../../src/privacy/guard.js';
import type { TeamNoteText } from '../../../src/privacy/release.js';
import { PrivacyScope, runInPrivacyScope } from '../../../src/privacy/scope.js';
import { eapHomeView } from '../../../src/slack/views/eap/home.js';
import { managerHomeBlocks } from '../../../src/slack/views/manager/home.js';
import { policy } from '../domain/lifecycle/fixtures.js';
import { told } from '../views/manager-fixtures.js';

/**
 * The guard on its own: what a real Web API client would send (form-encoded, JSON inside fields,
 * multipart for files) goes to a recording `fetch`, and we look at what actually left.
 */

const EMPLOYEE = 'UEMPLOYEE';
const HR = 'UHR';

function setup(actingUserId: string) {
  const sent: { url: string; body: string }[] = [];
  const logs: string[] = [];
  const logger = createLogger({
    level: 'info',
    scrub: (text) => text,
    stream: new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  });
  const baseFetch: typeof fetch = async (input, init) => {
    const body = init?.body;
    sent.push({
      url: String(input),
      body: typeof body === 'string' ? body : body instanceof FormData ? await textOf(body) : String(body),
    });
    return new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } });
  };
  const guarded = createGuardedFetch({ logger, baseFetch });
  const scope = new PrivacyScope(actingUserId);
  scope.rememberExact(EMPLOYEE, 'Dr. Quillfeather says\nthree nights a week');
  scope.rememberClinicalIn(EMPLOYEE, 'I take sertraline every morning');
  scope.rememberExact(EMPLOYEE, 'Jekyll & Hyde clinic');
  const call = (method: string, params: Record<string, unknown>) =>
    runInPrivacyScope(scope, () =>
      guarded(`http://127.0.0.1:1/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(
          Object.entries(params).map(([k, v]): [string, string] => [
            k,
            typeof v === 'string' ? v : JSON.stringify(v),
          ]),
        ).toString(),
      }),
    );
  return { sent, logs, call, guarded, scope };
}

async function textOf(form: FormData): Promise<string> {
  const parts: string[] = [];
  for (const [, value] of form.entries()) parts.push(typeof value === 'string' ? value : await value.text());
  return parts.join('\n');
}

/** What a form body says, decoded and lower-cased. */
const readable = (body: string) => [...new URLSearchParams(body).values()].join('\n').toLowerCase();

const section = (text: string) => [{ type: 'section', text: { type: 'mrkdwn', text } }];

describe('the outbound guard', () => {
  it('lets an ordinary message through untouched', async () => {
    const { sent, call } = setup(EMPLOYEE);
    await call('chat.postMessage', { channel: 'D1', text: 'Your request is with HR.' });
    expect(sent[0]?.body).toContain('Your+request+is+with+HR');
  });

  it('holds back a message carrying a detected health detail and sends the safe text instead', async () => {
    const { sent, logs, call } = setup(EMPLOYEE);
    await call('chat.postMessage', {
      channel: 'D1',
      text: 'ok',
      blocks: section('You mentioned Sertraline.'),
    });
    const body = [...new URLSearchParams(sent[0]?.body ?? '').values()].join('\n');
    expect(body.toLowerCase()).not.toContain('sertraline');
    expect(body).toContain(HELD_BACK_TEXT);
    expect(logs.join('')).toContain('held back');
    expect(logs.join('').toLowerCase()).not.toContain('sertraline');
  });

  it('catches a private note even when JSON, Slack escaping or reflowed whitespace change how it is written', async () => {
    const { sent, call } = setup(EMPLOYEE);
    // JSON-escaped newline inside blocks, and a letter that folded the newline into a space.
    await call('chat.postMessage', {
      channel: 'C1',
      text: 'x',
      blocks: section('Dr. Quillfeather says\nthree nights a week'),
    });
    await call('chat.postMessage', { channel: 'C1', text: 'Dr. Quillfeather says   three nights a week' });
    // Slack text escapes & < >, so the same words arrive as `&amp;`.
    await call('chat.postMessage', { channel: 'C1', text: 'See you at Jekyll &amp; Hyde clinic' });
    for (const { body } of sent) {
      expect(readable(body)).not.toContain('quillfeather');
      expect(readable(body)).not.toContain('jekyll');
      expect(readable(body)).toContain(HELD_BACK_TEXT.toLowerCase());
    }
  });

  it('lets the employee’s own modal show their words back, but not a modal opened for HR', async () => {
    const own = setup(EMPLOYEE);
    await own.call('views.open', { trigger_id: 't', view: { type: 'modal', blocks: section('sertraline') } });
    expect(own.sent[0]?.body.toLowerCase()).toContain('sertraline');

    const hr = setup(HR);
    await hr.call('views.open', { trigger_id: 't', view: { type: 'modal', blocks: section('sertraline') } });
    expect(hr.sent[0]?.body.toLowerCase()).not.toContain('sertraline');
    expect(readable(hr.sent[0]?.body ?? '')).toContain('held back');
  });

  it('never lets the App Home show a health detail, even to the employee', async () => {
    const { sent, call } = setup(EMPLOYEE);
    await call('views.publish', { user_id: EMPLOYEE, view: { type: 'home', blocks: section('sertraline') } });
    expect(sent[0]?.body.toLowerCase()).not.toContain('sertraline');
  });

  it('holds back clinical text in a message even when no one registered it (a model reply, say)', async () => {
    const { sent, call } = setup(EMPLOYEE);
    await call('chat.postMessage', { channel: 'D1', text: 'Many people in rehab for opioids ask this.' });
    expect(readable(sent[0]?.body ?? '')).not.toContain('opioid');
    expect(readable(sent[0]?.body ?? '')).toContain(HELD_BACK_TEXT.toLowerCase());
  });

  it('lets the app’s own approved wording through: the crisis line and a chosen disclosure', async () => {
    const { sent, call } = setup(EMPLOYEE);
    const reply = crisisReply('US');
    await call('chat.postMessage', { channel: 'D1', text: reply, blocks: section(reply) });
    await call('chat.postMessage', {
      channel: 'C1',
      text: 'I am taking part in an intensive outpatient program.',
    });
    expect(readable(sent[0]?.body ?? '')).toContain('988');
    expect(readable(sent[1]?.body ?? '')).toContain('intensive outpatient program');
  });

  it('refuses a file upload that carries a health detail', async () => {
    const { sent, guarded, scope } = setup(EMPLOYEE);
    const form = new FormData();
    form.append('file', new Blob(['notes: sertraline 50mg']), 'export.json');
    const response = await runInPrivacyScope(scope, () =>
      guarded('http://127.0.0.1:1/upload/F1', { method: 'POST', body: form }),
    );
    expect(sent).toHaveLength(0);
    expect(await response.json()).toEqual({ ok: false, error: 'privacy_guard_blocked' });
  });

  it('still holds back a private note that quotes the app’s own wording', async () => {
    const { sent, call, scope } = setup(HR);
    scope.rememberExact(EMPLOYEE, 'Quillfeather clinic runs an intensive outpatient program on Tuesdays');
    await call('chat.postMessage', {
      channel: 'CHR',
      text: 'Quillfeather clinic runs an intensive outpatient program on Tuesdays',
    });
    expect(readable(sent[0]?.body ?? '')).not.toContain('quillfeather');
    expect(readable(sent[0]?.body ?? '')).toContain(HELD_BACK_TEXT.toLowerCase());
  });

  it('checks calls made outside any Slack request too (a job, the error handler)', async () => {
    const { sent, guarded } = setup(EMPLOYEE);
    await guarded('http://127.0.0.1:1/api/chat.postMessage', {
      method: 'POST',
      body: new URLSearchParams({
        channel: 'D1',
        text: 'Reminder: your rehab sessions start Monday',
      }).toString(),
    });
    expect(readable(sent[0]?.body ?? '')).not.toContain('rehab');
    expect(readable(sent[0]?.body ?? '')).toContain(HELD_BACK_TEXT.toLowerCase());
  });

  it('refuses a body it cannot read (a stream) instead of sending it unread', async () => {
    const { sent, guarded, scope } = setup(EMPLOYEE);
    const body = new Blob(['notes: sertraline 50mg']).stream();
    const response = await runInPrivacyScope(scope, () =>
      guarded('http://127.0.0.1:1/upload/F1', { method: 'POST', body, duplex: 'half' } as RequestInit),
    );
    expect(sent).toHaveLength(0);
    expect(await response.json()).toEqual({ ok: false, error: 'privacy_guard_blocked' });
  });

  // ---- issue 11: false blocks, each reproduced first

  it('is not blocked by private notes of one ordinary word', async () => {
    const { sent, call, scope } = setup(HR);
    for (const note of ['work', 'hours', 'Monday', 'true']) scope.rememberExact(EMPLOYEE, note);
    await call('chat.postMessage', {
      channel: 'CHR',
      text: 'New request: work hours change from Monday, starts true to plan',
      blocks: section('New request: *work hours* change from Monday'),
    });
    expect(readable(sent[0]?.body ?? '')).toContain('work hours');
    expect(readable(sent[0]?.body ?? '')).not.toContain(HELD_BACK_TEXT.toLowerCase());
  });

  it('still holds back specific private notes: a doctor’s name, a place nobody else would write', async () => {
    const { sent, call, scope } = setup(HR);
    scope.rememberExact(EMPLOYEE, 'Dr. Okonkwo-Reyes');
    scope.rememberExact(EMPLOYEE, 'Harborlight');
    await call('chat.postMessage', { channel: 'CHR', text: 'Her note mentions Okonkwo-Reyes, Dr.' });
    await call('chat.postMessage', { channel: 'CHR', text: 'pick up at harborlight at 6' });
    for (const { body } of sent) {
      expect(readable(body)).not.toMatch(/okonkwo|harborlight/);
      expect(readable(body)).toContain(HELD_BACK_TEXT.toLowerCase());
    }
  });

  it('lets the export through when a private note’s words were also released in an earlier request', async () => {
    const { sent, guarded, scope } = setup(EMPLOYEE);
    scope.rememberExact(EMPLOYEE, 'Marisol covers the Harborlight gardens account on Tuesdays');
    scope.rememberReleased(
      EMPLOYEE,
      'I will be out Tuesday evenings; Marisol covers the Harborlight gardens account on Tuesdays.',
    );
    const form = new FormData();
    form.append(
      'file',
      new Blob([
        JSON.stringify({ statementOfNeed: 'Marisol covers the Harborlight gardens account on Tuesdays' }),
      ]),
      'my-accommodation-data.json',
    );
    const response = await runInPrivacyScope(scope, () =>
      guarded('http://127.0.0.1:1/upload/F1', { method: 'POST', body: form }),
    );
    expect(sent).toHaveLength(1);
    expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
  });

  it('reads JSON in a file as its strings: a statement ending in "trauma" before the key "history" is fine', async () => {
    const { sent, guarded, scope } = setup(EMPLOYEE);
    const form = new FormData();
    const data = { statementOfNeed: 'I am recovering from a car accident and the trauma', history: [] };
    form.append('file', new Blob([JSON.stringify(data, null, 2)]), 'my-accommodation-data.json');
    await runInPrivacyScope(scope, () =>
      guarded('http://127.0.0.1:1/upload/F1', { method: 'POST', body: form }),
    );
    expect(sent).toHaveLength(1);
  });

  it('runs the detector on a modal opened for HR, even on words nobody registered', async () => {
    const hr = setup(HR);
    await hr.call('views.open', {
      trigger_id: 't',
      view: { type: 'modal', blocks: section('Statement: I live with dysthymia and see Dr Abernathy-Cole') },
    });
    expect(readable(hr.sent[0]?.body ?? '')).not.toMatch(/dysthymia|abernathy/);
    expect(readable(hr.sent[0]?.body ?? '')).toContain('held back');
  });

  it('judges a modal by its audience: HR’s is checked by the detector, the employee’s own shows their words', async () => {
    const hr = setup(EMPLOYEE);
    await sendingTo('hr', () =>
      hr.call('views.open', { trigger_id: 't', view: { type: 'modal', blocks: section('She takes Revia') } }),
    );
    expect(readable(hr.sent[0]?.body ?? '')).not.toContain('revia');
    const own = setup(EMPLOYEE);
    await sendingTo('employee', () =>
      own.call('views.open', { trigger_id: 't', view: { type: 'modal', blocks: section('I take Revia') } }),
    );
    expect(readable(own.sent[0]?.body ?? '')).toContain('revia');
  });

  it('counts every held-back call and says the count in the log line, without content', async () => {
    const counted: string[] = [];
    const logs: string[] = [];
    const logger = createLogger({
      level: 'info',
      scrub: (text) => text,
      stream: new Writable({
        write(chunk, _encoding, done) {
          logs.push(String(chunk));
          done();
        },
      }),
    });
    const guarded = createGuardedFetch({
      logger,
      baseFetch: async () => new Response('{"ok":true}'),
      counter: { add: async (method) => void counted.push(method) },
    });
    const post = (text: string) =>
      guarded('http://127.0.0.1:1/api/chat.postMessage', {
        method: 'POST',
        body: new URLSearchParams({ channel: 'C1', text }).toString(),
      });
    await post('her sertraline dose');
    await post('can we move standup?');
    await post('the rehab clinic called');
    expect(counted).toEqual(['chat.postMessage', 'chat.postMessage']);
    const lines = logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.heldBackCount)).toEqual([1, 2]);
    expect(logs.join('')).not.toMatch(/sertraline|rehab/);
  });
});

/**
 * An EAP coordinator who manages someone gets one Home tab, published under EAP's audience, with
 * a manager section in it. The guard judges a Home tab the strictest way whoever it is for, so
 * the manager section goes exactly when it would go to the manager on its own, and no further.
 */
describe('the outbound guard on an EAP Home tab with a manager section', () => {
  const audiences = ['eap', 'manager', 'employee', 'hr'] as const;
  const tabWithNote = (note: string) => {
    const [view] = told(1);
    if (!view) throw new Error('one view');
    const dashboard = eapDashboard([], {
      now: new Date('2026-03-20T15:00:00.000Z'),
      minGroup: 11,
      calendar: policy.calendar,
    });
    return eapHomeView(dashboard, managerHomeBlocks([{ ...view, teamNote: note as TeamNoteText }]));
  };

  it('lets the pattern and a released note for the team through, under EAP’s audience as under the manager’s', async () => {
    for (const audience of audiences) {
      const { sent, call } = setup(HR);
      await sendingTo(audience, () =>
        call('views.publish', { user_id: HR, view: tabWithNote('Robin covers the queue from 2:30.') }),
      );
      const body = readable(sent[0]?.body ?? '');
      expect(body, audience).toContain('working patterns you were told about');
      expect(body, audience).toContain('robin covers the queue from 2:30.');
      expect(body, audience).not.toContain(HELD_BACK_TEXT.toLowerCase());
    }
  });

  it('holds the whole tab back under EAP’s audience, as under the manager’s, if the section carried a health detail or someone’s private words', async () => {
    for (const note of [
      'She takes sertraline in the mornings.',
      'Dr. Quillfeather says\nthree nights a week',
    ]) {
      for (const audience of audiences) {
        const { sent, call } = setup(HR);
        await sendingTo(audience, () => call('views.publish', { user_id: HR, view: tabWithNote(note) }));
        const body = readable(sent[0]?.body ?? '');
        expect(body, audience).toContain(HELD_BACK_TEXT.toLowerCase());
        expect(body, audience).not.toMatch(/sertraline|quillfeather/);
        expect(body, audience).not.toContain('accommodation tracking');
      }
    }
  });
});
