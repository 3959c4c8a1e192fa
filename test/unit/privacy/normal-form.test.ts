import { describe, expect, it } from 'vitest';
import { detectClinical, redactClinical } from '../../../src/privacy/clinical/index.js';
import { detectCrisis } from '../../../src/privacy/crisis.js';
import { normalForm, normalize, originalRange } from '../../../src/privacy/normal-form.js';
import { comparable } from '../../../src/privacy/scope.js';

describe('normal form', () => {
  it.each([
    ['Ｚｏｌｏｆｔ', 'Zoloft'],
    ['Pro\u200bzac', 'Prozac'],
    ['Z\u043eloft', 'Zoloft'],
    ['𝗭𝗼𝗹𝗼𝗳𝘁', 'Zoloft'],
    ['\u0405\u0435r\u043equ\u0435l', 'Seroquel'],
    ['\u03a7anax', 'Xanax'],
    ['Zol\u00adoft', 'Zoloft'],
    ['\u2066Zoloft\u2069', 'Zoloft'],
    ['depresión', 'depresion'],
    ['&lt;Zoloft&gt; &amp; more', '<Zoloft> & more'],
    ['d e p r e s s i o n', 'depression'],
    ['L-e-x-a-p-r-o', 'Lexapro'],
    ['been  sober\t for', 'been sober for'],
    ['I’m — fine', "I'm - fine"],
  ])('reads %j as %j', (text, expected) => {
    expect(normalize(text)).toBe(expected);
  });

  it('leaves ordinary text, short letter runs and line breaks alone', () => {
    expect(normalize('plan a b c at 9\nthen lunch')).toBe('plan a b c at 9\nthen lunch');
  });

  it('maps every character back to the original, invisible ones included', () => {
    const text = 'on Pro\u200bzac now';
    const form = normalForm(text);
    const at = form.text.indexOf('Prozac');
    expect(originalRange(form, at, at + 'Prozac'.length)).toEqual([3, 10]);
  });

  it('compares secrets in the same form', () => {
    expect(comparable('Ｈａｒｂｏｒ\u200blight &amp; Co')).toBe('harborlight & co');
  });
});

describe('the detector reads the normal form', () => {
  it.each([
    'my doctor put me on Ｚｏｌｏｆｔ last month',
    'Pro\u200bzac makes me sleepy',
    'Z\u043eloft makes me sleepy',
    'the \u0405\u0435r\u043equ\u0435l makes mornings slow',
    'my &lt;Zoloft&gt; dose changed',
  ])('finds the detail in %j', (text) => {
    expect(detectClinical(text).length).toBeGreaterThan(0);
  });

  it('redacts the whole original span, leaving no invisible or look-alike remnant', () => {
    const { text } = redactClinical('Pro\u200bzac and Z\u043eloft and Ｚｏｌｏｆｔ');
    expect(text).not.toMatch(/zac|loft|ｌｏｆｔ|\u200b/i);
  });

  it('finds crisis language in disguise', () => {
    expect(detectCrisis('I want to k\u200bill myself')).toBe(true);
    expect(detectCrisis('ｓｕｉｃｉｄａｌ again')).toBe(true);
  });
});
