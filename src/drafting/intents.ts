import type { AssistantAction } from './knowledge.js';

/**
 * Messages that are really a wish to act on a request: they get the button that does it, and the
 * topic that explains it, whatever the search would have said.
 */
interface Intent {
  readonly action: AssistantAction;
  readonly topic: string;
  readonly pattern: RegExp;
}

const treatment = `(?:sessions?|groups?|appointments?|classes|program(?:me)?|treatment|iop)`;
const moved = `(?:moved?|moving|changed?|changing|switched|shifted|rescheduled)`;
const request = `(?:request|application|accommodation|arrangement)`;

const intents: readonly Intent[] = [
  {
    action: 'withdraw',
    topic: 'withdrawing',
    pattern:
      /^\s*withdraw\b|\b(?:withdraw|cancel|take back|call off)\b[^.?!]{0,30}\b(?:my|the|this|it)\b|\bno longer need\b/i,
  },
  {
    action: 'status',
    topic: 'request-status',
    pattern: new RegExp(
      String.raw`\bwhere(?:'s| is)\b[^.?!]{0,20}\b${request}\b|\b(?:status|progress)\b[^.?!]{0,20}\b${request}\b|\b(?:news|update)s? on\b[^.?!]{0,20}\b${request}\b|\b(?:anyone|hr|they|someone)\b[^.?!]{0,15}\b(?:read|seen|opened|looked at)\b[^.?!]{0,15}\b${request}\b`,
      'i',
    ),
  },
  {
    action: 'change',
    topic: 'schedule-changes',
    pattern: new RegExp(
      String.raw`\b${treatment}\b[^.?!]{0,30}\b${moved}\b|\b${moved}\b[^.?!]{0,30}\b${treatment}\b`,
      'i',
    ),
  },
  {
    action: 'extension',
    topic: 'temporary-and-extensions',
    pattern: /\bmore time\b|\bextend(?:ed)?\b|\bextension\b|\blonger than\b/i,
  },
  {
    action: 'start',
    topic: 'starting-a-request',
    pattern: new RegExp(String.raw`\b(?:start|send|submit|begin|make)\b[^.?!]{0,20}\b${request}\b`, 'i'),
  },
];

/** The first intent the message shows, or undefined when it is a question only. */
export function detectIntent(text: string): { action: AssistantAction; topic: string } | undefined {
  const found = intents.find((intent) => intent.pattern.test(text.replace(/[’‘]/g, "'")));
  return found ? { action: found.action, topic: found.topic } : undefined;
}
