import type { Emulator, Json, RecordedCall, StoredView } from '@accommodation-assistant/slack-emulator';
import type { Redis } from 'ioredis';
import { detectClinical } from '../../src/privacy/clinical/index.js';
import { dumpRedis } from '../integration/store/redis-dump.js';
import { extractPdfText } from '../unit/letters/support/pdf-text.js';
import { readZipEntry } from '../unit/letters/support/zip.js';
import type { RecordedRequest } from './openai-server.js';

/**
 * Canary clinical strings and the scanners that look for them everywhere the app can put text:
 * Slack Web API calls, what people see on their screens, uploaded files, log lines, Redis and the
 * model server. Each canary is a sentence an employee might really type, whose clinical part the
 * detector flags, around a marker word the app itself never writes. A scan reports every place a
 * marker turned up, with the marker masked, so a failure says where to look without repeating it.
 */

export interface Canary {
  /** Names the field or message it was typed into, so a leak says where it came from. */
  readonly id: string;
  readonly text: string;
  /** The distinctive part, searched for case-insensitively. It lies inside a detector span. */
  readonly marker: string;
  /** Typed into a field that is private as a whole: the detector need not flag it. */
  readonly wholeIsPrivate?: boolean;
}

const canary = (
  id: string,
  text: string,
  marker: string,
  options: { wholeIsPrivate?: true } = {},
): Canary => ({
  id,
  text,
  marker,
  ...options,
});

/** One canary per place the employee types. Add one here when a new free-text field lands. */
export const canaries = {
  dmQuestion: canary(
    'dm-question',
    'Can I move my hours on Tuesdays? My psychiatrist Dr. Quillfeather only has 4pm slots.',
    'quillfeather',
  ),
  dmFollowUp: canary(
    'dm-follow-up',
    "I've been sober 40 days from oxycodone and the evening group keeps me on track.",
    'oxycodone',
  ),
  commandText: canary('command-text', 'help with my bipolar II diagnosis', 'bipolar'),
  dmCrisis: canary('dm-crisis', 'Some nights I think about ending my life, even on Zyprexa 10mg.', 'zyprexa'),
  workNote: canary(
    'work-note',
    'My group at Hazelden Betty Ford IOP runs until 4pm, three days a week.',
    'hazelden',
  ),
  helpOther: canary(
    'help-other',
    'Time to get to my counselor since I relapsed on fentanyl in March.',
    'fentanyl',
  ),
  coveragePlan: canary(
    'coverage-plan',
    'Priya covers my queue on the days my schizoaffective disorder flares.',
    'schizoaffective',
  ),
  ownWords: canary('own-words', 'I am tapering off Klonopin under medical supervision.', 'klonopin'),
  /**
   * Private as a whole (DESIGN: every field marked private is C3), so it needs no clinical word:
   * this one has none, and only the privacy scope, not the detector, can know it.
   */
  privateNote: canary(
    'private-note',
    'Ask Dr. Brackenridge whether the Thursday slot can move to 5.',
    'brackenridge',
    { wholeIsPrivate: true },
  ),
  wordingStatement: canary(
    'wording-statement',
    'Remember to ask about the Vivitrol injection schedule.',
    'vivitrol',
  ),
  wordingCoverage: canary(
    'wording-coverage',
    'I will make up hours in the mornings while my Lamictal dose settles.',
    'lamictal',
  ),
  /** Not typed by anyone: what a misbehaving model server answers, to test the output scan. */
  modelReply: canary(
    'model-reply',
    'Your Campral can make mornings harder, so a later start may help.',
    'campral',
  ),
} as const satisfies Record<string, Canary>;

/**
 * The forms issue 11 found leaking, as an employee typed them (test/fixtures/clinical-adversarial.tsv
 * holds them with the rest of that set): unknown terms, abbreviations, clinicians without a dot,
 * slang, Spanish, fullwidth, zero-width and Cyrillic disguises, an address, a detail split across
 * two fields, and the fragments a redaction once left readable. The canary test types each into
 * the free-text fields and DMs. Markers avoid short acronyms ("OUD", "AUD", "PMDD", "ARFID") and
 * names hidden inside ordinary words ("Revia" in "abbreviation"): a substring scan finds those in
 * ordinary text, or by chance inside a sealed value's base64 (it once found "pmdd" there).
 */
