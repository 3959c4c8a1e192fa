import { runScript } from '@accommodation-assistant/slack-emulator';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AccommodationRequest } from '../../src/domain/request.js';
import { type Harness, startHarness } from '../support/harness.js';
import { eventually, hrWorld, submitAs, submitStepsAs } from '../support/hr-world.js';
import { TEAM } from '../support/scripts.js';

/**
 * The letters HR's documentation request and denial send the employee: each arrives as a DM that
 * names no reason, with Open letter (the letter in a modal) and its PDF, like every other letter.
 * The Deny form asks what the denial letter needs under the request's law, and the letter's own
 * schema refuses a denial that lacks it, beside the field, before anything changes.
 */
describe('the provider form and the denial letter reach the employee', () => {
  let harness: Harness;
  const hrChannel = 'CHR';

  beforeAll(async () => {
    harness = await startHarness({
      env: { REDIS_URL: inject('redisUrl'), REDIS_KEY_PREFIX: `hrletters${process.pid}` },
      emulator: { directory: hrWorld },
    });
  });
  afterAll(async () => {
    await harness.stop();
  });

  const stored = async (id: string): Promise<AccommodationRequest> => {
    const request = await harness.app.services.store.requests.get(TEAM, id);
    if (!request) throw new Error(`${id} is not stored`);
    return request;
  };
  const employeeDms = () => {
    const dm = harness.emulator.workspace.openDm(harness.employee.user.id);
    return harness.calls('chat.postMessage').filter((c) => c.ok && c.args.channel === dm);
  };
  const dmSaying = (text: string) => employeeDms().filter((c) => String(c.args.text).includes(text));
  const cardIsUp = (id: string) =>
    harness
      .calls('chat.postMessage')
      .some((c) => c.ok && c.args.channel === hrChannel && String(c.args.text).includes(id));
  /** The Open letter button of the employee's DM about `text`, pressed. */
  const openLetterOf = async (text: string) => {
    const { employee } = harness;
    while (employee.topModal()) await employee.closeModal();
    employee.openMessages();
    const button = employee
      .rendered()
      .targets.find((t) => t.label === 'Open letter' && JSON.stringify(t).includes(text));
    if (!button) throw new Error(`no Open letter for “${text}”`);
    await employee.click(button);
  };
  const acknowledged = async () => {
    const request = await submitAs(harness, 'employee');
    await eventually(() => cardIsUp(request.id), 'the card');
    await harness.hr.click('Acknowledge');
    await eventually(async () => (await stored(request.id)).status === 'acknowledged', 'the acknowledgment');
    return request;
  };

  it('Ask for documentation: the provider form, with HR’s address, behind Open letter and as a PDF', async () => {
    const request = await acknowledged();
    const { hr, employee } = harness;
    await hr.click('Ask for documentation');
    await hr.fill({
      'Before you ask, please confirm': [
        'The need for this change is not obvious',
        'The need is not already documented (nothing on file covers it)',
      ],
    });
    await hr.submit();
    await eventually(
      () => dmSaying(`Here is the form for your provider, for ${request.id}`).length === 1,
      'the form',
    );
    const [dm] = dmSaying(`Here is the form for your provider, for ${request.id}`);
    expect(JSON.stringify(dm?.args.blocks)).toContain(`${request.id}|provider_verification`);

    await openLetterOf(`${request.id}|provider_verification`);
    await employee.expect('Form for your provider');
    const form = employee.screen();
    // Where the provider sends it, and only the schedule facts it confirms.
    expect(form).toContain('Please return to: hr@demo.example');
    expect(form).toContain('Employee’s authorization to release');
    expect(form).not.toMatch(/hand over anything urgent|Alex by 4:30/i);
    // The documentation request says where the form goes too.
    await openLetterOf(`${request.id}|documentation_request`);
    await employee.expect('Information needed for your accommodation request');
    await employee.expect('sent directly to HR at hr@demo.example');

    await openLetterOf(`${request.id}|provider_verification`);
    const uploads = harness.calls('files.completeUploadExternal').length;
    await employee.click('Get it as a PDF');
    await eventually(() => harness.calls('files.completeUploadExternal').length > uploads, 'the PDF');
    await employee.closeModal();
  }, 60_000);

  it('Deny under US law: leave and a vacant job must be weighed; the letter then has every part', async () => {
    const request = await acknowledged();
    const { hr, employee } = harness;
    await hr.click('Deny');
    await hr.expect('Why leave would not work');
    await hr.fill({
      Reason: 'It would remove an essential function of the job',
      Explanation: 'The evening data load needs you on site from 17:00',
      'Alternative considered 1': 'An earlier start on session days',
      'Why alternative 1 would not work': 'The data load only starts at 17:00.',
      'How to ask for reconsideration': 'Ask Jordan for a meeting, or reply to this letter',
    });
    await hr.submit();
    // The letter's law, beside the fields that answer it; nothing changed.
    await hr.expect('Please say why leave would not work: US law expects it weighed before a denial.');
    await hr.expect('Please say why a move to a vacant job would not work');
    expect((await stored(request.id)).status).toBe('acknowledged');

    await hr.fill({
      'Why leave would not work': 'You told us you would rather keep working',
      'Why a vacant job would not work': 'No vacant job has hours that fit',
    });
    await hr.submit();
    await eventually(async () => (await stored(request.id)).status === 'denied', 'the denial');
    await eventually(() => dmSaying(`HR has answered your request ${request.id}`).length === 1, 'the DM');
    const [dm] = dmSaying(`HR has answered your request ${request.id}`);
    const told = `${String(dm?.args.text)} ${JSON.stringify(dm?.args.blocks)}`;
    // The DM names no reason and quotes nobody: the letter holds it.
    expect(told).toContain(`${request.id}|denial`);
    expect(told).not.toMatch(/essential|data load|vacant|leave/i);

    await openLetterOf(`${request.id}|denial`);
    await employee.expect('HR’s decision');
    const letter = employee.screen();
    expect(letter).toContain('It would remove an essential function of your job. The evening data load');
    expect(letter).toContain(
      'Leave for the time you need away from work. You told us you would rather keep working.',
    );
    expect(letter).toContain('A move to a vacant job with hours that fit. No vacant job has hours that fit.');
    expect(letter).toContain('An earlier start on session days. The data load only starts at 17:00.');
    expect(letter).toContain('Ask Jordan for a meeting, or reply to this letter.');
    expect(letter).toMatch(/ask us to reconsider by \w+day, \w+ \d+, \d{4}/);
    expect(letter).toContain('We acknowledged it.');
    expect(letter).toContain('EEOC');
    expect(letter).not.toMatch(/outpatient|treatment|hand over anything urgent/i);
    const uploads = harness.calls('files.completeUploadExternal').length;
    await employee.click('Get it as a PDF');
    await eventually(() => harness.calls('files.completeUploadExternal').length > uploads, 'the PDF');
    await employee.closeModal();
  }, 60_000);
});

