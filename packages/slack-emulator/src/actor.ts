import { validateView } from './block-kit.js';
import type { EmulatedUser } from './directory.js';
import type { Emulator } from './emulator.js';
import {
  appHomeOpenedEvent,
  blockActionsPayload,
  commandBody,
  directMessageEvent,
  eventEnvelope,
  messageChangedEvent,
  shortcutPayload,
  viewClosedPayload,
  viewSubmissionPayload,
} from './payloads.js';
import {
  type ClickTarget,
  type ConversationToShow,
  type InputField,
  type NameResolver,
  type Rendered,
  renderMessage,
  renderScreen,
  renderView,
} from './render.js';
import type { Delivery } from './sender.js';
import { isJson, type Json, type StoredView } from './workspace.js';

/**
 * One person in the local Slack, acting by what they see: a button by its text, an input by its
 * label, an option by its words. Each step waits until the app has finished answering (no Web API
 * call for a short while), so the next step sees the result.
 */

export type FillValue = string | readonly string[];

/** A step could not be done as asked. The message names the step and shows the person's screen. */
export class ActorError extends Error {
  override readonly name = 'ActorError';
  constructor(
    message: string,
    readonly screen: string,
  ) {
    super(`${message}\n\n--- what they see ---\n${screen}\n---------------------`);
  }
}

const SHOWN_MESSAGES = 8;

/** What Slack shows under an empty required input when the form is submitted. */
const REQUIRED = 'Please complete this required field.';

export class Actor {
  /** Which tab is in front when no modal is open. */
  surface: 'home' | 'messages' = 'messages';

  constructor(
    private readonly emulator: Emulator,
    readonly user: EmulatedUser,
  ) {}

  private get workspace() {
    return this.emulator.workspace;
  }

  get handle(): string {
    return this.user.handle;
  }

  // ---- what they see -------------------------------------------------------------------------

  names(): NameResolver {
    const { directory } = this.workspace;
    return {
      user: (id) =>
        id === directory.bot.userId
          ? directory.bot.name
          : (directory.users.find((u) => u.id === id)?.realName ?? id),
      channel: (id) => this.workspace.channelName(id),
    };
  }

  private conversations(): ConversationToShow[] {
    const dm = this.workspace.openDm(this.user.id);
    const channels = [
      dm,
      ...this.workspace.channelsOf(this.user.id).filter((id) => id !== dm && !id.startsWith('D')),
    ];
    const fileNames = (id: string) => {
      const file = this.workspace.files.get(id);
      return file ? `${file.title ?? file.filename} (${file.filename}, ${file.length} bytes)` : id;
    };
    return channels
      .map((channel) => ({
        title:
          channel === dm
            ? `Direct messages: ${this.workspace.directory.bot.name}`
            : `#${this.workspace.channelName(channel)}`,
        messages: this.workspace.messagesSeenBy(channel, this.user.id).slice(-SHOWN_MESSAGES),
        fileNames,
      }))
      .filter((conversation, index) => index === 0 || conversation.messages.length > 0);
  }

  /** The screen with its numbered buttons and inputs, for the interactive demo. */
  rendered(options: { behindModal?: boolean } = {}): Rendered {
    const home = this.workspace.home(this.user.id);
    const notice = this.workspace.notices.get(this.user.id);
    return renderScreen(
      {
        viewer: this.user.id,
        appName: this.workspace.directory.bot.name,
        modals: options.behindModal ? [] : this.workspace.modalStack(this.user.id),
        surface: this.surface,
        ...(home ? { home } : {}),
        conversations: this.conversations(),
        ...(notice ? { notice } : {}),
      },
      this.names(),
    );
  }

  /** What they see now, as text. */
  screen(): string {
    return this.rendered().text;
  }