export const adversarialCanaries = [
  canary(
    'adv-dysthymia',
    'in my own words: I live with dysthymia and evenings are when I get help',
    'dysthymia',
  ),
  canary(
    'adv-trichotillomania',
    'trichotillomania, which is why I need breaks between calls',
    'trichotillomania',
  ),
  canary('adv-cyclothymia', 'cyclothymia means some weeks are harder than others', 'cyclothymia'),
  canary('adv-provigil', 'Provigil for the fatigue, it helps with the afternoons', 'provigil'),
  canary('adv-schizofrenia', "my brother's schizofrenia means I'm his carer on mondays", 'schizofrenia'),
  canary('adv-okonkwo', 'Dr Okonkwo-Reyes wants me in on thursdays', 'okonkwo-reyes'),
  canary('adv-adeyemi', 'dr adeyemi-ward moved my appointments to 4pm', 'adeyemi-ward'),
  canary('adv-lindqvist', 'DR. LINDQVIST-HALE signed the provider form', 'lindqvist-hale'),
  canary('adv-dopesick', "I was dopesick all last week, that's why I missed standup", 'dopesick'),
  canary('adv-sauce', "I'm off the sauce since new year and want to keep it that way", 'off the sauce'),
  canary('adv-rooms', "I'm in the rooms three nights a week", 'in the rooms'),
  canary('adv-spanish', 'Tengo depresión y voy a terapia', 'depresión'),
  canary('adv-fullwidth', 'my doctor put me on Ｚｏｌｏｆｔ last month', 'ｚｏｌｏｆｔ'),
  canary('adv-zero-width', 'Pro\u200Bzac makes me sleepy after lunch', 'pro\u200Bzac'),
  canary('adv-cyrillic', 'Z\u043Eloft makes me sleepy after lunch', 'z\u043Eloft'),
  canary(
    'adv-email',
    'please email okonkwo.psychiatry@example.org if you need the form',
    'okonkwo.psychiatry',
  ),
  canary('adv-url', 'meetings are on smartrecovery.org', 'smartrecovery'),
  canary('adv-split', 'kleptomania, so mornings are hard', 'kleptomania'),
  canary('adv-harborlight', "I'm at Harborlight three evenings a week", 'harborlight'),
  canary('adv-dysmorphic', 'body dysmorphic disorder makes video calls hard', 'dysmorphic'),
  canary('adv-dbt', 'a dialectical behavior therapy program on tuesday nights', 'dialectical'),
  canary('adv-bipolar', 'I have bi-polar disorder and need steady hours', 'bi-polar'),
] as const satisfies readonly Canary[];

export const allCanaries: readonly Canary[] = [...Object.values(canaries), ...adversarialCanaries];

/** Canaries whose marker the detector does not cover (private fields aside): the guard could not know them. */
export function undetectedCanaries(list: readonly Canary[] = allCanaries): Canary[] {
  return list.filter((c) => {
    if (c.wholeIsPrivate) return false;
    const at = c.text.toLowerCase().indexOf(c.marker);
    return !detectClinical(c.text).some((span) => span.start <= at && at + c.marker.length <= span.end);
  });
}

// ---- finding and reporting -------------------------------------------------------------------

export interface Leak {
  /** slack call, slack screen, slack file, log, redis, model server */
  readonly surface: string;
  /** Which call, key, line or request, and where inside it. */
  readonly where: string;
  readonly canary: string;
  /** A little of the text around it, every marker masked. */
  readonly context: string;
}

const CONTEXT_CHARS = 60;

