import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Actor, Emulator, FillValue, RecordedCall } from '@accommodation-assistant/slack-emulator';

/**
 * Records one real journey through the app: the emulator's people act (as in the end-to-end
 * tests) and a proxy between Slack and the app keeps each request body and the app's answer.
 * Those bodies, with the person and trigger_id left to fill, are what the load generator sends;
 * the Web API calls the app made for each are what the bare Bolt baseline makes.
 */

export interface RecordedRequest {
  readonly body: string;
  readonly contentType: 'application/x-www-form-urlencoded' | 'application/json';
  readonly status: number;
  readonly answer: string;
}

export interface RecordedInteraction {
  readonly label: string;
  readonly request: RecordedRequest;
  readonly calls: RecordedCall[];
}

export interface Recorder {
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startRecorder(target: () => string): Promise<Recorder> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const forward = request(target(), { method: 'POST', headers: incoming.headers }, (answer) => {
        const answerChunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => answerChunks.push(chunk));
        answer.on('end', () => {
          const text = Buffer.concat(answerChunks).toString('utf8');
          requests.push({
            body,
            contentType: String(incoming.headers['content-type']).startsWith('application/json')
              ? 'application/json'
              : 'application/x-www-form-urlencoded',
            status: answer.statusCode ?? 0,
            answer: text,
          });
          outgoing.writeHead(answer.statusCode ?? 500, answer.headers);
          outgoing.end(text);
        });
      });
      forward.on('error', () => {
        outgoing.writeHead(502);
        outgoing.end();
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The request an action sent (not Slack's echo of the app's own posts), and the calls it caused. */
async function capture(
  emulator: Emulator,
  recorder: Recorder,
  label: string,
  act: () => Promise<unknown>,
): Promise<RecordedInteraction> {
  const fromRequest = recorder.requests.length;
  const fromCall = emulator.calls().length;
  await act();
  await emulator.settle();
  const sent = recorder.requests
    .slice(fromRequest)
    .find((r) => !(r.contentType === 'application/json' && r.body.includes('"bot_id"')));
  if (!sent) throw new Error(`Recording "${label}": the app received nothing.`);
  return { label, request: sent, calls: emulator.calls().slice(fromCall) };
}

/** The intake's first step, as the recorded person answers it. */
export const step1: Record<string, FillValue> = {
  'Days you have sessions': ['Monday', 'Wednesday', 'Thursday'],
  'Sessions start at': '17:30',
  'Sessions end at': '20:30',
  'Travel time each way': '45 minutes',
  'First day of sessions': '2027-01-04',
  'Or: number of weeks': '10',
  'How you attend': 'In person',
};

/** Steps 2 to 4 of the intake, from "Step 2 of 5" on screen to "Step 5 of 5" (the summary). */
export async function answerStepsTwoToFour(employee: Actor): Promise<void> {
  await employee.expect('Step 2 of 5');
  await employee.fill({
    'Days you usually work': ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
    'Your workday usually starts at': '09:00',
    'Your workday usually ends at': '17:30',
    'Anything about your role that affects timing': ['Recurring meetings I need to be in'],
  });
  await employee.submit();
  await employee.expect('Step 3 of 5');
  await employee.fill({
    'What would help': ['Leave early or start late on session days, and make up the hours'],
    'How your work would be covered':
      'I will start at 7:45 on session days and hand over anything urgent to Alex by 4:30.',
  });
  await employee.submit();
  await employee.expect('Step 4 of 5');
  await employee.fill({
    'How the reason is worded': "Don't name anything",
    'Should your manager be told the approved schedule?': 'Yes, tell my manager the approved days and hours',
    'May the EAP team see how your request is going?': 'Yes, they may see its status and dates',
    'Where do you work?': 'United States',
  });
  await employee.submit();
}

/** The employee's journey of test/e2e/scripts/journey.json, then HR's and the EAP's. */
export async function recordJourney(emulator: Emulator, recorder: Recorder): Promise<RecordedInteraction[]> {
  const employee = emulator.as('employee');
  const hr = emulator.as('hr');
  const eap = emulator.as('eap');
  const out: RecordedInteraction[] = [];
  out.push(await capture(emulator, recorder, 'home', () => employee.openHome()));
  out.push(await capture(emulator, recorder, 'command', () => employee.command('/accommodation')));
  await employee.expect('Your privacy, in plain words');
  await employee.click('I understand, continue');
  await employee.expect('Step 1 of 5');
  await employee.fill(step1);
  out.push(await capture(emulator, recorder, 'step', () => employee.submit()));
  await answerStepsTwoToFour(employee);
  await employee.expect('Step 5 of 5');
  out.push(await capture(emulator, recorder, 'send', () => employee.submit()));
  await employee.expect('Your request is saved, and HR will be told');
  await hr.expect('View request');
  out.push(await capture(emulator, recorder, 'hr', () => hr.click('View request')));
  out.push(await capture(emulator, recorder, 'eap', () => eap.openHome()));
  return out;
}

/** A question typed to the assistant in the app's DM: the interaction whose slow work is the model. */
export async function recordQuestion(emulator: Emulator, recorder: Recorder): Promise<RecordedInteraction> {
  return capture(emulator, recorder, 'question', () =>
    emulator.as('employee').message('How do I ask for flexible hours for my sessions?'),
  );
}
