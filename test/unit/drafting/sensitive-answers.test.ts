import { describe, expect, it } from 'vitest';
import { type AnswerResult, createDrafter } from '../../../src/drafting/index.js';
import { asked, canaryPrivacy } from './fixtures.js';

// Offline: what every employee gets when no model is configured, and what a model's answer must
// keep to. Each answer is read as the employee in that country reads it.
const drafter = createDrafter({ model: 'unused', timeoutMs: 1, maxRetries: 0, privacy: canaryPrivacy() });

async function answer(question: string, jurisdiction: 'us' | 'uk' | 'ca'): Promise<string> {
  const result: AnswerResult = await drafter.answerQuestion(asked(question, [], jurisdiction));
  if (result.kind !== 'answer') throw new Error(`"${question}" got the closest topics, not an answer`);
  return result.answer;
}

/** Words that blame or shame; none belongs in an answer to someone in treatment. */
const judging =
  /\b(fault|blame|failure|irresponsible|should have|shouldn't have|clean|dirty|addict|abuser|excuse)\b/i;

describe('a relapse', () => {
  it.each(['us', 'uk', 'ca'] as const)(
    'is met warmly, with the crisis lines and the request still standing (%s)',
    async (country) => {
      const text = await answer('What if I relapse during the program?', country);
      expect(text).toMatch(/does not undo/);
      expect(text).toMatch(/Be kind to yourself/);
      expect(text).toMatch(/request for time for treatment still stands/);
      expect(text).toMatch(/does not cancel it/);
      expect(text).toContain('988');
      expect(text).toContain('Samaritans on 116 123');
      expect(text).toMatch(/\bEAP\b/);
      expect(text).not.toMatch(judging);
    },
  );

  it('tells people in the US the line the law draws, and to talk to the EAP or a lawyer before work', async () => {
    const text = await answer('I slipped, will I lose my accommodation?', 'us');
    expect(text).toMatch(/protects people in treatment who are not using now/);
    expect(text).toMatch(/talk to the EAP or a lawyer before you\s+talk to work/);
  });
});

describe('drug testing', () => {
  it('in the US: current illegal use is not protected, treatment and completed treatment are, alcohol differs', async () => {
    const text = await answer('Can they drug test me now that I am in a program?', 'us');
    expect(text).toMatch(/use illegal drugs now are not protected/);
    expect(text).toMatch(/in treatment, or who have finished it, and who are not using now\s+are protected/);
    expect(text).toMatch(/Alcohol is\s+treated differently/);
    expect(text).toMatch(/alcohol test counts as a medical\s+test/);
    expect(text).toMatch(/Ask HR for the written testing policy/);
    expect(text).toMatch(/\bEAP\b/);
    expect(text).toMatch(/lawyer/);
    expect(text).not.toMatch(judging);
  });

  it('in the UK: only with consent or a contract term', async () => {
    const text = await answer('Can my employer drug test me?', 'uk');
    expect(text).toMatch(/only if your contract or policy says so, or you agree/);
    expect(text).not.toMatch(/ADA/);
  });

  it('in Canada: dependence is a disability, random testing is usually not allowed', async () => {
    const text = await answer('Can my employer drug test me?', 'ca');
    expect(text).toMatch(/counts as a disability/);
    expect(text).toMatch(/Random drug testing is usually\s+not allowed/);
  });
});

describe('retaliation', () => {
  it('in the US: asking is protected activity under the ADA, and so is FMLA leave', async () => {
    const text = await answer('Can they fire me for asking?', 'us');
    expect(text).toMatch(/"protected activity" under the ADA/);
    expect(text).toMatch(/FMLA/);
    expect(text).toMatch(/against the law/);
    expect(text).toMatch(/Keep notes/);
    expect(text).toMatch(/lawyer/);
  });

  it('in the UK: flexible working detriment and dismissal, victimisation, and Acas', async () => {
    const text = await answer('Can they fire me for asking?', 'uk');
    expect(text).toMatch(/flexible working\s+request, and a dismissal for it is\s+unfair/);
    expect(text).toMatch(/victimisation/);
    expect(text).toMatch(/Acas/);
    expect(text).not.toMatch(/\bADA\b|FMLA/);
  });

  it('in Canada: reprisal under human rights law and, federally, the Labour Code', async () => {
    const text = await answer('Can they fire me for asking?', 'ca');
    expect(text).toMatch(/reprisal/);
    expect(text).toMatch(/Labour Code/);
    expect(text).not.toMatch(/\bADA\b|FMLA/);
  });

  it('opens with reassurance, not a warning', async () => {
    expect(await answer('Can they fire me for asking?', 'us')).toMatch(
      /^It makes sense to worry about this\./,
    );
  });
});
