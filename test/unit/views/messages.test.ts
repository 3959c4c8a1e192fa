import { describe, expect, it } from 'vitest';
import { detectClinical } from '../../../src/privacy/clinical/index.js';
import { helpMessage, statusListMessage, submittedMessage } from '../../../src/slack/views/messages.js';
import { myRequestOf } from '../../../src/workflows/my-requests.js';
import { pathTo, people, policy, walk } from '../domain/lifecycle/fixtures.js';
import { allText, expectValidMessage } from './support.js';

describe('DM messages', () => {
  it('confirms a submitted request with its reference and next steps, naming no reason', () => {
    const message = submittedMessage({ reference: 'ACC-2026-0042', replyWithinDays: 5 });
    expectValidMessage(message);
    const text = allText(message);
    expect(message.text).toBe('Your request ACC-2026-0042 is saved, and HR will be told about it.');
    expect(text).toContain('usually within 5 working days');
    expect(text).toContain('/accommodation status');
    expect(text).not.toMatch(/treatment|outpatient|program|medical/i);
    expect(detectClinical(text)).toEqual([]);
  });

  it('lists every command in the help', () => {
    const message = helpMessage();
    expectValidMessage(message);
    for (const command of ['help', 'new', 'status', 'delete-my-data']) {
      expect(allText(message)).toContain(`/accommodation ${command}`);
    }
    expect(detectClinical(allText(message))).toEqual([]);
  });

  it('lists requests with their status, and the draft if there is one', () => {
    const { request, now } = walk(pathTo.submitted);
    const message = statusListMessage({
      draft: { step: 'work', updatedAt: '2026-02-21T08:00:00.000Z' },
      requests: [myRequestOf(request, people.owner, now, policy)],
    });
    expectValidMessage(message);
    const text = allText(message);
    expect(text).toContain('Step 2 of 5 · Your work today');
    expect(text).toContain(`*${request.id}* · Sent to HR\\nMar 16 – Jun 5, 2026`);
    expect(message.text).toBe(`${request.id}: Sent to HR`);
  });

  it('says kindly when there is nothing yet', () => {
    const message = statusListMessage({ requests: [] });
    expectValidMessage(message);
    expect(message.text).toBe('You haven’t sent a request yet.');
  });
});
