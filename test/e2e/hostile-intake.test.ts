import {
  type Json,
  runScript,
  type Step,
  type StoredView,
  viewSubmissionPayload,
} from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Harness, startHarness } from '../support/harness.js';
import { loadScript, TEAM } from '../support/scripts.js';

/**
 * Every text field of the intake, given each hostile text a person (or a forged request) can put
 * there: mentions and links, Handlebars, 40,000 characters, emoji, right-to-left and zero-width
 * characters, NUL bytes. Each is refused (with a message beside the field, or as a forged request
 * for a NUL byte) or kept; and once the request goes to HR, nothing anyone sees pings anyone or
 * shows a template evaluated. That the saved draft stays as it was after a refusal is a known
 * defect, marked below.
 */

const MENTIONS = ['<!channel>', '<!here>', '<!everyone>', '<@U0HOSTILE>', '<!subteam^S0HOSTILE>'];
const LINK = '<https://evil.example|your letter>';
const hostileTexts: readonly string[] = [
  ...MENTIONS.map((mention) => `Please ${mention} read this`),
  `See ${LINK} today`,
  'HB{{employeeName}}HB and HB{{#each this}}x{{/each}}HB and HB{{{companyName}}}HB',
  'x'.repeat(40_000),
  'Leaving at 4 🙂👩🏽‍💻 on Tuesdays',
  'שלום \u202Eevil\u202C مرحبا',
  'zero\u200Bwidth\u200Cjoin\u200Dand\uFEFFbom',
  'nul\u0000byte\u0000',
];
/** Everything at once, for the request that goes to HR. */
const ALL_AT_ONCE = `I can hand over to Priya. ${MENTIONS.join(' ')} ${LINK} HB{{employeeName}}HB nul\u0000 \u202Eevil\u202C`;

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({
    env: { REDIS_URL: inject('redisUrl'), REDIS_KEY_PREFIX: `intake${process.pid}` },
  });
  const steps = loadScript('journey.json');
  const end = steps.findIndex((step) => 'expect' in step && step.expect === 'Step 5 of 5');
  await runScript(harness.emulator, steps.slice(0, end + 1) as Step[], () => {});
}, 60_000);

afterAll(async () => {
  await harness?.stop();
});

/** The saved draft's content; when it was last saved (`updatedAt`) is not content. */
const draft = async () => {
  const saved = (await harness.app.services.store.conversations.get(TEAM, harness.employee.user.id))?.draft;
  return JSON.stringify(saved ? { ...saved, updatedAt: undefined } : saved);
};

/** The text inputs of a form, by block and action id. */
function textInputs(view: StoredView): { block: string; action: string; label: string }[] {
  const blocks = (view.definition.blocks ?? []) as Json[];
  return blocks.flatMap((block) => {
    const element = block.element as Json | undefined;
    if (block.type !== 'input' || !['plain_text_input', 'number_input'].includes(String(element?.type)))
      return [];
    const label = (block.label as Json | undefined)?.text;
    return [{ block: String(block.block_id), action: String(element?.action_id), label: String(label) }];
  });
}

/** Sends `view` as submitted, with one field's value replaced. */
async function submitWith(view: StoredView, block: string, action: string, value: string) {
  const values = structuredClone(view.values);
  const type = values[block]?.[action]?.type ?? 'plain_text_input';
  values[block] = { ...values[block], [action]: { type, value } };
  const { emulator, employee } = harness;
  const delivery = await emulator.sendInteractive(
    viewSubmissionPayload({
      workspace: emulator.workspace,
      user: employee.user,
      triggerId: emulator.workspace.mintTrigger(employee.user.id),
      view: { ...view, values },
    }),
  );
  // A submission's answer comes after its draft is saved: nothing to wait for.
  return delivery;
}

const outcomes = { refused: 0, forged: 0, kept: 0 };
/** Refused fields after which the saved draft was not as before. */
const lostOnRefusal: string[] = [];
const shortly = (text: string) =>
  text.length > 40 ? `${text.slice(0, 20)}… (${text.length} characters)` : JSON.stringify(text);