  /** On screen, or on the tab behind an open modal (a DM that arrived while a form is open). */
  sees(text: string): boolean {
    const screens = [this.screen()];
    if (this.topModal()) screens.push(this.rendered({ behindModal: true }).text);
    return screens.some((screen) => screen.includes(text) || squash(screen).includes(squash(text)));
  }

  /** Waits (briefly) for the text to be on their screen; throws with the screen if it never is. */
  async expect(text: string): Promise<void> {
    if (await this.waitFor(() => this.sees(text))) return;
    throw new ActorError(`${this.handle} should see "${text}", but does not.`, this.screen());
  }

  /** Their App Home view, if the app has published one. */
  homeView(): StoredView | undefined {
    return this.workspace.home(this.user.id);
  }

  /** The modal in front, if one is open. */
  topModal(): StoredView | undefined {
    return this.workspace.topModal(this.user.id);
  }

  /** The inputs of the view in front (top modal, or the App Home when it is the open tab). */
  inputs(): readonly InputField[] {
    const view = this.frontView();
    return view ? renderView(view, this.names()).inputs : [];
  }

  // ---- what they do --------------------------------------------------------------------------

  /** Runs a slash command in the DM with the app; the ack's text is shown only to them. */
  async command(command: string, text = ''): Promise<Delivery> {
    this.workspace.notices.delete(this.user.id);
    this.surface = 'messages';
    const channel = this.workspace.openDm(this.user.id);
    const responseUrl = this.responseUrl({ channel, userId: this.user.id });
    const delivery = await this.emulator.sendForm(
      commandBody({
        workspace: this.workspace,
        user: this.user,
        channel,
        command,
        text,
        triggerId: this.workspace.mintTrigger(this.user.id),
        responseUrl,
      }),
    );
    this.ensureAnswered(delivery, `${command} ${text}`.trim(), { command });
    this.showCommandReply(delivery, channel);
    await this.emulator.settle();
    return delivery;
  }

  /** Sends a direct message to the app; with `threadTs`, as a reply in that message's thread. */
  async message(text: string, options: { threadTs?: string } = {}): Promise<Delivery> {
    return this.post(text, { ...options, files: [] }, 'sending a message');
  }

  /** Shares a file in the DM with the app (Slack sends a `file_share` message), with an optional comment. */
  async shareFile(file: { filename: string; content: string | Buffer; text?: string }): Promise<Delivery> {
    const content = typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
    const id = this.workspace.nextId('F');
    this.workspace.files.set(id, {
      id,
      filename: file.filename,
      title: file.filename,
      length: content.length,
      content,
      completed: true,
    });
    return this.post(file.text ?? '', { files: [id] }, `sharing ${file.filename}`);
  }

  /** Edits one of their own messages in the DM (the newest with that text): Slack sends `message_changed`. */
  async editMessage(oldText: string, newText: string): Promise<Delivery> {
    this.workspace.notices.delete(this.user.id);
    const channel = this.workspace.openDm(this.user.id);
    const message = this.workspace
      .messagesSeenBy(channel, this.user.id)
      .filter((candidate) => candidate.user === this.user.id && candidate.text === oldText)
      .at(-1);
    if (!message)
      throw new ActorError(`${this.handle} wrote no message "${oldText}" to edit.`, this.screen());
    const previous = this.workspace.editMessage(message, newText);
    const delivery = await this.emulator.sendEvent(
      eventEnvelope(this.workspace, messageChangedEvent(this.workspace, message, previous)),
    );
    this.ensureAnswered(delivery, 'editing a message', { event: true });
    await this.emulator.settle();
    return delivery;
  }

  private async post(
    text: string,
    options: { threadTs?: string; files: string[] },
    what: string,
  ): Promise<Delivery> {
    this.workspace.notices.delete(this.user.id);
    this.surface = 'messages';
    const channel = this.workspace.openDm(this.user.id);
    const message = this.workspace.addMessage({
      channel,
      text,
      blocks: [],
      user: this.user.id,
      fromBot: false,
      files: options.files,
      ...(options.threadTs ? { threadTs: options.threadTs } : {}),
    });
    const delivery = await this.emulator.sendEvent(
      eventEnvelope(this.workspace, directMessageEvent(this.workspace, message)),
    );
    this.ensureAnswered(delivery, what, { event: true });
    await this.emulator.settle();
    return delivery;
  }

