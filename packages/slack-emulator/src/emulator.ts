import { availableParallelism, loadavg } from 'node:os';
import { Actor } from './actor.js';
import { INTERACTION_HEADER, traceCauses } from './attribution.js';
import { type Directory, findUser } from './directory.js';
import { FaultPlan } from './faults.js';
import { directMessageEvent, eventEnvelope } from './payloads.js';
import { ACK_DEADLINE_MS, type Delivery, type DeliveryOptions, deliver } from './sender.js';
import { startWebApi, type WebApiServer } from './web-api.js';
import {
  type CallBeforeAck,
  type Clock,
  createClock,
  type Interaction,
  isJson,
  type Json,
  type RecordedCall,
  type StoredMessage,
  Workspace,
} from './workspace.js';

/**
 * A local Slack for one app: the Web API it calls, the people who use it, and the wire that
 * carries their clicks and messages to the app's HTTP receiver, signed.
 */

export interface EmulatorOptions {
  /** Who is in the workspace: the team, the app's bot user, people, user groups and channels. */
  readonly directory: Directory;
  readonly botToken?: string;
  readonly signingSecret?: string;
  /** Injectable so a test can let a trigger_id expire without waiting. */
  readonly clock?: Clock;
  /** How long without a Web API call counts as "the app is done" after a step. */
  readonly quietMs?: number;
  /** The most a step waits for the app to go quiet, or for text to appear. */
  readonly waitTimeoutMs?: number;
  /** How long Slack waits for the app's ack before it shows the person an error: 3 seconds. */
  readonly ackDeadlineMs?: number;
  /**
   * The app's manifest (the JSON you give Slack). Its bot scopes are what the app is granted: a
   * method whose scope is missing answers `missing_scope`. Its bot events decide what Slack
   * sends: with `message.im`, the app's own posts in a DM come back to it as `message` events
   * with `bot_id`, as in Slack. Without a manifest, every scope is granted and nothing is echoed.
   */
  readonly manifest?: Json;
}

/** The bot scopes and bot events a manifest asks for. */
export function readManifest(manifest: Json | undefined): { scopes?: Set<string>; events?: Set<string> } {
  if (!manifest) return {};
  const oauth = isJson(manifest.oauth_config) ? manifest.oauth_config : {};
  const scopes = isJson(oauth.scopes) && Array.isArray(oauth.scopes.bot) ? oauth.scopes.bot : [];
  const settings = isJson(manifest.settings) ? manifest.settings : {};
  const subscriptions = isJson(settings.event_subscriptions) ? settings.event_subscriptions : {};
  const events = Array.isArray(subscriptions.bot_events) ? subscriptions.bot_events : [];
  return { scopes: new Set(scopes.map(String)), events: new Set(events.map(String)) };
}

export const DEMO_BOT_TOKEN = 'xoxb-emulator-demo-token';
export const DEMO_SIGNING_SECRET = 'emulator-demo-signing-secret';

export class Emulator {
  readonly workspace: Workspace;
  readonly directory: Directory;
  readonly botToken: string;
  readonly signingSecret: string;
  readonly clock: Clock;
  readonly quietMs: number;
  readonly waitTimeoutMs: number;
  readonly ackDeadlineMs: number;
  /** Per-method fault modes: `emulator.faults.set('chat.postMessage', { kind: 'error' }, { times: 3 })`. */
  readonly faults: FaultPlan;
  private appUrl: string | undefined;
  private readonly actors = new Map<string, Actor>();
  /** The bot events the app subscribes to (from its manifest); undefined: no manifest given. */
  readonly subscribedEvents: ReadonlySet<string> | undefined;

  private constructor(
    private readonly server: WebApiServer,
    workspace: Workspace,
    faults: FaultPlan,
    options: EmulatorOptions,
  ) {
    this.workspace = workspace;
    this.faults = faults;
    this.ackDeadlineMs = options.ackDeadlineMs ?? ACK_DEADLINE_MS;
    this.directory = workspace.directory;
    this.clock = workspace.clock;
    this.botToken = options.botToken ?? DEMO_BOT_TOKEN;
    this.signingSecret = options.signingSecret ?? DEMO_SIGNING_SECRET;
    this.quietMs = options.quietMs ?? 150;
    this.waitTimeoutMs = options.waitTimeoutMs ?? 10_000;
    this.subscribedEvents = readManifest(options.manifest).events;
    workspace.onAppPost((message) => this.echo(message));
  }

  /** Whether Slack would send the app this event (every event when no manifest was given). */
  subscribes(event: string): boolean {
    return this.subscribedEvents === undefined || this.subscribedEvents.has(event);
  }

