import { describe, expect, it } from 'vitest';
import { requestFromDraft } from '../../../src/domain/intake.js';
import { detectClinical } from '../../../src/privacy/clinical/index.js';
import { hrCardIds, hrRequestCard } from '../../../src/slack/views/hr-card.js';
import { fullDraft } from '../domain/intake-fixtures.js';
import { allText, blocksOf, expectValidMessage } from './support.js';

function fullRequest() {
  const result = requestFromDraft(fullDraft());
  if (!result.ok) throw new Error('fixture draft should be complete');
  return { id: 'ACC-2026-0042', employeeId: 'U024BE7LH', ...result.fields };
}

describe('HR card', () => {
  it('names the reference and the employee, within Slack’s message limits', () => {
    const card = hrRequestCard(fullRequest());
    expectValidMessage(card);
    expect(card.text).toBe('New accommodation request ACC-2026-0042 from <@U024BE7LH>');
    expect(allText(card)).toContain('<@U024BE7LH> has asked for a change to their working hours.');
  });

  it('shows the time needed with travel, in the employee’s time zone and country style, and the dates', () => {
    const text = allText(hrRequestCard(fullRequest()));
    // Sessions 15:00-18:00 with 30 minutes each way, Central time, Canadian style.
    expect(text).toContain(
      '*Time needed, travel included*\\nMondays, Wednesdays and Thursdays, 2:30 p.m. – 6:30 p.m. CT',
    );
    expect(text).toContain('*Dates*\\nMar 2 – May 10, 2026 (10 weeks)');
    expect(text).toContain('Leave early or start late, with make-up hours');
  });

  it('carries a "View request" button with the reference', () => {
    const card = hrRequestCard(fullRequest());
    const block = blocksOf(card).find((b) => b.block_id === hrCardIds.actionsBlock);
    expect(block?.elements).toEqual([
      expect.objectContaining({ action_id: hrCardIds.viewRequest, value: 'ACC-2026-0042' }),
    ]);
  });

  it('never shows the reason or anything the employee typed, even when handed the whole request', () => {
    const request = fullRequest();
    const text = allText(hrRequestCard(request));
    for (const typed of Object.values(request.sensitive)) expect(text).not.toContain(typed);
    expect(text).not.toMatch(/outpatient|treatment|medical|own words/i);
    expect(detectClinical(text)).toEqual([]);
  });

  it('says whether the manager may be told', () => {
    const request = fullRequest();
    expect(allText(hrRequestCard(request))).toContain('happy for their manager to be told');
    const quiet = { ...request, disclosure: { ...request.disclosure, shareScheduleWithManager: false } };
    expect(allText(hrRequestCard(quiet))).toContain('has not asked for their manager to be told');
  });
});