  /** Opens the App Home tab: Slack sends `app_home_opened`. */
  async openHome(): Promise<Delivery> {
    this.workspace.notices.delete(this.user.id);
    this.surface = 'home';
    const channel = this.workspace.openDm(this.user.id);
    const delivery = await this.emulator.sendEvent(
      eventEnvelope(this.workspace, appHomeOpenedEvent(this.workspace, this.user, channel)),
    );
    this.ensureAnswered(delivery, 'opening the App Home', { event: true });
    await this.emulator.settle();
    return delivery;
  }

  /** Opens the Messages tab (the DM with the app). Slack sends nothing for this. */
  openMessages(): void {
    this.surface = 'messages';
  }

  /** Runs a global shortcut by its callback_id. */
  async shortcut(callbackId: string): Promise<Delivery> {
    this.workspace.notices.delete(this.user.id);
    const delivery = await this.emulator.sendInteractive(
      shortcutPayload({
        workspace: this.workspace,
        user: this.user,
        callbackId,
        triggerId: this.workspace.mintTrigger(this.user.id),
      }),
    );
    this.ensureAnswered(delivery, `the shortcut ${callbackId}`);
    await this.emulator.settle();
    return delivery;
  }

  /**
   * Clicks a button (or an overflow menu item) by its text, or a target from `rendered()`.
   * Looks in the top modal, then the App Home if it is open, then messages, newest first.
   */
  async click(label: string | ClickTarget): Promise<Delivery> {
    let target: ClickTarget | undefined;
    if (typeof label === 'string') {
      await this.waitFor(() => this.findTarget(label) !== undefined);
      target = this.findTarget(label);
      if (!target) {
        const offered = this.clickable().map((t) => `"${t.label}"`);
        const hint = offered.length
          ? ` Buttons they can see: ${offered.join(', ')}.`
          : ' They see no buttons.';
        throw new ActorError(
          `${this.handle} cannot click "${label}": there is no such button.${hint}`,
          this.screen(),
        );
      }
    } else {
      target = label;
    }
    const action = clickAction(target);
    const delivery = await this.sendAction(target.where, action, `clicking "${target.label}"`);
    await this.emulator.settle();
    return delivery;
  }

  /**
   * Fills inputs of the view in front by their labels. Options are chosen by their visible text;
   * dates are `YYYY-MM-DD`, times `HH:mm`, people by handle or id. Nothing is sent unless an
   * input has `dispatch_action`, as in Slack.
   */
  async fill(values: Readonly<Record<string, FillValue>>): Promise<void> {
    const view = this.frontView();
    if (!view) throw new ActorError(`${this.handle} has no form open to fill in.`, this.screen());
    const fields = renderView(view, this.names()).inputs;
    for (const [label, value] of Object.entries(values)) {
      const field = findByLabel(fields, label);
      if (!field) {
        const labels = fields.map((f) => `"${f.label}"`).join(', ') || 'none';
        throw new ActorError(
          `${this.handle} cannot fill "${label}": no input has that label. Inputs: ${labels}.`,
          this.screen(),
        );
      }
      let state: Json;
      try {
        state = elementState(
          field.element,
          value,
          this.emulator.directory.users.map((u) => ({ id: u.id, handle: u.handle })),
          this.user.tz,
        );
      } catch (error) {
        throw new ActorError(
          `${this.handle} cannot fill "${label}": ${(error as Error).message}`,
          this.screen(),
        );
      }
      view.values[field.blockId] ??= {};
      const blockValues = view.values[field.blockId];
      if (blockValues) blockValues[field.actionId] = state;
      // Slack's own "required" note goes once the field has something in it; the app's errors
      // stay until the next submission answers.
      if (view.errors[field.blockId] === REQUIRED && !isEmptyState(state)) delete view.errors[field.blockId];
      this.workspace.touch();
      if (field.dispatchAction) {
        await this.sendAction(
          { kind: 'view', viewId: view.id },
          { ...state, action_id: field.actionId, block_id: field.blockId },
          `filling "${label}"`,
        );
        await this.emulator.settle();
      }
    }
  }

