import { describe, expect, it } from 'vitest';
import { createTopicIndex, loadKnowledge } from '../../../src/drafting/index.js';
import { describeFigures, loadQuestionSet, measure } from './retrieval-figures.js';

const index = createTopicIndex(loadKnowledge());

describe('the offline topic search on the held-out questions', () => {
  // Each set was measured once before it was seen (the README gives those first measures); sets 1 to
  // 6 were then in view while the rule was set, and on them it must keep what it reached, with no
  // answer on a wrong topic. A change that answers one of them wrongly fails here.
  it.each(['holdout1', 'holdout2', 'holdout3', 'holdout4', 'holdout5', 'holdout6'] as const)(
    '%s: no answer on a wrong topic, at least 90% reach the right topic',
    (name) => {
      const figures = measure(loadQuestionSet(name));
      const reached = figures.answeredRight + figures.reachedByButton;
      expect(figures.wrongAnswers, describeFigures(name, figures)).toBe(0);
      expect(reached / figures.onTopicQuestions, describeFigures(name, figures)).toBeGreaterThanOrEqual(0.9);
      expect(figures.offTopicDeclined).toBe(figures.offTopicQuestions);
      expect(figures.actionsOffered).toBe(figures.actionsAsked);
    },
  );

  // Set 7 was measured once before it was seen (90.5%, 3 wrong; README); one wrong answer is left.
  // This keeps it from getting worse.
  it('holdout7 (the figure to quote) does not fall below what it measures today', () => {
    const figures = measure(loadQuestionSet('holdout7'));
    const reached = figures.answeredRight + figures.reachedByButton;
    expect(figures.wrongAnswers, describeFigures('holdout7', figures)).toBeLessThanOrEqual(1);
    expect(reached, describeFigures('holdout7', figures)).toBeGreaterThanOrEqual(40);
    expect(figures.offTopicDeclined).toBe(figures.offTopicQuestions);
    expect(figures.actionsOffered).toBe(figures.actionsAsked);
  });

  it('each held-out set has at least 40 questions, some that no topic covers', () => {
    const names = [
      'holdout1',
      'holdout2',
      'holdout3',
      'holdout4',
      'holdout5',
      'holdout6',
      'holdout7',
    ] as const;
    for (const name of names) {
      const set = loadQuestionSet(name);
      expect(set.questions.length, name).toBeGreaterThanOrEqual(40);
      expect(set.questions.some((question) => question.topic === null)).toBe(true);
    }
  });
});

describe('the questions issue 14 quotes', () => {
  it.each([
    ['Can they fire me for asking?', 'retaliation'],
    ['Who can see my request?', 'who-sees-it'],
    ['What does HR need from my doctor?', 'medical-documentation'],
    ['Is this the same as taking leave?', 'leave-or-accommodation'],
    ['Can I get a copy of my letter?', 'your-letter-and-data'],
    ['What if my sessions move to mornings?', 'schedule-changes'],
    ['My program is only 8 weeks, is it worth asking?', 'temporary-and-extensions'],
    ["I'm a contractor, does this apply?", 'who-is-covered'],
    ['What if I relapse during the program?', 'relapse'],
  ])('"%s" is answered from %s', (question, topic) => {
    const found = index.search(question, 'us');
    expect(found.confident).toBe(true);
    expect(found.best?.id).toBe(topic);
  });

  it('does not start a request for a contractor who only asked whether it applies', () => {
    expect(index.search("I'm a contractor, does this apply?", 'us').action).toBeUndefined();
  });
});

