import { describe, expect, it } from 'vitest';
import { CLOSEST_TOPICS_TEXT } from '../../../src/drafting/index.js';
import {
  answerMessage,
  assistantIds,
  EXTENSION_ANSWERS,
  NOT_IN_APP_YET,
  offerBlocks,
} from '../../../src/slack/views/assistant.js';
import { employeeEventIds } from '../../../src/slack/views/employee-event.js';
import { myRequestIds } from '../../../src/slack/views/my-requests.js';

const json = (value: unknown) => JSON.stringify(value);
const sent = {
  reference: 'ACC-2026-0007',
  status: 'submitted' as const,
  submittedAt: '2026-03-01T10:00:00Z',
  startDate: '2026-03-02',
  endDate: '2026-05-29',
  actionIds: ['view_request', 'withdraw'] as const,
};
/** The same request once HR's answer is overdue: `availableActions` now lists the update. */
const overdue = { ...sent, actionIds: ['view_request', 'withdraw', 'request_update'] as const };

describe('the assistant’s buttons', () => {
  it('closest topics: one button per topic, each with its own id and the topic as value', () => {
    const message = answerMessage({
      kind: 'topics',
      answer: CLOSEST_TOPICS_TEXT,
      source: 'offline',
      topics: [
        { id: 'what-to-ask-for', title: 'What can I ask for?' },
        { id: 'who-sees-it', title: 'Who sees my request?' },
        { id: 'disclosure', title: 'Do I have to say why?' },
      ],
    });
    const buttons = message.blocks.flatMap((block) => (block.type === 'actions' ? block.elements : []));
    expect(buttons.map((button) => ('action_id' in button ? button.action_id : ''))).toEqual([
      ...assistantIds.topics,
    ]);
    expect(buttons.map((button) => ('value' in button ? button.value : ''))).toEqual([
      'what-to-ask-for',
      'who-sees-it',
      'disclosure',
    ]);
  });

  it('an answer offers the other close topics under it, so an answer on the wrong topic is one click from the right one', () => {
    const message = answerMessage({
      kind: 'answer',
      answer: 'It makes sense to worry about this.',
      source: 'offline',
      article: { id: 'retaliation', title: 'Can they punish me for asking?', reviewed: '2026-12-01' },
      related: [
        { id: 'who-sees-it', title: 'Who sees my request?' },
        { id: 'alternative-or-refusal', title: 'If they say no' },
      ],
    });
    const related = message.blocks.filter((block) => block.type === 'actions');
    expect(related).toHaveLength(1);
    const buttons = related.flatMap((block) => (block.type === 'actions' ? block.elements : []));
    expect(buttons.map((button) => ('value' in button ? button.value : ''))).toEqual([
      'who-sees-it',
      'alternative-or-refusal',
    ]);
    expect(buttons.map((button) => ('action_id' in button ? button.action_id : ''))).toEqual(
      assistantIds.topics.slice(0, 2),
    );
    expect(json(message.blocks)).toContain('Not what you asked?');
  });

  it('status lists the requests and offers an update only when availableActions lists it (HR is late)', () => {
    const blocks = json(offerBlocks({ kind: 'status', requests: [overdue], hasDraft: false }));
    expect(blocks).toContain('ACC-2026-0007* · Sent to HR');
    expect(blocks).toContain(myRequestIds.askForUpdate);
    const onTime = json(offerBlocks({ kind: 'status', requests: [sent], hasDraft: false }));
    expect(onTime).toContain('ACC-2026-0007* · Sent to HR');
    expect(onTime).not.toContain(myRequestIds.askForUpdate);
  });

  it('withdraw opens the Home tab’s confirmation, and says so when there is nothing to withdraw', () => {
    expect(json(offerBlocks({ kind: 'withdraw', open: ['ACC-2026-0007'], hasDraft: false }))).toContain(
      myRequestIds.withdrawRequest,
    );
    expect(json(offerBlocks({ kind: 'withdraw', open: [], hasDraft: false }))).toContain(
      'no open request to withdraw',
    );
  });

  it('a changed schedule: "Change your draft" for a draft; plain words and an update button for a sent request', () => {
    const draft = json(offerBlocks({ kind: 'change', hasDraft: true, pending: [], askable: [] }));
    expect(draft).toContain('Change your draft');
    expect(draft).toContain(assistantIds.startRequest);
    const pending = json(
      offerBlocks({
        kind: 'change',
        hasDraft: false,
        pending: ['ACC-2026-0007'],
        askable: ['ACC-2026-0007'],
      }),
    );
    expect(pending).toContain(NOT_IN_APP_YET.change.slice(0, 40));
    expect(pending).toContain(myRequestIds.askForUpdate);
    expect(pending).not.toContain(assistantIds.startRequest);
    const onTime = json(
      offerBlocks({ kind: 'change', hasDraft: false, pending: ['ACC-2026-0007'], askable: [] }),
    );
    expect(onTime).toContain(NOT_IN_APP_YET.change.slice(0, 40));
    expect(onTime).not.toContain(myRequestIds.askForUpdate);
  });

  it('an extension before approval says when it can be asked for, and offers the update once HR is late', () => {
    const blocks = json(
      offerBlocks({
        kind: 'extension',
        hasDraft: false,
        pending: ['ACC-2026-0007'],
        askable: ['ACC-2026-0007'],
        extendable: [],
      }),
    );
    expect(blocks).toContain(EXTENSION_ANSWERS.notYetApproved.slice(0, 40));
    expect(blocks).toContain(myRequestIds.askForUpdate);
    expect(blocks).not.toContain(employeeEventIds.askForExtension);
  });

  it('an extension of an approved arrangement offers "Ask for an extension" for it', () => {
    const blocks = json(
      offerBlocks({
        kind: 'extension',
        hasDraft: false,
        pending: ['ACC-2026-0007'],
        askable: [],
        extendable: ['ACC-2026-0007'],
      }),
    );
    expect(blocks).toContain(EXTENSION_ANSWERS.canAsk.slice(0, 40));
    expect(blocks).toContain(employeeEventIds.askForExtension);
    expect(blocks).toContain('Ask for an extension of ACC-2026-0007');
  });

  it('an answer names its topic and the date it was checked', () => {
    const message = answerMessage({
      kind: 'answer',
      answer: 'It makes sense to worry about this.',
      source: 'offline',
      article: { id: 'retaliation', title: 'Can they punish me for asking?', reviewed: '2026-11-30' },
    });
    expect(json(message.blocks)).toContain(
      'From our guide: *Can they punish me for asking?* (checked Nov 30, 2026)',
    );
  });
});