  /** Presses the modal's submit button and applies the app's `response_action`, as Slack does. */
  async submit(): Promise<Delivery> {
    this.workspace.notices.delete(this.user.id);
    const view = this.workspace.topModal(this.user.id);
    if (!view) throw new ActorError(`${this.handle} has no modal open to submit.`, this.screen());
    if (!view.definition.submit) throw new ActorError(`The modal has no submit button.`, this.screen());
    const missing = this.missingRequired(view);
    if (missing.length > 0) {
      for (const field of missing) view.errors[field.blockId] = REQUIRED;
      this.workspace.touch();
      const labels = missing.map((f) => `"${f.label}"`).join(', ');
      throw new ActorError(
        `${this.handle} cannot submit yet: Slack requires ${labels} first.`,
        this.screen(),
      );
    }
    view.errors = {};
    const delivery = await this.emulator.sendInteractive(
      viewSubmissionPayload({
        workspace: this.workspace,
        user: this.user,
        triggerId: this.workspace.mintTrigger(this.user.id),
        view,
        responseUrls: this.responseUrlsFor(view),
      }),
    );
    this.ensureAnswered(delivery, 'submitting the form');
    this.applySubmissionResponse(view, delivery.body);
    await this.emulator.settle();
    return delivery;
  }

  /** Presses Close on the top modal; the app hears of it only with `notify_on_close`. */
  async closeModal(): Promise<Delivery | undefined> {
    this.workspace.notices.delete(this.user.id);
    const view = this.workspace.topModal(this.user.id);
    if (!view) throw new ActorError(`${this.handle} has no modal open to close.`, this.screen());
    const isCleared = view.definition.clear_on_close === true;
    if (isCleared) this.workspace.clearModals(this.user.id);
    else this.workspace.popModal(this.user.id);
    if (view.definition.notify_on_close !== true) return undefined;
    const delivery = await this.emulator.sendInteractive(
      viewClosedPayload({ workspace: this.workspace, user: this.user, view, isCleared }),
    );
    this.ensureAnswered(delivery, 'closing the modal');
    await this.emulator.settle();
    return delivery;
  }

  /**
   * Every button this person can see with this label (top modal, App Home if open, messages
   * newest first): for pressing one of several alike, e.g. "View request" on each of many cards.
   */
  buttons(label: string): ClickTarget[] {
    const wanted = squash(label).toLowerCase();
    return this.clickable().filter((t) => squash(t.label).toLowerCase() === wanted);
  }

  // ---- internals -----------------------------------------------------------------------------

  private frontView(): StoredView | undefined {
    return (
      this.workspace.topModal(this.user.id) ??
      (this.surface === 'home' ? this.workspace.home(this.user.id) : undefined)
    );
  }

  /** Every click target in search order: top modal, App Home (if open), messages newest first. */
  private clickable(): ClickTarget[] {
    const names = this.names();
    const targets: ClickTarget[] = [];
    const modal = this.workspace.topModal(this.user.id);
    if (modal) targets.push(...renderView(modal, names).targets);
    const home = this.workspace.home(this.user.id);
    if (home && this.surface === 'home') targets.push(...renderView(home, names).targets);
    const messages = this.workspace
      .channelsOf(this.user.id)
      .flatMap((channel) => this.workspace.messagesSeenBy(channel, this.user.id))
      .sort((a, b) => Number(b.ts) - Number(a.ts));
    for (const message of messages) targets.push(...renderMessage(message, names).targets);
    return targets;
  }