describe('a denial under UK law', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness({
      env: {
        REDIS_URL: inject('redisUrl'),
        REDIS_KEY_PREFIX: `hrlettersuk${process.pid}`,
      },
      emulator: { directory: hrWorld },
    });
  });
  afterAll(async () => {
    await harness.stop();
  });
  const stored = async (id: string): Promise<AccommodationRequest> => {
    const request = await harness.app.services.store.requests.get(TEAM, id);
    if (!request) throw new Error(`${id} is not stored`);
    return request;
  };

  it('needs the consultation date and the statutory ground, and the letter gives both', async () => {
    // The journey, as someone who works in the United Kingdom.
    const steps = submitStepsAs('employee').map((step) =>
      'fill' in step && step.fill['Where do you work?']
        ? { ...step, fill: { ...step.fill, 'Where do you work?': 'United Kingdom' } }
        : step,
    );
    await runScript(harness.emulator, steps, () => {});
    const { store } = harness.app.services;
    const [summary] = await store.requests.listByEmployee(TEAM, harness.employee.user.id);
    const request = await stored(summary?.id ?? '');
    expect((await store.requests.get(TEAM, request.id))?.disclosure.jurisdiction).toBe('uk');
    const { hr, employee } = harness;
    await eventually(
      () => harness.calls('chat.postMessage').some((c) => String(c.args.text).includes(request.id)),
      'the card',
    );
    await hr.click('Acknowledge');
    await eventually(
      async () => (await store.requests.get(TEAM, request.id))?.status === 'acknowledged',
      'the acknowledgment',
    );
    await hr.click('Deny');
    await hr.expect('Flexible working: the statutory ground');
    await hr.fill({
      Reason: 'Undue hardship',
      Explanation: 'Covering the late shift would need a second person we cannot recruit',
      'Alternative considered 1': 'Sharing the late shift with the team',
      'Why alternative 1 would not work': 'Nobody else is trained for it yet',
      'How to ask for reconsideration': 'Write to Jordan within 14 days',
    });
    await hr.submit();
    await hr.expect('Please give the date you consulted the employee');
    await hr.expect('Please choose the statutory ground for refusing the flexible working request.');
    expect((await store.requests.get(TEAM, request.id))?.status).toBe('acknowledged');

    const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    await hr.fill({
      'Date you consulted the employee': lastWeek,
      'Flexible working: the statutory ground': 'Unable to recruit additional staff',
    });
    await hr.submit();
    await eventually(
      async () => (await store.requests.get(TEAM, request.id))?.status === 'denied',
      'the denial',
    );
    const dm = harness.emulator.workspace.openDm(employee.user.id);
    await eventually(
      () =>
        harness
          .calls('chat.postMessage')
          .some(
            (c) => c.args.channel === dm && JSON.stringify(c.args.blocks).includes(`${request.id}|denial`),
          ),
      'the DM',
    );
    while (employee.topModal()) await employee.closeModal();
    employee.openMessages();
    const button = employee
      .rendered()
      .targets.find((t) => t.label === 'Open letter' && JSON.stringify(t).includes(`${request.id}|denial`));
    if (!button) throw new Error('no Open letter for the denial');
    await employee.click(button);
    await employee.expect('Decision on your request for reasonable adjustments');
    const letter = employee.screen();
    expect(letter).toMatch(/We met with you on \w+day \d+ \w+ \d{4} before making this decision/);
    expect(letter).toContain('We have to refuse it because we cannot recruit extra staff.');
    expect(letter).toContain('Acas');
    expect(letter).toContain('Write to Jordan within 14 days.');
  }, 60_000);
});
