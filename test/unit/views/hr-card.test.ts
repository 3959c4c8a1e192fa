import { describe, expect, it } from 'vitest';
import { availableActions } from '../../../src/domain/lifecycle/actions.js';
import { projectForHr } from '../../../src/domain/projections.js';
import { detectClinical } from '../../../src/privacy/clinical/index.js';
import { hrActionId, hrCardIds, hrRequestCard } from '../../../src/slack/views/hr-card.js';
import { canary, canaryWords, later, people, policy, requestIn } from '../domain/lifecycle/fixtures.js';
import { allText, blocksOf, expectValidMessage } from './support.js';

const anyHr = { role: 'hr', id: 'any-hr-member' } as const;

function cardIn(status: Parameters<typeof requestIn>[0], hoursLater = 1) {
  const { request, now } = requestIn(status);
  const at = later(now, hoursLater);
  const withWords = { ...request, sensitive: { ...request.sensitive, ...canaryWords } };
  return {
    request: withWords,
    card: hrRequestCard(projectForHr(withWords), availableActions(withWords, anyHr, at, policy), at),
  };
}

const buttonsOf = (card: ReturnType<typeof hrRequestCard>) =>
  (
    (blocksOf(card).find((b) => b.block_id === hrCardIds.actionsBlock)?.elements ?? []) as {
      text: { text: string };
    }[]
  ).map((e) => e.text.text);

describe('HR card', () => {
  it('names the reference, the employee, the status, assignee, received date, due date and age', () => {
    const { card, request } = cardIn('submitted', 24 * 3);
    expectValidMessage(card);
    const text = allText(card);
    expect(text).toContain(`Request ${request.id}`);
    expect(text).toContain(`<@${people.owner.id}> has asked for a change to their working hours.`);
    expect(text).toContain('*Status:* New, to acknowledge');
    expect(text).toContain('*Assignee:* nobody yet');
    expect(text).toContain('*Received:* Mar 2, 2026 (3 days ago)');
    // Two business days to acknowledge, and three days have passed: HR is late.
    expect(text).toContain('*Overdue* since Mar 4, 2026');
    expect(text).toContain('*Role constraints*');
  });

  it('carries exactly the buttons availableActions lists, each with the reference', () => {
    const { card, request } = cardIn('submitted');
    expect(buttonsOf(card)).toEqual(['Assign to me', 'Acknowledge', 'Add note', 'View request', 'History']);
    const block = blocksOf(card).find((b) => b.block_id === hrCardIds.actionsBlock);
    expect(block?.elements).toContainEqual(
      expect.objectContaining({ action_id: hrActionId('acknowledge'), value: request.id }),
    );
    expect(block?.elements).toContainEqual(
      expect.objectContaining({ action_id: hrCardIds.viewRequest, value: request.id }),
    );
  });

  it('offers the decisions once acknowledged, and says who handles it', () => {
    const { card } = cardIn('acknowledged');
    expect(buttonsOf(card)).toEqual(
      expect.arrayContaining([
        'Reassign',
        'Ask for documentation',
        'Offer an alternative',
        'Approve',
        'Deny',
        'History',
      ]),
    );
    expect(allText(card)).toContain(`*Assignee:* <@${people.hr.id}>`);
  });

  it('shows a paused clock as waiting on the employee, with no decision buttons', () => {
    const { card } = cardIn('documentation_requested');
    const text = allText(card);
    expect(text).toContain('Waiting on the employee');
    expect(text).toContain('HR’s clock is paused');
    expect(buttonsOf(card)).toContain('Documentation received');
    expect(buttonsOf(card)).not.toContain('Approve');
  });

  it('after a withdrawal shows the status and no decision buttons', () => {
    const { card } = cardIn('withdrawn');
    expect(allText(card)).toContain('*Status:* Withdrawn by the employee');
    expect(buttonsOf(card)).not.toContain('Approve');
    expect(buttonsOf(card)).not.toContain('Acknowledge');
  });

  it('never shows the reason or anything anyone typed, in any status', () => {
    for (const status of [
      'submitted',
      'acknowledged',
      'alternative_offered',
      'approved',
      'denied',
    ] as const) {
      const text = allText(cardIn(status).card);
      for (const typed of Object.values(canary)) expect(text).not.toContain(typed);
      expect(text).not.toMatch(/outpatient|treatment|medical|own words/i);
      expect(detectClinical(text)).toEqual([]);
    }
  });

  it('says whether the manager may be told', () => {
    const { request } = cardIn('submitted');
    const at = new Date('2026-03-03T15:00:00Z');
    const quiet = { ...request, disclosure: { ...request.disclosure, shareScheduleWithManager: false } };
    expect(allText(hrRequestCard(projectForHr(quiet), [], at))).toContain(
      'has not asked for their manager to be told',
    );
  });
});