  private findTarget(label: string): ClickTarget | undefined {
    const targets = this.clickable();
    const wanted = squash(label);
    return (
      targets.find((t) => t.label.trim() === label.trim()) ??
      targets.find((t) => squash(t.label).toLowerCase() === wanted.toLowerCase())
    );
  }

  private async sendAction(where: ClickTarget['where'], action: Json, what: string): Promise<Delivery> {
    this.workspace.notices.delete(this.user.id);
    const triggerId = this.workspace.mintTrigger(this.user.id);
    let payload: Json;
    if (where.kind === 'view') {
      const view = this.workspace.findView({ viewId: where.viewId });
      if (!view) throw new ActorError(`${this.handle} cannot act on a view that is closed.`, this.screen());
      payload = blockActionsPayload({
        workspace: this.workspace,
        user: this.user,
        triggerId,
        action,
        container: { view },
      });
    } else {
      const message = this.workspace.findMessage(where.channel, where.ts);
      if (!message) throw new ActorError(`${this.handle} cannot act on a deleted message.`, this.screen());
      const responseUrl = this.responseUrl({
        channel: message.channel,
        userId: this.user.id,
        messageTs: message.ts,
      });
      payload = blockActionsPayload({
        workspace: this.workspace,
        user: this.user,
        triggerId,
        action,
        container: { message, responseUrl },
      });
    }
    const delivery = await this.emulator.sendInteractive(payload);
    this.ensureAnswered(delivery, what);
    return delivery;
  }

  private responseUrl(target: { channel: string; userId: string; messageTs?: string }): string {
    return `${this.emulator.baseUrl}/respond/${this.workspace.mintResponseUrl(target)}`;
  }

  /** Slack's `response_urls`: one per conversation picked in an input with `response_url_enabled`. */
  private responseUrlsFor(view: StoredView): Json[] {
    return renderView(view, this.names())
      .inputs.filter((field) => field.element.response_url_enabled === true)
      .flatMap((field) => {
        const state = view.values[field.blockId]?.[field.actionId];
        const channel = state?.selected_conversation ?? state?.selected_channel;
        if (typeof channel !== 'string') return [];
        return [
          {
            block_id: field.blockId,
            action_id: field.actionId,
            channel_id: channel,
            response_url: this.responseUrl({ channel, userId: this.user.id }),
          },
        ];
      });
  }

  private missingRequired(view: StoredView): InputField[] {
    return renderView(view, this.names()).inputs.filter((field) => {
      if (field.optional) return false;
      return isEmptyState(view.values[field.blockId]?.[field.actionId]);
    });
  }

  /**
   * Slack shows a failed or unacknowledged command or click as its own error, and so does the
   * driver: the person sees it on screen, and the step fails. An event the app did not ack in
   * time shows nothing to anyone (Slack retries it); the interaction log keeps it.
   */
  private ensureAnswered(
    delivery: Delivery,
    what: string,
    kind: { command?: string; event?: boolean } = {},
  ): void {
    if (delivery.status >= 200 && delivery.status < 300) return;
    if (delivery.timedOut && kind.event) return;
    const code = delivery.timedOut ? 'operation_timeout' : 'dispatch_failed';
    const notice = kind.command
      ? `${kind.command} failed with the error "${code}"`
      : delivery.timedOut
        ? 'We had some trouble connecting. Try again?'
        : 'Something went wrong. Please try again.';
    this.workspace.notices.set(this.user.id, notice);
    this.workspace.touch();
    const why = delivery.timedOut
      ? `The app did not acknowledge ${what} within ${this.emulator.ackDeadlineMs / 1000} seconds`
      : `The app answered ${what} with HTTP ${delivery.status}`;
    throw new ActorError(`${why}, so Slack showed "${notice}".`, this.screen());
  }

