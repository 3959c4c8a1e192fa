import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Conversation } from '../../../src/domain/draft.js';
import { projectForEmployee, projectForHr } from '../../../src/domain/projections.js';
import { groundedQuestionMessages } from '../../../src/drafting/prompt-messages.js';
import { createLogger } from '../../../src/logger.js';
import { redactClinical } from '../../../src/privacy/clinical/index.js';
import { maskForModel } from '../../../src/privacy/mask.js';
import { type PrivateText, typedByPerson } from '../../../src/privacy/private-text.js';
import { releasedWords } from '../../../src/privacy/release.js';
import { crisisMessage } from '../../../src/slack/views/assistant.js';
import { section } from '../../../src/slack/views/blocks.js';
import { whatIWroteView } from '../../../src/slack/views/what-i-wrote.js';
import { requestLetterData } from '../../../src/workflows/request-letter.js';
import { canaryWords, requestIn } from '../domain/lifecycle/fixtures.js';

/**
 * What a person typed is `PrivateText`, and no view, letter, prompt or log builder accepts it.
 * The `@ts-expect-error` lines are checked by the type checker (`npm run typecheck`, run with the
 * tests): if any of those calls compiled, the directive itself would be an error. Each call sits in
 * a function that is never run, so only the compiler reads it.
 */

const note: PrivateText = typedByPerson(
  'Dr. Okonkwo-Reyes moved my group to Harborlight Recovery Center on Mondays',
);
const { request } = requestIn('submitted');
const typedRequest = { ...request, sensitive: { ...request.sensitive, ...canaryWords, privateNote: note } };

describe('typed text is refused by every builder, at compile time', () => {
  it('a view builder does not accept it', () => {
    const compileOnly = () => {
      // @ts-expect-error a Block Kit builder takes text, not what someone typed
      section(note);
      // @ts-expect-error even the author's own modal is given their words through their projection
      whatIWroteView({ requests: [], draft: { privateNote: note } });
    };
    void compileOnly;
    // Through the employee's projection, the author's own modal shows what they wrote.
    const view = whatIWroteView({ requests: [projectForEmployee(typedRequest)] });
    expect(JSON.stringify(view)).toContain('Okonkwo-Reyes');
  });

  it('a letter builder does not accept it', () => {
    const context = {
      reference: request.id,
      today: '2026-03-10',
      employeeName: 'Sam',
      org: { companyName: 'Acme' },
    };
    const compileOnly = () =>
      // @ts-expect-error the record's own words are PrivateText; the letter takes released words only
      requestLetterData(typedRequest, context);
    void compileOnly;
    // What compiles is the released text: HR's projection holds only what was released.
    const hr = projectForHr({ ...typedRequest, released: ['constraintsNote'] });
    const released = Object.fromEntries(
      Object.entries(hr.released).map(([field, text]) => [field, String(text)]),
    );
    const letter = requestLetterData({ ...typedRequest, sensitive: released }, context);
    expect(letter.work?.note).toBe(String(canaryWords.constraintsNote));
    expect(JSON.stringify(letter)).not.toContain('Okonkwo-Reyes');
  });

  it('a prompt builder does not accept it', () => {
    const redact = (text: string) => text;
    const compileOnly = () =>
      // @ts-expect-error a question goes to the model only masked
      groundedQuestionMessages('system', [], note, [], redact);
    void compileOnly;
    const masked = maskForModel(note).text;
    const messages = groundedQuestionMessages('system', [], masked, [], redact);
    const prompt = JSON.stringify(messages);
    expect(prompt).not.toContain('Okonkwo');
    expect(prompt).not.toContain('Harborlight');
  });

  it('the logger does not accept it, as the message or as a field', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      stream: { write: (line: string) => lines.push(line) },
      scrub: (text) => text,
    });
    const compileOnly = () => {
      // @ts-expect-error a log message is text the app wrote
      logger.info(note);
      // @ts-expect-error a log field is a routing fact
      logger.warn({ requestId: request.id, note }, 'saved');
      // @ts-expect-error an optional field holding typed text is refused too
      logger.error({ words: request.sensitive.privateNote }, 'saved');
    };
    void compileOnly;
    logger.info({ requestId: request.id }, 'saved');
    expect(lines.join('')).toContain(request.id);
  });
});

