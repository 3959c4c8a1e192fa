import { describe, expect, it } from 'vitest';
import { type CrisisCountry, crisisReply, detectCrisis } from '../../../src/privacy/crisis.js';

describe('detectCrisis', () => {
  it.each([
    'I want to kill myself',
    'been thinking about ending it all',
    "I don't want to be here anymore",
    'I don’t want to be here any more',
    'I might hurt myself tonight',
    'feeling suicidal again',
    'SUICIDAL',
    'everyone would be better off without me',
    'they would all be better off if I was gone',
    "my family would be better off if I wasn't around",
    'I just want to die',
    'I have a plan to end my life',
    'there is no reason to live',
    'I wish I could go to sleep and not wake up',
    'thinking of taking all my pills',
    'I keep having thoughts of self-harm',
    // issue 11: these got an ordinary answer
    'I keep thinking about ending it',
    'tengo ganas de morir',
    'ngl I want to kms',
    'I have SI again this week',
    'thinking of taking all my pills at once',
    "I don't see the point of going on",
    "can't go on like this and want to disappear",
    // disguised
    'I want to k\u200bill myself',
    'ｓｕｉｃｉｄａｌ again',
  ])('notices "%s"', (text) => {
    expect(detectCrisis(text)).toBe(true);
  });

  it.each([
    'this deadline is killing me',
    'kill the process and restart it',
    'I could die of embarrassment',
    'shoot me an email',
    "I'm dying to see the demo",
    'this meeting could have been an email, kill me now',
    'the cron job died again',
    'I nearly died laughing at the retro',
    'the suicide prevention training is mandatory for managers',
    'we should end the pilot and take the lessons',
    "I don't want to be here for the 8am meeting",
    'can we move standup to 10?',
    'the team would be better off if I was here for the launch',
    'the SI units are wrong in the physics module',
    'si, nos vemos el lunes',
    'we ran 5 kms at the charity run',
    "can't go on like this with flaky tests, let's fix CI",
    'I want to disappear into a cabin for the holidays',
    'me muero de risa con este meme',
    'ending it early today, see you tomorrow',
  ])('leaves "%s" alone', (text) => {
    expect(detectCrisis(text)).toBe(false);
  });
});

describe('crisisReply', () => {
  it('gives 988, call or text, in the US and Canada, with 911 for immediate danger', () => {
    for (const country of ['US', 'CA'] as const) {
      const reply = crisisReply(country);
      expect(reply).toContain('call or text *988*');
      expect(reply).toContain('*911*');
    }
  });

  it('gives Samaritans 116 123 in the UK, with 999 for immediate danger', () => {
    const reply = crisisReply('UK');
    expect(reply).toContain('Samaritans');
    expect(reply).toContain('*116 123*');
    expect(reply).toContain('*999*');
    expect(reply).not.toContain('988');
  });

  it('elsewhere, points to the local emergency number and findahelpline.com', () => {
    const reply = crisisReply('OTHER');
    expect(reply).toContain('local emergency number');
    expect(reply).toContain('findahelpline.com');
  });

  it('is short, warm and keeps the conversation open', () => {
    for (const country of ['US', 'CA', 'UK', 'OTHER'] satisfies CrisisCountry[]) {
      const reply = crisisReply(country);
      expect(reply.length).toBeLessThan(500);
      expect(reply).toContain('glad you told me');
      expect(reply).toContain('keep talking');
    }
  });
});