/** Every mrkdwn string in a Web API call's arguments: `text`, and `text` of mrkdwn objects. */
function mrkdwnIn(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return key === 'text' ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => mrkdwnIn(item));
  if (typeof value !== 'object' || value === null) return [];
  const object = value as Json;
  if (object.type === 'plain_text') return [];
  return Object.entries(object).flatMap(([inner, item]) => mrkdwnIn(item, inner));
}

describe('each hostile text in each text field of the intake', () => {
  const forms: [string, string][] = [
    ['Change sessions', 'sessions'],
    ['Change work hours', 'work hours'],
    ['Change what would help', 'what would help'],
    ['Change what’s shared', 'what’s shared'],
    ['Edit wording', 'the wording'],
  ];

  it.each(forms)(
    '%s: each hostile text refused with a message, or kept',
    async (button) => {
      const { employee } = harness;
      await employee.click(button);
      const view = employee.topModal();
      if (!view) throw new Error('no form opened');
      try {
        for (const field of textInputs(view)) {
          for (const text of hostileTexts) {
            const before = await draft();
            const delivery = await submitWith(view, field.block, field.action, text);
            if (delivery.status === 400) {
              // Refused as a forged request (a NUL byte: Slack never sends one); nothing read.
              outcomes.forged += 1;
              expect(await draft()).toBe(before);
              continue;
            }
            expect(delivery.status).toBe(200);
            const answer = delivery.body ? (JSON.parse(delivery.body) as Json) : {};
            if (answer.response_action === 'errors') {
              outcomes.refused += 1;
              const errors = answer.errors as Record<string, string>;
              // A message a person can act on, beside a field of this form; and nothing saved lost.
              expect(Object.values(errors).join(' ').length).toBeGreaterThan(10);
              const after = await draft();
              if (after !== before) lostOnRefusal.push(`${field.label}: ${shortly(text)}`);
            } else {
              outcomes.kept += 1;
              expect(await draft()).not.toContain('\\u0000');
            }
          }
        }
      } finally {
        // Back to the review for the next form.
        while (employee.topModal()) await employee.closeModal();
        await employee.command('/accommodation', 'new');
        await employee.expect('Step 5 of 5');
      }
    },
    120_000,
  );

  // A refused field keeps its saved value (a refused "number of weeks" used to clear the saved end
  // date; a refused 40,000 characters replaced the saved note).
  it('a refused field leaves the saved draft as it was', () => {
    expect(lostOnRefusal).toEqual([]);
  });

  it('the request that reaches HR pings nobody and evaluates nothing', async () => {
    const { employee, emulator } = harness;
    await employee.click('Change what would help');
    const help = employee.topModal();
    if (!help) throw new Error('no form opened');
    for (const field of textInputs(help)) await submitWith(help, field.block, field.action, ALL_AT_ONCE);
    await employee.command('/accommodation', 'new');
    await employee.expect('Step 5 of 5');
    const from = harness.calls().length;
    await employee.submit();
    await employee.expect('Your request is saved, and HR will be told');
    await harness.hr.expect('View request');
    await harness.hr.click('View request');
    await emulator.settle();
    // Slack reads mentions and links in mrkdwn (a message's text, mrkdwn blocks), never in
    // plain_text (a letter shown in a modal shows them literally).
    const seen = harness
      .calls()
      .slice(from)
      .flatMap((call) => mrkdwnIn(call.args));
    expect(seen.length).toBeGreaterThan(2);
    for (const text of seen) {
      for (const raw of [...MENTIONS, '<https://evil.example']) expect(text).not.toContain(raw);
      expect(text).not.toMatch(/HBSam|HBHB|HBDemo/);
      expect(text).not.toContain('\u0000');
    }
    process.stdout.write(
      `intake fields: ${outcomes.refused} hostile inputs refused with a message, ` +
        `${outcomes.forged} refused as forged (400), ${outcomes.kept} kept\n`,
    );
  }, 60_000);
});
