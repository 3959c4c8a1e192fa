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

const treatment = `(?:sessions?|groups?|appointments?|appts?|classes|program(?:me)?|treatment|iop|clinic|centre|center)`;
const moved = `(?:moved?|moving|changed?|changing|switched|shifted|rescheduled)`;
const request = `(?:request|application|accommodation|arrangement|adjustment)`;
const yourRequest = String.raw`(?:my|the|this|that)\s+${request}`;

/**
 * Each pattern is a wish in the employee's own voice. A question about what someone else might do
 * ("does a slip cancel my request?", "can they stop my accommodation?") is not a wish: handing a
 * withdraw button to someone afraid of losing the arrangement would be the worst answer.
 */
const intents: readonly Intent[] = [
  {
    action: 'withdraw',
    topic: 'withdrawing',
    pattern: new RegExp(
      [
        // An order: "withdraw", "cancel my request please", "please stop my request".
        String.raw`^\s*(?:please\s+)?(?:withdraw|cancel)\b`,
        String.raw`^\s*(?:please\s+)?(?:stop|drop|pull|call off|take back)\s+${yourRequest}\b`,
        String.raw`\bplease\s+(?:withdraw|cancel|stop|drop|pull)\b`,
        // "I want to withdraw", "can I cancel my request", "I'd like to pull my request".
        String.raw`\bi(?:'d| would| want| wanna| need| have)?(?: like)?(?: to)?\s+(?:withdraw|cancel)\b`,
        String.raw`\b(?:can|could|may|how do|how can)\s+i\s+(?:withdraw|cancel)\b`,
        String.raw`\bi(?:'d| would| want| wanna| need)?(?: like)?(?: to)?\s+(?:stop|drop|pull|call off|take back)\s+${yourRequest}\b`,
        String.raw`\b(?:i've|i have|i)\s+changed my mind\b`,
        String.raw`\bno longer need\b`,
      ].join('|'),
      'i',
    ),
  },
  {
    action: 'status',
    topic: 'request-status',
    pattern: new RegExp(
      [
        // Not "where is my request stored?", which asks who can see it.
        String.raw`\bwhere(?:'s| is)\b[^.?!]{0,20}\b${request}\b(?![^.?!]{0,12}\b(?:stored|kept|saved|held|filed)\b)`,
        String.raw`\b(?:status|progress)\b[^.?!]{0,20}\b${request}\b`,
        String.raw`\b(?:news|update)s? on\b[^.?!]{0,20}\b${request}\b`,
        String.raw`\b(?:anyone|anybody|hr|they|someone|somebody)\b[^.?!]{0,15}\b(?:read|seen|opened|looked at)\b[^.?!]{0,15}\b${request}\b`,
        String.raw`\bdid\b[^.?!]{0,15}\b(?:get|receive|see|read)\b[^.?!]{0,10}\b${request}\b`,
        String.raw`\b${request}\b[^.?!]{0,10}\b(?:go|gone|went) through\b`,
        String.raw`\bwhat(?:'s| is) (?:happening|going on) with\b[^.?!]{0,10}\b${request}\b`,
        String.raw`\bhow(?:'s| is)\b[^.?!]{0,10}\b${request}\b[^.?!]{0,10}\bgoing\b`,
        // "has HR decided yet?", "is there a decision on my request yet?"
        String.raw`\b(?:decision|decided|approved|answered|reply|replied)\b[^.?!]{0,30}\byet\b`,
      ].join('|'),
      'i',
    ),
  },
  {
    action: 'change',
    topic: 'schedule-changes',
    pattern: new RegExp(
      [
        String.raw`\b${treatment}\b[^.?!]{0,30}\b${moved}\b`,
        String.raw`\b${moved}\b[^.?!]{0,30}\b${treatment}\b`,
        // "my group times are different now"; not "different hours on group days", which is an ask.
        String.raw`\b${treatment}(?:\s+(?:times?|days?|hours|schedule))?\s+(?:are|is|will be)\s+(?:now\s+)?(?:different|new)\b`,
        String.raw`\b${treatment}\b[^.?!]{0,20}\bnew (?:times?|days?)\b`,
      ].join('|'),
      'i',
    ),
  },
  {
    action: 'extension',
    topic: 'temporary-and-extensions',
    pattern:
      /\bmore time\b|\b(?:extend|prolong)\s+(?:my|the|this|it|our)\b|\b(?:extended|extending|prolonged)\b|\bextension\b|\blonger than\b|\b(?:another|(?:a )?few more|more|extra)\s+(?:\w+\s+)?(?:weeks?|months?)\b/i,
  },
  {
    action: 'start',
    topic: 'starting-a-request',
    pattern: new RegExp(
      [
        String.raw`\b(?:start|send|submit|begin|make)\b[^.?!]{0,20}\b${request}\b`,
        String.raw`\bready to (?:ask|send|start|submit|apply|go)\b`,
        String.raw`\b(?:how do i|what do i (?:need to |have to )?do to)\s+(?:ask|apply)\s+for (?:this|it|one)\b`,
        // "how do I start asking for flexible hours", "I want to apply for the flexible hours thing";
        // not "how do I request parental leave", which is about something else.
        String.raw`\b(?:start|begin)\s+(?:asking|applying|requesting)\b`,
        String.raw`\b(?:want|like|need|ready)\s+to\s+(?:apply|ask)\s+for\s+(?:the\s+|a\s+|an\s+|some\s+)?(?:flexib|accommodat|adjustment|schedule change|different hours|new hours)`,
        String.raw`\b(?:send|submit)\s+(?:this|it)\s+(?:in\s+)?(?:to|off to)\s+hr\b`,
      ].join('|'),
      'i',
    ),
  },
];

/** Chat drops apostrophes ("whats going on with my request"); the patterns expect them. */
function withApostrophes(text: string): string {
  return text
    .replace(/[’‘]/g, "'")
    .replace(/\b(what|where|how|who|that|it)s\b/gi, "$1's")
    .replace(/\b(i)m\b/gi, "$1'm")
    .replace(/\b(i)ve\b/gi, "$1've")
    .replace(/\b(don|can|won|isn|hasn|haven|didn)t\b/gi, "$1't");
}

/** The first intent the message shows, or undefined when it is a question only. */
export function detectIntent(text: string): { action: AssistantAction; topic: string } | undefined {
  const found = intents.find((intent) => intent.pattern.test(withApostrophes(text)));
  return found ? { action: found.action, topic: found.topic } : undefined;
}