  /**
   * Slack sends the app its own posts back as `message` events (with `bot_id`) when it subscribes
   * to messages in that kind of conversation. Only with a manifest: it says what is subscribed.
   */
  private echo(message: StoredMessage): void {
    if (!this.appUrl || this.subscribedEvents === undefined || message.visibleTo !== undefined) return;
    const kind = message.channel.startsWith('D') ? 'message.im' : 'message.channels';
    if (!this.subscribedEvents.has(kind)) return;
    const envelope = eventEnvelope(this.workspace, directMessageEvent(this.workspace, message));
    this.send(JSON.stringify(envelope), 'application/json', undefined, false).catch(() => {
      // The app not answering its own echo shows in interactions(); nothing else to do.
    });
  }

  static async start(options: EmulatorOptions): Promise<Emulator> {
    const workspace = new Workspace(options.directory, options.clock ?? createClock());
    const faults = new FaultPlan();
    const { scopes } = readManifest(options.manifest);
    const server = await startWebApi({
      workspace,
      botToken: options.botToken ?? DEMO_BOT_TOKEN,
      faults,
      ...(scopes ? { scopes } : {}),
    });
    return new Emulator(server, workspace, faults, options);
  }

  /**
   * For an app running in this process (tests): from now on each Web API call is traced to the
   * interaction whose handler made it (attribution.ts), so `callsBeforeAck` lists a call only
   * against its own interaction, and the app's background work never against anyone's.
   */
  traceCallers(): void {
    if (this.stopTracing) return;
    this.stopTracing = traceCauses(this.baseUrl);
    this.workspace.tracing = true;
  }
  private stopTracing: (() => void) | undefined;

  /** e.g. `http://127.0.0.1:4321` */
  get baseUrl(): string {
    return this.server.baseUrl;
  }

  /** What the app uses as `slackApiUrl` (SLACK_API_URL). */
  get apiUrl(): string {
    return this.server.apiUrl;
  }

  /** Where the app's receiver listens, e.g. `http://127.0.0.1:3000/slack/events`. */
  connect(appUrl: string): void {
    this.appUrl = appUrl;
  }

  /** A person in the workspace, by handle (`employee`) or id. */
  as(who: string): Actor {
    const user = findUser(this.directory, who);
    if (!user) {
      const known = this.directory.users.map((u) => u.handle).join(', ');
      throw new Error(`There is no "${who}" in the workspace. Try one of: ${known}.`);
    }
    let actor = this.actors.get(user.id);
    if (!actor) {
      actor = new Actor(this, user);
      this.actors.set(user.id, actor);
    }
    return actor;
  }

  /** Every Web API call the app made, in order; optionally only one method. */
  calls(method?: string): RecordedCall[] {
    return method ? this.workspace.calls.filter((call) => call.method === method) : [...this.workspace.calls];
  }

  /**
   * Waits (up to `waitTimeoutMs`) for a call of `method` after the first `after` recorded calls;
   * e.g. the `auth.test` an app makes as it starts, before a test begins counting.
   */
  async waitForCall(method: string, options: { after?: number } = {}): Promise<RecordedCall | undefined> {
    const after = options.after ?? 0;
    const deadline = Date.now() + this.waitTimeoutMs;
    for (;;) {
      const found = this.workspace.calls.slice(after).find((call) => call.method === method);
      if (found || Date.now() > deadline) return found;
      await sleep(20);
    }
  }

  /**
   * Every recorded call for an audit of the run, one object per line of a `--record` file: the
   * calls as recorded (with the step that caused them), and for each file uploaded its content
   * (`content` when it is UTF-8 text, otherwise `content_base64`).
   */
  auditRecord(): Json[] {
    return this.workspace.calls.map((call) => {
      if (call.method !== 'files.upload_url') return { ...call };
      const file = this.workspace.files.get(String(call.args.file_id));
      if (!file?.content) return { ...call };
      const text = file.content.toString('utf8');
      const isText = Buffer.from(text, 'utf8').equals(file.content) && !text.includes('\u0000');
      return {
        ...call,
        args: {
          ...call.args,
          ...(isText ? { content: text } : { content_base64: file.content.toString('base64') }),
        },
      };
    });
  }

  /** Every request sent to the app (commands, clicks, submissions, events) and how it was answered. */
  interactions(): Interaction[] {
    return [...this.workspace.interactions];
  }