function maskAll(text: string, list: readonly Canary[]): string {
  let masked = text;
  for (const c of list) {
    masked = masked.replace(new RegExp(escapeRegExp(c.marker), 'gi'), `<${c.id}>`);
  }
  return masked;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The same text as something downstream could read it back: percent-decoded, and with every long
 * base64 run decoded, because private_metadata, key segments and file bodies are often encoded.
 */
function readableForms(text: string): string[] {
  const forms = [text];
  if (/%[0-9A-Fa-f]{2}/.test(text)) {
    try {
      forms.push(decodeURIComponent(text.replace(/\+/g, ' ')));
    } catch {
      // Not valid percent-encoding: the text as it is was scanned already.
    }
  }
  for (const [run] of text.matchAll(/[A-Za-z0-9+/_-]{24,}={0,2}/g)) {
    const decoded = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    if (decoded.length > 0) forms.push(decoded);
  }
  return forms;
}

/** Every canary found in `text`, each with its masked context. */
export function findCanaries(
  text: string,
  where: { surface: string; where: string },
  list: readonly Canary[] = allCanaries,
): Leak[] {
  const leaks: Leak[] = [];
  for (const form of readableForms(text)) {
    const lower = form.toLowerCase();
    // Masked before cutting, so an excerpt's edge can never leave part of a marker readable.
    const masked = maskAll(form, list);
    for (const c of list) {
      if (!lower.includes(c.marker) || leaks.some((leak) => leak.canary === c.id)) continue;
      const token = `<${c.id}>`;
      const at = masked.indexOf(token);
      const excerpt = masked.slice(Math.max(0, at - CONTEXT_CHARS), at + token.length + CONTEXT_CHARS);
      const context = excerpt.replace(/\s+/g, ' ').trim();
      leaks.push({ ...where, canary: c.id, context: form === text ? context : `(decoded) ${context}` });
    }
  }
  return leaks;
}

/** Walks JSON down to its strings, so a leak names the field (`blocks[2].text.text`). */
function* stringsIn(value: unknown, path = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [path || '(value)', value];
  else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* stringsIn(item, `${path}[${index}]`);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* stringsIn(item, path ? `${path}.${key}` : key);
  }
}

function findInJson(value: unknown, surface: string, where: string, list: readonly Canary[]): Leak[] {
  const leaks: Leak[] = [];
  for (const [path, text] of stringsIn(value)) {
    leaks.push(...findCanaries(text, { surface, where: `${where} ${path}` }, list));
  }
  return leaks;
}

/** A failure message that says, per leak, where to look. */
export function describeLeaks(leaks: readonly Leak[]): string {
  if (leaks.length === 0) return 'no canary leaked';
  const lines = leaks.map((leak) => `- [${leak.surface}] ${leak.where}: ${leak.canary}\n    ${leak.context}`);
  return `${leaks.length} canary leak(s):\n${lines.join('\n')}`;
}

// ---- who saw which view ----------------------------------------------------------------------

interface SeenView {
  readonly userId: string;
  readonly type: 'modal' | 'home';
  readonly definition: Json;
  readonly errors: Record<string, string>;
}

/**
 * Watches the emulator's screens from the start of a test, so a scan can tell whose modal a
 * `views.*` call filled (recorded calls do not say) and what every person had on screen, including
 * views the app sent as a `response_action` to a submission, which are not Web API calls.
 */
export class ScreenWatcher {
  private readonly audience = new WeakMap<object, SeenView>();
  private readonly seen: SeenView[] = [];
  private readonly seenErrors = new Set<string>();
  private readonly stopListening: () => void;

  constructor(private readonly emulator: Emulator) {
    this.stopListening = emulator.workspace.onActivity(() => this.look());
    this.look();
  }

  /** Called on every change; the emulator may announce a view before it is in the stack. */
  private look(): void {
    const { workspace } = this.emulator;
    for (const user of workspace.directory.users) {
      const home = workspace.home(user.id);
      for (const view of [...workspace.modalStack(user.id), ...(home ? [home] : [])]) this.note(view);
    }
  }

