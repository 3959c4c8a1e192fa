import { describe, expect, it } from 'vitest';
import { detectClinical } from '../../../src/privacy/clinical/index.js';
import {
  helpMessage,
  STATUS_MAX_REQUESTS,
  statusListMessage,
  submittedMessage,
} from '../../../src/slack/views/messages.js';
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
    const message = statusListMessage({
      draft: { step: 'work', updatedAt: '2026-02-21T08:00:00.000Z' },
      requests: [
        { reference: 'ACC-2026-0042', status: 'submitted', startDate: '2026-03-02', endDate: '2027-01-10' },
      ],
    });
    expectValidMessage(message);
    const text = allText(message);
    expect(text).toContain('Step 2 of 5 · Your work today');
    expect(text).toContain('*ACC-2026-0042* · Sent to HR\\nMar 2, 2026 – Jan 10, 2027');
    expect(message.text).toBe('ACC-2026-0042: Sent to HR');
  });

  it('says kindly when there is nothing yet', () => {
    const message = statusListMessage({ requests: [] });
    expectValidMessage(message);
    expect(message.text).toBe('You haven’t sent a request yet.');
  });

  it('stays within a message’s 50 blocks with many requests', () => {
    const requests = Array.from({ length: 120 }, (_, n) => ({
      reference: `ACC-2026-${String(n + 1).padStart(4, '0')}`,
      status: 'closed' as const,
    }));
    const message = statusListMessage({ requests, draft: { step: 'schedule', updatedAt: '2026-02-21' } });
    expectValidMessage(message);
    expect(allText(message)).toContain(`…and ${120 - STATUS_MAX_REQUESTS} older ones.`);
  });
});