describe('a chat turn is typed text too, from the DM to the stored conversation', () => {
  // What the DM listener hands the assistant, and what the stored conversation reads back.
  const dm = typedByPerson('Can Dr Okonkwo-Reyes at Harborlight see my request?');
  const stored = Conversation.parse({
    teamId: 'T1',
    userId: 'U1',
    updatedAt: '2026-03-10T09:00:00.000Z',
    turns: [{ role: 'user', content: 'Lindqvist drives me to Harborlight', at: '2026-03-10T09:00:00.000Z' }],
  });
  const turn = stored.turns[0];
  if (!turn) throw new Error('the stored conversation lost its turn');

  it('a prompt builder takes neither the message nor a stored turn', () => {
    const redact = (text: string) => text;
    const compileOnly = () => {
      // @ts-expect-error the DM goes to the model only masked
      groundedQuestionMessages('system', [], dm, [], redact);
      // @ts-expect-error the stored chat goes to the model only masked, turn by turn
      groundedQuestionMessages('system', [], 'a question', stored.turns, redact);
      // @ts-expect-error one stored turn is typed text as well
      groundedQuestionMessages('system', [], turn.content, [], redact);
    };
    void compileOnly;
    // What compiles is the masked text: the rare words are placeholders.
    const history = [{ role: turn.role, content: maskForModel(turn.content).text }];
    const prompt = JSON.stringify(
      groundedQuestionMessages('system', [], maskForModel(dm).text, history, redact),
    );
    for (const word of ['Okonkwo', 'Harborlight', 'Lindqvist']) expect(prompt).not.toContain(word);
  });

  it('a view builder takes neither', () => {
    const compileOnly = () => {
      // @ts-expect-error a Block Kit builder takes text, not a DM as typed
      section(dm);
      // @ts-expect-error nor a turn of the stored chat
      section(turn.content);
      // @ts-expect-error the assistant's own messages are the app's wording, never the person's
      crisisMessage(turn.content);
    };
    void compileOnly;
    expect(JSON.stringify(section(maskForModel(dm).text))).not.toContain('Okonkwo');
  });

  it('the logger takes neither, as the message or as a field', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      stream: { write: (line: string) => lines.push(line) },
      scrub: (text) => text,
    });
    const compileOnly = () => {
      // @ts-expect-error a log message is text the app wrote
      logger.info(dm);
      // @ts-expect-error a log field is a routing fact, not what was said
      logger.warn({ userId: stored.userId, question: dm }, 'answered');
      // @ts-expect-error a stored turn is refused as a field too
      logger.error({ said: turn.content }, 'answered');
    };
    void compileOnly;
    logger.info({ userId: stored.userId, turns: stored.turns.length }, 'answered');
    expect(lines.join('')).not.toContain('Lindqvist');
  });
});

describe('the ways out of typed text', () => {
  it('release gives HR exactly the released words, and the redactor leaves no detail readable', () => {
    const released: string = releasedWords(typedByPerson('Leaving at 15:30 on Mondays'));
    expect(released).toBe('Leaving at 15:30 on Mondays');
    const redacted = redactClinical(note, { addresses: true }).text;
    expect(redacted).not.toContain('Okonkwo');
    expect(redacted).not.toContain('Harborlight');
    expect(redacted).toContain('[health detail');
  });

  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? sourceFiles(join(dir, entry.name))
        : entry.name.endsWith('.ts')
          ? [join(dir, entry.name)]
          : [],
    );
  const src = join(import.meta.dirname, '../../../src');
  const callersOf = (name: string) =>
    sourceFiles(src)
      .filter((file) => new RegExp(`\\b${name}\\(`).test(readFileSync(file, 'utf8')))
      .map((file) => relative(src, file).replaceAll('\\', '/'))
      .sort();

  it('only the privacy layer reads typed text as it is', () => {
    expect(callersOf('readPrivate').filter((file) => !file.startsWith('privacy/'))).toEqual([]);
  });

  it('only the author’s own screens are handed their words back', () => {
    // A new caller is a new audience for typed text: it has to be added here, on purpose.
    expect(callersOf('forItsAuthor')).toEqual([
      'domain/draft.ts',
      'domain/projections.ts',
      'drafting/offline-statement.ts',
      'privacy/private-text.ts',
      'privacy/release.ts',
    ]);
  });

  it('only the assistant’s own matching in memory reads a chat turn’s words', () => {
    // The start wish and the topic search: their result is a decision or article ids, never the words.
    expect(callersOf('forInMemoryMatching')).toEqual([
      'drafting/drafter.ts',
      'privacy/private-text.ts',
      'workflows/assistant.ts',
    ]);
  });
});