  private note(view: StoredView): void {
    const errorsKey = Object.keys(view.errors).length ? `${view.id}:${JSON.stringify(view.errors)}` : '';
    if (this.audience.has(view.definition) && (!errorsKey || this.seenErrors.has(errorsKey))) return;
    const seen: SeenView = {
      userId: view.userId,
      type: view.type,
      definition: view.definition,
      errors: { ...view.errors },
    };
    if (!this.audience.has(view.definition)) this.audience.set(view.definition, seen);
    if (errorsKey) this.seenErrors.add(errorsKey);
    this.seen.push(seen);
  }

  /** Whose screen a recorded call's `view` ended up on, if Slack accepted it. */
  audienceOf(definition: unknown): SeenView | undefined {
    this.look();
    return definition && typeof definition === 'object' ? this.audience.get(definition) : undefined;
  }

  views(): readonly SeenView[] {
    this.look();
    return this.seen;
  }

  stop(): void {
    this.stopListening();
  }
}

// ---- the scanners ----------------------------------------------------------------------------

/** Calls whose view is a modal: the one place an employee may see their own words (DESIGN rule 1). */
const MODAL_CALLS = new Set([
  'views.open',
  'views.push',
  'views.update',
  'view_submission.response_action.update',
  'view_submission.response_action.push',
]);

export interface ScanContext {
  /** The person who typed the canaries: only modals on their screen may show them back. */
  readonly ownerId: string;
  readonly canaries?: readonly Canary[];
}

/** Every recorded Web API call (and response_url post), except modals shown to the owner. */
export function scanSlackCalls(
  calls: readonly RecordedCall[],
  screens: ScreenWatcher,
  { ownerId, canaries: list = allCanaries }: ScanContext,
): Leak[] {
  const leaks: Leak[] = [];
  for (const call of calls) {
    let note = '';
    if (MODAL_CALLS.has(call.method)) {
      const shownTo = screens.audienceOf(call.args.view);
      if (shownTo?.type === 'modal' && shownTo.userId === ownerId) continue;
      note = shownTo ? ` (${shownTo.type} of ${shownTo.userId})` : ' (refused by Slack, but sent)';
    }
    leaks.push(...findInJson(call.args, 'slack call', `#${call.seq} ${call.method}${note}`, list));
  }
  return leaks;
}

/**
 * What people saw: every App Home, every modal on someone else's screen, and every message from
 * the app (command replies arrive in the HTTP ack, not as calls). Overlaps the calls on purpose:
 * this is the view from the other side.
 */
export function scanScreens(
  emulator: Emulator,
  screens: ScreenWatcher,
  { ownerId, canaries: list = allCanaries }: ScanContext,
): Leak[] {
  const leaks: Leak[] = [];
  for (const view of screens.views()) {
    if (view.type === 'modal' && view.userId === ownerId) continue;
    const where = `${view.type} of ${view.userId}`;
    leaks.push(...findInJson({ view: view.definition, errors: view.errors }, 'slack screen', where, list));
  }
  for (const message of emulator.workspace.allMessages()) {
    if (!message.fromBot) continue;
    const where = `message ${message.ts} in ${message.channel}${message.visibleTo ? ` (only ${message.visibleTo})` : ''}`;
    leaks.push(...findInJson({ text: message.text, blocks: message.blocks }, 'slack screen', where, list));
  }
  return leaks;
}

/** The text a person would read in an uploaded file: PDF and DOCX opened, anything else as bytes. */
async function fileText(content: Buffer): Promise<string> {
  const raw = content.toString('utf8');
  if (raw.startsWith('%PDF')) return `${await extractPdfText(content)}\n${raw}`;
  if (raw.startsWith('PK')) {
    const document = readZipEntry(content, 'word/document.xml')?.toString('utf8') ?? '';
    return `${document.replace(/<[^>]+>/g, '')}\n${raw}`;
  }
  return raw;
}

