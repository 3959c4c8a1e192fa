import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The fonts letters are printed in, shipped by npm packages (never downloaded at run time), both
 * under the SIL Open Font License: Noto Sans for Latin, Greek, Cyrillic and Vietnamese ("Zoë
 * Nguyễn", "Łukasz"), and Noto Sans CJK (Simplified Chinese) for Han, kana and CJK punctuation
 * ("王芳"). The CJK font is large, so a letter loads it only when its text needs it.
 */

// The packages export only their index; their fonts sit in fonts/ beside its dist/ folder.
const require = createRequire(import.meta.url);
const fontsOf = (name: string) => join(dirname(require.resolve(name)), '..', 'fonts');

export const letterFonts = {
  regular: join(fontsOf('@embedpdf/fonts-latin'), 'NotoSans-Regular.ttf'),
  bold: join(fontsOf('@embedpdf/fonts-latin'), 'NotoSans-Bold.ttf'),
  cjkRegular: join(fontsOf('@embedpdf/fonts-sc'), 'NotoSansHans-Regular.otf'),
  cjkBold: join(fontsOf('@embedpdf/fonts-sc'), 'NotoSansHans-Bold.otf'),
} as const;

/** Han, kana, Hangul, CJK punctuation and full-width forms: printed in the CJK font. */
const cjkScript =
  /[\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3100-\u312F\u31A0-\u31FF\u3200-\u32FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]|[\u{20000}-\u{2FA1F}]/u;

export interface TextRun {
  readonly text: string;
  readonly cjk: boolean;
}

/** Splits text into runs of one script family, so each run can be set in a font that has it. */
export function scriptRuns(text: string): TextRun[] {
  const runs: TextRun[] = [];
  for (const char of text) {
    const cjk = cjkScript.test(char);
    const last = runs.at(-1);
    if (last && last.cjk === cjk) runs[runs.length - 1] = { text: last.text + char, cjk };
    else runs.push({ text: char, cjk });
  }
  return runs;
}

export function needsCjk(text: string): boolean {
  return cjkScript.test(text);
}