  /** A command's ack body is shown to the person alone (or to the channel with in_channel). */
  private showCommandReply(delivery: Delivery, channel: string): void {
    const body = delivery.body.trim();
    if (!body) return;
    let reply: Json;
    try {
      const parsed: unknown = JSON.parse(body);
      reply = isJson(parsed) ? parsed : { text: body };
    } catch {
      reply = { text: body };
    }
    const text = typeof reply.text === 'string' ? reply.text : '';
    const blocks = Array.isArray(reply.blocks) ? reply.blocks : [];
    if (!text && blocks.length === 0) return;
    this.workspace.addMessage({
      channel,
      text,
      blocks,
      user: this.workspace.directory.bot.userId,
      fromBot: true,
      ...(reply.response_type === 'in_channel' ? {} : { visibleTo: this.user.id }),
    });
  }

  private applySubmissionResponse(view: StoredView, body: string): void {
    const text = body.trim();
    let reply: Json = {};
    if (text) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (isJson(parsed)) reply = parsed;
      } catch {
        reply = {};
      }
    }
    const action = reply.response_action;
    if (action === 'errors' && isJson(reply.errors)) {
      // Recorded like a call, so a run can be audited from its record: what the app answered.
      this.workspace.record(`view_submission.response_action.errors`, { errors: reply.errors }, { ok: true });
      view.errors = Object.fromEntries(
        Object.entries(reply.errors).map(([blockId, error]) => [blockId, String(error)]),
      );
      this.workspace.touch();
      return;
    }
    if (action === 'update' || action === 'push') {
      const problems = validateView(reply.view, 'modal');
      this.workspace.record(
        `view_submission.response_action.${action}`,
        { view: reply.view },
        problems.length ? { ok: false, error: 'invalid_arguments' } : { ok: true },
      );
      if (problems.length > 0) {
        throw new ActorError(
          `Slack refused the app's response_action "${action}": ${problems.join('; ')}`,
          this.screen(),
        );
      }
      if (action === 'update') this.workspace.updateView(view, reply.view as Json);
      else this.workspace.pushModal(this.user.id, reply.view as Json);
      return;
    }
    if (action === 'clear') {
      this.workspace.record('view_submission.response_action.clear', {}, { ok: true });
      this.workspace.clearModals(this.user.id);
      return;
    }
    this.workspace.popModal(this.user.id);
  }

  private async waitFor(condition: () => boolean): Promise<boolean> {
    const deadline = Date.now() + this.emulator.waitTimeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return true;
  }
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function findByLabel(fields: readonly InputField[], label: string): InputField | undefined {
  const wanted = squash(label).toLowerCase();
  return (
    fields.find((f) => f.label === label) ?? fields.find((f) => squash(f.label).toLowerCase() === wanted)
  );
}

function clickAction(target: ClickTarget): Json {
  const { element } = target;
  if (target.option) {
    return {
      type: element.type,
      action_id: element.action_id,
      block_id: target.blockId,
      selected_option: { text: target.option.text, value: target.option.value },
    };
  }
  return {
    type: element.type,
    action_id: element.action_id,
    block_id: target.blockId,
    text: element.text,
    ...(element.value !== undefined ? { value: element.value } : {}),
    ...(element.style !== undefined ? { style: element.style } : {}),
  };
}

function isEmptyState(state: Json | undefined): boolean {
  if (!state) return true;
  const values = Object.entries(state)
    .filter(([key]) => key !== 'type')
    .map(([, value]) => value);
  return values.every(
    (value) => value === null || value === '' || (Array.isArray(value) && value.length === 0),
  );
}

/** Options of a select, radio or checkbox element, groups flattened. */
function optionsOf(element: Json): Json[] {
  const direct = Array.isArray(element.options) ? element.options.filter(isJson) : [];
  const grouped = Array.isArray(element.option_groups)
    ? element.option_groups
        .filter(isJson)
        .flatMap((g) => (Array.isArray(g.options) ? g.options.filter(isJson) : []))
    : [];
  return [...direct, ...grouped];
}

