import { randomBytes, randomUUID } from 'node:crypto';
import { type Directory, dmChannelId } from './directory.js';

/**
 * What the local Slack remembers: conversations and their messages, each person's modal stack and
 * App Home, trigger ids, uploaded files and every Web API call the app made. No I/O here; the
 * HTTP server and the payload sender both work through this state.
 */

export interface Clock {
  now(): number;
}

/** Real time that a test can move forward, e.g. to let a trigger_id expire. */
export interface AdjustableClock extends Clock {
  advance(ms: number): void;
}

export function createClock(): AdjustableClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms;
    },
  };
}

export type Json = Record<string, unknown>;

/** Orders two message timestamps (`seconds.micros`, or bare seconds) exactly, as numbers would lose micros. */
export function compareTs(a: string, b: string): number {
  const micros = (ts: string) => {
    const [seconds = '0', fraction = ''] = ts.split('.');
    return BigInt(seconds || '0') * 1_000_000n + BigInt(fraction.padEnd(6, '0').slice(0, 6) || '0');
  };
  const difference = micros(a) - micros(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

export interface StoredMessage {
  readonly channel: string;
  readonly ts: string;
  text: string;
  blocks: unknown[];
  /** Who wrote it: the bot's user id or a person's. */
  readonly user: string;
  readonly fromBot: boolean;
  /** Set for ephemeral messages: only this person sees them. */
  readonly visibleTo?: string;
  readonly threadTs?: string;
  readonly files: string[];
  edited?: boolean;
  /** Message metadata the app attached (`event_type`, `event_payload`), as Slack keeps it. */
  metadata?: { event_type: string; event_payload: Json };
}

export interface StoredView {
  readonly id: string;
  hash: string;
  definition: Json;
  readonly userId: string;
  readonly type: 'modal' | 'home';
  /** Slack's `view.state.values`: block_id -> action_id -> element state. */
  values: Record<string, Record<string, Json>>;
  /** Errors from `response_action: errors`, by block_id; cleared when the view changes. */
  errors: Record<string, string>;
  readonly rootViewId: string;
  readonly previousViewId: string | null;
}

export interface StoredFile {
  readonly id: string;
  readonly filename: string;
  readonly length: number;
  title?: string;
  content?: Buffer;
  channel?: string;
  completed: boolean;
  /** Who uploaded it: only they (the app, for its own uploads) may delete it. */
  readonly uploadedBy?: string;
}

export interface RecordedCall {
  readonly seq: number;
  readonly method: string;
  readonly args: Json;
  readonly at: string;
  readonly ok: boolean;
  readonly error?: string;
  /** Set when a fault mode answered this call instead of Slack: `ratelimited`, `http_500`, `hang`, `slow`. */
  readonly fault?: string;
  /** The script step being run when the call came (its number from 1, and who acted). */
  readonly step?: StepMark;
  /** The interaction whose handler made the call, when calls are traced (see attribution.ts). */
  readonly causedBy?: number;
}

/** Which step of a script caused something: its number (from 1), who acted, and what they did. */
export interface StepMark {
  readonly number: number;
  readonly as: string;
  readonly action: string;
}

/** One request Slack sent the app (a command, a click, a submission, an event) and its answer. */
export interface Interaction {
  readonly id: number;
  /** `slash_command`, `block_actions`, `view_submission`, `view_closed`, `shortcut`, `event:<type>`, ... */
  readonly kind: string;
  /** Who acted, when a person did. */
  readonly user?: string;
  /** The script step that sent it, when a script was running. */
  readonly step?: StepMark;
  readonly sentAt: string;
  /** Set once the app's HTTP answer arrived in time. */
  acknowledged: boolean;
  /** The app's HTTP status; 0 when it did not answer within the deadline. */
  status?: number;
  /** Milliseconds until the app answered (or until Slack gave up). */
  ms?: number;
  /** True when the app did not answer within 3 seconds: the person saw Slack's error. */
  timedOut?: boolean;
}

/** A Web API call that reached Slack while an interaction was still waiting for its ack. */
export interface CallBeforeAck {
  readonly call: RecordedCall;
  readonly interaction: Readonly<Interaction>;
}

interface Trigger {
  readonly userId: string;
  readonly mintedAt: number;
  used: boolean;
}

export interface ResponseTarget {
  readonly channel: string;
  readonly userId: string;
  /** The message a button was clicked on, for `replace_original` / `delete_original`. */
  readonly messageTs?: string;
}

export const TRIGGER_TTL_MS = 3000;
export const MAX_MODAL_STACK = 3;

export class SlackApiError extends Error {
  constructor(
    readonly error: string,
    readonly extra: Json = {},
  ) {
    super(error);
  }
}

export class Workspace {
  readonly calls: RecordedCall[] = [];
  readonly interactions: Interaction[] = [];
  readonly callsBeforeAck: CallBeforeAck[] = [];
  private readonly awaitingAck = new Set<Interaction>();
  /** The script step being run, if any: calls and interactions are marked with it. */
  currentStep: StepMark | undefined;
  /** What Slack itself tells a person (its own errors), by user id, until they act again. */
  readonly notices = new Map<string, string>();
  readonly files = new Map<string, StoredFile>();
  private readonly messages = new Map<string, StoredMessage[]>();
  private readonly members = new Map<string, Set<string>>();
  private readonly modalStacks = new Map<string, StoredView[]>();
  private readonly homes = new Map<string, StoredView>();
  private readonly views = new Map<string, StoredView>();
  private readonly triggers = new Map<string, Trigger>();
  private readonly responseTargets = new Map<string, ResponseTarget>();
  private readonly listeners = new Set<() => void>();
  private readonly postListeners = new Set<(message: StoredMessage) => void>();
  private lastTs = 0;
  private counter = 0;

  constructor(
    readonly directory: Directory,
    readonly clock: Clock,
  ) {
    for (const channel of directory.channels) this.members.set(channel.id, new Set(channel.members));
    for (const user of directory.users) this.openDm(user.id);
  }

  /** Called on every recorded call and state change, so the driver can wait for quiet. */
  onActivity(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called when the app posts a message through the Web API, so Slack can echo it as an event. */
  onAppPost(listener: (message: StoredMessage) => void): () => void {
    this.postListeners.add(listener);
    return () => this.postListeners.delete(listener);
  }

  announceAppPost(message: StoredMessage): void {
    for (const listener of this.postListeners) listener(message);
  }

  touch(): void {
    for (const listener of this.listeners) listener();
  }

  /**
   * Records a Web API call. `awaiting` is what was waiting for its ack when the call arrived
   * (taken before its body was read), so a call made before an ack is kept as such.
   */
  record(
    method: string,
    args: Json,
    outcome: { ok: boolean; error?: string; fault?: string; causedBy?: number },
    awaiting: readonly Interaction[] = [],
  ): RecordedCall {
    const call: RecordedCall = {
      seq: this.calls.length + 1,
      method,
      args,
      at: new Date(this.clock.now()).toISOString(),
      ok: outcome.ok,
      ...(outcome.error ? { error: outcome.error } : {}),
      ...(outcome.fault ? { fault: outcome.fault } : {}),
      ...(outcome.causedBy !== undefined ? { causedBy: outcome.causedBy } : {}),
      ...(this.currentStep ? { step: this.currentStep } : {}),
    };
    this.calls.push(call);
    for (const interaction of awaiting) this.callsBeforeAck.push({ call, interaction: { ...interaction } });
    this.touch();
    return call;
  }

  // ---- interactions and their acks -----------------------------------------------------------

  /**
   * `caused` is false for what Slack sends on its own account (the app's own posts echoed back):
   * those are logged, but a call made while they await their ack is not the app's doing.
   */
  beginInteraction(kind: string, user?: string, caused = true): Interaction {
    const interaction: Interaction = {
      id: this.interactions.length + 1,
      kind,
      ...(user ? { user } : {}),
      ...(this.currentStep ? { step: this.currentStep } : {}),
      sentAt: new Date(this.clock.now()).toISOString(),
      acknowledged: false,
    };
    this.interactions.push(interaction);
    if (caused) this.awaitingAck.add(interaction);
    return interaction;
  }

  /** The app's answer arrived: calls from now on come after the ack. */
  answered(interaction: Interaction): void {
    this.awaitingAck.delete(interaction);
  }

  endInteraction(
    interaction: Interaction,
    outcome: { status: number; ms: number; timedOut?: boolean },
  ): void {
    this.awaitingAck.delete(interaction);
    interaction.status = outcome.status;
    interaction.ms = outcome.ms;
    interaction.acknowledged = !outcome.timedOut && outcome.status >= 200 && outcome.status < 300;
    if (outcome.timedOut) interaction.timedOut = true;
    this.touch();
  }

  /** Tags this workspace's interactions, so a traced call names the one whose handler made it. */
  readonly tagPrefix = `${randomUUID().slice(0, 8)}:`;
  /** Set while the app's calls are traced to their interactions (attribution.ts). */
  tracing = false;

  tagOf(interaction: Interaction): string {
    return `${this.tagPrefix}${interaction.id}`;
  }

  /**
   * Which of the interactions waiting for their ack a call counts against. Untraced: all of them,
   * as Slack sees it. Traced: only the one whose handler made the call; a call no handler made (the
   * app's background work) counts against none.
   */
  attribute(
    waiting: readonly Interaction[],
    cause: string | string[] | undefined,
  ): { awaiting: Interaction[]; causedBy?: number } {
    if (!this.tracing) return { awaiting: [...waiting] };
    const tag = typeof cause === 'string' && cause.startsWith(this.tagPrefix) ? cause : undefined;
    if (tag === undefined) return { awaiting: [] };
    const causedBy = Number(tag.slice(this.tagPrefix.length));
    return { awaiting: waiting.filter((interaction) => interaction.id === causedBy), causedBy };
  }

  /** Interactions still waiting for the app's ack, right now. */
  waitingForAck(): Interaction[] {
    return [...this.awaitingAck];
  }

  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter.toString(36).toUpperCase().padStart(6, '0')}`;
  }

  /** Message timestamps are unique and increasing, like Slack's. */
  nextTs(): string {
    const micros = Math.max(this.clock.now() * 1000, this.lastTs + 1);
    this.lastTs = micros;
    return `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
  }

  // ---- conversations -------------------------------------------------------------------------

  openDm(userId: string): string {
    const channel = dmChannelId(userId);
    if (!this.members.has(channel)) this.members.set(channel, new Set([userId, this.directory.bot.userId]));
    return channel;
  }

  /** Resolves a `channel` argument: a user id means the DM with the app, as in Slack. */
  resolveChannel(channel: string): string {
    if (this.members.has(channel)) return channel;
    if (this.directory.users.some((user) => user.id === channel)) return this.openDm(channel);
    throw new SlackApiError('channel_not_found');
  }

  /** A conversation the workspace has: a channel of the directory or a DM. */
  hasConversation(channel: string): boolean {
    return this.members.has(channel);
  }

  isMember(channel: string, userId: string): boolean {
    return this.members.get(channel)?.has(userId) ?? false;
  }

  channelsOf(userId: string): string[] {
    return [...this.members.entries()].filter(([, people]) => people.has(userId)).map(([id]) => id);
  }

  channelName(channel: string): string {
    const known = this.directory.channels.find((c) => c.id === channel);
    if (known) return known.name;
    return channel.startsWith('D') ? 'directmessage' : channel;
  }

  addMessage(message: Omit<StoredMessage, 'ts' | 'files'> & { files?: string[] }): StoredMessage {
    const stored: StoredMessage = { ...message, ts: this.nextTs(), files: message.files ?? [] };
    const list = this.messages.get(message.channel) ?? [];
    list.push(stored);
    this.messages.set(message.channel, list);
    this.touch();
    return stored;
  }

  findMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.get(channel)?.find((message) => message.ts === ts);
  }

  /** A person edits their own message; returns the text it had. */
  editMessage(message: StoredMessage, text: string): string {
    const previous = message.text;
    message.text = text;
    message.edited = true;
    this.touch();
    return previous;
  }

  deleteMessage(channel: string, ts: string): boolean {
    const list = this.messages.get(channel);
    const index = list?.findIndex((message) => message.ts === ts) ?? -1;
    if (!list || index < 0) return false;
    list.splice(index, 1);
    this.touch();
    return true;
  }

  /**
   * Deletes a file, as `files.delete` does: it leaves every message it was shared in, and a message
   * left with neither text nor files goes with it.
   */
  deleteFile(id: string): boolean {
    if (!this.files.delete(id)) return false;
    for (const [channel, list] of this.messages) {
      for (const message of list.filter((m) => m.files.includes(id))) {
        message.files.splice(message.files.indexOf(id), 1);
        if (message.files.length === 0 && message.text === '' && message.blocks.length === 0)
          this.deleteMessage(channel, message.ts);
      }
    }
    this.touch();
    return true;
  }

  /** Messages in a conversation as one person sees them: others' ephemerals are hidden. */
  messagesSeenBy(channel: string, userId: string): StoredMessage[] {
    return (this.messages.get(channel) ?? []).filter(
      (message) => message.visibleTo === undefined || message.visibleTo === userId,
    );
  }

  /**
   * A conversation's messages as `conversations.history` lists them: newest first, top-level only
   * (no thread replies, no ephemeral messages), after `oldest` and before `latest`.
   */
  history(
    channel: string,
    range: { oldest?: string; latest?: string; inclusive?: boolean } = {},
  ): StoredMessage[] {
    const after = (ts: string, bound: string) => {
      const order = compareTs(ts, bound);
      return range.inclusive ? order >= 0 : order > 0;
    };
    const before = (ts: string, bound: string) => {
      const order = compareTs(ts, bound);
      return range.inclusive ? order <= 0 : order < 0;
    };
    return (this.messages.get(channel) ?? [])
      .filter((message) => message.visibleTo === undefined)
      .filter((message) => message.threadTs === undefined || message.threadTs === message.ts)
      .filter((message) => range.oldest === undefined || after(message.ts, range.oldest))
      .filter((message) => range.latest === undefined || before(message.ts, range.latest))
      .sort((a, b) => compareTs(b.ts, a.ts));
  }

  allMessages(): StoredMessage[] {
    return [...this.messages.values()].flat();
  }

  // ---- trigger ids and response urls ---------------------------------------------------------

  mintTrigger(userId: string): string {
    const id = `${this.counter + 1}.${Math.floor(this.clock.now() / 1000)}.${randomBytes(8).toString('hex')}`;
    this.counter += 1;
    this.triggers.set(id, { userId, mintedAt: this.clock.now(), used: false });
    return id;
  }

  /** Exchanges a trigger_id for the person it was minted for: once, within 3 seconds. */
  redeemTrigger(triggerId: unknown): string {
    if (typeof triggerId !== 'string' || triggerId === '') throw new SlackApiError('invalid_arguments');
    const trigger = this.triggers.get(triggerId);
    if (!trigger) throw new SlackApiError('invalid_trigger_id');
    if (this.clock.now() - trigger.mintedAt > TRIGGER_TTL_MS) throw new SlackApiError('expired_trigger_id');
    if (trigger.used) throw new SlackApiError('exchanged_trigger_id');
    trigger.used = true;
    return trigger.userId;
  }

  mintResponseUrl(target: ResponseTarget): string {
    const id = randomBytes(12).toString('hex');
    this.responseTargets.set(id, target);
    return id;
  }

  responseTarget(id: string): ResponseTarget | undefined {
    return this.responseTargets.get(id);
  }

  // ---- views ---------------------------------------------------------------------------------

  private newView(
    userId: string,
    type: 'modal' | 'home',
    definition: Json,
    links: { root?: string; previous?: string | null },
  ): StoredView {
    const id = this.nextId('V');
    const view: StoredView = {
      id,
      hash: newHash(this.clock),
      definition,
      userId,
      type,
      values: initialValues(definition),
      errors: {},
      rootViewId: links.root ?? id,
      previousViewId: links.previous ?? null,
    };
    this.views.set(id, view);
    this.touch();
    return view;
  }

  openModal(userId: string, definition: Json): StoredView {
    const view = this.newView(userId, 'modal', definition, {});
    this.modalStacks.set(userId, [view]);
    return view;
  }

  pushModal(userId: string, definition: Json): StoredView {
    const stack = this.modalStacks.get(userId) ?? [];
    const top = stack.at(-1);
    if (!top) throw new SlackApiError('not_found');
    if (stack.length >= MAX_MODAL_STACK) throw new SlackApiError('push_limit_reached');
    const view = this.newView(userId, 'modal', definition, { root: top.rootViewId, previous: top.id });
    stack.push(view);
    return view;
  }

  /** Replaces a view's content in place, keeping what was typed into inputs that remain. */
  updateView(view: StoredView, definition: Json): StoredView {
    view.definition = definition;
    view.hash = newHash(this.clock);
    view.values = mergeValues(initialValues(definition), view.values);
    view.errors = {};
    this.touch();
    return view;
  }

  publishHome(userId: string, definition: Json): StoredView {
    const existing = this.homes.get(userId);
    if (existing) return this.updateView(existing, definition);
    const view = this.newView(userId, 'home', definition, {});
    this.homes.set(userId, view);
    return view;
  }

  findView(idOrExternal: { viewId?: unknown; externalId?: unknown }): StoredView | undefined {
    if (typeof idOrExternal.viewId === 'string') {
      const view = this.views.get(idOrExternal.viewId);
      return view && this.isLive(view) ? view : undefined;
    }
    if (typeof idOrExternal.externalId === 'string') {
      return [...this.views.values()].find(
        (view) => view.definition.external_id === idOrExternal.externalId && this.isLive(view),
      );
    }
    return undefined;
  }

  /** A view is live while it is someone's App Home or in their modal stack. */
  private isLive(view: StoredView): boolean {
    if (view.type === 'home') return this.homes.get(view.userId) === view;
    return this.modalStacks.get(view.userId)?.includes(view) ?? false;
  }

  modalStack(userId: string): readonly StoredView[] {
    return this.modalStacks.get(userId) ?? [];
  }

  topModal(userId: string): StoredView | undefined {
    return this.modalStacks.get(userId)?.at(-1);
  }

  home(userId: string): StoredView | undefined {
    return this.homes.get(userId);
  }

  /** Closes the top modal (an empty ack to view_submission, or the person pressing Close). */
  popModal(userId: string): StoredView | undefined {
    const stack = this.modalStacks.get(userId);
    const view = stack?.pop();
    if (view) this.views.delete(view.id);
    this.touch();
    return view;
  }

  clearModals(userId: string): void {
    for (const view of this.modalStacks.get(userId) ?? []) this.views.delete(view.id);
    this.modalStacks.set(userId, []);
    this.touch();
  }
}

