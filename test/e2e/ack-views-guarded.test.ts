import { afterAll, beforeAll, expect, it } from 'vitest';
import { HELD_BACK_TEXT } from '../../src/privacy/guard.js';
import type { ViewSubmitArgs } from '../../src/slack/listeners/args.js';
import { forEmployee, forHr } from '../../src/slack/listeners/audience.js';
import { type Harness, startHarness } from '../support/harness.js';

/**
 * A view returned in a view_submission's ack (`response_action: update` or `push`) reaches Slack in
 * the HTTP response, not through the Web API client, so the outbound guard's transport never sees
 * it. It is judged all the same, for the audience of the listener that returned it: HR's form is
 * never replaced by one carrying a health detail, while the employee's own form may still show
 * them their own words. Two forms are added to the running app for this, as a listener that got it
 * wrong would build them; the app's own forms never do.
 */
let harness: Harness;
const clinical = 'Thanks. Noted that she takes Zoloft and sees Dr Okonkwo-Reyes on Mondays.';

const form = (callbackId: string, text: string) => ({
  type: 'modal' as const,
  callback_id: callbackId,
  title: { type: 'plain_text' as const, text: 'Test form' },
  submit: { type: 'plain_text' as const, text: 'Save' },
  blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text } }],
});

beforeAll(async () => {
  harness = await startHarness();
  const app = harness.app.app;
  for (const [who, wrap] of [
    ['hr', forHr],
    ['employee', forEmployee],
  ] as const) {
    for (const kind of ['form', 'push']) {
      app.shortcut(`test_open_${kind}_${who}`, async ({ ack, body, client }) => {
        await ack();
        await client.views.open({
          trigger_id: body.trigger_id,
          view: form(`test_${kind}_${who}`, 'A form.'),
        });
      });
    }
    app.view(
      `test_form_${who}`,
      wrap(async ({ ack }: ViewSubmitArgs) => {
        await ack({ response_action: 'update', view: form(`test_done_${who}`, clinical) });
      }),
    );
    app.view(
      `test_push_${who}`,
      wrap(async ({ ack }: ViewSubmitArgs) => {
        await ack({ response_action: 'push', view: form(`test_done_${who}`, clinical) });
      }),
    );
  }
});
afterAll(async () => {
  await harness.stop();
});

it('holds back a health detail in a view HR’s form is updated with, and counts it', async () => {
  const { hr } = harness;
  await hr.shortcut('test_open_form_hr');
  await hr.expect('A form.');
  await hr.submit();
  await hr.expect(HELD_BACK_TEXT);
  expect(hr.screen()).not.toContain('Zoloft');
  expect(hr.screen()).not.toContain('Okonkwo');
  expect(harness.logs()).toContain('"method":"ack.update"');
  expect(harness.logs()).not.toContain('Zoloft');
});

it('holds back a health detail in a view pushed over HR’s form', async () => {
  const { hr } = harness;
  await hr.shortcut('test_open_push_hr');
  await hr.expect('A form.');
  await hr.submit();
  await hr.expect(HELD_BACK_TEXT);
  expect(hr.screen()).not.toContain('Zoloft');
});

it('lets the employee’s own form be updated with what it says', async () => {
  const { employee } = harness;
  await employee.shortcut('test_open_form_employee');
  await employee.expect('A form.');
  await employee.submit();
  await employee.expect('Zoloft');
});