  /**
   * Web API calls that arrived while an interaction was still waiting for the app's ack. Slack
   * wants the ack first; an end-to-end test asserts this is empty. (The emulator cannot know why
   * a call was made, so a background job's call at that moment is listed too, with the
   * interaction it overlapped.)
   */
  callsBeforeAck(): CallBeforeAck[] {
    return [...this.workspace.callsBeforeAck];
  }

  /** Interactions the app did not acknowledge within the deadline (3 s) or answered with an error. */
  unacknowledged(): Interaction[] {
    return this.workspace.interactions.filter((interaction) => !interaction.acknowledged);
  }

  /** Posts a form body (slash commands) to the app, signed. */
  sendForm(body: string, options?: DeliveryOptions): Promise<Delivery> {
    return this.send(body, 'application/x-www-form-urlencoded', options);
  }

  /** Posts an interactive payload (`payload=` JSON) to the app, signed. */
  sendInteractive(payload: Json, options?: DeliveryOptions): Promise<Delivery> {
    return this.sendForm(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), options);
  }

  /** Posts an Events API envelope to the app, signed. */
  sendEvent(envelope: Json, options?: DeliveryOptions): Promise<Delivery> {
    return this.send(JSON.stringify(envelope), 'application/json', options);
  }

  private async send(
    body: string,
    contentType: 'application/x-www-form-urlencoded' | 'application/json',
    options?: DeliveryOptions,
    caused = true,
  ): Promise<Delivery> {
    if (!this.appUrl)
      throw new Error('The emulator is not connected to an app yet: call connect(appUrl) first.');
    const { kind, user } = describeRequest(body, contentType);
    const interaction = this.workspace.beginInteraction(kind, user, caused);
    try {
      const delivery = await deliver({
        url: this.appUrl,
        signingSecret: this.signingSecret,
        body,
        contentType,
        nowMs: this.clock.now(),
        deadlineMs: this.ackDeadlineMs,
        onAnswer: () => this.workspace.answered(interaction),
        extraHeaders: { [INTERACTION_HEADER]: this.workspace.tagOf(interaction) },
        ...(options ? { options } : {}),
      });
      this.workspace.endInteraction(interaction, delivery);
      return delivery;
    } catch (error) {
      this.workspace.endInteraction(interaction, { status: 0, ms: 0 });
      throw error;
    }
  }

  /**
   * Waits until the app has made no Web API call and changed nothing for `quietMs`, bounded by
   * `waitTimeoutMs`. The app acks first and works after, so a step is done only when it is quiet.
   * On a machine busier than its cores, the app's pauses between calls stretch, so the quiet
   * window stretches with the load average (up to four times).
   */
  async settle(): Promise<void> {
    const started = Date.now();
    let last = Date.now();
    const quiet = this.quietMs * busyFactor();
    const stop = this.workspace.onActivity(() => {
      last = Date.now();
    });
    try {
      while (Date.now() - last < quiet && Date.now() - started < this.waitTimeoutMs) {
        await sleep(Math.min(25, this.quietMs));
      }
    } finally {
      stop();
    }
  }

  async stop(): Promise<void> {
    this.faults.clear();
    this.stopTracing?.();
    await this.server.close();
  }
}

/** What kind of request a body is, and who acted, for the interaction log. */
function describeRequest(body: string, contentType: string): { kind: string; user?: string } {
  try {
    if (contentType === 'application/json') {
      const envelope: unknown = JSON.parse(body);
      if (!isJson(envelope)) return { kind: 'unknown' };
      const event = isJson(envelope.event) ? envelope.event : undefined;
      if (!event) return { kind: String(envelope.type ?? 'unknown') };
      return {
        kind: `event:${String(event.type)}`,
        ...(typeof event.user === 'string' ? { user: event.user } : {}),
      };
    }
    const form = new URLSearchParams(body);
    const payload = form.get('payload');
    if (payload !== null) {
      const parsed: unknown = JSON.parse(payload);
      if (!isJson(parsed)) return { kind: 'unknown' };
      const user = isJson(parsed.user) && typeof parsed.user.id === 'string' ? parsed.user.id : undefined;
      return { kind: String(parsed.type ?? 'unknown'), ...(user ? { user } : {}) };
    }
    if (form.has('command')) {
      const user = form.get('user_id');
      return { kind: 'slash_command', ...(user ? { user } : {}) };
    }
  } catch {
    // A test may send a body that is not what Slack sends; it is still an interaction.
  }
  return { kind: 'unknown' };
}

/** 1 on an idle machine; the one-minute load per core beyond that, at most 4. */
function busyFactor(): number {
  const perCore = (loadavg()[0] ?? 0) / Math.max(1, availableParallelism());
  return Math.min(4, Math.max(1, perCore));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  return Emulator.start(options);
}