function pickOption(element: Json, wanted: string): Json {
  const options = optionsOf(element);
  const textOf = (option: Json) => (isJson(option.text) ? String(option.text.text) : '');
  const found =
    options.find((o) => textOf(o) === wanted) ??
    options.find((o) => squash(textOf(o)).toLowerCase() === squash(wanted).toLowerCase()) ??
    options.find((o) => o.value === wanted);
  if (!found) {
    throw new Error(
      `"${wanted}" is not one of the options (${options.map((o) => `"${textOf(o)}"`).join(', ')}).`,
    );
  }
  // Slack sends back the option as offered, without the fields it added for display.
  return {
    text: found.text,
    value: found.value,
    ...(found.description ? { description: found.description } : {}),
  };
}

/** The `state.values` entry Slack builds for an element once the person has typed or chosen. */
export function elementState(
  element: Json,
  value: FillValue,
  people: readonly { id: string; handle: string }[],
  /** The person's time zone: Slack sends it with a time picker's value. */
  timezone?: string,
): Json {
  const type = String(element.type);
  const list = typeof value === 'string' ? (value === '' ? [] : [value]) : [...value];
  const single = (): string => {
    if (list.length > 1) throw new Error('it takes one value, not a list.');
    return list[0] ?? '';
  };
  const person = (wanted: string): string => {
    const found = people.find((p) => p.id === wanted || p.handle === wanted);
    if (!found) throw new Error(`there is no one called "${wanted}".`);
    return found.id;
  };
  switch (type) {
    case 'plain_text_input':
    case 'email_text_input':
    case 'url_text_input': {
      const text = single();
      if (typeof element.max_length === 'number' && [...text].length > element.max_length) {
        throw new Error(`Slack lets no more than ${element.max_length} characters be typed here.`);
      }
      if (typeof element.min_length === 'number' && text && [...text].length < element.min_length) {
        throw new Error(`Slack asks for at least ${element.min_length} characters here.`);
      }
      return { type, value: text === '' ? null : text };
    }
    case 'number_input': {
      const text = single();
      const pattern = element.is_decimal_allowed === true ? /^-?\d+(\.\d+)?$/ : /^-?\d+$/;
      if (text && !pattern.test(text)) throw new Error(`"${text}" is not a valid number here.`);
      return { type, value: text === '' ? null : text };
    }
    case 'static_select':
    case 'external_select':
    case 'radio_buttons': {
      const text = single();
      return { type, selected_option: text ? pickOption(element, text) : null };
    }
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return { type, selected_options: list.map((text) => pickOption(element, text)) };
    case 'datepicker': {
      const text = single();
      if (text && !/^\d{4}-\d{2}-\d{2}$/.test(text))
        throw new Error(`dates are written YYYY-MM-DD, not "${text}".`);
      return { type, selected_date: text || null };
    }
    case 'timepicker': {
      const text = single();
      if (text && !/^([01]\d|2[0-3]):[0-5]\d$/.test(text))
        throw new Error(`times are written HH:mm, not "${text}".`);
      const zone = typeof element.timezone === 'string' ? element.timezone : timezone;
      return { type, selected_time: text || null, ...(zone ? { timezone: zone } : {}) };
    }
    case 'users_select': {
      const text = single();
      return { type, selected_user: text ? person(text) : null };
    }
    case 'multi_users_select':
      return { type, selected_users: list.map(person) };
    case 'conversations_select': {
      const text = single();
      return { type, selected_conversation: text || null };
    }
    case 'channels_select': {
      const text = single();
      return { type, selected_channel: text || null };
    }
    default:
      throw new Error(`filling a ${type} is not supported by the emulator.`);
  }
}
