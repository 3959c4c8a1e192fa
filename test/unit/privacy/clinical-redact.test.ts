import { describe, expect, it } from 'vitest';
import { redactClinical } from '../../../src/privacy/clinical/index.js';

describe('redactClinical', () => {
  it('replaces each detail with a numbered placeholder', () => {
    expect(redactClinical('my IOP group is at 9 and my therapist is at 4').text).toBe(
      'my [health detail 1] is at 9 and my [health detail 2] is at 4',
    );
  });

  it('gives the same detail the same number, whatever its case', () => {
    const { text } = redactClinical('Zoloft in the morning, lexapro at night, then zoloft again');
    expect(text).toBe(
      '[health detail 1] in the morning, [health detail 2] at night, then [health detail 1] again',
    );
  });

  it('replaces a named treatment place as a whole', () => {
    expect(redactClinical("I'll be at Riverside Recovery Center until noon").text).toBe(
      "I'll be at [health detail 1] until noon",
    );
  });

  it('numbers afresh on each call', () => {
    redactClinical('Zoloft and Lexapro');
    expect(redactClinical('Lexapro').text).toBe('[health detail 1]');
  });

  it('reports spans as positions in the original text', () => {
    const original = 'Need 9-12 free for IOP, my sponsor says hi';
    const { spans } = redactClinical(original);
    expect(spans.map((span) => original.slice(span.start, span.end))).toEqual(['IOP', 'sponsor']);
  });

  it('leaves text without clinical detail untouched', () => {
    const original = 'can we move standup to 10 on tuesdays?';
    expect(redactClinical(original)).toEqual({ text: original, spans: [] });
  });

  it('uses a custom placeholder', () => {
    expect(redactClinical('on Adderall and Xanax', { placeholder: (n) => `<${n}>` }).text).toBe(
      'on <1> and <2>',
    );
  });

  it('redacts known private strings the lexicon would not flag, in any case', () => {
    const known = ['Riverside Wellness Clinic', 'Tuesday group'];
    const original = 'I go to riverside wellness clinic for my TUESDAY GROUP';
    const { text, spans } = redactClinical(original, { known });
    expect(text).toBe('I go to [health detail 1] for my [health detail 2]');
    expect(spans.map((span) => original.slice(span.start, span.end))).toEqual([
      'riverside wellness clinic',
      'TUESDAY GROUP',
    ]);
  });

  it('matches known strings as whole words only, and ignores blank ones', () => {
    const { text } = redactClinical('NAME: Sam, NA meeting later', { known: ['na', '  ', ''] });
    expect(text).toBe('NAME: Sam, [health detail 1] later');
  });

  it('joins known strings that overlap detector hits into one placeholder', () => {
    const { text, spans } = redactClinical('my Suboxone clinic on Main St', {
      known: ['suboxone clinic on main'],
    });
    expect(text).toBe('my [health detail 1] St');
    expect(spans).toHaveLength(1);
    expect(spans[0]?.category).toBe('treatment');
  });
});