/** Every file the app uploaded (exports, letters): the bytes that reached Slack. */
export async function scanFiles(
  emulator: Emulator,
  { canaries: list = allCanaries }: ScanContext,
): Promise<Leak[]> {
  const leaks: Leak[] = [];
  for (const file of emulator.workspace.files.values()) {
    if (!file.content) continue;
    const where = `${file.id} ${file.filename}`;
    leaks.push(...findCanaries(await fileText(file.content), { surface: 'slack file', where }, list));
  }
  return leaks;
}

/** Every log line the app wrote. */
export function scanLogs(logs: string, { canaries: list = allCanaries }: ScanContext): Leak[] {
  const leaks: Leak[] = [];
  for (const [index, line] of logs.split('\n').entries()) {
    if (!line.trim()) continue;
    let label = '';
    try {
      const parsed = JSON.parse(line) as { msg?: unknown; level?: unknown };
      label = typeof parsed.msg === 'string' ? ` "${maskAll(parsed.msg, list).slice(0, 60)}"` : '';
    } catch {
      label = ' (not JSON)';
    }
    leaks.push(...findCanaries(line, { surface: 'log', where: `line ${index + 1}${label}` }, list));
  }
  return leaks;
}

/** Every key under the prefix and every value in it, by type; encoded key segments decoded too. */
export async function scanRedis(
  redis: Redis,
  keyPrefix: string,
  { canaries: list = allCanaries }: ScanContext,
): Promise<Leak[]> {
  const leaks: Leak[] = [];
  for (const line of await dumpRedis(redis, keyPrefix)) {
    const space = line.indexOf(' ');
    const key = space < 0 ? line : line.slice(0, space);
    const value = space < 0 ? '' : line.slice(space + 1);
    const decodedKey = key.replace(/~([A-Za-z0-9_-]+)/g, (_, encoded: string) =>
      Buffer.from(encoded, 'base64url').toString('utf8'),
    );
    leaks.push(
      ...findCanaries(`${decodedKey} ${value}`, { surface: 'redis', where: key }, list).filter(
        (leak) => !leaks.some((known) => known.where === leak.where && known.canary === leak.canary),
      ),
    );
  }
  return leaks;
}

/** Every request the local model server received, raw, as it left the process. */
export function scanModelRequests(
  requests: readonly RecordedRequest[],
  { canaries: list = allCanaries }: ScanContext,
): Leak[] {
  const leaks: Leak[] = [];
  for (const [index, request] of requests.entries()) {
    const where = `request ${index + 1} ${request.path}${request.schemaName ? ` (${request.schemaName})` : ''}`;
    const found =
      request.body === undefined
        ? findCanaries(request.rawBody, { surface: 'model server', where }, list)
        : findInJson(request.body, 'model server', where, list);
    leaks.push(...found);
    // Headers leave the process too.
    leaks.push(...findInJson(request.headers, 'model server', `${where} headers`, list));
  }
  return leaks;
}

export interface Everywhere {
  readonly emulator: Emulator;
  readonly screens: ScreenWatcher;
  readonly logs: string;
  readonly redis: Redis;
  readonly keyPrefix: string;
  readonly modelRequests: readonly RecordedRequest[];
}

export interface LeaksBySurface {
  readonly slackCalls: Leak[];
  readonly slackScreens: Leak[];
  readonly files: Leak[];
  readonly logs: Leak[];
  readonly redis: Leak[];
  readonly modelServer: Leak[];
}

/** Every scanner at once, kept apart by surface so each can be asserted (and fail) on its own. */
export async function scanEverywhere(where: Everywhere, context: ScanContext): Promise<LeaksBySurface> {
  return {
    slackCalls: scanSlackCalls(where.emulator.calls(), where.screens, context),
    slackScreens: scanScreens(where.emulator, where.screens, context),
    files: await scanFiles(where.emulator, context),
    logs: scanLogs(where.logs, context),
    redis: await scanRedis(where.redis, where.keyPrefix, context),
    modelServer: scanModelRequests(where.modelRequests, context),
  };
}
