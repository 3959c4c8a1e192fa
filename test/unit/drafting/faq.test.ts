import { describe, expect, it } from 'vitest';
import { loadPromptLibrary, matchFaq, parseFaq } from '../../../src/drafting/index.js';

const { faq } = loadPromptLibrary();

describe('the offline FAQ', () => {
  it.each([
    ['What can I ask for?', 'what-to-ask-for'],
    ['Do I have to tell them my diagnosis?', 'disclosure'],
    ['How long does HR take to reply?', 'timelines'],
    ['What if they say no?', 'if-they-say-no'],
    ['Will my manager know why?', 'manager'],
    ['What documentation will they want?', 'documentation'],
    ['Does FMLA cover this?', 'fmla'],
    ['Can I change my schedule later?', 'change-later'],
    ['How do I delete my data?', 'delete-data'],
    ['Could I get fired for asking?', 'retaliation'],
    ["I'm in the UK, does the Equality Act apply?", 'other-countries'],
    ['How do I start a request?', 'start-request'],
    ['what kind of flexible hours could i get', 'what-to-ask-for'],
    ["Do I need a doctor's note?", 'documentation'],
  ])('answers "%s" from the %s entry', (question, id) => {
    expect(matchFaq(faq, question).id).toBe(id);
  });

  it('gives the kind default answer when nothing matches', () => {
    const entry = matchFaq(faq, 'Is it going to rain on Thursday?');
    expect(entry.id).toBe('default');
    expect(entry.answer).toMatch(/HR/);
  });

  it('invites a request only where the answer does', () => {
    expect(matchFaq(faq, 'How do I start a request?').suggestsStartingRequest).toBe(true);
    expect(matchFaq(faq, 'Will my manager know?').suggestsStartingRequest).toBe(false);
  });

  it('keeps every answer short enough to read in a DM', () => {
    for (const entry of faq) expect(entry.answer.length, entry.id).toBeLessThan(700);
  });

  it('refuses a file whose entry lacks its parts, naming the entry', () => {
    expect(() =>
      parseFaq('## broken\nkeywords: a\n\nno start line\n## default\nkeywords:\nstart: no\n\nHi'),
    ).toThrow(/"broken"/);
    expect(() => parseFaq('## only\nkeywords: a\nstart: no\n\nText')).toThrow(/default/);
  });
});
