import { describe, expect, it } from 'vitest';
import { maskForModel } from '../../../src/privacy/mask.js';

describe('maskForModel', () => {
  it('keeps an ordinary work question as it is', () => {
    const question = 'Can I move my hours on Tuesdays and work remote in the afternoons?';
    expect(maskForModel(question)).toEqual({ text: question, maskedWords: 0, redactedDetails: 0 });
  });

  it('masks words the detector does not know, and redacts what it does', () => {
    const { text, maskedWords, redactedDetails } = maskForModel(
      'my hyperacusis is worse since Quillfeather changed my Zoloft, can I start at 10?',
    );
    expect(text).not.toMatch(/hyperacusis|quillfeather|zoloft/i);
    expect(text).toContain('can I start at 10?');
    expect(maskedWords).toBe(2);
    expect(redactedDetails).toBe(1);
  });

  it('gives the same word the same placeholder and leaves the redactor’s placeholders whole', () => {
    const { text } = maskForModel('Harborlight says Harborlight is fine, and my therapist agrees');
    expect(text).toBe('[word 1] says [word 1] is fine, and my [health detail 1] agrees');
  });

  it('sees through disguises before masking', () => {
    const { text } = maskForModel('Ｈａｒｂｏｒ\u200blight and Z\u043eloft');
    expect(text).not.toMatch(/harbor|loft/i);
  });

  it('keeps the app’s own vocabulary and words it is told to keep', () => {
    expect(maskForModel('Does FMLA cover intermittent PTO?').text).toBe('Does FMLA cover intermittent PTO?');
    expect(maskForModel('Is Kubernetes on-call covered?', { keep: ['kubernetes'] }).text).toBe(
      'Is Kubernetes on-call covered?',
    );
  });

  it('masks email and web addresses', () => {
    expect(maskForModel('write to j.doe@mail.example').text).not.toContain('j.doe');
  });
});
