/**
 * The shape every format is drawn from. Templates write a light markup, one block per blank-line
 * separated run of lines:
 *   # Title          the letter's title, once, first
 *   ## Heading       a section heading
 *   - item           a bullet list item (consecutive lines make one list)
 *   anything else    a paragraph; its line breaks are kept (addresses, signatures)
 */

export type LetterBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; lines: string[] }
  | { type: 'list'; items: string[] };

export interface LetterDocument {
  title: string;
  blocks: LetterBlock[];
}

/**
 * Marks data that happens to begin like markup (a name "# Boss", a line "- note") so it stays text.
 * The view builder puts it in front of such values; the parser takes it out again.
 */
export const LITERAL_MARK = '\u2060';

export function parseLetterText(rendered: string): LetterDocument {
  const lines = rendered.split(/\r?\n/).map((line) => line.trimEnd());
  const blocks: LetterBlock[] = [];
  let title: string | null = null;
  let paragraph: string[] | null = null;
  let list: string[] | null = null;

  const close = () => {
    if (paragraph) blocks.push({ type: 'paragraph', lines: paragraph });
    if (list) blocks.push({ type: 'list', items: list });
    paragraph = null;
    list = null;
  };

  for (const line of lines) {
    if (line.trim() === '') {
      close();
    } else if (line.startsWith('# ')) {
      if (title !== null || blocks.length > 0 || paragraph || list) {
        throw new Error('a letter has one title, on its first line');
      }
      title = clean(line.slice(2));
    } else if (line.startsWith('## ')) {
      close();
      blocks.push({ type: 'heading', text: clean(line.slice(3)) });
    } else if (line.startsWith('- ')) {
      if (paragraph) close();
      list ??= [];
      list.push(clean(line.slice(2)));
    } else {
      if (list) close();
      paragraph ??= [];
      paragraph.push(clean(line));
    }
  }
  close();
  if (title === null) throw new Error('a letter template must start with "# Title"');
  return { title, blocks };
}

/** Plain text: the modal preview and the .txt file. */
export function documentToText(document: LetterDocument): string {
  const parts = [document.title];
  for (const block of document.blocks) {
    if (block.type === 'heading') parts.push(block.text);
    else if (block.type === 'paragraph') parts.push(block.lines.join('\n'));
    else parts.push(block.items.map((item) => `• ${item}`).join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}

function clean(text: string): string {
  return text.replaceAll(LITERAL_MARK, '').trim();
}

/** "Kind regards,": the closing that a signature and the name follow. */
export function isClosing(lines: readonly string[]): boolean {
  return (
    lines.length === 1 &&
    /^(kind regards|best regards|regards|yours (sincerely|faithfully|truly)|sincerely),$/i.test(
      lines[0] ?? '',
    )
  );
}