describe('intents become actions', () => {
  it.each([
    ['my sessions moved', 'change', 'schedule-changes'],
    ['I need more time', 'extension', 'temporary-and-extensions'],
    ['withdraw', 'withdraw', 'withdrawing'],
    ['where is my request', 'status', 'request-status'],
    ['my group times are different now', 'change', 'schedule-changes'],
    ['the program put my sessions on new days', 'change', 'schedule-changes'],
    ['they are extending my program by three weeks', 'extension', 'temporary-and-extensions'],
    ['I need a few more weeks of the arrangement', 'extension', 'temporary-and-extensions'],
    ["I've changed my mind about the request", 'withdraw', 'withdrawing'],
    ['please stop my request', 'withdraw', 'withdrawing'],
    ['I want to drop my request', 'withdraw', 'withdrawing'],
    ["I'm ready to send it to HR", 'start', 'starting-a-request'],
  ])('"%s" offers %s', (message, action, topic) => {
    const found = index.search(message, 'us');
    expect(found).toMatchObject({ confident: true, action });
    expect(found.best?.id).toBe(topic);
  });

  // Someone afraid of losing the accommodation must never be handed a button that withdraws it.
  it.each([
    ['Does a slip cancel my request?', 'relapse'],
    ['will they cancel my accommodation if I relapse', 'relapse'],
    ['can my employer stop my accommodation?', undefined],
    ['Can I work different hours on group days?', undefined],
    ['where is my request kept, and who can read it?', undefined],
  ])('"%s" is a question, not a wish to withdraw or change', (question, topic) => {
    const found = index.search(question, 'us');
    expect(found.action).toBeUndefined();
    if (topic) expect(found).toMatchObject({ confident: true, best: { id: topic } });
  });
});

describe('a wish the words read as another topic', () => {
  // The search alone is sure of timelines ("decided") or refusals ("look at it again"): neither topic
  // is answered, both are offered, and the wish keeps its button.
  it.each([
    ['did my request go through?', 'status', 'request-status'],
    ['has HR decided yet?', 'status', 'request-status'],
    ['has HR looked at my request yet?', 'status', 'request-status'],
  ])('"%s" offers %s and its topic first, with no answer', (message, action, topic) => {
    const found = index.search(message, 'us');
    expect(found).toMatchObject({ confident: false, action });
    expect(found.closest[0]?.id).toBe(topic);
  });
});

describe('below the confidence rule', () => {
  it('offers the three closest topics, never nothing, for a question no topic covers', () => {
    for (const question of ['What’s the wifi password?', 'zzzz', '']) {
      const found = index.search(question, 'us');
      expect(found.confident, question).toBe(false);
      expect(found.closest, question).toHaveLength(3);
    }
  });
});

describe('a question with two topics in it', () => {
  it('is not answered from the topic that has only one of its most specific words', () => {
    // "refuse" points to a refusal of the request, "drug screen" to drug testing.
    const found = index.search('what if I refuse the drug test', 'us');
    expect(found.confident && found.best?.id === 'alternative-or-refusal').toBe(false);
    expect(found.closest.map((article) => article.id)).toContain('drug-testing');
  });
});

describe('health words in the question', () => {
  // A medicine's name is not in any article; it says what the person takes, not what they ask.
  const isHealthWord = (word: string) => /^(?:zubsolv|naltrexone)$/i.test(word);

  it('do not count against an answer when the privacy layer flags them', () => {
    const question = 'Do I have to tell HR my diagnosis if I take Zubsolv?';
    expect(index.search(question, 'us', { isHealthWord })).toMatchObject({
      confident: true,
      best: { id: 'disclosure' },
    });
    // Unflagged, the same unknown word weighs like the rarest, and the question is not answered.
    expect(index.search(question, 'us').confident).toBe(false);
  });

  it('still leave a question about something else unanswered', () => {
    const found = index.search('how do I submit a timesheet on naltrexone', 'us', { isHealthWord });
    expect(found.confident).toBe(false);
    expect(found.closest).toHaveLength(3);
  });
});

describe('synonyms and the employee’s country', () => {
  it('reads British and American words alike', () => {
    expect(index.search('could I get sacked for this', 'uk').best?.id).toBe('retaliation');
    expect(index.search('will my line manager see it', 'uk').best?.id).toBe('who-sees-it');
  });

  it('searches each country’s own part of an article', () => {
    // "Statutory Sick Pay" is only in the UK part of the leave article.
    const uk = index.search('statutory sick pay', 'uk');
    expect(uk.best?.id).toBe('leave-or-accommodation');
    expect(uk.confident).toBe(true);
    const us = index.search('statutory sick pay', 'us');
    expect(us.scores.find((score) => score.id === 'leave-or-accommodation')?.score ?? 0).toBeLessThan(
      uk.scores.find((score) => score.id === 'leave-or-accommodation')?.score ?? 0,
    );
  });
});