function newHash(clock: Clock): string {
  return `${Math.floor(clock.now() / 1000)}.${randomBytes(6).toString('hex')}`;
}

/** What Slack puts in `state.values` before anyone types: each input's initial value, or empty. */
export function initialValues(definition: Json): Record<string, Record<string, Json>> {
  const values: Record<string, Record<string, Json>> = {};
  const blocks = Array.isArray(definition.blocks) ? definition.blocks : [];
  for (const block of blocks as Json[]) {
    const elements: Json[] = [];
    if (block.type === 'input' && isJson(block.element)) elements.push(block.element);
    if (block.type === 'actions' && Array.isArray(block.elements))
      elements.push(...(block.elements as Json[]));
    if (block.type === 'section' && isJson(block.accessory)) elements.push(block.accessory);
    for (const element of elements) {
      const state = initialElementState(element);
      if (!state || typeof element.action_id !== 'string' || typeof block.block_id !== 'string') continue;
      values[block.block_id] ??= {};
      const blockValues = values[block.block_id];
      if (blockValues) blockValues[element.action_id] = state;
    }
  }
  return values;
}

function initialElementState(element: Json): Json | undefined {
  const type = element.type;
  switch (type) {
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
      return { type, value: element.initial_value ?? null };
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
      return { type, selected_option: element.initial_option ?? null };
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return { type, selected_options: element.initial_options ?? [] };
    case 'datepicker':
      return { type, selected_date: element.initial_date ?? null };
    case 'timepicker':
      return { type, selected_time: element.initial_time ?? null };
    case 'datetimepicker':
      return { type, selected_date_time: element.initial_date_time ?? null };
    case 'users_select':
      return { type, selected_user: element.initial_user ?? null };
    case 'multi_users_select':
      return { type, selected_users: element.initial_users ?? [] };
    case 'conversations_select':
      return { type, selected_conversation: element.initial_conversation ?? null };
    case 'channels_select':
      return { type, selected_channel: element.initial_channel ?? null };
    default:
      return undefined;
  }
}

/** Keeps typed values whose block and action still exist with the same element type. */
function mergeValues(
  fresh: Record<string, Record<string, Json>>,
  typed: Record<string, Record<string, Json>>,
): Record<string, Record<string, Json>> {
  for (const [blockId, actions] of Object.entries(fresh)) {
    for (const [actionId, state] of Object.entries(actions)) {
      const previous = typed[blockId]?.[actionId];
      if (previous && previous.type === state.type) actions[actionId] = previous;
    }
  }
  return fresh;
}

export function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
